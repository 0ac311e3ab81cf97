import { z } from 'zod';
import { EconomyCode, Uuid } from './core';
import { AlertSummary, IdentifierKind, IsoDate, ObjectKind } from './wanted-core';
import { ACTION_CODES } from './wanted-actions';
import { singleLine } from './single-line';

/** One line of text: no control characters. */
const screeningLine = (max: number) => singleLine().trim().max(max);

/** Why a screening is run: a case number or the check it belongs to; recorded with every hit and in the audit. */
export const ScreeningPurpose = screeningLine(200).min(3, 'a purpose or case reference of at least 3 characters');

export const SEXES = ['female', 'male'] as const;
export const Sex = z.enum(SEXES);

export const PersonScreenInput = z
  .object({
    /** The name as read from a document or said, in any script. */
    name: singleLine().max(20_000),
    dateOfBirth: IsoDate.optional(),
    nationality: EconomyCode.optional(),
    sex: Sex.optional(),
    documentNumber: singleLine().max(200).optional(),
    purpose: ScreeningPurpose,
  })
  .strict();
export type PersonScreenInput = z.infer<typeof PersonScreenInput>;

export const ObjectScreenInput = z
  .object({
    kind: ObjectKind,
    /** A VIN or plate, a serial, a document number; case, spaces, dashes and O/0 I/1 do not matter. */
    identifier: singleLine().max(20_000),
    purpose: ScreeningPurpose,
  })
  .strict();
export type ObjectScreenInput = z.infer<typeof ObjectScreenInput>;

export const Decision = z.enum(['match', 'possible', 'no_match']);
/** How strong an answer is. Every answer carries one; a possible match is never acted on alone. */
export const MatchClass = z.enum(['match', 'possible']);
export type MatchClass = z.infer<typeof MatchClass>;

/** One reason in words: a stable code (translated by the web app), the English text, and its values. */
export const ScreeningReason = z.object({ code: z.string(), text: z.string(), values: z.record(z.string(), z.string()) });
export type ScreeningReason = z.infer<typeof ScreeningReason>;

/** Who to call about a hit: the holding desk, with its contact where the directory has one. */
export const DeskContact = z.object({ economy: z.string(), area: z.string(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable() });
export type DeskContact = z.infer<typeof DeskContact>;

/**
 * What the officer compares with the person or object in front of him, beside the query: only
 * in an answer he may read (never in a hit-only one). Photos are served by the alert's photo
 * route (`?size=thumb`), which checks the policy and audits each read.
 */
export const CandidateFacts = z.object({
  dateOfBirth: z.string().nullable(),
  sex: z.enum(['female', 'male']).nullable(),
  nationality: z.string().nullable(),
  physicalDescription: z.string().nullable(),
  languages: z.array(z.string()),
  identityMisused: z.boolean(),
  /** Make, model, colour… of an object, as entered. */
  attributes: z.record(z.string(), z.string()),
  identifiers: z.array(z.object({ kind: IdentifierKind, value: z.string() })),
  photoIds: z.array(Uuid),
});
export type CandidateFacts = z.infer<typeof CandidateFacts>;

/** An alert the screener may read: the summary, how well it matched and why. */
export const FullCandidate = z.object({
  visibility: z.literal('full'),
  alert: AlertSummary,
  facts: CandidateFacts,
  decision: MatchClass,
  /** The coded action on a hit (translated by the client), with its free-text addition in actionToTake: only on a match. */
  actionCode: z.enum(ACTION_CODES).nullable(),
  /** The action on a hit: only on a match; a possible match is referred to the holding desk. */
  actionToTake: z.string().nullable(),
  score: z.number(),
  reasons: z.array(ScreeningReason),
  holdingDesk: DeskContact,
  /** The hit recorded for the issuing desk, when one was. */
  hitReference: z.string().nullable(),
  /** How often this screener screened this subject against this alert within the grouping window. */
  screenCount: z.number().int(),
});

/** An alert the screener may not read: that it exists, how strongly (class only), who holds it and, on a match, what to do. */
export const HitOnlyCandidate = z.object({
  visibility: z.literal('hit'),
  hit: z.literal(true),
  decision: MatchClass,
  holdingDesk: DeskContact,
  /** Quote it to the holding desk; it names the hit, not the alert. */
  reference: z.string(),
  actionCode: z.enum(ACTION_CODES).nullable(),
  actionToTake: z.string().nullable(),
  screenCount: z.number().int(),
});

export const ScreenCandidate = z.discriminatedUnion('visibility', [FullCandidate, HitOnlyCandidate]);
export type ScreenCandidate = z.infer<typeof ScreenCandidate>;

export const ScreenResult = z.object({
  /** What was searched for, after normalisation. */
  normalizedQuery: z.string(),
  candidates: z.array(ScreenCandidate),
  /** Short notes on the input (e.g. it was shortened). */
  notes: z.array(z.string()),
  /**
   * More alerts the screener may read answered than are listed (a very common name): add a
   * date of birth or a document. Alerts the screener may not read never set it.
   */
  truncated: z.boolean(),
});
export type ScreenResult = z.infer<typeof ScreenResult>;
