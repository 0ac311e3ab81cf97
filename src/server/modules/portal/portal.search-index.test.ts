import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchQuery, type SearchType } from '../../../contract/portal';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { articleInput, portalPeople, publishThroughApi, transition } from './portal-test-helpers';
import { type IndexedItem, PortalSearchIndex } from './search.index';
import { type PortalSearchIndexHandle, startPortalSearchIndex } from './search.index.sync';
import { upsertSearchRow } from './search.queries';
import { searchPortal } from './search.service';

let t: TestApp;
let index: PortalSearchIndexHandle;
let people: Awaited<ReturnType<typeof portalPeople>>;

const WORDS = ['security', 'border', 'police', 'bezbednost', 'granica', 'djordjevic', 'corruption', 'trafficking', 'smuggling', 'cyber', 'floods', 'reform'];
const TYPES: SearchType[] = ['article', 'document', 'event', 'initiative', 'indicator'];
const TOPICS = ['drugs', 'border-security', 'corruption', 'cyber-security'];
const ECONOMIES = ['RS', 'AL', 'MK', 'BA', 'ME'];
const LANGUAGES = ['en', 'sr-Latn', 'sr-Cyrl', 'sq', 'mk'];
const DAY = 86_400_000;

/** Deterministic pseudo-random numbers, so that a failure repeats. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const both = async (query: Partial<SearchQuery>, now = new Date()) => {
  const input = SearchQuery.parse(query);
  return { sql: await searchPortal(t.deps.db, now, input), indexed: await searchPortal(t.deps.db, now, input, index) };
};

beforeAll(async () => {
  t = await buildTestApp();
  people = await portalPeople(t.deps);
  const next = random(11);
  const pick = <T,>(values: T[]) => values[Math.floor(next() * values.length)]!;
  const now = Date.now();
  // Written through the write path itself: published, scheduled, hidden, undated and yearless rows.
  for (let i = 0; i < 260; i += 1) {
    const words = Array.from({ length: 3 + (i % 7) }, () => pick(WORDS));
    const status = i % 13 === 0 ? 'draft' : i % 17 === 0 ? 'archived' : 'published';
    const publishAt = i % 11 === 0 ? new Date(now + 30 * DAY) : new Date(now - (i + 1) * DAY);
    await upsertSearchRow(t.deps.db, {
      type: TYPES[i % TYPES.length]!,
      itemId: crypto.randomUUID(),
      slug: `generated-${i}`,
      title: i % 5 === 0 ? `Безбедност ${words[0]} ${i}` : `${words.slice(0, 2).join(' ')} item ${i}`,
      text: `${words.join(' ')} Đorđević ${i % 3 === 0 ? 'krijumčarenje' : 'saradnja'}`,
      topics: [...new Set([pick(TOPICS), pick(TOPICS)])],
      economies: [pick(ECONOMIES)],
      languages: [pick(LANGUAGES)],
      year: i % 19 === 0 ? null : 2018 + (i % 7),
      // Some dated in the future (upcoming events): the latest listing puts them after current items.
      itemDate: i % 23 === 0 ? null : i % 9 === 0 ? new Date(now + (1 + (i % 4)) * DAY) : new Date(now - (i % 40) * DAY),
      status,
      publishAt,
    });
  }
  index = startPortalSearchIndex(t.deps.db, t.deps.dbKind);
  await index.ready();
});
afterAll(async () => {
  await index.close();
  await t.close();
});

describe('portal search index', () => {
  it('answers totals, facets and pages exactly as the SQL path', async () => {
    expect(await index.current()).not.toBeNull();
    const queries: Partial<SearchQuery>[] = [
      { q: '' },
      { q: '', type: 'event' },
      { q: '', topic: 'drugs', economy: 'RS' },
      { q: '', year: 2020, page: 3, pageSize: 10 },
      { q: '', page: 9, pageSize: 20 },
      { q: 'security', sort: 'date' },
      { q: 'security' },
      { q: 'безбедност' },
      { q: 'Đorđević' },
      { q: 'border police' },
      { q: 'corruptoin' },
      { q: 'traff' },
      { q: 'se', page: 2, pageSize: 50 },
      { q: 'security', page: 9, pageSize: 25 },
      { q: 'security', language: 'sq' },
      { q: 'granica', topic: 'border-security', year: 2019 },
      { q: 'krijumcarenje', type: 'document' },
      { q: 'nosuchword' },
      { q: '?!...' },
      { q: 'cyber', topic: 'no-such-topic' },
    ];
    for (const query of queries) {
      const { sql, indexed } = await both(query);
      expect(indexed, JSON.stringify(query)).toEqual(sql);
    }
    const broad = await both({ q: 'security' });
    expect(broad.indexed.total).toBeGreaterThan(20);
    expect(broad.indexed.facets.year.length).toBeGreaterThan(2);
    expect(broad.indexed.facets.year.some((bucket) => bucket.value === 'null')).toBe(false);
    // Scheduled rows become visible by themselves once their time has come.
    const later = new Date(Date.now() + 31 * DAY);
    const scheduled = await both({ q: 'security' }, later);
    expect(scheduled.indexed).toEqual(scheduled.sql);
    expect(scheduled.indexed.total).toBeGreaterThan(broad.indexed.total);
  });

  it('follows publish, edit and archive of an item at the next search', async () => {
    const find = async (q: string) => (await searchPortal(t.deps.db, new Date(), SearchQuery.parse({ q }), index)).items.map((item) => item.slug);
    const slug = 'index-follows-writes';
    const input = articleInput({ slug, translations: [{ language: 'en', title: 'Zephyrine patrol report', lead: '', bodyHtml: '<p>Quarterly zephyrine figures.</p>', leadImageAlt: null }] });
    const id = await publishThroughApi(t.app, people, 'articles', input);
    expect(await find('zephyrine')).toEqual([slug]);
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/portal/editor/articles/${id}`,
      headers: people.author,
      payload: { ...input, translations: [{ language: 'en', title: 'Quorvantic patrol report', lead: '', bodyHtml: '<p>Quarterly figures.</p>', leadImageAlt: null }] },
    });
    expect(edited.statusCode).toBe(200);
    expect(await find('quorvantic')).toEqual([slug]);
    expect(await find('zephyrine')).toEqual([]);
    await transition(t.app, people.reviewer, 'articles', id, 'archive');
    expect(await find('quorvantic')).toEqual([]);
    expect((await both({ q: 'patrol' })).indexed.total).toBe(0);
  });
});

describe('portal search index in memory', () => {
  it('answers the same after many replaced items are compacted away', () => {
    const item = (n: number, generation: number): IndexedItem => ({
      type: TYPES[n % TYPES.length]!,
      itemId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      titleFolded: `${WORDS[n % WORDS.length]} ${generation}`,
      words: [WORDS[(n + generation) % WORDS.length]!, WORDS[(n * 7 + generation * 3) % WORDS.length]!, `g${generation}`],
      topics: [TOPICS[n % TOPICS.length]!],
      economies: [ECONOMIES[(n + generation) % ECONOMIES.length]!],
      languages: [LANGUAGES[n % LANGUAGES.length]!],
      year: 2018 + (n % 5),
      itemDate: n % 9 === 0 ? null : 1_700_000_000_000 + ((n * 7919) % 1000) * DAY,
      publishAt: n % 31 === 0 ? 4_000_000_000_000 : 1_600_000_000_000,
    });
    const changed = new PortalSearchIndex();
    const fresh = new PortalSearchIndex();
    for (let n = 0; n < 1500; n += 1) changed.put(item(n, 0).type, item(n, 0).itemId, item(n, 0));
    const finals = new Map<number, IndexedItem | null>();
    for (let n = 0; n < 1500; n += 1) finals.set(n, item(n, 0));
    const listing = { now: 1_800_000_000_000, tokens: [], widened: new Map<string, string[]>(), filters: {}, limit: 25, offset: 0 };
    for (let n = 0; n < 1300; n += 1) {
      // A listing before and after the compaction: later replacements are inserted into its order.
      if (n === 0 || n === 1100) changed.search(listing);
      const replacement = n % 10 === 0 ? null : item(n, 1);
      changed.put(item(n, 0).type, item(n, 0).itemId, replacement);
      finals.set(n, replacement);
    }
    for (const [n, final] of finals) if (final) fresh.put(item(n, 0).type, item(n, 0).itemId, final);
    fresh.sealBuild();
    expect(changed.count).toBe(fresh.count);
    const now = 1_800_000_000_000;
    for (const tokens of [[], ['security'], ['g1'], ['g0'], ['se', 'g'], ['nosuch']]) {
      for (const page of [{ limit: 25, offset: 0 }, { limit: 25, offset: 200 }]) {
        const query = { now, tokens, widened: new Map<string, string[]>(), filters: {}, ...page };
        // Facet order follows the value codes, which a compaction renumbers; the service sorts them.
        const sorted = (answer: ReturnType<PortalSearchIndex['search']>) => ({
          ...answer,
          facets: [...answer.facets].sort((a, b) => `${a.facet}:${a.value}`.localeCompare(`${b.facet}:${b.value}`)),
        });
        expect(sorted(changed.search(query)), JSON.stringify(tokens)).toEqual(sorted(fresh.search(query)));
      }
    }
    expect(changed.search({ now, tokens: ['g0'], widened: new Map(), filters: {}, limit: 25, offset: 0 }).total).toBe(200 - Math.ceil(200 / 31));
  });
});
