import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Keys {
  /** AES-256-GCM key for data at rest: second-factor secrets, uploaded files. */
  encryption: Buffer;
  /** HMAC key that signs the audit chain's checkpoint, kept outside the database. */
  auditCheckpoint: Buffer;
}

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), `mosaic:${purpose}`, 32));
}

/**
 * The master secret comes from MOSAIC_SECRET; without it (a demo or development start) one is
 * generated once into the data folder, readable by the owner only.
 */
export function loadKeys(options: { secret?: string; dataDir: string }): { keys: Keys; generated: boolean } {
  let master: Buffer;
  let generated = false;
  if (options.secret) {
    master = Buffer.from(options.secret, 'utf8');
  } else {
    const keyPath = path.join(options.dataDir, 'secret.key');
    if (fs.existsSync(keyPath)) {
      master = Buffer.from(fs.readFileSync(keyPath, 'utf8').trim(), 'base64');
    } else {
      fs.mkdirSync(options.dataDir, { recursive: true });
      master = crypto.randomBytes(32);
      fs.writeFileSync(keyPath, master.toString('base64'), { mode: 0o600 });
      generated = true;
    }
  }
  return { keys: { encryption: derive(master, 'encryption'), auditCheckpoint: derive(master, 'audit-checkpoint') }, generated };
}

/** Keys for tests and benchmarks: random, never written anywhere. */
export function ephemeralKeys(): Keys {
  const master = crypto.randomBytes(32);
  return { encryption: derive(master, 'encryption'), auditCheckpoint: derive(master, 'audit-checkpoint') };
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM: iv ‖ tag ‖ ciphertext. */
export function encryptBytes(key: Buffer, plain: Buffer): Buffer {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decryptBytes(key: Buffer, sealed: Buffer): Buffer {
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

export function encryptText(key: Buffer, plain: string): string {
  return encryptBytes(key, Buffer.from(plain, 'utf8')).toString('base64');
}

export function decryptText(key: Buffer, sealed: string): string {
  return decryptBytes(key, Buffer.from(sealed, 'base64')).toString('utf8');
}

export function sha256Hex(value: string | Buffer): string {
  // The one-shot digest: a fifth of createHash's cost, and it runs for every authenticated request.
  return crypto.hash('sha256', value, 'hex');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
