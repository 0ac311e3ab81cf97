import { z } from 'zod';
import { EconomyCode } from '../core';

// ---------------------------------------------------------------------------------------------
// Languages, enums
// ---------------------------------------------------------------------------------------------

/** The five UI languages; topic names exist in each of them. */
export const PORTAL_UI_LANGUAGES = ['en', 'sr-Latn', 'sr-Cyrl', 'sq', 'mk'] as const;
export const PortalUiLanguage = z.enum(PORTAL_UI_LANGUAGES);
export type PortalUiLanguage = z.infer<typeof PortalUiLanguage>;

/** Languages content may be written in (BCP 47): the UI languages plus the region's others. */
export const CONTENT_LANGUAGES = [...PORTAL_UI_LANGUAGES, 'bs', 'hr', 'cnr', 'bg', 'el', 'ro', 'sl', 'tr', 'fr', 'de'] as const;
export const ContentLanguage = z.enum(CONTENT_LANGUAGES);
export type ContentLanguage = z.infer<typeof ContentLanguage>;

/** Editorial workflow: draft → in_review → published → archived (archived → draft restores). */
export const WORKFLOW_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export const WorkflowStatus = z.enum(WORKFLOW_STATUSES);
export type WorkflowStatus = z.infer<typeof WorkflowStatus>;

export const ARTICLE_KINDS = ['news', 'analysis', 'interview', 'statement'] as const;
export const ArticleKind = z.enum(ARTICLE_KINDS);
export type ArticleKind = z.infer<typeof ArticleKind>;

export const DOCUMENT_KINDS = ['study', 'strategy', 'action_plan', 'report'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const DOCUMENT_FORMATS = ['pdf', 'docx', 'odt'] as const;
export const DocumentFormat = z.enum(DOCUMENT_FORMATS);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

export const EVENT_KINDS = ['conference', 'training', 'meeting'] as const;
export const EventKind = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKind>;

/** The kinds of public content the one search endpoint covers. */
export const SEARCH_TYPES = ['article', 'document', 'event', 'initiative', 'indicator'] as const;
export const SearchType = z.enum(SEARCH_TYPES);
export type SearchType = z.infer<typeof SearchType>;

/** The kinds of content that pass through the editorial workflow. */
export const WORKFLOW_TYPES = ['articles', 'documents', 'events', 'indicators'] as const;
export const WorkflowType = z.enum(WORKFLOW_TYPES);
export type WorkflowType = z.infer<typeof WorkflowType>;

/** A URL-safe, stable identifier used in deep links. */
export const Slug = z
  .string()
  .min(2)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens');

/** `?lang=` on public reads: the language the visitor wants (else Accept-Language, else en). */
export const LangQuery = z.object({ lang: ContentLanguage.optional() });

/** Which language a response was served in, and what else exists (language fallback). */
export const LanguageInfo = z.object({
  /** The language the visitor asked for (?lang= or Accept-Language), or null if none. */
  requested: ContentLanguage.nullable(),
  /** The language this response is written in. */
  served: ContentLanguage,
  /** True when `served` differs from `requested` (a fallback to another translation). */
  fallback: z.boolean(),
  /** Every language this item is available in. */
  available: z.array(ContentLanguage),
});
export type LanguageInfo = z.infer<typeof LanguageInfo>;

// ---------------------------------------------------------------------------------------------
// Shared references
// ---------------------------------------------------------------------------------------------

export const TopicRef = z.object({
  slug: Slug,
  /** Name in the served UI language (falls back to English). */
  name: z.string(),
});
export type TopicRef = z.infer<typeof TopicRef>;

export const EconomyRef = z.object({
  /** ISO 3166-1 alpha-2 (XK for Kosovo*) or REG / INT. */
  code: EconomyCode,
  name: z.string(),
});
export type EconomyRef = z.infer<typeof EconomyRef>;

export const InitiativeRef = z.object({
  slug: Slug,
  name: z.string(),
  acronym: z.string().nullable(),
});
export type InitiativeRef = z.infer<typeof InitiativeRef>;
