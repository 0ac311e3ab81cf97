import type { Actor } from '../../access/actor';
import type { AuditSubject } from '../../access/audit-scope';
import type { Db } from '../../db/client';
import { type AuditEventInput, type AuditOutcome, appendAuditEvent, appendAuditEvents } from './chain';
import { writeCheckpoint } from './checkpoint';

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
 * The audit chain as modules use it: `append` inside the command's transaction;
 * `command` wraps a write so that its audit events commit with it. After appends the signed
 * checkpoint is refreshed (debounced); `flushCheckpoint` writes it now, and only when this
 * process appended since the last write, so a read-only run (`audit verify`) never re-signs
 * a head that may have been tampered with.
 */
export function createAuditService(deps: { db: Db; checkpointPath: string | null; checkpointKey: Buffer; clock?: () => Date }) {
  const clock = deps.clock ?? (() => new Date());
  let pendingCheckpoint: NodeJS.Timeout | null = null;
  let lastCheckpoint: Promise<unknown> = Promise.resolve();
  let appendedSinceCheckpoint = false;

  function scheduleCheckpoint() {
    appendedSinceCheckpoint = true;
    if (!deps.checkpointPath || pendingCheckpoint) return;
    pendingCheckpoint = setTimeout(() => {
      pendingCheckpoint = null;
      void flushCheckpoint();
    }, 250);
    pendingCheckpoint.unref();
  }

  async function flushCheckpoint() {
    if (pendingCheckpoint) {
      clearTimeout(pendingCheckpoint);
      pendingCheckpoint = null;
    }
    const checkpointPath = deps.checkpointPath;
    if (!checkpointPath) return;
    lastCheckpoint = lastCheckpoint
      .then(async () => {
        if (!appendedSinceCheckpoint) return;
        appendedSinceCheckpoint = false;
        await writeCheckpoint(deps.db, checkpointPath, deps.checkpointKey, clock()).catch(() => {
          appendedSinceCheckpoint = true;
        });
      })
    await lastCheckpoint;
  }

  return {
    append: async (tx: Db, context: AuditContext, entry: AuditEntry) => {
      await appendAuditEvent(tx, toInput(context, entry), clock());
    },
    /** Several events of one actor, in order, for the price of one append. */
    appendMany: async (tx: Db, context: AuditContext, entries: AuditEntry[]) => {
      await appendAuditEvents(tx, entries.map((entry) => toInput(context, entry)), clock());
    },
    /** Runs a write and its audit events in one transaction. */
    command: async <T>(work: (tx: Db) => Promise<T>): Promise<T> => {
      const result = await deps.db.transaction(async (tx) => work(tx as unknown as Db));
      scheduleCheckpoint();
      return result;
    },
    /** Records an event on its own (reads, denials, failed sign-ins). */
    record: async (context: AuditContext, entry: AuditEntry) => {
      await deps.db.transaction(async (tx) => appendAuditEvent(tx as unknown as Db, toInput(context, entry), clock()));
      scheduleCheckpoint();
    },
    flushCheckpoint,
  };
}
