import { z } from 'zod';
import { PortalUiLanguage, SearchType } from './portal/common';
import { singleLine } from './single-line';

/**
 * "My work": the signed-in user's own page. Each section comes from one module and is filtered
 * by that module's own rules, so a count never includes a record the user may not see.
 */
export const WORK_SECTIONS = [
  'hits.pending',
  'requests.due_soon',
  'requests.overdue',
  'approvals.awaiting',
  'screenings.recent',
  'screenings.outcomes',
  'editor.in_review',
  'editor.scheduled',
  'accounts.locked',
  'accounts.enrolment',
  'access_changes.pending',
  'audit.chain',
  'audit.denials',
  'registry.activities',
  'portal.saved_searches',
  'portal.registrations',
] as const;
export const WorkSectionKey = z.enum(WORK_SECTIONS);
export type WorkSectionKey = z.infer<typeof WorkSectionKey>;

export const WorkItem = z.object({
  /** A reference, title or name: what the user recognises the item by. */
  label: z.string(),
  /** A short second line: a desk, a date's meaning, a status word (as a code for the web app to translate). */
  detail: z.string().nullable(),
  /** A state code the web app translates (`pending`, `overdue`, `in_review`, `daily` …). */
  status: z.string().nullable(),
  /** ISO 8601: when it happened or is due. */
  at: z.string().nullable(),
  /** A path inside Mosaic. */
  link: z.string().nullable(),
});
export type WorkItem = z.infer<typeof WorkItem>;

export const WorkSection = z.object({
  key: WorkSectionKey,
  /** How many there are in all (the items are the first few). */
  count: z.number().int(),
  items: z.array(WorkItem),
  /** Where the full list is. */
  link: z.string().nullable(),
  /** For the audit chain: whether it verified. */
  ok: z.boolean().optional(),
});
export type WorkSection = z.infer<typeof WorkSection>;

export const WorkView = z.object({ sections: z.array(WorkSection) });
export type WorkView = z.infer<typeof WorkView>;

// ---------------------------------------------------------------------------------------------
// Saved searches and the e-mail digest
// ---------------------------------------------------------------------------------------------

export const DIGEST_FREQUENCIES = ['none', 'daily', 'weekly'] as const;
export const DigestFrequency = z.enum(DIGEST_FREQUENCIES);
export type DigestFrequency = z.infer<typeof DigestFrequency>;

/** The portal search that is saved: the query and its filters, as the search page has them. */
export const SavedSearchQuery = z
  .object({
    q: singleLine().trim().max(200).default(''),
    type: SearchType.optional(),
    topic: singleLine().max(80).optional(),
    economy: singleLine().max(10).optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    language: singleLine().max(10).optional(),
  })
  .strict();
export type SavedSearchQuery = z.infer<typeof SavedSearchQuery>;

export const SavedSearchInput = z
  .object({
    name: singleLine().trim().min(1).max(120),
    query: SavedSearchQuery,
    frequency: DigestFrequency.default('none'),
    /** Where the digest goes; the account's own address when absent. Checked as an e-mail address (422). */
    email: singleLine().trim().max(254).nullish(),
    /** The UI language the digest is written in; the request's Accept-Language (else English) when absent. */
    language: PortalUiLanguage.optional(),
  })
  .strict();
export type SavedSearchInput = z.infer<typeof SavedSearchInput>;

export const SavedSearchUpdateInput = SavedSearchInput.partial().strict();
export type SavedSearchUpdateInput = z.infer<typeof SavedSearchUpdateInput>;

export const SavedSearch = z.object({
  id: z.uuid(),
  name: z.string(),
  query: SavedSearchQuery,
  frequency: DigestFrequency,
  /** The address the digest is sent to. */
  email: z.string(),
  /** The UI language the digest is written in. */
  language: PortalUiLanguage,
  lastDigestAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;

export const SavedSearchList = z.object({ items: z.array(SavedSearch) });
export type SavedSearchList = z.infer<typeof SavedSearchList>;

export const SavedSearchParams = z.object({ id: z.uuid() }).strict();

export const UnsubscribeInput = z.object({ token: singleLine().min(1).max(400) }).strict();
export type UnsubscribeInput = z.infer<typeof UnsubscribeInput>;

export const UnsubscribeResult = z.object({ name: z.string(), frequency: DigestFrequency });
export type UnsubscribeResult = z.infer<typeof UnsubscribeResult>;
