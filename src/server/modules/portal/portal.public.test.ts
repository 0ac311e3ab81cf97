import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, ArticlePage, Document, DocumentPage, EconomyPage, Event, EventPage, Indicator, IndicatorList, Initiative, InitiativeList, MembershipMatrix, TopicList, TopicPage } from '../../../contract/portal';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { signedInUser } from '../../test/factories';
import { seedPortalDemo } from '.';
import { eventInput, portalPeople, publishThroughApi } from './portal-test-helpers';
import { ARTICLE_SEEDS } from './seed/articles.data';

let t: TestApp;
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  t = await buildTestApp();
  await seedPortalDemo(t.deps);
}, 120_000);
afterAll(async () => t.close());

describe('portal demo content and public routes', () => {
  it('seeds the demo content and is idempotent', async () => {
    const articles = (await get('/api/portal/articles?pageSize=100')).json<ArticlePage>();
    expect(articles.total).toBeGreaterThanOrEqual(30);
    expect((await get('/api/portal/documents?pageSize=100')).json<DocumentPage>().total).toBe(15);
    expect((await get('/api/portal/events?when=all&pageSize=100')).json<EventPage>().total).toBe(20);
    expect((await get('/api/portal/indicators')).json<IndicatorList>().items).toHaveLength(10);
    expect((await get('/api/portal/initiatives')).json<InitiativeList>().items.length).toBeGreaterThanOrEqual(20);
    await seedPortalDemo(t.deps);
    expect((await get('/api/portal/articles?pageSize=100')).json<ArticlePage>().total).toBe(articles.total);
    // The draft and the scheduled demo articles are not public.
    expect((await get('/api/portal/articles/draft-annual-report-preview')).statusCode).toBe(404);
    expect((await get('/api/portal/articles/scheduled-conference-announcement')).statusCode).toBe(404);
  });

  it('lists and filters articles; serves one by slug with language fallback', async () => {
    const byTopic = (await get('/api/portal/articles?topic=cyber-security')).json<ArticlePage>();
    expect(byTopic.items.length).toBeGreaterThan(0);
    expect(byTopic.items.every((item) => item.topics.some((topic) => topic.slug === 'cyber-security'))).toBe(true);
    expect((await get('/api/portal/articles?language=sq')).json<ArticlePage>().items.every((item) => item.language.available.includes('sq'))).toBe(true);

    const mk = (await get('/api/portal/articles/regional-border-police-commanders-meet-in-skopje?lang=mk')).json<Article>();
    expect(mk.language).toMatchObject({ requested: 'mk', served: 'mk', fallback: false });
    expect(mk.title).toMatch(/Командантите/);
    const header = (await get('/api/portal/articles/regional-border-police-commanders-meet-in-skopje', { 'accept-language': 'sq-AL,sq;q=0.9,en;q=0.5' })).json<Article>();
    expect(header.language.served).toBe('sq');
    // Serbian Cyrillic requested, only Latin available → the other script of the same language.
    const script = (await get('/api/portal/articles/interview-inspector-djordjevic-on-cross-border-cases?lang=sr-Cyrl')).json<Article>();
    expect(script.language).toMatchObject({ requested: 'sr-Cyrl', served: 'sr-Latn', fallback: true });
    // Albanian requested, not available → English.
    const english = (await get('/api/portal/articles/interview-inspector-djordjevic-on-cross-border-cases?lang=sq')).json<Article>();
    expect(english.language).toMatchObject({ served: 'en', fallback: true, available: ['en', 'sr-Latn'] });
    // Topic names follow the UI language.
    expect(mk.topics.find((topic) => topic.slug === 'border-security')?.name).toBe('Гранична безбедност и миграција');
    expect((await get('/api/portal/articles/no-such-article')).statusCode).toBe(404);
    expect((await get('/api/portal/articles/no-such-article')).headers['content-type']).toContain('application/problem+json');
    expect((await get('/api/portal/articles/Bad_Slug!')).statusCode).toBe(400);
  });

  it('serves documents with their preview and file', async () => {
    const page = (await get('/api/portal/documents?kind=strategy&year=2024')).json<DocumentPage>();
    expect(page.items.every((item) => item.kind === 'strategy' && item.publishedOn.startsWith('2024'))).toBe(true);
    const document = (await get('/api/portal/documents/strategija-bezbednost-granica-demo')).json<Document>();
    expect(document.file.format).toBe('docx');
    expect(document.preview.text).toContain('безбедности граница');
    const file = await get(document.file.downloadUrl);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(document.events).toEqual([]);
    const withEvent = (await get('/api/portal/documents/regional-strategy-organised-crime-demo')).json<Document>();
    expect(withEvent.events.map((event) => event.slug)).toEqual(['conference-organised-crime-belgrade']);
    expect((await get('/api/portal/documents/none-such/file')).statusCode).toBe(404);
  });

  it('lists upcoming and past events; past events keep their materials', async () => {
    const upcoming = (await get('/api/portal/events')).json<EventPage>();
    expect(upcoming.total).toBe(10);
    expect(upcoming.items.every((event) => !event.past)).toBe(true);
    const past = (await get('/api/portal/events?when=past&pageSize=50')).json<EventPage>();
    expect(past.total).toBe(10);
    const event = (await get('/api/portal/events/conference-organised-crime-belgrade')).json<Event>();
    expect(event.past).toBe(true);
    expect(event.documents.map((document) => document.slug)).toEqual(['regional-strategy-organised-crime-demo']);
    expect(event.registrationOpen).toBe(false);
    expect(event.registered).toBeNull();
    expect(event.timeZone).toBe('Europe/Belgrade');
    expect(event.agendaHtml).toContain('<h3>Day 1</h3>');
  });

  it('serves iCalendar that parses, for one event and for the feed', async () => {
    const single = await get('/api/portal/events/conference-border-security-skopje/event.ics');
    expect(single.headers['content-type']).toContain('text/calendar');
    const component = new ICAL.Component(ICAL.parse(single.body) as unknown[]);
    const vevents = component.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(1);
    const parsed = new ICAL.Event(vevents[0]!);
    expect(parsed.summary).toBe('Border Security and Migration Conference');
    const event = (await get('/api/portal/events/conference-border-security-skopje')).json<Event>();
    expect(parsed.startDate.toJSDate().toISOString()).toBe(event.startsAt);
    const feed = await get('/feeds/events.ics');
    const all = new ICAL.Component(ICAL.parse(feed.body) as unknown[]);
    expect(all.getAllSubcomponents('vevent')).toHaveLength(20);
  });

  it('serves well-formed RSS and Atom per language, a sitemap and robots.txt', async () => {
    const rss = await get('/feeds/news.rss?lang=sr-Cyrl');
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    expect(XMLValidator.validate(rss.body)).toBe(true);
    const parsed = new XMLParser().parse(rss.body) as { rss: { channel: { item: { title: string }[] } } };
    expect(parsed.rss.channel.item).toHaveLength(ARTICLE_SEEDS.length);
    expect(parsed.rss.channel.item.some((item) => item.title === 'Безбедност граница: представљен нацрт нове стратегије')).toBe(true);
    const atom = await get('/feeds/news.atom');
    expect(XMLValidator.validate(atom.body)).toBe(true);
    expect(atom.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    const sitemap = await get('/sitemap.xml');
    expect(XMLValidator.validate(sitemap.body)).toBe(true);
    expect(sitemap.body).toContain('/initiatives/rcc</loc>');
    expect(sitemap.body).not.toContain('/portal/');
    expect(sitemap.body).not.toContain('draft-annual-report-preview');
    const robots = await get('/robots.txt');
    expect(robots.body).toMatch(/^Sitemap: http:\/\/127\.0\.0\.1:3000\/sitemap\.xml$/m);
    expect(robots.body).toContain('Disallow: /api/');
  });

  it('serves topics with counts and a page per topic', async () => {
    const topics = (await get('/api/portal/topics?lang=sq')).json<TopicList>();
    expect(topics.items).toHaveLength(15);
    expect(topics.language).toBe('sq');
    const cyber = topics.items.find((topic) => topic.slug === 'cyber-security')!;
    expect(cyber.name).toBe('Siguria kibernetike');
    const page = (await get('/api/portal/topics/cyber-security')).json<TopicPage>();
    expect(page.articles.length).toBe(cyber.counts.article);
    expect(page.indicators.map((indicator) => indicator.slug)).toContain('cyber-incidents-reported');
    expect((await get('/api/portal/topics/none-such')).statusCode).toBe(404);
  });

  it('serves the initiatives directory, predecessors and successors, and the membership matrix', async () => {
    const rcc = (await get('/api/portal/initiatives/rcc')).json<Initiative>();
    expect(rcc.predecessors.map((item) => item.slug)).toEqual(['stability-pact']);
    expect(rcc.children.map((item) => item.slug)).toContain('seesac');
    expect(rcc.related.articles.map((article) => article.slug)).toContain('analysis-regional-cooperation-twenty-years');
    const seci = (await get('/api/portal/initiatives/seci')).json<Initiative>();
    expect(seci).toMatchObject({ status: 'historic', successor: { slug: 'selec' } });
    expect((await get('/api/portal/initiatives?status=historic')).json<InitiativeList>().items.map((item) => item.slug).sort()).toEqual(['seci', 'stability-pact']);
    const matrix = (await get('/api/portal/initiatives/matrix')).json<MembershipMatrix>();
    expect(matrix.economies.map((economy) => economy.code)).toContain('XK');
    expect(matrix.rows.find((row) => row.initiative.slug === 'marri')?.members).toEqual(['AL', 'BA', 'ME', 'MK', 'RS']);
  });

  it('serves indicators and their CSV with the source line', async () => {
    const indicator = (await get('/api/portal/indicators/women-in-police')).json<Indicator>();
    expect(indicator.series).toHaveLength(6);
    expect(indicator.source.illustrative).toBe(true);
    const csv = await get('/api/portal/indicators/women-in-police/data.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('indicator,economy,year,value,unit,source,illustrative');
    expect(lines).toHaveLength(1 + 6 * 5);
    expect(lines[1]).toMatch(/^women-in-police,AL,2019,[\d.]+,%,[^,]+,yes$/);
    expect(csv.body).not.toMatch(/illustrative.*illustrative/i);
  });

  it('lets a signed-in user register once for an upcoming event and list registrations', async () => {
    const url = '/api/portal/events/conference-border-security-skopje/registration';
    expect((await t.app.inject({ method: 'POST', url })).statusCode).toBe(401);
    const { headers } = await signedInUser(t.deps, { roles: ['reader'] });
    expect((await t.app.inject({ method: 'POST', url, headers })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url, headers })).statusCode).toBe(409);
    const detail = (await get('/api/portal/events/conference-border-security-skopje', headers)).json<Event>();
    expect(detail).toMatchObject({ registered: true, registrationCount: 1, abilities: { 'portal.event.register': true } });
    const mine = await t.app.inject({ method: 'GET', url: '/api/portal/me/registrations', headers });
    expect(mine.json<{ items: { event: { slug: string } }[] }>().items.map((item) => item.event.slug)).toEqual(['conference-border-security-skopje']);
    const pastUrl = '/api/portal/events/conference-organised-crime-belgrade/registration';
    expect((await t.app.inject({ method: 'POST', url: pastUrl, headers })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'DELETE', url, headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url, headers })).statusCode).toBe(404);
  });

  it('searches the demo content across scripts and returns the economies list', async () => {
    const result = (await get(`/api/portal/search?q=${encodeURIComponent('безбедност')}`)).json<{ total: number; facets: { type: { value: string }[] } }>();
    expect(result.total).toBeGreaterThan(3);
    expect(result.facets.type.map((bucket) => bucket.value)).toEqual(expect.arrayContaining(['article', 'document']));
    expect((await get('/api/portal/economies')).json<{ items: { code: string }[] }>().items).toHaveLength(13);
    const openapi = (await get('/api/openapi.json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(openapi.paths).filter((path) => path.startsWith('/api/portal/')).length).toBeGreaterThan(20);
  });
  it('lists a topic’s, an economy’s and an initiative’s events as search’s latest: past newest first, then upcoming soonest first', async () => {
    const people = await portalPeople(t.deps);
    const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const ours: [slug: string, offsetDays: number][] = [['order-past-old', -40], ['order-later', 900], ['order-past-new', -10], ['order-next', 300]];
    for (const [slug, offset] of ours) {
      const date = day(offset);
      await publishThroughApi(t.app, people, 'events', eventInput({ slug, title: `MARRI meeting ${slug}`, summary: `A meeting of MARRI (${slug}).`, startsLocal: `${date}T09:00`, endsLocal: `${date}T17:00`, topics: ['cyber-security'], economies: ['ME'], economy: 'ME', city: 'Podgorica' }));
    }
    const now = new Date().toISOString();
    const expectLatestOrder = (events: { slug: string; startsAt: string }[], where: string) => {
      const past = events.filter((event) => event.startsAt <= now);
      const upcoming = events.filter((event) => event.startsAt > now);
      const dates = (list: typeof events) => list.map((event) => event.startsAt);
      expect(events, where).toEqual([...past, ...upcoming]);
      expect(dates(past), where).toEqual(dates(past).sort().reverse());
      expect(dates(upcoming), where).toEqual(dates(upcoming).sort());
      expect(events.map((event) => event.slug).filter((slug) => slug.startsWith('order-')), where).toEqual(['order-past-new', 'order-past-old', 'order-next', 'order-later']);
    };
    expectLatestOrder((await get('/api/portal/topics/cyber-security')).json<TopicPage>().events, 'topic');
    expectLatestOrder((await get('/api/portal/economies/ME')).json<EconomyPage>().events, 'economy');
    expectLatestOrder((await get('/api/portal/initiatives/marri')).json<Initiative>().related.events, 'initiative');
  });
});
