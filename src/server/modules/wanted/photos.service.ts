import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Actor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import type { Keys } from '../../platform/crypto/secrets';
import { decryptBytes, encryptBytes, sha256Hex } from '../../platform/crypto/secrets';
import { NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import type { createAlertService } from './alerts.service';
import { insertAlertChange } from './alert-extras.queries';
import { requireUser, type WantedDeps } from './alerts.service';
import { findPhoto, insertPhoto, listPhotos } from './wanted.queries';

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTOS_PER_ALERT = 10;

/** A photo larger than this (width × height) is refused before it is decoded: a small PNG can claim gigapixels. */
export const PHOTO_MAX_PIXELS = 25_000_000;
/** The longer side of a thumbnail on the screening card. */
const THUMB_PIXELS = 240;

/**
 * The photo is decoded (libvips, on the thread pool, off the event loop), not recognised by its
 * first bytes: only an image that decodes completely as JPEG or PNG within the pixel limit is kept.
 */
export async function checkPhoto(bytes: Buffer): Promise<'image/jpeg' | 'image/png'> {
  const refuse = (message: string, detail: string) => new UnprocessableProblem(detail, [{ path: 'file', message }]);
  // The header alone first (no pixel is decoded), then the whole image under the pixel limit.
  const metadata = await sharp(bytes, { limitInputPixels: false }).metadata().catch(() => null);
  if (!metadata || (metadata.format !== 'jpeg' && metadata.format !== 'png')) throw refuse('not a JPEG or PNG', 'A photo must be a JPEG or PNG image.');
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > PHOTO_MAX_PIXELS) {
    throw refuse(`maxPixels: ${PHOTO_MAX_PIXELS}`, `A photo may have at most ${PHOTO_MAX_PIXELS / 1_000_000} million pixels.`);
  }
  const decoded = await sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'truncated' })
    .resize({ width: 64, height: 64, fit: 'inside' }).raw().toBuffer().then(() => true, () => false);
  if (!decoded) throw refuse('not a readable image', 'The photo is damaged or incomplete and cannot be read.');
  return metadata.format === 'jpeg' ? 'image/jpeg' : 'image/png';
}

/** Photos of alerts, encrypted at rest under the files folder and decrypted only for readers of the alert. */
export function createPhotoService(deps: WantedDeps & { keys: Keys; filesDir: string }, alerts: ReturnType<typeof createAlertService>) {
  const { db, audit, clock } = deps;
  const folder = path.join(deps.filesDir, 'wanted');

  return {
    add: async (actor: Actor, alertId: string, bytes: Buffer, ip: string) => {
      const user = requireUser(actor);
      const alert = await alerts.loadVisible(actor, alertId, 'wanted.alert.update');
      const contentType = await checkPhoto(bytes);
      if ((await listPhotos(db, alertId)).length >= PHOTOS_PER_ALERT) {
        throw new UnprocessableProblem(`An alert holds at most ${PHOTOS_PER_ALERT} photos.`);
      }
      const storageName = `${crypto.randomUUID()}.bin`;
      await fs.mkdir(folder, { recursive: true });
      await fs.writeFile(path.join(folder, storageName), encryptBytes(deps.keys.encryption, bytes), { mode: 0o600 });
      try {
        return await audit.command(async (tx) => {
          const photo = await insertPhoto(tx, { alertId, contentType, byteSize: bytes.length, sha256: sha256Hex(bytes), storageName, uploadedBy: user.userId, createdAt: clock() });
          await insertAlertChange(tx, { alertId, changedBy: user.userId, changedAt: photo.createdAt, action: 'photo', changes: [{ field: 'photos', before: '', after: photo.id }] });
          await audit.append(tx, { actor, ip }, { action: 'wanted.photo.add', recordType: 'wanted_alert', recordId: alertId, details: { photoId: photo.id, contentType, byteSize: bytes.length }, subject: auditSubjectOf(alert) });
          return { id: photo.id, contentType, byteSize: bytes.length, createdAt: photo.createdAt.toISOString() };
        });
      } catch (error) {
        await fs.rm(path.join(folder, storageName), { force: true });
        throw error;
      }
    },

    /** `thumb`: a small JPEG for the screening card; read, checked and audited as the photo itself. */
    read: async (actor: Actor, alertId: string, photoId: string, ip: string, size?: 'thumb') => {
      const alert = await alerts.loadVisible(actor, alertId, 'wanted.alert.read');
      const photo = await findPhoto(db, alertId, photoId);
      if (!photo) throw new NotFoundProblem();
      const sealed = await fs.readFile(path.join(folder, photo.storageName)).catch(() => null);
      if (!sealed) throw new NotFoundProblem('The photo file is missing.');
      await audit.record({ actor, ip }, { action: 'wanted.photo.read', recordType: 'wanted_alert', recordId: alertId, details: { photoId, ...(size ? { size } : {}) }, subject: auditSubjectOf(alert) });
      const bytes = decryptBytes(deps.keys.encryption, sealed);
      if (size !== 'thumb') return { contentType: photo.contentType, bytes };
      const thumb = await sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS }).rotate().resize({ width: THUMB_PIXELS, height: THUMB_PIXELS, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
      return { contentType: 'image/jpeg' as const, bytes: thumb };
    },
  };
}
