import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema/core';

/** The chain's head as last signed: `{ seq, hash, writtenAt, signature }` in a JSON file. */
export interface Checkpoint {
  seq: number;
  hash: string;
  writtenAt: string;
}

export type CheckpointWrite =
  | { written: true; checkpoint: Checkpoint }
  | { written: false; reason: 'empty-chain' | 'diverged' | 'invalid-existing'; checkpoint: Checkpoint | null };

function sign(key: Buffer, checkpoint: Checkpoint): string {
  return crypto.createHmac('sha256', key).update(`mosaic-audit-checkpoint:${checkpoint.seq}:${checkpoint.hash}:${checkpoint.writtenAt}`).digest('hex');
}

function isCheckpointShape(value: unknown): value is Checkpoint & { signature: string } {
  if (value === null || typeof value !== 'object') return false;
  const stored = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(stored.seq) &&
    (stored.seq as number) >= 1 &&
    typeof stored.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(stored.hash) &&
    typeof stored.writtenAt === 'string' &&
    typeof stored.signature === 'string' &&
    /^[0-9a-f]{64}$/.test(stored.signature)
  );
}

/**
 * Records the chain's head, signed, in a file outside the database. It never overwrites a
 * checkpoint that the chain no longer reaches (the checkpointed event is gone or differs) nor
 * one that is not signed with this key: such a file is evidence (of removed or rewritten
 * events, or of a forgery) and stays for `verify` to report until an operator deals with it.
 */
export async function writeCheckpoint(db: Db, filePath: string, key: Buffer, now = new Date()): Promise<CheckpointWrite> {
  const [head] = await db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  const previous = readCheckpoint(filePath, key);
  if (previous === 'invalid') return { written: false, reason: 'invalid-existing', checkpoint: null };
  const previousCheckpoint = previous === 'missing' ? null : previous;
  if (previousCheckpoint) {
    const [atPrevious] = await db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.seq, previousCheckpoint.seq)).limit(1);
    if (!atPrevious || atPrevious.hash !== previousCheckpoint.hash) return { written: false, reason: 'diverged', checkpoint: previousCheckpoint };
  }
  if (!head) return { written: false, reason: 'empty-chain', checkpoint: previousCheckpoint };
  const checkpoint: Checkpoint = { seq: head.seq, hash: head.hash, writtenAt: now.toISOString() };
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify({ ...checkpoint, signature: sign(key, checkpoint) }, null, 2));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, filePath);
  return { written: true, checkpoint };
}

/** The signed checkpoint, `missing` when there is no file, `invalid` when it is malformed or not signed with this key. */
export function readCheckpoint(filePath: string, key: Buffer): Checkpoint | 'missing' | 'invalid' {
  if (!fs.existsSync(filePath)) return 'missing';
  try {
    const stored: unknown = JSON.parse(fs.readFileSync(filePath, 'utf8'));
    if (!isCheckpointShape(stored)) return 'invalid';
    const checkpoint: Checkpoint = { seq: stored.seq, hash: stored.hash, writtenAt: stored.writtenAt };
    const expected = Buffer.from(sign(key, checkpoint), 'hex');
    const actual = Buffer.from(stored.signature, 'hex');
    if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) return 'invalid';
    return checkpoint;
  } catch {
    return 'invalid';
  }
}
