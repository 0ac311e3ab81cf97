/**
 * Portal search at scale: N public items generated into a fresh database (PGlite, and a fresh
 * PostgreSQL database when a server URL is given), a fixed set of queries through the engine's
 * own search through the in-process index (facets and totals in process, PostgreSQL ranking the
 * shortlist and making snippets) beside the SQL path of the same search and a plain ILIKE scan,
 * with p50/p95 latencies, ratios, a check that both paths answer identically, the index's build
 * time and memory, and database index sizes.
 *   npx tsx bench/portal-search.ts [--items 100000] [--server postgres://…]
 */
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import { SearchQuery } from '../src/contract/portal';
import { type DbHandle, createPgliteHandle, createPostgresHandle } from '../src/server/db/client';
import { migrate, rowsOf } from '../src/server/db/migrate';
import { foldText } from '../src/server/modules/portal/search.fold';
import { pgTextArray } from '../src/server/modules/portal/search.queries';
import { startPortalSearchIndex } from '../src/server/modules/portal/search.index.sync';
import { searchPortal } from '../src/server/modules/portal/search.service';
import { formatNumber, percentile } from './support/report';

export interface PortalSearchBenchOptions {
  items?: number;
  /** A PostgreSQL server URL: the same run on a fresh database there. */
  serverUrl?: string;
  repetitions?: number;
}

const DOMAIN_WORDS = [
  'bezbednost', 'security', 'granica', 'border', 'police', 'policija', 'customs', 'carina', 'trafficking', 'smuggling', 'krijumcarenje',
  'corruption', 'korupcija', 'laundering', 'terrorism', 'extremism', 'radicalisation', 'reintegration', 'firearms', 'weapons', 'oruzje',
  'drugs', 'cocaine', 'heroin', 'cannabis', 'cyber', 'incident', 'ransomware', 'disinformation', 'hybrid', 'energy', 'infrastructure',
  'floods', 'earthquake', 'disaster', 'violence', 'gender', 'reform', 'oversight', 'parliament', 'prosecutor', 'tuzilastvo', 'investigation',
  'cooperation', 'saradnja', 'regional', 'strategy', 'strategija', 'action', 'plan', 'report', 'study', 'training', 'conference', 'meeting',
  'migration', 'asylum', 'refugees', 'victims', 'protection', 'analysis', 'assessment', 'threat', 'risk', 'data', 'exchange', 'network',
  'djordjevic', 'petrovic', 'hoxha', 'kola', 'dimitrov', 'novak', 'horvat', 'jovanovski', 'belgrade', 'skopje', 'tirana', 'sarajevo',
  'podgorica', 'pristina', 'sofia', 'bucharest', 'athens', 'ljubljana', 'zagreb', 'chisinau', 'istanbul', 'selec', 'marri', 'seesac',
];

/** Deterministic pseudo-random numbers, so that runs compare. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A deterministic vocabulary: the domain words first (frequent), then pronounceable pseudo-words. */
function vocabulary(size: number): string[] {
  const consonants = 'bcdfghjklmnprstvz';
  const vowels = 'aeiou';
  const words = [...DOMAIN_WORDS];
  const seen = new Set(words);
  const next = random(7);
  while (words.length < size) {
    let word = '';
    const syllables = 2 + Math.floor(next() * 3);
    for (let i = 0; i < syllables; i += 1) word += consonants[Math.floor(next() * consonants.length)]! + vowels[Math.floor(next() * vowels.length)]!;
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

const TOPICS = ['violent-extremism', 'radicalisation-reintegration', 'organised-crime', 'corruption', 'money-laundering', 'drugs', 'trafficking-smuggling', 'small-arms', 'border-security', 'hybrid-threats', 'cyber-security', 'critical-infrastructure', 'disasters', 'gender-based-violence', 'security-sector-reform'];
const ECONOMIES = ['AL', 'BA', 'BG', 'HR', 'GR', 'XK', 'MD', 'ME', 'MK', 'RO', 'RS', 'SI', 'TR'];
const LANGUAGES = ['en', 'sr-Latn', 'sr-Cyrl', 'sq', 'mk'];

const pgArray = (values: string[]) => `{${values.map((v) => `"${v}"`).join(',')}}`;

/**
 * Bulk generation: rows built in TypeScript (words drawn with a skew, so that some are common
 * and most are rare) and written with large multi-row inserts; the GIN indexes are dropped
 * during the load and rebuilt after it with the migration's own definitions.
 */
export async function generatePortalItems(handle: DbHandle, items: number) {
  const words = vocabulary(6000);
  const next = random(42);
  const draw = (skew: number) => words[Math.floor(words.length * next() ** skew)]!;
  const phrase = (count: number, skew: number) => Array.from({ length: count }, () => draw(skew)).join(' ');
  const types = ['article', 'document', 'event', 'initiative', 'indicator'] as const;
  await handle.execScript(`drop index if exists portal_search_tsv_idx; drop index if exists portal_search_title_trgm_idx;
    alter table portal_search disable trigger portal_search_bits_trg; alter table portal_search disable trigger portal_search_sync_trg;`);
  // With the row triggers off, the masks are computed here from the same codes; the narrow
  // table and the totals are rebuilt in one pass after the load.
  await handle.db.execute(sql`select portal_search_bits('language', ${pgTextArray(LANGUAGES)}::text[])`);
  const codes = rowsOf<{ facet: string; value: string; bit: number }>(await handle.db.execute(sql`select facet, value, bit from portal_search_codes`));
  const bitOf = new Map(codes.map((code) => [`${code.facet}:${code.value}`, BigInt(code.bit)]));
  const mask = (facet: string, values: string[]) => String(values.reduce((sum, value) => sum | (1n << bitOf.get(`${facet}:${value}`)!), 0n));
  const batch = 1000;
  for (let offset = 0; offset < items; offset += batch) {
    const rows: SQL[] = [];
    const texts: SQL[] = [];
    for (let g = offset; g < Math.min(items, offset + batch); g += 1) {
      const title = phrase(6 + (g % 3), 3);
      const text = phrase(g % 20 === 1 ? 600 : 70, 2);
      const folded = `${title} ${text}`;
      const year = 2015 + (g % 11);
      const id = crypto.randomUUID();
      const type = types[g % 5]!;
      const topics = [...new Set([TOPICS[g % 15]!, TOPICS[Math.floor(g / 15) % 15]!])];
      const economies = [...new Set([ECONOMIES[g % 13]!, ECONOMIES[Math.floor(g / 7) % 13]!])];
      const languages = [LANGUAGES[Math.floor(g / 3) % 5]!];
      rows.push(sql`(${type}, ${id}, ${`item-${g}`}, ${title}, ${title}, strip(to_tsvector('simple', ${folded})),
        ${pgTextArray(topics)}::text[], ${pgTextArray(economies)}::text[], ${pgTextArray(languages)}::text[], ${year}::int,
        ${new Date(Date.UTC(year, g % 12, 1 + (g % 28))).toISOString()}::timestamptz, ${g % 20 === 0 ? 'draft' : 'published'}, '2014-01-01'::timestamptz,
        ${mask('type', [type])}::bigint, ${mask('topic', topics)}::bigint, ${mask('economy', economies)}::bigint, ${mask('language', languages)}::bigint)`);
      texts.push(sql`(${type}, ${id}, ${`${title}\n${text}`}, ${folded})`);
    }
    await handle.db.execute(sql`insert into portal_search (type, item_id, slug, title, title_folded, tsv, topics, economies, languages, year, item_date, status, publish_at,
      type_bits, topic_bits, economy_bits, language_bits) values ${sql.join(rows, sql`, `)}`);
    await handle.db.execute(sql`insert into portal_search_text (type, item_id, body, folded) values ${sql.join(texts, sql`, `)}`);
    if (process.env.BENCH_VERBOSE) console.error('  inserted', offset + rows.length);
  }
  await handle.execScript(`
    create index if not exists portal_search_tsv_idx on portal_search using gin (tsv);
    create index if not exists portal_search_title_trgm_idx on portal_search using gin (title_folded gin_trgm_ops);`);
  await handle.execScript(`select portal_search_rebuild_derived();
    alter table portal_search enable trigger portal_search_bits_trg; alter table portal_search enable trigger portal_search_sync_trg;`);
  await handle.db.execute(sql`insert into portal_search_words (word) select unnest(${pgArray(words)}::text[]) on conflict do nothing`);
  await handle.db.execute(sql`analyze portal_search`);
  await handle.db.execute(sql`analyze portal_search_words`);
  await handle.db.execute(sql`analyze portal_search_facets`);
}

const QUERIES: { label: string; q: string; extra?: Partial<SearchQuery> }[] = [
  { label: 'common word', q: 'security' },
  { label: 'common word, Cyrillic', q: 'безбедност' },
  { label: 'name with diacritics', q: 'Đorđević' },
  { label: 'two words', q: 'border police' },
  { label: 'rare pseudo-word', q: '' },
  { label: 'one typo', q: 'corruptoin' },
  { label: 'prefix', q: 'traffick' },
  { label: 'word + topic filter', q: 'drugs', extra: { topic: 'drugs' } },
  { label: 'empty query (latest)', q: '' },
  { label: 'punctuation only', q: '?!...' },
];

/** The ILIKE scan costs seconds at 100,000 items: a few samples of it are enough. */
const ILIKE_REPETITIONS = 3;

async function measure(handle: DbHandle, label: string, items: number, repetitions: number) {
  const words = vocabulary(6000);
  const rare = words[5000]!;
  const queries = QUERIES.map((query) => (query.label === 'rare pseudo-word' ? { ...query, q: rare } : query));
  const now = new Date();
  const memoryBefore = process.memoryUsage();
  const index = startPortalSearchIndex(handle.db, handle.kind);
  await index.ready();
  const memoryAfter = process.memoryUsage();
  const stats = index.stats();
  if (!stats) throw new Error('the portal search index did not build');
  const engine: number[] = [];
  const sqlPath: number[] = [];
  const baseline: number[] = [];
  const perQuery: string[] = [];
  let identical = 0;
  for (const query of queries) {
    const input = SearchQuery.parse({ q: query.q, ...query.extra });
    const ilikeTerm = foldText(query.q).trim().split(/\s+/)[0] ?? '';
    const mine: number[] = [];
    const old: number[] = [];
    let total = 0;
    const viaSql = await searchPortal(handle.db, now, input); // warm-up, and the answer to compare
    const viaIndex = await searchPortal(handle.db, now, input, index);
    if (JSON.stringify(viaSql) === JSON.stringify(viaIndex)) identical += 1;
    else console.log(`    DIFFERENT ANSWER for ${query.label}: SQL total ${viaSql.total}, index total ${viaIndex.total}`);
    for (let i = 0; i < repetitions; i += 1) {
      const started = performance.now();
      total = (await searchPortal(handle.db, now, input, index)).total;
      mine.push(performance.now() - started);
      const sqlStarted = performance.now();
      await searchPortal(handle.db, now, input);
      old.push(performance.now() - sqlStarted);
      if (i >= ILIKE_REPETITIONS) continue;
      const scanStarted = performance.now();
      await handle.db.execute(sql`select ps.type, ps.item_id, ps.title, count(*) over () as total
        from portal_search ps join portal_search_text pt on pt.type = ps.type and pt.item_id = ps.item_id
        where ps.status = 'published' and ps.publish_at <= ${now.toISOString()}::timestamptz and pt.body ilike ${`%${ilikeTerm}%`}
        order by ps.item_date desc limit 25`);
      baseline.push(performance.now() - scanStarted);
    }
    engine.push(...mine);
    sqlPath.push(...old);
    perQuery.push(
      `    ${query.label.padEnd(24)} hits ${String(total).padStart(6)}  index p50 ${formatNumber(percentile(mine, 50)).padStart(6)} p95 ${formatNumber(percentile(mine, 95)).padStart(6)} ms` +
        `  | SQL path p50 ${formatNumber(percentile(old, 50)).padStart(6)} p95 ${formatNumber(percentile(old, 95)).padStart(6)} ms  | p95 ratio ${(percentile(mine, 95) / percentile(old, 95)).toFixed(2)}`,
    );
  }
  await index.close();
  const sizes = rowsOf<{ indexes: string; table_bytes: string }>(
    await handle.db.execute(sql`select
      (select sum(pg_relation_size(indexrelid)) from pg_index where indrelid in ('portal_search'::regclass, 'portal_search_words'::regclass, 'portal_search_text'::regclass, 'portal_search_facets'::regclass))::bigint as indexes,
      (pg_total_relation_size('portal_search') + pg_total_relation_size('portal_search_text') + pg_total_relation_size('portal_search_facets'))::bigint as table_bytes`),
  )[0]!;
  const p50 = percentile(engine, 50);
  const p95 = percentile(engine, 95);
  const s50 = percentile(sqlPath, 50);
  const s95 = percentile(sqlPath, 95);
  const b50 = percentile(baseline, 50);
  const b95 = percentile(baseline, 95);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const heapGrowth = memoryAfter.heapUsed + memoryAfter.arrayBuffers - memoryBefore.heapUsed - memoryBefore.arrayBuffers;
  console.log(`\n== portal search on ${label}: ${items.toLocaleString('en-US')} items, ${QUERIES.length} queries × ${repetitions}`);
  console.log(perQuery.join('\n'));
  console.log(`  in-process index (with facets + snippets)   p50 ${formatNumber(p50)} ms  p95 ${formatNumber(p95)} ms  (slowest query p95 ${formatNumber(Math.max(...perQueryP95(engine, repetitions)))} ms)`);
  console.log(`  SQL path baseline (same queries, same run)  p50 ${formatNumber(s50)} ms  p95 ${formatNumber(s95)} ms  (slowest query p95 ${formatNumber(Math.max(...perQueryP95(sqlPath, repetitions)))} ms)`);
  console.log(`  ratio index/SQL path                        p50 ${(p50 / s50).toFixed(2)}       p95 ${(p95 / s95).toFixed(2)}`);
  console.log(`  answers identical to the SQL path           ${identical} of ${queries.length} queries (total, facets, page, snippets)`);
  console.log(`  ILIKE scan (${ILIKE_REPETITIONS} per query)                    p50 ${formatNumber(b50)} ms  p95 ${formatNumber(b95)} ms  ratio index/ILIKE p95 ${(p95 / b95).toFixed(2)}`);
  console.log(`  index build ${formatNumber(stats.buildMs / 1000)} s, ${stats.items.toLocaleString('en-US')} public items, about ${mb(stats.approximateBytes)} MB counted (heap growth ${mb(heapGrowth)} MB)`);
  console.log(`  database index size ${mb(Number(sizes.indexes))} MB, table with indexes ${mb(Number(sizes.table_bytes))} MB`);
  return { label, p50, p95, sqlP50: s50, sqlP95: s95, baselineP50: b50, baselineP95: b95, indexBytes: Number(sizes.indexes), identical, buildMs: stats.buildMs };
}

/** The p95 of each query's run of `repetitions` samples (samples are stored query after query). */
function perQueryP95(samples: number[], repetitions: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < samples.length; i += repetitions) out.push(percentile(samples.slice(i, i + repetitions), 95));
  return out;
}

async function runOn(label: string, handle: DbHandle, items: number, repetitions: number) {
  await migrate(handle);
  const started = performance.now();
  await generatePortalItems(handle, items);
  console.log(`\n  generated ${items.toLocaleString('en-US')} items on ${label} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return measure(handle, label, items, repetitions);
}

export async function runPortalSearchBench(options: PortalSearchBenchOptions = {}) {
  const items = options.items ?? 100_000;
  const repetitions = options.repetitions ?? 10;
  const results = [];
  const lite = await createPgliteHandle();
  try {
    results.push(await runOn('PGlite', lite, items, repetitions));
  } finally {
    await lite.close();
  }
  if (options.serverUrl) {
    const name = `mosaic_bench_portal_${process.pid}`;
    const admin = new pg.Client({ connectionString: options.serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(options.serverUrl);
    url.pathname = `/${name}`;
    const server = await createPostgresHandle(url.toString());
    try {
      results.push(await runOn('PostgreSQL server', server, items, repetitions));
    } finally {
      await server.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  return results;
}

if (process.argv[1]?.endsWith('portal-search.ts')) {
  const { values } = parseArgs({ options: { items: { type: 'string' }, server: { type: 'string' }, repetitions: { type: 'string' } } });
  await runPortalSearchBench({
    items: values.items ? Number(values.items) : undefined,
    serverUrl: values.server ?? process.env.BENCH_DATABASE_URL,
    repetitions: values.repetitions ? Number(values.repetitions) : undefined,
  });
}
