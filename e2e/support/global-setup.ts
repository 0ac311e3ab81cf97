import fs from 'node:fs';

/** Every run starts from an empty data folder so `mosaic start` seeds the demo data afresh. */
export default function globalSetup() {
  const dataDir = process.env.E2E_DATA_DIR;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
