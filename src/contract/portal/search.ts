import { z } from 'zod';
import { singleLine } from '../single-line';
import { EconomyCode, PageQuery } from '../core';
import { ContentLanguage, EconomyRef, SearchType, Slug } from './common';

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

export const SearchQuery = PageQuery.extend({
  /** Free text; Cyrillic/Latin, diacritics and one typo are tolerated. Capped at 200 characters. Empty → latest items. */
  q: singleLine().default(''),
  type: SearchType.optional(),
  topic: Slug.optional(),
  economy: EconomyCode.optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  language: ContentLanguage.optional(),
  lang: ContentLanguage.optional(),
  /** With words: by relevance (default) or newest first. The empty query is always newest first. */
  sort: z.enum(['relevance', 'date']).default('relevance'),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A run of a snippet; `match` runs are the highlighted parts (render them in <mark>). */
export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const SearchHit = z.object({
  type: SearchType,
  id: z.uuid(),
  slug: Slug,
  title: z.string(),
  /** Highlighted excerpt of the original text (not the folded text). */
  snippet: z.array(SnippetPart),
  /** Relative URL of the public page in the web app, e.g. /portal/articles/<slug>. */
  url: z.string(),
  /** Date of the item (publication, event start …). ISO 8601. */
  date: z.iso.datetime({ offset: true }).nullable(),
  language: ContentLanguage.nullable(),
  topics: z.array(Slug),
  economies: z.array(EconomyCode),
  /** Relevance (higher is better); 0 for the empty query. */
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const FacetBucket = z.object({ value: z.string(), count: z.number().int() });
export type FacetBucket = z.infer<typeof FacetBucket>;

export const SearchResult = z.object({
  items: z.array(SearchHit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The query as used (trimmed, capped). */
  query: z.string(),
  /** True when the query was longer than the maximum and was cut to it. */
  truncated: z.boolean(),
  /** True when the query has characters but no letter or digit: nothing is searched, no results. */
  noWords: z.boolean(),
  /** Counts over the same filtered set (each facet ignores no filter: counts equal what a click would return). */
  facets: z.object({
    type: z.array(FacetBucket),
    topic: z.array(FacetBucket),
    economy: z.array(FacetBucket),
    year: z.array(FacetBucket),
    language: z.array(FacetBucket),
  }),
});
export type SearchResult = z.infer<typeof SearchResult>;

// ---------------------------------------------------------------------------------------------
// Reference data
// ---------------------------------------------------------------------------------------------

export const EconomyList = z.object({ items: z.array(EconomyRef) });
export type EconomyList = z.infer<typeof EconomyList>;
