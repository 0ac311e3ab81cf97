import { type SQL, sql } from 'drizzle-orm';
import type { SearchType } from '../../../contract/portal';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import type { IndexAnswer, IndexedItem } from './search.index';
import { type SearchRow, pgTextArray } from './search.queries';

interface IndexRow {
  type: SearchType;
  item_id: string;
  title_folded: string;
  /** The lexemes, space-separated (one string parses far faster than a text[]). */
  words: string;
  topics: string[];
  economies: string[];
  languages: string[];
  year: number | null;
  item_date: string | Date | null;
  publish_at: string | Date | null;
  published: boolean;
}

const millis = (value: string | Date | null) => (value === null ? null : new Date(value).getTime());

const INDEX_COLUMNS = sql.raw(`ps.type, ps.item_id, ps.title_folded, array_to_string(tsvector_to_array(ps.tsv), ' ') as words, ps.topics, ps.economies, ps.languages,
  ps.year, ps.item_date, ps.publish_at, ps.status = 'published' as published`);

function toItem(row: IndexRow): IndexedItem | null {
  if (!row.published) return null;
  return {
    type: row.type,
    itemId: row.item_id,
    titleFolded: row.title_folded,
    words: row.words.length > 0 ? row.words.split(' ') : [],
    topics: row.topics,
    economies: row.economies,
    languages: row.languages,
    year: row.year,
    itemDate: millis(row.item_date),
    publishAt: millis(row.publish_at),
  };
}

/** One batch of published rows after `after` (keyset order by type and id), for the build at start. */
export async function loadPublishedBatch(db: Db, after: { type: string; itemId: string } | null, limit: number) {
  const from = after ? sql`and (ps.type, ps.item_id) > (${after.type}, ${after.itemId}::uuid)` : sql``;
  const rows = rowsOf<IndexRow>(
    await db.execute(sql`select ${INDEX_COLUMNS} from portal_search ps where ps.status = 'published' ${from} order by ps.type, ps.item_id limit ${limit}`),
  );
  return rows.map((row) => toItem(row)!);
}

/** The current truth of the named rows: an item, or null when it is gone or not published. */
export async function loadRowsByKey(db: Db, keys: { type: string; itemId: string }[]) {
  const found = new Map<string, IndexedItem | null>(keys.map((key) => [`${key.type}:${key.itemId}`, null]));
  if (keys.length === 0) return found;
  const rows = rowsOf<IndexRow>(
    await db.execute(sql`select ${INDEX_COLUMNS}
      from unnest(${pgTextArray(keys.map((key) => key.type))}::text[], ${pgTextArray(keys.map((key) => key.itemId))}::uuid[]) as k(type, item_id)
      cross join lateral (select * from portal_search s where s.type = k.type and s.item_id = k.item_id) ps`),
  );
  for (const row of rows) found.set(`${row.type}:${row.item_id}`, toItem(row));
  return found;
}

/**
 * The rows of a page the index chose. A shortlist is ranked here as the SQL path ranks it
 * (ts_rank plus trigram word similarity to the title plus the title bonus); an ordered page
 * is only loaded. Visibility is checked again, so a row hidden a moment ago never shows.
 */
export async function loadIndexedPage(
  db: Db,
  params: { now: Date; tsQuery: string | null; safeTokens: string[]; answer: IndexAnswer; limit: number; offset: number },
): Promise<SearchRow[]> {
  const { answer } = params;
  if (answer.keys.length === 0) return [];
  const keys = sql`unnest(${pgTextArray(answer.keys.map((key) => key.type))}::text[], ${pgTextArray(answer.keys.map((key) => key.itemId))}::uuid[],
    ${`{${answer.keys.map((key) => key.cheap).join(',')}}`}::int[]) with ordinality as k(type, item_id, cheap, ord)`;
  // Each key is looked up through the primary key (lateral), never by scanning the wide table.
  const rowOf = sql`cross join lateral (select * from portal_search s where s.type = k.type and s.item_id = k.item_id
    and s.status = 'published' and s.publish_at <= ${params.now.toISOString()}::timestamptz) ps`;
  let page: SQL;
  if (answer.mode === 'shortlist' && params.tsQuery) {
    page = sql`select s.*, row_number() over (order by s.score desc, s.item_date desc nulls last, s.item_id) as ord from (
        select ps.type, ps.item_id, ps.item_date,
          (ts_rank(ps.tsv, to_tsquery('simple', ${params.tsQuery})) + 0.5 * word_similarity(${params.safeTokens.join(' ')}, ps.title_folded) + 0.1 * k.cheap)::float8 as score
        from ${keys} ${rowOf}
      ) s order by ord limit ${params.limit} offset ${params.offset}`;
  } else {
    // An ordered page is already in the index's order (the latest listing, or relevance buckets).
    page = sql`select ps.type, ps.item_id, ps.item_date, (0.1 * k.cheap)::float8 as score, k.ord
      from ${keys} ${rowOf}`;
  }
  const result = await db.execute(sql`
    with page as (${page})
    select coalesce(json_agg(json_build_object(
        'type', ps.type, 'item_id', ps.item_id, 'slug', ps.slug, 'title', ps.title, 'body', left(pt.body, 20000),
        'topics', ps.topics, 'economies', ps.economies, 'languages', ps.languages,
        'item_date', p.item_date, 'score', p.score)
      order by p.ord), '[]'::json) as rows
    from page p
    cross join lateral (select * from portal_search s where s.type = p.type and s.item_id = p.item_id) ps
    left join lateral (select t.body from portal_search_text t where t.type = p.type and t.item_id = p.item_id) pt on true`);
  const [row] = rowsOf<{ rows: unknown }>(result);
  const rows = row?.rows ?? [];
  return (typeof rows === 'string' ? JSON.parse(rows) : rows) as SearchRow[];
}
