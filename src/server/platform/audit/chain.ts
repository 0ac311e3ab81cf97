import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sha256Hex } from '../crypto/secrets';
import { canonicalJson } from './canonical';

export const GENESIS_HASH = '0'.repeat(64);

export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditEventInput {
  actorUserId: string | null;
  actorLabel: string;
  actorEconomy: string | null;
  /** `<module>.<thing>.<verb>`, e.g. `auth.sign_in`, `wanted.alert.read`. */
  action: string;
  recordType?: string | null;
  recordId?: string | null;
  outcome: AuditOutcome;
  ip?: string | null;
  details?: Record<string, unknown>;
  /** The owning economy of the marked record the event concerns (null: no marked record). */
  subjectEconomy?: string | null;
  /** The economies that record is released to as a whole (`*` = all). */
  subjectReleasedTo?: string[] | null;
}

export interface ChainedFields {
  /** The position in the chain (the row's `chain_seq`). */
  seq: number;
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorLabel: string;
  actorEconomy: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  details: Record<string, unknown>;
  subjectEconomy?: string | null;
  subjectReleasedTo?: string[] | null;
  prevHash: string;
}

/**
 * The hash of an event covers every stored field but its own hash, and the previous event's
 * hash. Fields are picked by name, so a row read back with extra columns hashes the same.
 * The time is hashed as an ISO instant (millisecond precision, as it is written), so the
 * database's text form of the timestamp (`2026-01-02 10:00:00.123+00`) does not matter.
 * The subject (the marked record's scope) is hashed when present and left out when null, so
 * events written before it existed keep their hashes and a subject cannot be added, changed
 * or removed without breaking the chain.
 */
export function hashEvent(fields: ChainedFields): string {
  const hashed: ChainedFields = {
    seq: Number(fields.seq),
    id: fields.id,
    occurredAt: new Date(fields.occurredAt).toISOString(),
    actorUserId: fields.actorUserId,
    actorLabel: fields.actorLabel,
    actorEconomy: fields.actorEconomy,
    action: fields.action,
    recordType: fields.recordType,
    recordId: fields.recordId,
    outcome: fields.outcome,
    ip: fields.ip,
    details: fields.details,
    subjectEconomy: fields.subjectEconomy ?? undefined,
    subjectReleasedTo: fields.subjectReleasedTo ?? undefined,
    prevHash: fields.prevHash,
  };
  return sha256Hex(canonicalJson(hashed));
}

/**
 * Details as they will read back from the jsonb column: plain JSON (dates become strings,
 * undefined members vanish). Hashing this form keeps the stored row and its hash in step.
 */
function toStoredJson(details: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!details) return {};
  const plain: unknown = JSON.parse(JSON.stringify(details));
  return plain !== null && typeof plain === 'object' && !Array.isArray(plain) ? (plain as Record<string, unknown>) : {};
}

/** An event as inserted by the change's transaction: not yet in the chain. */
export type UnsealedEvent = Omit<ChainedFields, 'seq' | 'prevHash'>;

/**
 * Inserts events, in order, inside the caller's transaction, so they commit or roll back with
 * the change they record. No lock and no read of the chain's head: the events are unsealed
 * (no chain position, no hash) until the sequencer (`sequencer.ts`) orders the committed ones
 * into the chain. Several events cost one insert.
 */
/** A text array as one parameter (a JavaScript array in a template would become a list). */
function released(economies: readonly string[] | null): SQL {
  if (economies === null) return sql`null::text[]`;
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(economies)}::jsonb))`;
}

export async function insertAuditEvents(tx: Db, inputs: AuditEventInput[], now = new Date()): Promise<UnsealedEvent[]> {
  if (inputs.length === 0) return [];
  const events = unsealedEvents(inputs, now);
  // A plain statement, not the query builder: every audited write runs it, and building the
  // insert from the table's columns cost more of the writer's CPU than the statement itself.
  const rows = events.map((event) => sql`(${event.id}::uuid, ${event.occurredAt}::timestamptz, ${event.actorUserId}::uuid, ${event.actorLabel}, ${event.actorEconomy}, ${event.action}, ${event.recordType}, ${event.recordId}, ${event.outcome}, ${event.ip}, ${JSON.stringify(event.details)}::jsonb, ${event.subjectEconomy}, ${released(event.subjectReleasedTo ?? null)})`);
  await tx.execute(sql`insert into audit_events (id, occurred_at, actor_user_id, actor_label, actor_economy, action, record_type, record_id, outcome, ip, details, subject_economy, subject_released_to) values ${sql.join(rows, sql`, `)}`);
  return events;
}

/** The rows `insertAuditEvents` inserts, for a caller that inserts them in its own statement. */
export function unsealedEvents(inputs: AuditEventInput[], now = new Date()): UnsealedEvent[] {
  return inputs.map((input) => ({
    id: crypto.randomUUID(),
    occurredAt: now.toISOString(),
    actorUserId: input.actorUserId,
    actorLabel: input.actorLabel,
    actorEconomy: input.actorEconomy,
    action: input.action,
    recordType: input.recordType ?? null,
    recordId: input.recordId ?? null,
    outcome: input.outcome,
    ip: input.ip ?? null,
    details: toStoredJson(input.details),
    subjectEconomy: input.subjectEconomy ?? null,
    subjectReleasedTo: input.subjectReleasedTo ?? null,
  }));
}
