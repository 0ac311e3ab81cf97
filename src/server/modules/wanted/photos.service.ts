import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Actor } from '../../access/actor';
import type { Keys } from '../../platform/crypto/secrets';
import { decryptBytes, encryptBytes, sha256Hex } from '../../platform/crypto/secrets';
import { NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import type { createAlertService } from './alerts.service';
import { requireUser, type WantedDeps } from './alerts.service';
import { findPhoto, insertPhoto, listPhotos } from './wanted.queries';

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTOS_PER_ALERT = 10;

/** The type is read from the bytes, never from the name or the declared type. */
export function sniffImageType(bytes: Buffer): 'image/jpeg' | 'image/png' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= png.length && png.every((byte, i) => bytes[i] === byte)) return 'image/png';
  return null;
}

/** Photos of alerts, encrypted at rest under the files folder and decrypted only for readers of the alert. */
export function createPhotoService(deps: WantedDeps & { keys: Keys; filesDir: string }, alerts: ReturnType<typeof createAlertService>) {
  const { db, audit, clock } = deps;
  const folder = path.join(deps.filesDir, 'wanted');

  return {
    add: async (actor: Actor, alertId: string, bytes: Buffer, ip: string) => {
      const user = requireUser(actor);
      await alerts.loadVisible(actor, alertId, 'wanted.alert.update');
      const contentType = sniffImageType(bytes);
      if (!contentType) throw new UnprocessableProblem('A photo must be a JPEG or PNG image.', [{ path: 'file', message: 'not a JPEG or PNG' }]);
      if ((await listPhotos(db, alertId)).length >= PHOTOS_PER_ALERT) {
        throw new UnprocessableProblem(`An alert holds at most ${PHOTOS_PER_ALERT} photos.`);
      }
      const storageName = `${crypto.randomUUID()}.bin`;
      await fs.mkdir(folder, { recursive: true });
      await fs.writeFile(path.join(folder, storageName), encryptBytes(deps.keys.encryption, bytes), { mode: 0o600 });
      try {
        return await audit.command(async (tx) => {
          const photo = await insertPhoto(tx, { alertId, contentType, byteSize: bytes.length, sha256: sha256Hex(bytes), storageName, uploadedBy: user.userId, createdAt: clock() });
          await audit.append(tx, { actor, ip }, { action: 'wanted.photo.add', recordType: 'wanted_alert', recordId: alertId, details: { photoId: photo.id, contentType, byteSize: bytes.length } });
          return { id: photo.id, contentType, byteSize: bytes.length, createdAt: photo.createdAt.toISOString() };
        });
      } catch (error) {
        await fs.rm(path.join(folder, storageName), { force: true });
        throw error;
      }
    },

    read: async (actor: Actor, alertId: string, photoId: string, ip: string) => {
      await alerts.loadVisible(actor, alertId, 'wanted.alert.read');
      const photo = await findPhoto(db, alertId, photoId);
      if (!photo) throw new NotFoundProblem();
      const sealed = await fs.readFile(path.join(folder, photo.storageName)).catch(() => null);
      if (!sealed) throw new NotFoundProblem('The photo file is missing.');
      await audit.record({ actor, ip }, { action: 'wanted.photo.read', recordType: 'wanted_alert', recordId: alertId, details: { photoId } });
      return { contentType: photo.contentType, bytes: decryptBytes(deps.keys.encryption, sealed) };
    },
  };
}
