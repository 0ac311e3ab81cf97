import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { type AuditOutcome, type ChainedFields, GENESIS_HASH, hashEvent } from './chain';
import { runPrepared } from './statements';

/**
 * Held (as a transaction lock) by the one sealing round that may extend the chain: on several
 * app nodes every node runs a sequencer, and a round that does not get the lock leaves the work
 * to the one that has it. Writers never take it.
 */
const SEQUENCER_LOCK_KEY = 7_315_001;
const ROUND_SIZE = 1000;
/** How often an idle sequencer looks for events committed by other nodes or processes. */
export const SEQUENCER_POLL_MS = 150;
/**
 * The least time from the start of one background round to the next. Under load a round per
 * commit would seal one or two events at the price of a whole transaction each (its statements,
 * its commit), taking as much from the writers as their own appends; rounds this far apart seal
 * everything committed meanwhile at once. It bounds the sealing delay's share of the wait.
 */
export const SEQUENCER_ROUND_GAP_MS = 25;

export interface SealRound {
  /** False when another sequencer held the lock: nothing was sealed by this round. */
  locked: boolean;
  sealed: number;
}

const PENDING = `select seq, id, occurred_at, actor_user_id, actor_label, actor_economy, action, record_type, record_id, outcome, ip, details, subject_economy, subject_released_to
  from audit_events where chain_seq is null order by seq limit $1`;
const HEAD = 'select chain_seq, hash from audit_events where chain_seq is not null order by chain_seq desc limit 1';
// The links travel as one JSON parameter: one short statement, planned once, for any round size.
const SEAL = `update audit_events as e set chain_seq = v.chain_seq, prev_hash = v.prev_hash, hash = v.hash, sealed_at = clock_timestamp()
  from jsonb_to_recordset($1::jsonb) as v(seq bigint, chain_seq bigint, prev_hash text, hash text)
  where e.seq = v.seq and e.chain_seq is null returning e.seq`;

interface PendingRow {
  seq: string | number | bigint;
  id: string;
  occurred_at: string | Date;
  actor_user_id: string | null;
  actor_label: string;
  actor_economy: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  details: Record<string, unknown> | null;
  subject_economy: string | null;
  subject_released_to: string[] | null;
}

function chainedFields(row: PendingRow, chainSeq: number, prevHash: string): ChainedFields {
  return {
    seq: chainSeq,
    id: row.id,
    occurredAt: typeof row.occurred_at === 'string' ? row.occurred_at : row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    actorEconomy: row.actor_economy,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    outcome: row.outcome,
    ip: row.ip,
    details: row.details ?? {},
    subjectEconomy: row.subject_economy,
    subjectReleasedTo: row.subject_released_to,
    prevHash,
  };
}

/**
 * One sealing round, in one transaction: under the sequencer lock, reads the chain's head and
 * the committed unsealed events in insertion order, and gives each the next position, the
 * previous event's hash and its own hash. The unique indexes on `chain_seq` and `prev_hash`
 * make a fork impossible even if two rounds ever ran at once. Prepared statements: rounds
 * run all the time under load.
 */
export async function sealCommittedEvents(db: Db, limit = ROUND_SIZE): Promise<SealRound> {
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${SEQUENCER_LOCK_KEY}) as locked`));
    if (!lock?.locked) return { locked: false, sealed: 0 };
    const pending = await runPrepared<PendingRow>(tx as unknown as Db, 'mosaic_audit_pending', PENDING, [limit]);
    if (pending.length === 0) return { locked: true, sealed: 0 };
    const [head] = await runPrepared<{ chain_seq: string | number | bigint; hash: string }>(tx as unknown as Db, 'mosaic_audit_head', HEAD, []);
    let chainSeq = head ? Number(head.chain_seq) : 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const links = pending.map((row) => {
      chainSeq += 1;
      const hash = hashEvent(chainedFields(row, chainSeq, prevHash));
      const link = { seq: Number(row.seq), chain_seq: chainSeq, prev_hash: prevHash, hash };
      prevHash = hash;
      return link;
    });
    const updated = await runPrepared(tx as unknown as Db, 'mosaic_audit_seal', SEAL, [JSON.stringify(links)]);
    // An event changed under the round would leave a hole: roll the round back instead.
    if (updated.length !== pending.length) throw new Error('audit events changed while they were being sealed');
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

  let lastRoundAt = Number.NEGATIVE_INFINITY;
  let gapTimer: NodeJS.Timeout | null = null;

  function wake() {
    wokenSinceLater = true;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    const wait = lastRoundAt + SEQUENCER_ROUND_GAP_MS - performance.now();
    if (wait > 0) {
      gapTimer ??= setTimeout(() => {
        gapTimer = null;
        wake();
      }, wait);
      gapTimer.unref();
      return;
    }
    runRound();
  }

  /**
   * Runs at once, not after a timer: in-process writers on PGlite resolve in microtasks and
   * would hold a timer off. Commits made while a round runs share the next one.
   */
  function runRound() {
    lastRoundAt = performance.now();
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
      if (gapTimer) clearTimeout(gapTimer);
      poller = null;
      retry = null;
      gapTimer = null;
      await running;
    },
  };
}
