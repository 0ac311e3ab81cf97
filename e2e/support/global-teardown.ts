import fs from 'node:fs';

/** The run's data folder is thrown away unless E2E_KEEP_DATA is set (to look at it after a failure). */
export default function globalTeardown() {
  const dataDir = process.env.E2E_DATA_DIR;
  if (dataDir && !process.env.E2E_KEEP_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
}
