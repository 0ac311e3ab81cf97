import { type ContentLanguage, type SearchQuery, type SearchResult } from '../../../contract/portal';
import type { Db } from '../../db/client';
import { MAX_QUERY_CHARS, queryTokens } from './search.fold';
import { pickLanguage } from './portal.language';
import { loadTranslationTitles } from './search.titles';
import { loadIndexedPage } from './search.index.queries';
import type { PortalSearchIndexHandle } from './search.index.sync';
import { type SearchAnswer, type SearchFilters, buildTsQuery, runSearch, widenTypos } from './search.queries';
import { buildSnippet } from './search.snippet';

/** The web app's page of each hit (the addresses the sitemap and the server-rendered pages use). */
const WEB_PATHS = {
  article: '/news/',
  document: '/documents/',
  event: '/events/',
  initiative: '/initiatives/',
  indicator: '/statistics/',
} as const;

const FACET_NAMES = ['type', 'topic', 'economy', 'year', 'language'] as const;

/**
 * Total, facets and the page's rows: from the in-process index when it is current (PostgreSQL
 * then only ranks the shortlist and loads the page), otherwise all in SQL. Both give the same.
 */
async function answerSearch(
  db: Db,
  index: PortalSearchIndexHandle | null,
  params: { now: Date; tsQuery: string | null; tokens: string[]; widened: Map<string, string[]>; filters: SearchFilters; limit: number; offset: number; byDate: boolean },
): Promise<SearchAnswer> {
  // Newest-first with words orders every match by date, which the index's relevance shortlist does not: SQL answers it.
  const current = index && !(params.byDate && params.tsQuery) ? await index.current() : null;
  if (!current) return runSearch(db, params);
  const answer = current.search({ ...params, now: params.now.getTime() });
  const rows = await loadIndexedPage(db, { ...params, safeTokens: params.tokens, answer });
  return { total: answer.total, facets: answer.facets, rows };
}

/**
 * The one search over all public portal content. An empty (or punctuation-only, or
 * one-letter) query lists the latest public items; nothing a visitor types is an error.
 * Without an index handle (or while it is built) the search runs all in SQL.
 */
export async function searchPortal(db: Db, now: Date, input: SearchQuery, index: PortalSearchIndexHandle | null = null): Promise<SearchResult> {
  const { query, tokens: allTokens } = queryTokens(input.q);
  const truncated = input.q.trim().length > MAX_QUERY_CHARS;
  // Only punctuation or symbols: nothing to search for, and not "the latest items" either.
  if (query.length > 0 && !/[\p{L}\p{N}]/u.test(query)) {
    return { query, truncated, noWords: true, total: 0, page: input.page, pageSize: input.pageSize, items: [], facets: { type: [], topic: [], economy: [], year: [], language: [] } };
  }
  const tokens = allTokens.filter((token) => token.length >= 2);
  const widened = tokens.length > 0 ? await widenTypos(db, tokens) : new Map<string, string[]>();
  const answer = await answerSearch(db, index, {
    now,
    tsQuery: tokens.length > 0 ? buildTsQuery(tokens, widened) : null,
    tokens,
    widened,
    filters: { type: input.type, topic: input.topic, economy: input.economy, year: input.year, language: input.language },
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
    byDate: input.sort === 'date',
  });
  const extraWords = [...widened.values()].flat();
  const facets: SearchResult['facets'] = { type: [], topic: [], economy: [], year: [], language: [] };
  for (const bucket of answer.facets) {
    const name = FACET_NAMES.find((candidate) => candidate === bucket.facet);
    if (name) facets[name].push({ value: String(bucket.value), count: bucket.count });
  }
  for (const name of FACET_NAMES) facets[name].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  // An article found in any language is shown by its title in the visitor's language when it has one.
  const titles = await loadTranslationTitles(db, answer.rows.filter((row) => row.type === 'article').map((row) => row.item_id));
  const served = (row: (typeof answer.rows)[number]) => {
    const translations = titles.get(row.item_id);
    if (!translations || !input.lang) return { title: row.title, language: (row.languages[0] as ContentLanguage | undefined) ?? null };
    const info = pickLanguage(input.lang, [...translations.keys()], row.languages[0] ?? 'en');
    return { title: translations.get(info.served) ?? row.title, language: info.served };
  };
  return {
    query,
    truncated,
    noWords: false,
    total: answer.total,
    page: input.page,
    pageSize: input.pageSize,
    facets,
    items: answer.rows.map((row) => ({
      type: row.type,
      id: row.item_id,
      slug: row.slug,
      title: served(row).title,
      snippet: buildSnippet((row.body ?? '').slice(row.title.length + 1) || row.title, tokens, extraWords),
      url: `${WEB_PATHS[row.type]}${row.slug}`,
      date: row.item_date ? new Date(row.item_date).toISOString() : null,
      language: served(row).language,
      topics: row.topics,
      economies: row.economies,
      score: Math.round(row.score * 10_000) / 10_000,
    })),
  };
}
