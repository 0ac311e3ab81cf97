import { desc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema/core';
import { sha256Hex } from '../crypto/secrets';
import { canonicalJson } from './canonical';

export const GENESIS_HASH = '0'.repeat(64);
/** Serialises appends across connections and app nodes. */
const AUDIT_LOCK_KEY = 7_315_001;

export type AuditOutcome = 'success' | 'denied' | 'failure';

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
  prevHash: string;
}

/** The hash of an event covers every stored field and the previous event's hash. */
export function hashEvent(fields: ChainedFields): string {
  return sha256Hex(canonicalJson({ ...fields, occurredAt: new Date(fields.occurredAt).toISOString() }));
}

/**
 * Appends one event to the chain inside the caller's transaction, so the event commits or
 * rolls back with the change it records.
 */
export async function appendAuditEvent(tx: Db, input: AuditEventInput, now = new Date()): Promise<ChainedFields & { hash: string }> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const fields: ChainedFields = {
    seq: (last?.seq ?? 0) + 1,
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
    details: input.details ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = hashEvent(fields);
  await tx.insert(auditEvents).values({ ...fields, hash });
  return { ...fields, hash };
}
