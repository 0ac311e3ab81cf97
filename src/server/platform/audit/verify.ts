import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema/core';
import { type Checkpoint, readCheckpoint } from './checkpoint';
import { GENESIS_HASH, hashEvent } from './chain';

export type VerifyResult =
  | {
      ok: true;
      events: number;
      headSeq: number;
      /** The signed checkpoint the chain reaches; null when none was asked for, or the chain and the checkpoint are both empty. */
      checkpoint: Checkpoint | null;
    }
  | {
      ok: false;
      /** Events verified before the break. */
      events: number;
      /** The first event that is missing, changed or out of place; null when only the checkpoint is at fault. */
      brokenSeq: number | null;
      brokenId: string | null;
      reason: string;
    };

const PAGE = 2000;

/**
 * Walks the whole chain in order: every event must hash to its stored hash, point at the
 * previous event's hash and follow it without a gap; then the chain must reach the signed
 * checkpoint, which shows that no newest events were cut off. The checkpoint is read before
 * the walk: it is only ever written after its event committed, so events appended while the
 * walk runs cannot make a sound chain look short. Without a checkpoint path only the chain is
 * walked; with one, a missing file is a break unless the chain is empty too (a fresh install).
 */
export async function verifyAuditChain(db: Db, options: { checkpointPath?: string | null; checkpointKey?: Buffer } = {}): Promise<VerifyResult> {
  const stored = options.checkpointPath && options.checkpointKey ? readCheckpoint(options.checkpointPath, options.checkpointKey) : 'not-asked';
  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let hashAtCheckpoint: string | null = null;
  let idAtCheckpoint: string | null = null;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, expectedSeq - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(PAGE);
    if (rows.length === 0) break;
    for (const row of rows) {
      const broken = (reason: string): VerifyResult => ({ ok: false, events: count, brokenSeq: row.seq, brokenId: row.id, reason });
      if (row.seq !== expectedSeq) {
        const missing = expectedSeq === row.seq - 1 ? `event ${expectedSeq} is` : `events ${expectedSeq} to ${row.seq - 1} are`;
        return broken(`${missing} missing: the chain jumps from event ${expectedSeq - 1} to ${row.seq}`);
      }
      if (row.prevHash !== previousHash) return broken('its previous-hash does not match the event before it (events were removed, inserted or reordered)');
      if (hashEvent({ ...row, details: row.details ?? {} }) !== row.hash) return broken('its content does not match its hash (the event was changed)');
      if (typeof stored === 'object' && row.seq === stored.seq) {
        hashAtCheckpoint = row.hash;
        idAtCheckpoint = row.id;
      }
      previousHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
  }
  const headSeq = expectedSeq - 1;
  if (stored === 'not-asked' || (stored === 'missing' && headSeq === 0)) return { ok: true, events: count, headSeq, checkpoint: null };
  if (stored === 'missing') {
    return {
      ok: false,
      events: count,
      brokenSeq: null,
      brokenId: null,
      reason: `the signed checkpoint is missing although the chain holds ${headSeq} events: the file was removed, perhaps with the newest events or after a rewrite`,
    };
  }
  if (stored === 'invalid') {
    return { ok: false, events: count, brokenSeq: null, brokenId: null, reason: 'the checkpoint file is malformed or not signed with this installation\'s key' };
  }
  if (stored.seq > headSeq) {
    return {
      ok: false,
      events: count,
      brokenSeq: headSeq + 1,
      brokenId: null,
      reason: `the chain ends at event ${headSeq} but the signed checkpoint records event ${stored.seq}: the newest events were removed`,
    };
  }
  if (stored.seq > 0 && hashAtCheckpoint !== stored.hash) {
    return {
      ok: false,
      events: count,
      brokenSeq: stored.seq,
      brokenId: idAtCheckpoint,
      reason: 'the event at the signed checkpoint differs from the one that was signed: the chain was rewritten from there',
    };
  }
  return { ok: true, events: count, headSeq, checkpoint: stored };
}
