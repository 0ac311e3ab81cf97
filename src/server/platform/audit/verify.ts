import { asc, gt, isNull, sql } from 'drizzle-orm';
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
      /** Committed events not sealed yet, all younger than the bound. */
      unsealed: number;
    }
  | {
      ok: false;
      /** Events verified before the break. */
      events: number;
      /** The first event that is missing, changed or out of place; null when only the checkpoint is at fault. */
      brokenSeq: number | null;
      brokenId: string | null;
      reason: string;
      /** The sealed chain is intact, but events have waited for sealing longer than the bound. */
      staleTail?: true;
    };

/** An unsealed event older than this is reported: the sequencer normally seals within a second. */
export const UNSEALED_BOUND_SECONDS = 10;

const PAGE = 2000;

/**
 * Walks the whole chain in order: every event must hash to its stored hash, point at the
 * previous event's hash and follow it without a gap; then the chain must reach the signed
 * checkpoint, which shows that no newest events were cut off. The checkpoint is read before
 * the walk: it is only ever written after its event committed, so events appended while the
 * walk runs cannot make a sound chain look short. Without a checkpoint path only the chain is
 * walked; with one, a missing file is a break unless the chain is empty too (a fresh install).
 */
export async function verifyAuditChain(
  db: Db,
  options: { checkpointPath?: string | null; checkpointKey?: Buffer; unsealedBoundSeconds?: number } = {},
): Promise<VerifyResult> {
  const sealed = await verifySealedChain(db, options);
  if (!sealed.ok) return sealed;
  const tail = await unsealedTail(db, options.unsealedBoundSeconds ?? UNSEALED_BOUND_SECONDS);
  if (tail.stale === 0) return { ...sealed, unsealed: tail.count };
  return {
    ok: false,
    events: sealed.events,
    brokenSeq: null,
    brokenId: tail.oldestId,
    staleTail: true,
    reason: `${tail.stale} events committed more than ${options.unsealedBoundSeconds ?? UNSEALED_BOUND_SECONDS} s ago are still unsealed (not in the hash chain): the sequencer is not running or cannot seal`,
  };
}

async function unsealedTail(db: Db, boundSeconds: number) {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      stale: sql<number>`(count(*) filter (where ${auditEvents.insertedAt} < now() - make_interval(secs => ${boundSeconds})))::int`,
      oldestId: sql<string | null>`(array_agg(${auditEvents.id} order by ${auditEvents.seq}))[1]`,
    })
    .from(auditEvents)
    .where(isNull(auditEvents.chainSeq));
  return { count: Number(row?.count ?? 0), stale: Number(row?.stale ?? 0), oldestId: row?.oldestId ?? null };
}

async function verifySealedChain(db: Db, options: { checkpointPath?: string | null; checkpointKey?: Buffer }): Promise<Omit<Extract<VerifyResult, { ok: true }>, 'unsealed'> | Extract<VerifyResult, { ok: false }>> {
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
      .where(gt(auditEvents.chainSeq, expectedSeq - 1))
      .orderBy(asc(auditEvents.chainSeq))
      .limit(PAGE);
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.chainSeq);
      const broken = (reason: string) => ({ ok: false as const, events: count, brokenSeq: seq, brokenId: row.id, reason });
      if (seq !== expectedSeq) {
        const missing = expectedSeq === seq - 1 ? `event ${expectedSeq} is` : `events ${expectedSeq} to ${seq - 1} are`;
        return broken(`${missing} missing: the chain jumps from event ${expectedSeq - 1} to ${seq}`);
      }
      if (row.prevHash !== previousHash) return broken('its previous-hash does not match the event before it (events were removed, inserted or reordered)');
      if (hashEvent({ ...row, seq, prevHash: row.prevHash, details: row.details ?? {} }) !== row.hash) return broken('its content does not match its hash (the event was changed)');
      if (typeof stored === 'object' && seq === stored.seq) {
        hashAtCheckpoint = row.hash;
        idAtCheckpoint = row.id;
      }
      previousHash = row.hash!;
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
