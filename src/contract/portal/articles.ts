import { z } from 'zod';
import { singleLine } from '../single-line';
import { EconomyCode, Page, PageQuery } from '../core';
import { ArticleKind, CONTENT_LANGUAGES, ContentLanguage, LanguageInfo, Slug, TopicRef } from './common';

// ---------------------------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------------------------

export const ArticleSummary = z.object({
  id: z.uuid(),
  slug: Slug,
  kind: ArticleKind,
  /** Title in the served language. */
  title: z.string(),
  /** Short lead paragraph (plain text) in the served language. */
  lead: z.string(),
  /** URL of the lead image (may be an external public URL or null). */
  leadImageUrl: z.string().nullable(),
  /** Alternative text of the lead image in the served language. */
  leadImageAlt: z.string().nullable(),
  /** Author's display name (a byline, not a user account). */
  author: z.string(),
  /** When it became (or becomes) public: publishAt if set, else the publish time. ISO 8601. */
  publishedAt: z.iso.datetime({ offset: true }),
  topics: z.array(TopicRef),
  /** Economies the article is about. */
  economies: z.array(EconomyCode),
  language: LanguageInfo,
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const Article = ArticleSummary.extend({
  /** Sanitised HTML body in the served language (safe to render). */
  bodyHtml: z.string(),
  /** Last change of the published text. ISO 8601. */
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Article = z.infer<typeof Article>;

export const ArticleListQuery = PageQuery.extend({
  kind: ArticleKind.optional(),
  /** Topic slug. */
  topic: Slug.optional(),
  economy: EconomyCode.optional(),
  /** Only articles available in this language (no fallback). */
  language: ContentLanguage.optional(),
  lang: ContentLanguage.optional(),
});
export type ArticleListQuery = z.infer<typeof ArticleListQuery>;

export const ArticlePage = Page(ArticleSummary);
export type ArticlePage = z.infer<typeof ArticlePage>;

/** One language version of an article as an editor writes it. */
export const ArticleTranslationInput = z
  .object({
    language: ContentLanguage,
    title: singleLine().trim().min(1).max(300),
    lead: z.string().trim().max(2000).default(''),
    /** Rich text (HTML). Sanitised on the server: scripts, on* attributes, javascript: URLs, styles are removed. */
    bodyHtml: z.string().max(200_000),
    leadImageAlt: singleLine().max(300).nullable().default(null),
  })
  .strict();
export type ArticleTranslationInput = z.infer<typeof ArticleTranslationInput>;

export const ArticleInput = z
  .object({
    /** Stable deep-link slug; unique among articles. */
    slug: Slug,
    kind: ArticleKind,
    author: singleLine().trim().min(1).max(200),
    leadImageUrl: z.url({ protocol: /^https?$/ }).max(1000).nullable().default(null),
    topics: z.array(Slug).max(15).default([]),
    economies: z.array(EconomyCode).max(20).default([]),
    /** The language of the original text (must be among translations). */
    originalLanguage: ContentLanguage,
    translations: z.array(ArticleTranslationInput).min(1).max(CONTENT_LANGUAGES.length),
  })
  .strict();
export type ArticleInput = z.infer<typeof ArticleInput>;
