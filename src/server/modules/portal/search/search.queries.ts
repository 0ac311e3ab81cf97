import { type SQL, sql } from 'drizzle-orm';
import type { SearchType } from '../../../../contract/portal';
import type { Db } from '../../../db/client';
import { rowsOf } from '../../../db/migrate';
import { portalSearch, portalSearchWords } from '../portal.schema';
import { foldText, foldedWords } from './fold';

/** What the service hands the index for one item (any type). */
export interface SearchRowInput {
  type: SearchType;
  itemId: string;
  slug: string;
  title: string;
  /** Original text besides the title (summary, body, extracted text), any script. */
  text: string;
  topics: string[];
  economies: string[];
  languages: string[];
  year: number | null;
  itemDate: Date | null;
  status: string;
  publishAt: Date | null;
}

const MAX_BODY_CHARS = 200_000;

/** Writes (or rewrites) an item's search row and adds its words to the typo vocabulary. */
export async function upsertSearchRow(db: Db, input: SearchRowInput) {
  const body = `${input.title}\n${input.text}`.slice(0, MAX_BODY_CHARS);
  const folded = foldText(body);
  const row = {
    type: input.type,
    itemId: input.itemId,
    slug: input.slug,
    title: input.title,
    titleFolded: foldText(input.title),
    body,
    folded,
    topics: input.topics,
    economies: input.economies,
    languages: input.languages,
    year: input.year,
    itemDate: input.itemDate,
    status: input.status,
    publishAt: input.publishAt,
  };
  const { type: _type, itemId: _itemId, ...updatable } = row;
  await db.insert(portalSearch).values(row).onConflictDoUpdate({ target: [portalSearch.type, portalSearch.itemId], set: updatable });
  const words = foldedWords(folded);
  for (let i = 0; i < words.length; i += 1000) {
    await db
      .insert(portalSearchWords)
      .values(words.slice(i, i + 1000).map((word) => ({ word })))
      .onConflictDoNothing();
  }
}

/** Public = published and its publish time has come (scheduled items appear by themselves). */
export const searchVisible = (now: Date) => sql`ps.status = 'published' and ps.publish_at <= ${now.toISOString()}::timestamptz`;

/**
 * One-typo tolerance: each query word of 4+ letters that is not itself a known word is widened
 * to known words within one edit (two for words of 7+ letters, so that a swap of two letters
 * counts as one typo), found through the trigram index on the vocabulary.
 */
export async function widenTypos(db: Db, tokens: string[]): Promise<Map<string, string[]>> {
  const candidates = tokens.filter((token) => token.length >= 4);
  const widened = new Map<string, string[]>();
  if (candidates.length === 0) return widened;
  const result = await db.execute(sql`
    select t.tok as token, w.word as word
    from unnest(${`{${candidates.join(',')}}`}::text[]) as t(tok)
    cross join lateral (
      select word from portal_search_words
      where word % t.tok and word <> t.tok
        and levenshtein(word, t.tok) <= case when length(t.tok) >= 7 then 2 else 1 end
      order by similarity(word, t.tok) desc
      limit 4
    ) w
    where not exists (select 1 from portal_search_words e where e.word = t.tok)`);
  for (const row of rowsOf<{ token: string; word: string }>(result)) {
    widened.set(row.token, [...(widened.get(row.token) ?? []), row.word]);
  }
  return widened;
}

/** `(tok:* | alt1 | alt2) & …` — tokens are [a-z0-9]+ after folding, so this is safe text. */
export function buildTsQuery(tokens: string[], widened: Map<string, string[]>): string {
  return tokens.map((token) => `(${[`${token}:*`, ...(widened.get(token) ?? [])].join(' | ')})`).join(' & ');
}

export interface SearchFilters {
  type?: SearchType;
  topic?: string;
  economy?: string;
  year?: number;
  language?: string;
}

export interface SearchRow {
  type: SearchType;
  item_id: string;
  slug: string;
  title: string;
  body: string;
  topics: string[];
  economies: string[];
  languages: string[];
  item_date: string | null;
  score: number;
}

export interface SearchAnswer {
  rows: SearchRow[];
  total: number;
  facets: { facet: string; value: string; count: number }[];
}

/** Items, total and facet counts from the same filtered set, in one statement. */
export async function runSearch(
  db: Db,
  params: { now: Date; tsQuery: string | null; foldedQuery: string; filters: SearchFilters; limit: number; offset: number },
): Promise<SearchAnswer> {
  const where: SQL[] = [searchVisible(params.now)];
  const { filters } = params;
  if (params.tsQuery) where.push(sql`ps.tsv @@ to_tsquery('simple', ${params.tsQuery})`);
  if (filters.type) where.push(sql`ps.type = ${filters.type}`);
  if (filters.topic) where.push(sql`${filters.topic} = any(ps.topics)`);
  if (filters.economy) where.push(sql`${filters.economy} = any(ps.economies)`);
  if (filters.year !== undefined) where.push(sql`ps.year = ${filters.year}`);
  if (filters.language) where.push(sql`${filters.language} = any(ps.languages)`);
  const score = params.tsQuery
    ? sql`(ts_rank(ps.tsv, to_tsquery('simple', ${params.tsQuery})) + 0.5 * word_similarity(${params.foldedQuery}, ps.title_folded))::float8`
    : sql`0::float8`;
  const result = await db.execute(sql`
    with matched as materialized (
      select ps.type, ps.item_id, ps.topics, ps.economies, ps.languages, ps.year, ps.item_date, ${score} as score
      from portal_search ps
      where ${sql.join(where, sql` and `)}
    ),
    page as (
      select m.type, m.item_id, m.score, m.item_date from matched m
      order by m.score desc, m.item_date desc nulls last, m.item_id
      limit ${params.limit} offset ${params.offset}
    ),
    facets as (
      select 'type' as facet, type as value, count(*)::int as count from matched group by type
      union all select 'topic', t, count(*)::int from matched, unnest(topics) t group by t
      union all select 'economy', e, count(*)::int from matched, unnest(economies) e group by e
      union all select 'year', year::text, count(*)::int from matched where year is not null group by year
      union all select 'language', l, count(*)::int from matched, unnest(languages) l group by l
    )
    select
      (select count(*)::int from matched) as total,
      (select coalesce(json_agg(f), '[]'::json) from facets f) as facets,
      (select coalesce(json_agg(json_build_object(
          'type', ps.type, 'item_id', ps.item_id, 'slug', ps.slug, 'title', ps.title, 'body', left(ps.body, 20000),
          'topics', ps.topics, 'economies', ps.economies, 'languages', ps.languages,
          'item_date', p.item_date, 'score', p.score)
        order by p.score desc, p.item_date desc nulls last, p.item_id), '[]'::json)
       from page p join portal_search ps on ps.type = p.type and ps.item_id = p.item_id) as rows`);
  const [row] = rowsOf<{ total: number; facets: unknown; rows: unknown }>(result);
  const parse = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
  return {
    total: row?.total ?? 0,
    facets: parse<SearchAnswer['facets']>(row?.facets ?? []),
    rows: parse<SearchRow[]>(row?.rows ?? []),
  };
}

/** Removes an item from the index (never used for public items that are archived: they keep their row with status). */
export async function deleteSearchRow(db: Db, type: SearchType, itemId: string) {
  await db.execute(sql`delete from portal_search where type = ${type} and item_id = ${itemId}`);
}
