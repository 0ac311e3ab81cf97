import { asc, desc, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { auditEvents } from '../../db/schema/core';
import { GENESIS_HASH, hashEvent } from './chain';

/**
 * Held (as a transaction lock) by the one sealing round that may extend the chain: on several
 * app nodes every node runs a sequencer, and a round that does not get the lock leaves the work
 * to the one that has it. Writers never take it.
 */
const SEQUENCER_LOCK_KEY = 7_315_001;
const ROUND_SIZE = 1000;
/** How often an idle sequencer looks for events committed by other nodes or processes. */
export const SEQUENCER_POLL_MS = 150;

export interface SealRound {
  /** False when another sequencer held the lock: nothing was sealed by this round. */
  locked: boolean;
  sealed: number;
}

/**
 * One sealing round, in one transaction: under the sequencer lock, reads the chain's head and
 * the committed unsealed events in insertion order, and gives each the next position, the
 * previous event's hash and its own hash. The unique indexes on `chain_seq` and `prev_hash`
 * make a fork impossible even if two rounds ever ran at once.
 */
export async function sealCommittedEvents(db: Db, limit = ROUND_SIZE): Promise<SealRound> {
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${SEQUENCER_LOCK_KEY}) as locked`));
    if (!lock?.locked) return { locked: false, sealed: 0 };
    const pending = await tx.select().from(auditEvents).where(isNull(auditEvents.chainSeq)).orderBy(asc(auditEvents.seq)).limit(limit);
    if (pending.length === 0) return { locked: true, sealed: 0 };
    const [head] = await tx
      .select({ chainSeq: auditEvents.chainSeq, hash: auditEvents.hash })
      .from(auditEvents)
      .where(isNotNull(auditEvents.chainSeq))
      .orderBy(desc(auditEvents.chainSeq))
      .limit(1);
    let chainSeq = head?.chainSeq ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const links = pending.map((row) => {
      chainSeq += 1;
      const hash = hashEvent({ ...row, details: row.details ?? {}, seq: chainSeq, prevHash });
      const link = sql`(${row.seq}::bigint, ${chainSeq}::bigint, ${prevHash}, ${hash})`;
      prevHash = hash;
      return link;
    });
    const updated = await tx.execute(sql`
      update audit_events as e set chain_seq = v.chain_seq, prev_hash = v.prev_hash, hash = v.hash, sealed_at = clock_timestamp()
      from (values ${sql.join(links, sql`, `)}) as v(seq, chain_seq, prev_hash, hash)
      where e.seq = v.seq and e.chain_seq is null
      returning e.seq`);
    // An event changed under the round would leave a hole: roll the round back instead.
    if (rowsOf(updated).length !== pending.length) throw new Error('audit events changed while they were being sealed');
    return { locked: true, sealed: pending.length };
  });
}

export type Sequencer = ReturnType<typeof createSequencer>;

/**
 * Seals committed events in the background: woken right after an audited transaction commits
 * in this process, and (once started) polling every SEQUENCER_POLL_MS for events of other
 * processes. Background rounds never overlap; `sealNow` (which may run beside one: the lock
 * lets one seal) waits until every event committed before the call is sealed.
 */
export function createSequencer(deps: { db: Db; onSealed?: (count: number) => void; onError?: (error: unknown) => void }) {
  const onError = deps.onError ?? ((error: unknown) => process.emitWarning(`audit sequencer: ${error instanceof Error ? error.message : String(error)}`));
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  let poller: NodeJS.Timeout | null = null;

  /** Seals until nothing committed is left; false when another sequencer holds the lock. */
  async function drain(): Promise<boolean> {
    for (;;) {
      const round = await sealCommittedEvents(deps.db);
      if (round.sealed > 0) deps.onSealed?.(round.sealed);
      if (!round.locked) return false;
      if (round.sealed < ROUND_SIZE) return true;
    }
  }

  let wokenSinceLater = false;

  function wakeLater() {
    if (stopped) return;
    wokenSinceLater = false;
    if (retry) return;
    retry = setTimeout(() => {
      retry = null;
      // A wake after the commit already looked (and the poller, once started, keeps looking).
      if (!wokenSinceLater) wake();
    }, SEQUENCER_POLL_MS);
    retry.unref();
  }

  function wake() {
    wokenSinceLater = true;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    runRound();
  }

  /**
   * Runs at once, not after a timer: in-process writers on PGlite resolve in microtasks and
   * would hold a timer off. Commits made while a round runs share the next one.
   */
  function runRound() {
    running = drain()
      .catch((error: unknown) => {
        onError(error);
        return false;
      })
      .then((drained) => {
        running = null;
        if (!drained) wakeLater();
        if (again) {
          again = false;
          wake();
        }
      });
  }

  async function sealNow(): Promise<void> {
    await running;
    for (let attempt = 0; attempt < 500; attempt += 1) {
      if (await drain()) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the audit chain stayed locked by another sequencer');
  }

  return {
    /** After a commit here: seal now (coalesced with a round in progress). */
    wake,
    /** After an insert whose transaction has not committed yet: look again shortly. */
    wakeLater,
    sealNow,
    start() {
      stopped = false;
      if (poller) return;
      poller = setInterval(wake, SEQUENCER_POLL_MS);
      poller.unref();
      wake();
    },
    /** Stops the background rounds and waits for the one in progress; `sealNow` still works. */
    async stop() {
      stopped = true;
      if (poller) clearInterval(poller);
      if (retry) clearTimeout(retry);
      poller = null;
      retry = null;
      await running;
    },
  };
}
