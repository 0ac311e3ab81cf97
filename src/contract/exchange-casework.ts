import { z } from 'zod';
import { Uuid } from './core';
import { HitReportInput, HitView, ScreenCandidate } from './wanted';
import { singleLine } from './single-line';

/** The largest attachment accepted, in bytes. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Attachments per item. */
export const ATTACHMENTS_PER_ITEM = 10;

export const Attachment = z.object({
  id: Uuid,
  fileName: z.string(),
  /** The type sniffed from the content, never the one the browser claimed. */
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;
export const AttachmentList = z.object({ items: z.array(Attachment) });
export type AttachmentList = z.infer<typeof AttachmentList>;

export const AttachmentParams = z.object({ id: Uuid, attachmentId: Uuid }).strict();

/** A person, vehicle or document a request names; the receiving desk screens them against its wanted alerts. */
export const RequestSubject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), name: singleLine().trim().min(2).max(200), dateOfBirth: z.iso.date().optional() }).strict(),
  z
    .object({ kind: z.literal('vehicle'), plate: singleLine().trim().min(2).max(20).optional(), vin: singleLine().trim().min(5).max(20).optional() })
    .strict()
    .refine((vehicle) => vehicle.plate !== undefined || vehicle.vin !== undefined, { message: 'a plate or a VIN' }),
  z.object({ kind: z.literal('document'), documentNumber: singleLine().trim().min(3).max(40) }).strict(),
]);
export type RequestSubject = z.infer<typeof RequestSubject>;
export const RequestSubjects = z.array(RequestSubject).max(20);

/** One named subject and what the receiving economy's wanted alerts say about it, under the safe-answer rules. */
export const CrossCheckResult = z.object({
  subject: RequestSubject,
  candidates: z.array(ScreenCandidate),
});
/** What a request names, for those who may read it; whether this user may screen it. */
export const ItemSubjects = z.object({ subjects: z.array(RequestSubject), canCrossCheck: z.boolean() });
export type ItemSubjects = z.infer<typeof ItemSubjects>;
export const CrossCheck = z.object({ checkedAt: z.string(), results: z.array(CrossCheckResult) });
export type CrossCheck = z.infer<typeof CrossCheck>;

/** Opens a hit follow-up request to the desk holding the alert. */
export const FollowUpInput = z
  .object({
    /** The hit, by its reference as the screening answer gave it. */
    hitReference: singleLine().trim().min(3).max(40),
    /** One of the screener's desks. */
    senderDeskId: Uuid,
    /** What the requester asks or adds; sanitised on the server. */
    bodyHtml: z.string().max(20_000).default(''),
    urgency: z.enum(['urgent', 'normal']).default('urgent'),
  })
  .strict();
export type FollowUpInput = z.infer<typeof FollowUpInput>;

export const FollowUpDecisionInput = z
  .object({ decision: z.enum(['confirmed', 'rejected']), note: z.string().trim().min(1).max(2000) })
  .strict();
export type FollowUpDecisionInput = z.infer<typeof FollowUpDecisionInput>;

export { HitReportInput as FollowUpReportInput };

/** The hit behind a follow-up thread, as far as the reader may see it, with the release decision. */
export const FollowUpView = z.object({
  itemId: Uuid,
  hit: HitView,
  release: z.object({ organisation: z.string(), releasedBy: z.string(), releasedAt: z.string() }).nullable(),
  abilities: z.object({ report: z.boolean(), decide: z.boolean(), release: z.boolean() }),
});
export type FollowUpView = z.infer<typeof FollowUpView>;

/** The UI language the thread PDF's labels are printed in. */
export const ExportQuery = z.object({ lang: z.enum(['en', 'sr-Latn', 'sr-Cyrl', 'sq', 'mk']).default('en') }).strict();
export type ExportQuery = z.infer<typeof ExportQuery>;

export const FollowUpCreated = z.object({ itemId: Uuid, threadId: Uuid, reference: z.string() });
export type FollowUpCreated = z.infer<typeof FollowUpCreated>;
