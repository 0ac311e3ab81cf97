import type { Db } from '../../db/client';
import { sha256Hex } from '../crypto/secrets';
import { canonicalJson } from './canonical';
import { runPrepared } from './statements';

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

const EVENT_COLUMNS = 'id, occurred_at, actor_user_id, actor_label, actor_economy, action, record_type, record_id, outcome, ip, details, subject_economy, subject_released_to';

// The released-to list travels as JSON: one text array parameter reads the same on both drivers.
const INSERT_ONE = `insert into audit_events (${EVENT_COLUMNS}) values ($1::uuid, $2::timestamptz, $3::uuid, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text, $10::text, $11::jsonb, $12::text,
  case when $13::jsonb is null then null else array(select jsonb_array_elements_text($13::jsonb)) end)`;

const INSERT_MANY = `insert into audit_events (${EVENT_COLUMNS})
  select id, occurred_at, actor_user_id, actor_label, actor_economy, action, record_type, record_id, outcome, ip, coalesce(details, '{}'::jsonb), subject_economy, subject_released_to
  from jsonb_populate_recordset(null::audit_events, $1::jsonb) with ordinality as e order by e.ordinality`;

/**
 * Inserts events, in order, inside the caller's transaction, so they commit or roll back with
 * the change they record. No lock and no read of the chain's head: the events are unsealed
 * (no chain position, no hash) until the sequencer (`sequencer.ts`) orders the committed ones
 * into the chain. A prepared statement: every audited write runs it, and parsing, planning and
 * building it per call cost the writer more than inserting the row (`bench/audit-append.ts`).
 */
export async function insertAuditEvents(tx: Db, inputs: AuditEventInput[], now = new Date()): Promise<UnsealedEvent[]> {
  if (inputs.length === 0) return [];
  const events = unsealedEvents(inputs, now);
  if (events.length === 1) {
    const event = events[0]!;
    const released = event.subjectReleasedTo == null ? null : JSON.stringify(event.subjectReleasedTo);
    await runPrepared(tx, 'mosaic_audit_insert_one', INSERT_ONE, [
      event.id, event.occurredAt, event.actorUserId, event.actorLabel, event.actorEconomy, event.action, event.recordType,
      event.recordId, event.outcome, event.ip, JSON.stringify(event.details), event.subjectEconomy, released,
    ]);
    return events;
  }
  const rows = events.map((event) => ({
    id: event.id, occurred_at: event.occurredAt, actor_user_id: event.actorUserId, actor_label: event.actorLabel, actor_economy: event.actorEconomy,
    action: event.action, record_type: event.recordType, record_id: event.recordId, outcome: event.outcome, ip: event.ip, details: event.details,
    subject_economy: event.subjectEconomy, subject_released_to: event.subjectReleasedTo,
  }));
  await runPrepared(tx, 'mosaic_audit_insert_many', INSERT_MANY, [JSON.stringify(rows)]);
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
