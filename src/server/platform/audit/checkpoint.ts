import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema/core';
import { GENESIS_HASH } from './chain';

/**
 * The sealed chain's head as last signed (its position `chain_seq` and hash): `{ seq, hash, writtenAt, signature }` in a JSON file.
 * Seq 0 with the genesis hash is the checkpoint of an empty chain, written at the first start,
 * so that from then on a missing file always means that it was removed.
 */
export interface Checkpoint {
  seq: number;
  hash: string;
  writtenAt: string;
}

export type CheckpointWrite =
  | { written: true; checkpoint: Checkpoint }
  | { written: false; reason: 'diverged' | 'invalid-existing'; checkpoint: Checkpoint | null };

function sign(key: Buffer, checkpoint: Checkpoint): string {
  return crypto.createHmac('sha256', key).update(`mosaic-audit-checkpoint:${checkpoint.seq}:${checkpoint.hash}:${checkpoint.writtenAt}`).digest('hex');
}

function isCheckpointShape(value: unknown): value is Checkpoint & { signature: string } {
  if (value === null || typeof value !== 'object') return false;
  const stored = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(stored.seq) &&
    (stored.seq as number) >= 0 &&
    typeof stored.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(stored.hash) &&
    (stored.seq !== 0 || stored.hash === GENESIS_HASH) &&
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
  const [head] = await db
    .select({ seq: auditEvents.chainSeq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(isNotNull(auditEvents.chainSeq))
    .orderBy(desc(auditEvents.chainSeq))
    .limit(1);
  const previous = readCheckpoint(filePath, key);
  if (previous === 'invalid') return { written: false, reason: 'invalid-existing', checkpoint: null };
  const previousCheckpoint = previous === 'missing' ? null : previous;
  if (previousCheckpoint && !(await chainReaches(db, previousCheckpoint))) return { written: false, reason: 'diverged', checkpoint: previousCheckpoint };
  const checkpoint: Checkpoint = { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH, writtenAt: now.toISOString() };
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

/** Whether the chain still holds the checkpointed event with the checkpointed hash (seq 0: always). */
export async function chainReaches(db: Db, checkpoint: Checkpoint): Promise<boolean> {
  if (checkpoint.seq === 0) return true;
  const [atCheckpoint] = await db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.chainSeq, checkpoint.seq)).limit(1);
  return atCheckpoint?.hash === checkpoint.hash;
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
