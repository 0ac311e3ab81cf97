import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { decryptBytes, encryptBytes } from '../../platform/crypto/secrets';

/** Encrypted document files in `<filesDir>/portal/`; the key is a random name, never the user's file name. */
export function createDocumentStorage(deps: { filesDir: string; key: Buffer }) {
  const dir = path.join(deps.filesDir, 'portal');
  const finalPath = (storageKey: string) => path.join(dir, `${storageKey}.bin`);

  return {
    newKey: () => crypto.randomUUID(),
    /**
     * Writes the sealed bytes under a temporary name; `commit` renames it once the database
     * transaction has succeeded, `discard` removes it when it did not: nothing is half-stored.
     */
    stage: async (storageKey: string, plain: Buffer) => {
      await fs.mkdir(dir, { recursive: true });
      const partial = path.join(dir, `${storageKey}.partial`);
      await fs.writeFile(partial, encryptBytes(deps.key, plain), { mode: 0o600 });
      return {
        commit: () => fs.rename(partial, finalPath(storageKey)),
        discard: () => fs.rm(partial, { force: true }),
      };
    },
    read: async (storageKey: string): Promise<Buffer> => decryptBytes(deps.key, await fs.readFile(finalPath(storageKey))),
    dir,
  };
}

export type DocumentStorage = ReturnType<typeof createDocumentStorage>;
