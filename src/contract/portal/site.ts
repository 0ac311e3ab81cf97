import { z } from 'zod';
import { singleLine } from '../single-line';
import { EconomyCode } from '../core';
import { ArticleSummary } from './articles';
import { EconomyRef, PORTAL_UI_LANGUAGES, PortalUiLanguage } from './common';
import { DocumentSummary } from './documents';
import { EventSummary } from './events';
import { IndicatorSummary } from './indicators';
import { InitiativeSummary } from './initiatives';

// ---------------------------------------------------------------------------------------------
// Site pages (the footer's about, contact, legal notice, privacy, accessibility) and economies
// ---------------------------------------------------------------------------------------------

export const SITE_PAGE_SLUGS = ['about', 'contact', 'legal', 'privacy', 'accessibility'] as const;
export const SitePageSlug = z.enum(SITE_PAGE_SLUGS);
export type SitePageSlug = z.infer<typeof SitePageSlug>;

export const SitePage = z.object({
  slug: SitePageSlug,
  /** Title in the served UI language. */
  title: z.string(),
  /** Sanitised HTML in the served UI language (safe to render). */
  bodyHtml: z.string(),
  language: PortalUiLanguage,
  updatedAt: z.iso.datetime({ offset: true }),
});
export type SitePage = z.infer<typeof SitePage>;

export const SitePageLinks = z.object({ items: z.array(z.object({ slug: SitePageSlug, title: z.string() })) });
export type SitePageLinks = z.infer<typeof SitePageLinks>;

export const SitePageTranslationInput = z
  .object({
    language: PortalUiLanguage,
    title: singleLine().trim().min(1).max(200),
    /** Rich text (HTML), sanitised on the server. */
    bodyHtml: z.string().trim().min(1).max(100_000),
  })
  .strict();

/** An editor's new text of a site page: every UI language, each once. */
export const SitePageInput = z
  .object({ translations: z.array(SitePageTranslationInput).length(PORTAL_UI_LANGUAGES.length) })
  .strict()
  .refine((input) => new Set(input.translations.map((item) => item.language)).size === PORTAL_UI_LANGUAGES.length, {
    message: 'each UI language exactly once',
    path: ['translations'],
  });
export type SitePageInput = z.infer<typeof SitePageInput>;

/** The editor's view: the text in every UI language. */
export const EditorSitePage = z.object({
  slug: SitePageSlug,
  translations: z.array(SitePageTranslationInput),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type EditorSitePage = z.infer<typeof EditorSitePage>;

export const SitePageParams = z.object({ slug: SitePageSlug });
export const EconomyParams = z.object({ code: EconomyCode });

/** Everything public about one economy (each list at most 20, newest first). */
export const EconomyPage = z.object({
  economy: EconomyRef,
  articles: z.array(ArticleSummary),
  documents: z.array(DocumentSummary),
  events: z.array(EventSummary),
  initiatives: z.array(InitiativeSummary),
  indicators: z.array(IndicatorSummary),
});
export type EconomyPage = z.infer<typeof EconomyPage>;
