import type { Actor } from '../../access/actor';
import type { AuditSubject } from '../../access/audit-scope';
import type { Db } from '../../db/client';
import { type AuditEventInput, type AuditOutcome, type UnsealedEvent, insertAuditEvents, unsealedEvents } from './chain';
import { writeCheckpoint } from './checkpoint';
import { createSequencer } from './sequencer';

export interface AuditContext {
  actor: Actor;
  ip?: string | null;
}

export interface AuditEntry {
  action: string;
  recordType?: string;
  recordId?: string;
  outcome?: AuditOutcome;
  /** Ids, field names and outcome only: never a marked record's content (docs/audit.md). */
  details?: Record<string, unknown>;
  /**
   * The scope of the marked record the event concerns, from `auditSubjectOf(record)`: the
   * auditor's view applies the record's marking to the event. Leave it out only for events
   * about no marked record.
   */
  subject?: AuditSubject | null;
  /** Who acted when there is no signed-in actor yet (a sign-in attempt names its e-mail). */
  actorLabel?: string;
}

export type AuditService = ReturnType<typeof createAuditService>;

function toInput(context: AuditContext, entry: AuditEntry): AuditEventInput {
  const actor = context.actor;
  return {
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorLabel: entry.actorLabel ?? (actor.kind === 'user' ? actor.email : 'anonymous'),
    actorEconomy: actor.kind === 'user' ? actor.economy : null,
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    outcome: entry.outcome ?? 'success',
    ip: context.ip ?? null,
    details: entry.details ?? {},
    subjectEconomy: entry.subject?.economy ?? null,
    subjectReleasedTo: entry.subject?.releasedTo ?? null,
  };
}

/**
 * The audit chain as modules use it: `append` inside the command's transaction (no lock: the
 * event is inserted unsealed); `command` wraps a write so that its audit events commit with
 * it, then wakes the sequencer, which orders committed events into the hash chain. After
 * sealing, the signed checkpoint is refreshed (debounced); `flushCheckpoint` seals what this
 * process appended and writes it now, and only when this process appended or sealed since the
 * last write, so a read-only run (`audit verify`) never seals nor re-signs a head that may
 * have been tampered with. `start` begins polling for events of other processes (servers and
 * commands that write; not `audit verify`).
 */
export function createAuditService(deps: { db: Db; checkpointPath: string | null; checkpointKey: Buffer; clock?: () => Date }) {
  const clock = deps.clock ?? (() => new Date());
  let pendingCheckpoint: NodeJS.Timeout | null = null;
  let lastCheckpoint: Promise<unknown> = Promise.resolve();
  let changedSinceCheckpoint = false;
  let appendedEver = false;
  const sequencer = createSequencer({ db: deps.db, onSealed: () => scheduleCheckpoint() });

  function scheduleCheckpoint() {
    changedSinceCheckpoint = true;
    if (!deps.checkpointPath || pendingCheckpoint) return;
    pendingCheckpoint = setTimeout(() => {
      pendingCheckpoint = null;
      void flushCheckpoint().catch(() => undefined);
    }, 250);
    pendingCheckpoint.unref();
  }

  async function insert(tx: Db, inputs: AuditEventInput[]) {
    await insertAuditEvents(tx, inputs, clock());
    appendedEver = true;
    changedSinceCheckpoint = true;
    sequencer.wakeLater();
  }

  const sealNow = () => sequencer.sealNow();

  async function flushCheckpoint() {
    if (pendingCheckpoint) {
      clearTimeout(pendingCheckpoint);
      pendingCheckpoint = null;
    }
    // Not "appended since the last seal": an event inserted before a seal began may commit
    // after that seal read the tail, and would be left out of this checkpoint.
    if (appendedEver) await sealNow();
    const checkpointPath = deps.checkpointPath;
    if (!checkpointPath) return;
    lastCheckpoint = lastCheckpoint.then(async () => {
      if (!changedSinceCheckpoint) return;
      changedSinceCheckpoint = false;
      await writeCheckpoint(deps.db, checkpointPath, deps.checkpointKey, clock()).catch(() => {
        changedSinceCheckpoint = true;
      });
    });
    await lastCheckpoint;
  }

  return {
    append: async (tx: Db, context: AuditContext, entry: AuditEntry) => {
      await insert(tx, [toInput(context, entry)]);
    },
    /** Several events of one actor, in order, for the price of one insert. */
    appendMany: async (tx: Db, context: AuditContext, entries: AuditEntry[]) => {
      await insert(tx, entries.map((entry) => toInput(context, entry)));
    },
    /**
     * The `audit_events` rows of these events, for a command that inserts them in the same
     * statement as its change (one round trip): only inside `command`'s transaction.
     */
    rowsFor: (context: AuditContext, entries: AuditEntry[]): UnsealedEvent[] => {
      appendedEver = true;
      changedSinceCheckpoint = true;
      sequencer.wakeLater();
      return unsealedEvents(entries.map((entry) => toInput(context, entry)), clock());
    },
    /** Runs a write and its audit events in one transaction. */
    command: async <T>(work: (tx: Db) => Promise<T>): Promise<T> => {
      const result = await deps.db.transaction(async (tx) => work(tx as unknown as Db));
      sequencer.wake();
      return result;
    },
    /** Records an event on its own (reads, denials, failed sign-ins). */
    record: async (context: AuditContext, entry: AuditEntry) => {
      await deps.db.transaction(async (tx) => insert(tx as unknown as Db, [toInput(context, entry)]));
      sequencer.wake();
    },
    /** Seals every event committed so far (tests, `verify` after writing, shutdown). */
    sealNow,
    flushCheckpoint,
    start: () => sequencer.start(),
    /** Stops the background sequencer; then seals and checkpoints what this process appended. */
    close: async () => {
      await sequencer.stop();
      await flushCheckpoint();
    },
    /** Stops the background sequencer only (the database is about to close). */
    stop: () => sequencer.stop(),
  };
}
