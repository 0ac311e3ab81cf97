import { desc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema/core';
import { sha256Hex } from '../crypto/secrets';
import { canonicalJson } from './canonical';

export const GENESIS_HASH = '0'.repeat(64);
/** Serialises appends across connections and app nodes. */
const AUDIT_LOCK_KEY = 7_315_001;

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

/**
 * Appends events to the chain, in order, inside the caller's transaction, so they commit or
 * roll back with the change they record. The advisory lock is held until that transaction
 * ends, so concurrent appends queue and the sequence has no gaps or forks. The caller's
 * transaction must be READ COMMITTED (the default): the head is read after the lock is taken.
 * Several events cost one lock, one read of the head and one insert.
 */
export async function appendAuditEvents(tx: Db, inputs: AuditEventInput[], now = new Date()): Promise<(ChainedFields & { hash: string })[]> {
  if (inputs.length === 0) return [];
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const events = inputs.map((input) => {
    seq += 1;
    const fields: ChainedFields = {
      seq,
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
      prevHash,
    };
    prevHash = hashEvent(fields);
    return { ...fields, hash: prevHash };
  });
  await tx.insert(auditEvents).values(events);
  return events;
}

export async function appendAuditEvent(tx: Db, input: AuditEventInput, now = new Date()): Promise<ChainedFields & { hash: string }> {
  const [event] = await appendAuditEvents(tx, [input], now);
  return event!;
}
