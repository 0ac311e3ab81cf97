import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { desc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema/core';

export interface Checkpoint {
  seq: number;
  hash: string;
  writtenAt: string;
}

function sign(key: Buffer, checkpoint: Checkpoint): string {
  return crypto.createHmac('sha256', key).update(`${checkpoint.seq}:${checkpoint.hash}:${checkpoint.writtenAt}`).digest('hex');
}

/** Records the chain's head, signed, in a file outside the database. */
export async function writeCheckpoint(db: Db, filePath: string, key: Buffer): Promise<Checkpoint | null> {
  const [head] = await db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  if (!head) return null;
  const checkpoint: Checkpoint = { seq: head.seq, hash: head.hash, writtenAt: new Date().toISOString() };
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify({ ...checkpoint, signature: sign(key, checkpoint) }, null, 2));
  fs.renameSync(temporary, filePath);
  return checkpoint;
}

export function readCheckpoint(filePath: string, key: Buffer): Checkpoint | 'missing' | 'invalid' {
  if (!fs.existsSync(filePath)) return 'missing';
  try {
    const stored = JSON.parse(fs.readFileSync(filePath, 'utf8')) as Checkpoint & { signature: string };
    const checkpoint: Checkpoint = { seq: stored.seq, hash: stored.hash, writtenAt: stored.writtenAt };
    const expected = Buffer.from(sign(key, checkpoint), 'hex');
    const actual = Buffer.from(String(stored.signature), 'hex');
    if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) return 'invalid';
    return checkpoint;
  } catch {
    return 'invalid';
  }
}
