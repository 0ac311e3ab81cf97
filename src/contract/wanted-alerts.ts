import { z } from 'zod';
import { singleLine } from './single-line';
import { Uuid } from './core';
import { AlertSummary, type WantedKind } from './wanted';
import { type ActionCode, LINK_RELATIONS } from './wanted-actions';

/** The coded actions a kind of alert may ask for; the first is the kind's default. */
export const ACTIONS_BY_KIND: Record<WantedKind, readonly ActionCode[]> = {
  person_arrest: ['arrest_surrender_extradition', 'arrest_surrender_eaw'],
  person_missing_minor: ['protect_place_in_safety', 'prevent_travel', 'establish_whereabouts'],
  person_missing_adult: ['establish_whereabouts', 'protect_place_in_safety', 'prevent_travel'],
  person_locate: ['locate_report_residence'],
  person_check: ['discreet_check', 'specific_check', 'inquiry_check'],
  vehicle: ['seize_object', 'seize_evidence', 'discreet_check', 'specific_check', 'report_to_desk'],
  firearm: ['seize_object', 'seize_evidence', 'report_to_desk'],
  document: ['seize_object', 'seize_evidence', 'report_to_desk'],
  object: ['seize_object', 'seize_evidence', 'report_to_desk'],
};

/** One changed field of an alert, before and after (strings, '' for empty; lists joined by "; "). */
export const AlertFieldChange = z.object({ field: z.string(), before: z.string(), after: z.string() });

export const AlertChange = z.object({
  id: z.number().int(),
  action: z.enum(['create', 'update', 'extend', 'withdraw', 'photo', 'link', 'unlink']),
  changedBy: z.string(),
  changedAt: z.string(),
  changes: z.array(AlertFieldChange),
});
export type AlertChange = z.infer<typeof AlertChange>;

/** The full history of an alert, newest first; only for those who may read the alert. */
export const AlertHistory = z.object({ items: z.array(AlertChange) });
export type AlertHistory = z.infer<typeof AlertHistory>;

export const AlertLinkInput = z
  .object({
    /** The reference of the other alert (e.g. W-RS-2025-00042); the user must be able to read it. */
    reference: singleLine().trim().min(1).max(40),
    relation: z.enum(LINK_RELATIONS),
  })
  .strict();
export type AlertLinkInput = z.infer<typeof AlertLinkInput>;

export const LinkParams = z.object({ id: Uuid, linkId: Uuid }).strict();

/** The subject of an alert about to be entered: what decides "the same person or object". */
export const DuplicateCheckInput = z
  .object({
    kind: z.enum(Object.keys(ACTIONS_BY_KIND) as [WantedKind, ...WantedKind[]]),
    name: singleLine().max(200).optional(),
    dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    documentNumber: singleLine().max(200).optional(),
    vin: singleLine().max(200).optional(),
    plate: singleLine().max(200).optional(),
    serial: singleLine().max(200).optional(),
    identifiers: z.array(singleLine().max(200)).max(20).optional(),
  })
  .strict();
export type DuplicateCheckInput = z.infer<typeof DuplicateCheckInput>;

export const COMPATIBILITIES = ['duplicate', 'incompatible', 'compatible'] as const;

/** An existing alert on the same subject that the author may read: in full. */
export const ExistingReadable = z.object({
  visibility: z.literal('full'),
  alert: AlertSummary,
  decision: z.enum(['match', 'possible']),
  compatibility: z.enum(COMPATIBILITIES),
  /** True when the new alert would be refused because of this one (same economy). */
  blocking: z.boolean(),
});

/** One the author may not read: only that it exists and who holds it (as a hit would say). */
export const ExistingHitOnly = z.object({
  visibility: z.literal('hit'),
  holdingDesk: z.object({ economy: z.string(), area: z.string(), name: z.string() }),
  decision: z.enum(['match', 'possible']),
  blocking: z.boolean(),
});

export const DuplicateCheckResult = z.object({
  existing: z.array(z.discriminatedUnion('visibility', [ExistingReadable, ExistingHitOnly])),
});
export type DuplicateCheckResult = z.infer<typeof DuplicateCheckResult>;

