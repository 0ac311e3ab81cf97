import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema/core';
import { type Checkpoint, readCheckpoint } from './checkpoint';
import { GENESIS_HASH, hashEvent } from './chain';

export type VerifyResult =
  | { ok: true; events: number; headSeq: number; checkpoint: Checkpoint | null }
  | { ok: false; events: number; brokenSeq: number | null; brokenId: string | null; reason: string };

const PAGE = 2000;

/**
 * Walks the whole chain in order: every event must hash to its stored hash, point at the
 * previous event's hash and follow it without a gap; then the head must reach the signed
 * checkpoint, which shows that no newest events were cut off.
 */
export async function verifyAuditChain(db: Db, options: { checkpointPath?: string; checkpointKey?: Buffer } = {}): Promise<VerifyResult> {
  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  const hashesBySeq = new Map<number, string>();
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
      if (row.seq !== expectedSeq) return broken(`event ${expectedSeq} is missing: the chain jumps to ${row.seq}`);
      if (row.prevHash !== previousHash) return broken('its previous-hash does not match the event before it');
      const recomputed = hashEvent({ ...row, details: row.details ?? {} });
      if (recomputed !== row.hash) return broken('its content does not match its hash (the event was changed)');
      previousHash = row.hash;
      expectedSeq += 1;
      count += 1;
      hashesBySeq.set(row.seq, row.hash);
      if (hashesBySeq.size > 4) hashesBySeq.delete(row.seq - 4);
    }
  }
  const headSeq = expectedSeq - 1;
  if (!options.checkpointPath || !options.checkpointKey) return { ok: true, events: count, headSeq, checkpoint: null };
  const checkpoint = readCheckpoint(options.checkpointPath, options.checkpointKey);
  if (checkpoint === 'missing') return { ok: true, events: count, headSeq, checkpoint: null };
  if (checkpoint === 'invalid') {
    return { ok: false, events: count, brokenSeq: null, brokenId: null, reason: 'the checkpoint file is not signed by this installation' };
  }
  if (checkpoint.seq > headSeq) {
    return {
      ok: false,
      events: count,
      brokenSeq: headSeq + 1,
      brokenId: null,
      reason: `the chain ends at event ${headSeq} but the checkpoint records event ${checkpoint.seq}: newest events were removed`,
    };
  }
  const [atCheckpoint] = await db.select().from(auditEvents).where(gt(auditEvents.seq, checkpoint.seq - 1)).orderBy(asc(auditEvents.seq)).limit(1);
  if (!atCheckpoint || atCheckpoint.hash !== checkpoint.hash) {
    return { ok: false, events: count, brokenSeq: checkpoint.seq, brokenId: atCheckpoint?.id ?? null, reason: 'the event at the checkpoint differs from the checkpointed one' };
  }
  return { ok: true, events: count, headSeq, checkpoint };
}
