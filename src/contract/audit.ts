import { z } from 'zod';
import { singleLine } from './single-line';
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
  recordType: singleLine().trim().min(1).max(80).optional(),
  /** The id of the record the event concerns. */
  recordId: singleLine().trim().min(1).max(200).optional(),
  outcome: AuditOutcome.optional(),
  /** Events at or after this day (UTC) or instant. */
  from: dateOrDateTime.optional(),
  /** Events up to the end of this day (UTC), or before this instant. */
  to: dateOrDateTime.optional(),
}).strict();
export type AuditEventQuery = z.infer<typeof AuditEventQuery>;

/**
 * One row of the audit log. Events are addressed by their id, not their position in the chain:
 * positions count every event, also those the reader may not see.
 */
export const AuditEventSummary = z.object({
  id: z.uuid(),
  occurredAt: z.string(),
  /** The signed-in user, or null for an anonymous request. */
  actorUserId: z.uuid().nullable(),
  /** The user's e-mail at the time, or `anonymous`, or the e-mail a sign-in attempt named. */
  actorLabel: z.string(),
  /** The acting user's economy. */
  actorEconomy: z.string().nullable(),
  action: z.string(),
  /** The kind of record the event concerns; null when none, or when masked. */
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  /** What the record is called (a name, a title, or a reference for marked records); null when unknown or masked. */
  recordTitle: z.string().nullable(),
  outcome: AuditOutcome,
  /**
   * The event concerns a marked record owned by another economy than the reader's: the
   * reader sees that it happened, by whom and when, but not the record, details or address.
   */
  masked: z.boolean(),
  /** The economy owning the marked record the event concerns; null when none, or when masked. */
  subjectEconomy: z.string().nullable(),
});
export type AuditEventSummary = z.infer<typeof AuditEventSummary>;

/** One event with everything the chain covers. */
export const AuditEventDetail = AuditEventSummary.extend({
  /** The network address of the request; null when masked. */
  ip: z.string().nullable(),
  /** Ids, field names and outcome; empty when masked. */
  details: z.record(z.string(), z.unknown()),
  /** The economies the record is released to as a whole (`*` = all); null when none, or when masked. */
  subjectReleasedTo: z.array(z.string()).nullable(),
  /**
   * SHA-256 over this event's fields and the previous event's hash. The previous hash itself is
   * not shown: whether it matches the hash of the previous visible event would tell whether
   * events the reader may not see lie between; `verify` checks every link.
   */
  hash: z.string(),
});
export type AuditEventDetail = z.infer<typeof AuditEventDetail>;

export const AuditEventPage = Page(AuditEventSummary);
export type AuditEventPage = z.infer<typeof AuditEventPage>;

export const AuditEventParams = z.object({ id: z.uuid() }).strict();

/**
 * The result of walking the whole chain and checking it reaches the signed checkpoint. It names
 * no counts or positions of an intact chain: they would count events the reader may not see.
 */
export const AuditVerifyResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** When the checkpoint the chain reaches was signed; null when the chain and the checkpoint are empty. */
    checkpointWrittenAt: z.string().nullable(),
    verifiedAt: z.string(),
  }),
  z.object({
    ok: z.literal(false),
    /** The first broken event, when it is still in the chain; null for a gap or when only the checkpoint is at fault. */
    brokenId: z.string().nullable(),
    /** Whether the checkpoint (rather than an event) is at fault. */
    atCheckpoint: z.boolean(),
    /** What is wrong, with the positions in the chain: a break is an incident for every audit reader. */
    reason: z.string(),
    verifiedAt: z.string(),
  }),
]);
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
