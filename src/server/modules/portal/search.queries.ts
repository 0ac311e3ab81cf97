import { type SQL, sql } from 'drizzle-orm';
import type { SearchType } from '../../../contract/portal';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { portalSearchText, portalSearchWords } from './portal.schema';
import { foldText, foldedWords } from './search.fold';

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

/** A PostgreSQL text[] literal (values are slugs, codes and language tags, quoted anyway). */
export function pgTextArray(values: string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** Writes (or rewrites) an item's search row and text, and adds its words to the typo vocabulary. */
export async function upsertSearchRow(db: Db, input: SearchRowInput) {
  const body = `${input.title}\n${input.text}`.slice(0, MAX_BODY_CHARS);
  const folded = foldText(body);
  await db.execute(sql`
    insert into portal_search (type, item_id, slug, title, title_folded, tsv, topics, economies, languages, year, item_date, status, publish_at)
    values (${input.type}, ${input.itemId}, ${input.slug}, ${input.title}, ${foldText(input.title)}, strip(to_tsvector('simple', ${folded})),
      ${pgTextArray(input.topics)}::text[], ${pgTextArray(input.economies)}::text[], ${pgTextArray(input.languages)}::text[],
      ${input.year}::int, ${input.itemDate?.toISOString() ?? null}::timestamptz, ${input.status}, ${input.publishAt?.toISOString() ?? null}::timestamptz)
    on conflict (type, item_id) do update set slug = excluded.slug, title = excluded.title, title_folded = excluded.title_folded, tsv = excluded.tsv,
      topics = excluded.topics, economies = excluded.economies, languages = excluded.languages, year = excluded.year,
      item_date = excluded.item_date, status = excluded.status, publish_at = excluded.publish_at`);
  await db
    .insert(portalSearchText)
    .values({ type: input.type, itemId: input.itemId, body, folded })
    .onConflictDoUpdate({ target: [portalSearchText.type, portalSearchText.itemId], set: { body, folded } });
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

/** The values each facet may take, for the single-pass facet count (cached per database). */
export interface FacetDimensions {
  topics: string[];
  economies: string[];
  languages: readonly string[];
  types: readonly string[];
}

const SAFE_VALUE = /^[A-Za-z0-9-]+$/;
const SHORTLIST = 200;

function facetAggregates(dimensions: FacetDimensions): SQL {
  const parts: string[] = [];
  const add = (facet: string, column: string, values: readonly string[], array: boolean) => {
    for (const value of values) {
      if (!SAFE_VALUE.test(value)) continue;
      const predicate = array ? `'${value}' = any(${column})` : `${column} = '${value}'`;
      parts.push(`count(*) filter (where ${predicate})::int as "${facet}:${value}"`);
    }
  };
  add('type', 'type', dimensions.types, false);
  add('topic', 'topics', dimensions.topics, true);
  add('economy', 'economies', dimensions.economies, true);
  add('language', 'languages', dimensions.languages, true);
  return sql.raw(parts.join(',\n        '));
}

/**
 * Items, total and facet counts from the same filtered set, in one statement. Matching uses the
 * GIN index on the folded tsvector; a cheap score (query words in the title) picks a shortlist,
 * which is ranked by ts_rank plus trigram word similarity to the title. Facets are counted in
 * one pass over the matched rows.
 */
export async function runSearch(
  db: Db,
  params: { now: Date; tsQuery: string | null; tokens: string[]; filters: SearchFilters; limit: number; offset: number; dimensions: FacetDimensions },
): Promise<SearchAnswer> {
  const where: SQL[] = [searchVisible(params.now)];
  const { filters } = params;
  if (params.tsQuery) where.push(sql`ps.tsv @@ to_tsquery('simple', ${params.tsQuery})`);
  if (filters.type) where.push(sql`ps.type = ${filters.type}`);
  if (filters.topic) where.push(sql`${filters.topic} = any(ps.topics)`);
  if (filters.economy) where.push(sql`${filters.economy} = any(ps.economies)`);
  if (filters.year !== undefined) where.push(sql`ps.year = ${filters.year}`);
  if (filters.language) where.push(sql`${filters.language} = any(ps.languages)`);
  const safeTokens = params.tokens.filter((token) => /^[a-z0-9]+$/.test(token));
  const cheap = params.tsQuery && safeTokens.length
    ? sql.raw(safeTokens.map((token) => `(position('${token}' in ps.title_folded) > 0)::int`).join(' + '))
    : sql.raw('0');
  let page: SQL;
  if (!params.tsQuery) {
    page = sql`select m.type, m.item_id, m.item_date, 0::float8 as score from matched m
      order by m.item_date desc nulls last, m.item_id limit ${params.limit} offset ${params.offset}`;
  } else if (params.offset + params.limit <= SHORTLIST) {
    page = sql`select s.type, s.item_id, s.item_date, s.score from (
        select m.type, m.item_id, m.item_date,
          (ts_rank(ps.tsv, to_tsquery('simple', ${params.tsQuery})) + 0.5 * word_similarity(${safeTokens.join(' ')}, ps.title_folded) + 0.1 * m.cheap)::float8 as score
        from (select * from matched order by cheap desc, item_date desc nulls last, item_id limit ${SHORTLIST}) m
        join portal_search ps on ps.type = m.type and ps.item_id = m.item_id
      ) s order by s.score desc, s.item_date desc nulls last, s.item_id limit ${params.limit} offset ${params.offset}`;
  } else {
    page = sql`select m.type, m.item_id, m.item_date, (0.1 * m.cheap)::float8 as score from matched m
      order by m.cheap desc, m.item_date desc nulls last, m.item_id limit ${params.limit} offset ${params.offset}`;
  }
  const result = await db.execute(sql`
    with matched as materialized (
      select ps.type, ps.item_id, ps.topics, ps.economies, ps.languages, ps.year, ps.item_date, ${cheap} as cheap
      from portal_search ps
      where ${sql.join(where, sql` and `)}
    ),
    page as (${page}),
    counts as (select count(*)::int as total, ${facetAggregates(params.dimensions)} from matched),
    years as (select year, count(*)::int as count from matched where year is not null group by year)
    select
      (select row_to_json(c) from counts c) as counts,
      (select coalesce(json_agg(y), '[]'::json) from years y) as years,
      (select coalesce(json_agg(json_build_object(
          'type', ps.type, 'item_id', ps.item_id, 'slug', ps.slug, 'title', ps.title, 'body', left(pt.body, 20000),
          'topics', ps.topics, 'economies', ps.economies, 'languages', ps.languages,
          'item_date', p.item_date, 'score', p.score)
        order by p.score desc, p.item_date desc nulls last, p.item_id), '[]'::json)
       from page p join portal_search ps on ps.type = p.type and ps.item_id = p.item_id
       left join portal_search_text pt on pt.type = p.type and pt.item_id = p.item_id) as rows`);
  const [row] = rowsOf<{ counts: unknown; years: unknown; rows: unknown }>(result);
  const parse = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
  const counts = parse<Record<string, number>>(row?.counts ?? {});
  const facets: SearchAnswer['facets'] = [];
  for (const [key, count] of Object.entries(counts)) {
    if (key === 'total' || count === 0) continue;
    const split = key.indexOf(':');
    facets.push({ facet: key.slice(0, split), value: key.slice(split + 1), count });
  }
  for (const year of parse<{ year: number; count: number }[]>(row?.years ?? [])) facets.push({ facet: 'year', value: String(year.year), count: year.count });
  return { total: counts.total ?? 0, facets, rows: parse<SearchRow[]>(row?.rows ?? []) };
}

/** Topic slugs and economy codes change rarely: loaded once per database handle. */
const dimensionCache = new WeakMap<object, { at: number; value: Promise<{ topics: string[]; economies: string[] }> }>();
export async function loadFacetValues(db: Db): Promise<{ topics: string[]; economies: string[] }> {
  const cached = dimensionCache.get(db);
  if (cached && Date.now() - cached.at < 60_000) return cached.value;
  const value = db
    .execute(sql`select (select coalesce(array_agg(slug order by sort_order), '{}') from portal_topics) as topics,
                        (select coalesce(array_agg(code order by sort_order), '{}') from economies) as economies`)
    .then((result) => rowsOf<{ topics: string[]; economies: string[] }>(result)[0]!);
  dimensionCache.set(db, { at: Date.now(), value });
  return value;
}
