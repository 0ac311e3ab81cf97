import { z } from 'zod';
import { PageQuery, Uuid } from './core';
import { AlertSummary, DeskRef, IsoDateTime } from './wanted-core';
import { ACTION_CODES } from './wanted-actions';
import { MatchClass } from './wanted-screening';
import { singleLine } from './single-line';

/** One line of text: no control characters. */
const screeningLine = (max: number) => singleLine().trim().max(max);

export const HIT_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export const HitStatus = z.enum(HIT_STATUSES);

/** The screener's structured hit report (SIRENE's hit form). */
export const HitReportInput = z
  .object({
    foundAt: IsoDateTime,
    place: screeningLine(300).min(2),
    actionTaken: z.string().trim().min(2).max(2000),
    inCustody: screeningLine(500).default(''),
    seized: screeningLine(500).default(''),
    contact: screeningLine(300).min(3),
  })
  .strict();
export type HitReportInput = z.infer<typeof HitReportInput>;

/** One entry of a hit's follow-up: the screener's report or the desk's decision with its reply. */
export const HitMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('report'), id: Uuid, author: z.string(), createdAt: z.string(), report: HitReportInput }),
  z.object({ kind: z.literal('decision'), id: Uuid, author: z.string(), createdAt: z.string(), decision: z.enum(['confirmed', 'rejected']), note: z.string() }),
]);
export type HitMessage = z.infer<typeof HitMessage>;

export const HitView = z.object({
  id: Uuid,
  reference: z.string(),
  status: HitStatus,
  /** Only when the viewer may read the alert; a viewer who may not sees the class alone. */
  score: z.number().nullable(),
  decision: MatchClass,
  /** What was screened. */
  query: z.record(z.string(), z.string()),
  purpose: z.string(),
  screener: z.object({ displayName: z.string(), economy: z.string(), organisation: z.string() }),
  holdingDesk: DeskRef.extend({ email: z.string().nullable(), phone: z.string().nullable() }),
  /** The coded action on a hit, on a match only. */
  actionCode: z.enum(ACTION_CODES).nullable(),
  /** The action on a hit, on a match only. */
  actionToTake: z.string().nullable(),
  /** The alert, when the viewer may read it; null otherwise. */
  alert: AlertSummary.nullable(),
  screenerCouldRead: z.boolean(),
  /** Repeats of the same screening within the grouping window, and when each was made (latest last). */
  screenCount: z.number().int(),
  screenedTimes: z.array(z.string()),
  decisionNote: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The follow-up: the hit report and the decision (on the hit page; empty in lists). */
  messages: z.array(HitMessage),
  abilities: z.object({ 'wanted.hit.decide': z.boolean(), 'wanted.hit.report': z.boolean() }),
});
export type HitView = z.infer<typeof HitView>;

export const HitPage = z.object({ items: z.array(HitView), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type HitPage = z.infer<typeof HitPage>;

export const HitListQuery = PageQuery.extend({ status: HitStatus.optional() }).strict();
export type HitListQuery = z.infer<typeof HitListQuery>;

export const HitIdParams = z.object({ id: Uuid }).strict();

export const HitDecisionInput = z
  .object({ decision: z.enum(['confirmed', 'rejected']), note: z.string().trim().min(1).max(2000) })
  .strict();
export type HitDecisionInput = z.infer<typeof HitDecisionInput>;
