import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchQuery, type SearchResult } from '../../../contract/portal';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { articleInput, eventInput, portalPeople, publishThroughApi, transition } from './portal-test-helpers';
import { expandFacets } from './search.queries';
import { foldText, queryTokens } from './search.fold';
import { startPortalSearchIndex } from './search.index.sync';
import { buildSnippet } from './search.snippet';
import { searchPortal } from './search.service';

let t: TestApp;
let people: Awaited<ReturnType<typeof portalPeople>>;

const search = async (query: string) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/portal/search?${query}` });
  expect(response.statusCode).toBe(200);
  return response.json<SearchResult>();
};
const slugs = (result: SearchResult) => result.items.map((item) => item.slug).sort();

beforeAll(async () => {
  t = await buildTestApp();
  people = await portalPeople(t.deps);
  const article = (slug: string, language: 'sr-Cyrl' | 'sr-Latn' | 'en', title: string, body: string, topics: string[], economies: string[], publishAt?: string) =>
    publishThroughApi(t.app, people, 'articles', articleInput({ slug, topics, economies, originalLanguage: language, translations: [{ language, title, lead: '', bodyHtml: `<p>${body}</p>`, leadImageAlt: null }] }), publishAt);
  await article('cyrillic-security', 'sr-Cyrl', 'Безбедност граница у региону', 'Министарство је представило нову стратегију о безбедности граница.', ['border-security'], ['RS']);
  await article('latin-security', 'sr-Latn', 'Bezbednost granica i saradnja', 'Inspektor Đorđević govorio je o bezbednosti i krijumčarenju ljudi.', ['border-security', 'trafficking-smuggling'], ['RS', 'BA']);
  await article('english-drugs', 'en', 'Drug routes through the Balkans', 'Customs officers seized cocaine at the port of Bar.', ['drugs'], ['ME']);
  await publishThroughApi(t.app, people, 'events', eventInput({ slug: 'border-event', title: 'Border security workshop', summary: 'Bezbednost granica — workshop for border police.' }));
  // Scheduled for next year, and published then archived: neither may be found or counted.
  await article('scheduled-security', 'en', 'Bezbednost scheduled', 'bezbednost later', ['drugs'], ['AL'], new Date(Date.now() + 365 * 86_400_000).toISOString());
  const archived = await article('archived-security', 'en', 'Bezbednost archived', 'bezbednost gone', ['drugs'], ['AL']);
  await transition(t.app, people.reviewer, 'articles', archived, 'archive');
  // A draft that must never be found.
  await t.app.inject({ method: 'POST', url: '/api/portal/editor/articles', headers: people.author, payload: articleInput({ slug: 'draft-security', translations: [{ language: 'en', title: 'Bezbednost draft', lead: '', bodyHtml: '<p>bezbednost</p>', leadImageAlt: null }] }) });
});
afterAll(async () => t.close());

describe('folding', () => {
  it('puts Cyrillic, Greek and Latin with diacritics into one ASCII space', () => {
    expect(foldText('Безбедност')).toBe('bezbednost');
    expect(foldText('Đorđević')).toBe('djordjevic');
    expect(foldText('Ђорђевић')).toBe('djordjevic');
    expect(foldText('Ќерка Ѓорѓи')).toBe('kjerka gjorgji');
    expect(foldText('Ασφάλεια')).toBe('asfaleia');
    expect(foldText('Siguria kufitare, ë ç')).toBe('siguria kufitare  e c');
    expect(queryTokens('  ,,, ').tokens).toEqual([]);
    expect(queryTokens('x'.repeat(5000)).query.length).toBe(200);
  });

  it('highlights matches in the original Cyrillic text', () => {
    const parts = buildSnippet('Нова стратегија о безбедности граница', ['bezbednost']);
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(['безбедности']);
    expect(parts.map((part) => part.text).join('')).toBe('Нова стратегија о безбедности граница');
  });
});

describe('portal search', () => {
  it('finds Latin with a Cyrillic query and Cyrillic with a Latin query', async () => {
    expect(slugs(await search(`q=${encodeURIComponent('безбедност')}&type=article`))).toEqual(['cyrillic-security', 'latin-security']);
    expect(slugs(await search('q=bezbednost&type=article'))).toEqual(['cyrillic-security', 'latin-security']);
  });

  it('matches Đorđević, Djordjevic and Ђорђевић alike', async () => {
    for (const query of ['Djordjevic', 'Đorđević', 'Ђорђевић', 'djordjević']) {
      expect(slugs(await search(`q=${encodeURIComponent(query)}`))).toEqual(['latin-security']);
    }
  });

  it('ignores diacritics and tolerates one typo', async () => {
    expect(slugs(await search('q=krijumcarenju'))).toEqual(['latin-security']);
    expect(slugs(await search('q=cocane'))).toEqual(['english-drugs']);
    expect(slugs(await search('q=bezbendost&type=article'))).toEqual(['cyrillic-security', 'latin-security']);
  });

  it('highlights the matched words in the snippet, in the original script', async () => {
    const result = await search(`q=${encodeURIComponent('bezbednosti')}&type=article`);
    const cyrillic = result.items.find((item) => item.slug === 'cyrillic-security')!;
    expect(cyrillic.snippet.filter((part) => part.match).map((part) => part.text)).toContain('безбедности');
  });

  it('answers facets that equal the filtered results', async () => {
    const result = await search('q=bezbednost');
    expect(result.facets.type.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(result.total);
    for (const facet of ['type', 'topic', 'economy', 'year', 'language'] as const) {
      for (const bucket of result.facets[facet]) {
        const filtered = await search(`q=bezbednost&${facet}=${encodeURIComponent(bucket.value)}`);
        expect(filtered.total, `${facet}=${bucket.value}`).toBe(bucket.count);
      }
    }
    expect(result.facets.economy).toEqual(expect.arrayContaining([{ value: 'RS', count: 2 }, { value: 'BA', count: 1 }]));
  });

  it('never shows drafts, scheduled or archived items', async () => {
    expect((await search('q=draft')).total).toBe(0);
    expect((await search('q=scheduled')).total).toBe(0);
    expect((await search('q=archived')).total).toBe(0);
  });

  it('answers facets of the empty query (maintained totals) that equal the filtered listing', async () => {
    const result = await search('q=');
    expect(result.facets.type.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(result.total);
    expect(result.facets.topic.find((bucket) => bucket.value === 'drugs')).toEqual({ value: 'drugs', count: 1 });
    expect(result.facets.economy.find((bucket) => bucket.value === 'AL')).toBeUndefined();
    for (const facet of ['type', 'topic', 'economy', 'year', 'language'] as const) {
      for (const bucket of result.facets[facet]) {
        const filtered = await search(`q=&${facet}=${encodeURIComponent(bucket.value)}`);
        expect(filtered.total, `${facet}=${bucket.value}`).toBe(bucket.count);
        expect(filtered.items.length).toBe(Math.min(bucket.count, filtered.pageSize));
      }
    }
  });

  it('keeps the maintained totals equal to a rebuild from the search rows', async () => {
    const maintained = await search('q=');
    await t.deps.db.execute(sql`select portal_search_rebuild_derived()`);
    expect(await search('q=')).toEqual(maintained);
  });

  it('expands counts per mask into counts per value', () => {
    const codes = [{ facet: 'topic', bit: 0, value: 'drugs' }, { facet: 'topic', bit: 2, value: 'corruption' }];
    const grouped = [{ dimension: 'all', key: '0', count: 5 }, { dimension: 'topic', key: '5', count: 2 }, { dimension: 'topic', key: '1', count: 3 }, { dimension: 'year', key: '2024', count: 5 }];
    expect(expandFacets(grouped, codes)).toEqual({
      total: 5,
      facets: [{ facet: 'topic', value: 'drugs', count: 5 }, { facet: 'topic', value: 'corruption', count: 2 }, { facet: 'year', value: '2024', count: 5 }],
    });
  });

  it('answers the empty query with the latest items, punctuation with none, and says when a query was cut', async () => {
    const empty = await search('q=');
    expect(empty.total).toBe(4);
    expect(empty).toMatchObject({ noWords: false, truncated: false });
    expect(empty.items.every((item) => item.score === 0)).toBe(true);
    const punctuation = await search(`q=${encodeURIComponent('!!! ??? ...')}`);
    expect(punctuation).toMatchObject({ total: 0, items: [], noWords: true });
    expect(punctuation.facets.type).toEqual([]);
    const long = await search(`q=${'bezbednost '.repeat(400)}`);
    expect(long.query.length).toBeLessThanOrEqual(200);
    expect(long.truncated).toBe(true);
    expect(long.total).toBeGreaterThan(0);
    expect((await search('q=bezbednost')).truncated).toBe(false);
    const started = Date.now();
    await search(`q=${encodeURIComponent('ž'.repeat(1300))}`);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('lists no future event above current items in the latest list, on both paths', async () => {
    await publishThroughApi(t.app, people, 'events', eventInput({ slug: 'upcoming-latest', title: 'Upcoming summit', summary: 'Bezbednost summit.', startsLocal: '2031-01-10T09:00', endsLocal: '2031-01-10T17:00' }));
    const index = startPortalSearchIndex(t.deps.db, t.deps.dbKind);
    await index.ready();
    const now = new Date();
    const isCurrent = (item: SearchResult['items'][number]) => item.date !== null && item.date <= now.toISOString();
    try {
      for (const path of [null, index]) {
        for (const query of [{ q: '' }, { q: 'bezbednost', sort: 'date' as const }]) {
          const items = (await searchPortal(t.deps.db, now, SearchQuery.parse(query), path)).items;
          const current = items.filter(isCurrent);
          expect(current.length, JSON.stringify(query)).toBeGreaterThan(1);
          // Current items first, newest first; then the upcoming events, soonest first.
          expect(items.slice(0, current.length)).toEqual(current);
          expect(current.map((item) => item.date)).toEqual(current.map((item) => item.date).sort().reverse());
          expect(items.slice(current.length).map((item) => item.slug)).toEqual(['border-event', 'upcoming-latest']);
        }
      }
    } finally {
      await index.close();
    }
  });

  it('pages and filters by year and language', async () => {
    const page = await search('q=&pageSize=2&page=2');
    expect(page.items).toHaveLength(2);
    expect((await search('q=&language=sr-Cyrl')).items.map((i) => i.slug)).toEqual(['cyrillic-security']);
    expect((await search('q=&year=1999')).total).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/search?pageSize=500' })).statusCode).toBe(400);
  });
});
