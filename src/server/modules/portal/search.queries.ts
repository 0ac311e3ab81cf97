import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
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

/** The channel on which the write path names changed search rows (`type:id`, or `*` for all). */
export const SEARCH_CHANGES_CHANNEL = 'portal_search_changes';

/** Tells every node's search index, once the transaction commits, that a search row changed. */
export async function notifySearchChange(db: Db, type: SearchType | '*', itemId?: string) {
  await db.execute(sql`select pg_notify(${SEARCH_CHANGES_CHANNEL}, ${type === '*' ? '*' : `${type}:${itemId}`})`);
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
  await notifySearchChange(db, input.type, input.itemId);
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

const SHORTLIST = 200;

/**
 * The order of "latest" (no words, or words sorted by date), as news portals list: current items
 * newest first, then items dated in the future (upcoming events) soonest first, undated last.
 * A future date never puts an item above today's news.
 */
export function listingOrder(alias: string, at: string): SQL {
  return listingOrderBy(sql.raw(`${alias}.item_date`), sql.raw(`${alias}.item_id`), at);
}

/** The same order over any date and id (a topic's, an economy's or an initiative's lists of one kind). */
export function listingOrderBy(date: SQL | AnyColumn, id: SQL | AnyColumn, at: string): SQL {
  const future = sql`${date} > ${at}::timestamptz`;
  return sql`case when ${date} is null then 2 when ${future} then 1 else 0 end, case when ${future} then ${date} end asc,
    ${date} desc nulls last, case when ${future} then ${id} end desc, ${id}`;
}

/**
 * The page of the latest listing from the facet table: each group (current, future, undated)
 * walks the partial index in its own direction, so no sort over all visible rows is needed.
 */
function latestPage(visible: SQL, at: string, limit: number, offset: number): SQL {
  const take = limit + offset;
  const columns = sql`select f.type, f.item_id, f.item_date, 0::float8 as score ${visible}`;
  return sql`select * from (
      (${columns} and f.item_date <= ${at}::timestamptz order by f.item_date desc, f.item_id limit ${take})
      union all (${columns} and f.item_date > ${at}::timestamptz order by f.item_date asc, f.item_id desc limit ${take})
      union all (${columns} and f.item_date is null order by f.item_id limit ${take})
    ) f order by ${listingOrder('f', at)} limit ${limit} offset ${offset}`;
}

/** One grouping set per facet over the compact columns, plus () for the total. */
const FACET_GROUPS = sql.raw(`case when grouping(type_bits) = 0 then 'type' when grouping(topic_bits) = 0 then 'topic'
      when grouping(economy_bits) = 0 then 'economy' when grouping(language_bits) = 0 then 'language'
      when grouping(year) = 0 then 'year' else 'all' end as dimension,
    case when grouping(type_bits) = 0 then type_bits when grouping(topic_bits) = 0 then topic_bits
      when grouping(economy_bits) = 0 then economy_bits when grouping(language_bits) = 0 then language_bits
      when grouping(year) = 0 then year::bigint else 0 end as key,
    count(*)::int as count`);
const GROUPING_SETS = sql.raw('group by grouping sets ((), (type_bits), (topic_bits), (economy_bits), (language_bits), (year))');

const bitOf = (facet: string, value: string) => sql`(select 1::bigint << c.bit from portal_search_codes c where c.facet = ${facet} and c.value = ${value})`;

function filterConditions(alias: string, filters: SearchFilters): SQL[] {
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  const where: SQL[] = [];
  if (filters.type) where.push(sql`${column('type')} = ${filters.type}`);
  if (filters.topic) where.push(sql`${column('topic_bits')} & ${bitOf('topic', filters.topic)} <> 0`);
  if (filters.economy) where.push(sql`${column('economy_bits')} & ${bitOf('economy', filters.economy)} <> 0`);
  if (filters.language) where.push(sql`${column('language_bits')} & ${bitOf('language', filters.language)} <> 0`);
  if (filters.year !== undefined) where.push(sql`${column('year')} = ${filters.year}`);
  return where;
}

/**
 * Facet counts (dimension, key) of the visible rows when there are neither words nor filters:
 * the maintained totals of published rows minus the published rows not yet due (scheduled).
 */
function unfilteredCounts(now: Date): SQL {
  return sql`select dimension, key, sum(count)::int as count from (
      select dimension, key, count from portal_search_totals
      union all
      select v.dimension, v.key, -1 from portal_search_facets f
      cross join lateral (values ('all', 0::bigint), ('economy', f.economy_bits), ('language', f.language_bits), ('topic', f.topic_bits),
        ('type', f.type_bits), ('year', f.year::bigint)) as v(dimension, key)
      where f.published and (f.publish_at > ${now.toISOString()}::timestamptz or f.publish_at is null) and v.key is not null
    ) c group by dimension, key having sum(count) > 0`;
}

/**
 * Items, total and facet counts from the same visible, filtered set, in one statement.
 * With words: the GIN index on the folded tsvector finds the rows; a cheap score (query words
 * in the title) picks a shortlist, ranked by ts_rank plus trigram word similarity to the title.
 * Without words: the narrow facet table, newest first through its partial index; without
 * filters either, the counts come from the maintained totals. Facets are counted in one pass
 * (GROUPING SETS over integer masks, expanded to values through portal_search_codes).
 */
export async function runSearch(
  db: Db,
  params: { now: Date; tsQuery: string | null; tokens: string[]; filters: SearchFilters; limit: number; offset: number; byDate?: boolean },
): Promise<SearchAnswer> {
  const { filters, now } = params;
  const byDate = params.byDate === true && params.tsQuery !== null;
  const at = now.toISOString();
  let matched: SQL;
  let page: SQL;
  let counts: SQL;
  if (!params.tsQuery) {
    const where = [sql`f.published and f.publish_at <= ${at}::timestamptz`, ...filterConditions('f', filters)];
    const visible = sql`from portal_search_facets f where ${sql.join(where, sql` and `)}`;
    page = latestPage(visible, at, params.limit, params.offset);
    const filtered = where.length > 1;
    matched = filtered ? sql`select f.type_bits, f.topic_bits, f.economy_bits, f.language_bits, f.year ${visible}` : sql`select 1`;
    counts = filtered ? sql`select ${FACET_GROUPS} from matched ${GROUPING_SETS}` : unfilteredCounts(now);
  } else {
    const where = [searchVisible(now), sql`ps.tsv @@ to_tsquery('simple', ${params.tsQuery})`, ...filterConditions('ps', filters)];
    const safeTokens = params.tokens.filter((token) => /^[a-z0-9]+$/.test(token));
    const cheap = safeTokens.length ? sql.raw(safeTokens.map((token) => `(position('${token}' in ps.title_folded) > 0)::int`).join(' + ')) : sql.raw('0');
    matched = sql`select ps.type, ps.item_id, ps.item_date, ps.type_bits, ps.topic_bits, ps.economy_bits, ps.language_bits, ps.year, ${cheap} as cheap
      from portal_search ps where ${sql.join(where, sql` and `)}`;
    counts = sql`select ${FACET_GROUPS} from matched ${GROUPING_SETS}`;
    page = byDate
      ? sql`select m.type, m.item_id, m.item_date, (0.1 * m.cheap)::float8 as score from matched m
          order by ${listingOrder('m', at)} limit ${params.limit} offset ${params.offset}`
      : params.offset + params.limit <= SHORTLIST
      ? sql`select s.type, s.item_id, s.item_date, s.score from (
          select m.type, m.item_id, m.item_date,
            (ts_rank(ps.tsv, to_tsquery('simple', ${params.tsQuery})) + 0.5 * word_similarity(${safeTokens.join(' ')}, ps.title_folded) + 0.1 * m.cheap)::float8 as score
          from (select * from matched order by cheap desc, item_date desc nulls last, item_id limit ${SHORTLIST}) m
          join portal_search ps on ps.type = m.type and ps.item_id = m.item_id
        ) s order by s.score desc, s.item_date desc nulls last, s.item_id limit ${params.limit} offset ${params.offset}`
      : sql`select m.type, m.item_id, m.item_date, (0.1 * m.cheap)::float8 as score from matched m
          order by m.cheap desc, m.item_date desc nulls last, m.item_id limit ${params.limit} offset ${params.offset}`;
  }
  const result = await db.execute(sql`
    with matched as materialized (${matched}),
    page as (${page}),
    counts as (${counts})
    select
      (select coalesce(json_agg(json_build_object('dimension', c.dimension, 'key', c.key::text, 'count', c.count)), '[]'::json) from counts c) as counts,
      (select coalesce(json_agg(json_build_object('facet', facet, 'bit', bit, 'value', value)), '[]'::json) from portal_search_codes) as codes,
      (select coalesce(json_agg(json_build_object(
          'type', ps.type, 'item_id', ps.item_id, 'slug', ps.slug, 'title', ps.title, 'body', left(pt.body, 20000),
          'topics', ps.topics, 'economies', ps.economies, 'languages', ps.languages,
          'item_date', p.item_date, 'score', p.score)
        order by ${byDate || !params.tsQuery ? listingOrder('p', at) : sql`p.score desc, p.item_date desc nulls last, p.item_id`}), '[]'::json)
       from page p join portal_search ps on ps.type = p.type and ps.item_id = p.item_id
       left join portal_search_text pt on pt.type = p.type and pt.item_id = p.item_id) as rows`);
  const [row] = rowsOf<{ counts: unknown; codes: unknown; rows: unknown }>(result);
  const parse = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
  const grouped = parse<{ dimension: string; key: string | null; count: number }[]>(row?.counts ?? []);
  const codes = parse<{ facet: string; bit: number; value: string }[]>(row?.codes ?? []);
  return { ...expandFacets(grouped, codes), rows: parse<SearchRow[]>(row?.rows ?? []) };
}

/** Turns counts per mask into counts per value: a row with mask 0b101 counts for bits 0 and 2. */
export function expandFacets(grouped: { dimension: string; key: string | null; count: number }[], codes: { facet: string; bit: number; value: string }[]) {
  const valueOf = new Map(codes.map((code) => [`${code.facet}:${code.bit}`, code.value]));
  const sums = new Map<string, number>();
  let total = 0;
  for (const group of grouped) {
    if (group.count <= 0) continue;
    if (group.dimension === 'all') {
      total = group.count;
    } else if (group.dimension === 'year') {
      // Items without a year (grouped as null) are not a year value.
      if (group.key === null) continue;
      sums.set(`year:${group.key}`, (sums.get(`year:${group.key}`) ?? 0) + group.count);
    } else {
      let mask = BigInt(group.key ?? 0);
      for (let bit = 0; mask > 0n; bit += 1, mask >>= 1n) {
        const value = (mask & 1n) === 1n ? valueOf.get(`${group.dimension}:${bit}`) : undefined;
        if (value !== undefined) sums.set(`${group.dimension}:${value}`, (sums.get(`${group.dimension}:${value}`) ?? 0) + group.count);
      }
    }
  }
  const facets: SearchAnswer['facets'] = [];
  for (const [key, count] of sums) {
    const split = key.indexOf(':');
    facets.push({ facet: key.slice(0, split), value: key.slice(split + 1), count });
  }
  return { total, facets };
}
