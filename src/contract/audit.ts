import { z } from 'zod';
import { Page, PageQuery } from './core';

export const AuditOutcome = z.enum(['success', 'denied', 'failure']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

const dateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** Filters of the audit log; every one is optional and they combine with AND. */
export const AuditEventQuery = PageQuery.extend({
  /** The acting user: their id, or the e-mail they signed in with. */
  user: z.union([z.uuid(), z.string().trim().toLowerCase().email().max(254)]).optional(),
  /** An action, or the start of one up to a dot: `wanted.alert` matches `wanted.alert.read`. */
  action: z.string().trim().min(1).max(120).regex(/^[a-z0-9_.]+$/, 'letters, digits, dots and underscores').optional(),
  /** The kind of record the event concerns, e.g. `wanted_alert`. */
  recordType: z.string().trim().min(1).max(80).optional(),
  /** The id of the record the event concerns. */
  recordId: z.string().trim().min(1).max(200).optional(),
  outcome: AuditOutcome.optional(),
  /** Events at or after this day (UTC) or instant. */
  from: dateOrDateTime.optional(),
  /** Events up to the end of this day (UTC), or before this instant. */
  to: dateOrDateTime.optional(),
}).strict();
export type AuditEventQuery = z.infer<typeof AuditEventQuery>;

/** One row of the audit log. */
export const AuditEventSummary = z.object({
  /** Position in the chain, from 1 without gaps. */
  seq: z.number().int(),
  id: z.uuid(),
  occurredAt: z.string(),
  /** The signed-in user, or null for an anonymous request. */
  actorUserId: z.uuid().nullable(),
  /** The user's e-mail at the time, or `anonymous`, or the e-mail a sign-in attempt named. */
  actorLabel: z.string(),
  /** The acting user's economy. */
  actorEconomy: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  outcome: AuditOutcome,
});
export type AuditEventSummary = z.infer<typeof AuditEventSummary>;

/** One event with everything the chain covers. */
export const AuditEventDetail = AuditEventSummary.extend({
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /** SHA-256 of the previous event (64 zeros for the first). */
  prevHash: z.string(),
  /** SHA-256 over this event's fields and `prevHash`. */
  hash: z.string(),
});
export type AuditEventDetail = z.infer<typeof AuditEventDetail>;

export const AuditEventPage = Page(AuditEventSummary);
export type AuditEventPage = z.infer<typeof AuditEventPage>;

export const AuditEventParams = z.object({ seq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }).strict();

/** The result of walking the whole chain and checking it reaches the signed checkpoint. */
export const AuditVerifyResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** Events verified. */
    events: z.number().int(),
    headSeq: z.number().int(),
    /** The signed checkpoint the chain reaches; null when none has been written yet. */
    checkpoint: z.object({ seq: z.number().int(), hash: z.string(), writtenAt: z.string() }).nullable(),
    verifiedAt: z.string(),
  }),
  z.object({
    ok: z.literal(false),
    /** Events verified before the break. */
    events: z.number().int(),
    /** The first broken event; null when only the checkpoint is at fault. */
    brokenSeq: z.number().int().nullable(),
    brokenId: z.string().nullable(),
    reason: z.string(),
    verifiedAt: z.string(),
  }),
]);
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
