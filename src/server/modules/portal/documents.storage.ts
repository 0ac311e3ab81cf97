import { type SealedStorage, createSealedStorage } from '../../platform/files/sealed-storage';

/** Encrypted document files in `<filesDir>/portal/`. */
export function createDocumentStorage(deps: { filesDir: string; key: Buffer }): SealedStorage {
  return createSealedStorage({ ...deps, folder: 'portal' });
}

export type DocumentStorage = SealedStorage;
