import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { decryptBytes, encryptBytes } from '../crypto/secrets';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypted files in `<filesDir>/<folder>/` (AES-256-GCM, iv ‖ tag ‖ ciphertext, the format of
 * `encryptBytes`); the name is a random key, never the user's file name.
 */
export function createSealedStorage(deps: { filesDir: string; key: Buffer; folder: string }) {
  const dir = path.join(deps.filesDir, deps.folder);
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
    /**
     * The plain content as a stream, decrypted chunk by chunk. The tag sits before the
     * ciphertext, so it is set first; a tampered file ends the stream with an error.
     */
    stream: async (storageKey: string): Promise<Readable> => {
      const file = await fs.open(finalPath(storageKey), 'r');
      const head = Buffer.alloc(IV_BYTES + TAG_BYTES);
      try {
        await file.read(head, 0, head.length, 0);
      } finally {
        await file.close();
      }
      const decipher = crypto.createDecipheriv('aes-256-gcm', deps.key, head.subarray(0, IV_BYTES));
      decipher.setAuthTag(head.subarray(IV_BYTES));
      const source = createReadStream(finalPath(storageKey), { start: IV_BYTES + TAG_BYTES });
      source.on('error', (error) => decipher.destroy(error));
      return source.pipe(decipher);
    },
    dir,
  };
}

export type SealedStorage = ReturnType<typeof createSealedStorage>;
