import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { actorFor } from '../../test/factories';
import { createEventService } from './events.service';
import { articleInput, eventInput, portalPeople, publishThroughApi, transition } from './portal-test-helpers';

const PUBLIC_URL = 'https://portal.mosaic.example';
const FORGED_HOST = 'evil.attacker.example';

let t: TestApp;
let people: Awaited<ReturnType<typeof portalPeople>>;

beforeAll(async () => {
  t = await buildTestApp({}, { PUBLIC_URL });
  people = await portalPeople(t.deps);
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { host: FORGED_HOST, 'x-forwarded-host': FORGED_HOST } });
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

/** What a feed reader shows for a field of type html: the markup decoded once. */
const decodeHtmlEntities = (html: string) =>
  html.replace(/&(lt|gt|quot|#39|amp);/g, (_m, entity: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[entity]!);

describe('feeds publish plain text as text', () => {
  const title = 'Ministers meet <img src=x onerror=alert(1)> & <b>agree</b>';
  const lead = 'A lead with <script>alert("lead")</script> in it.';

  beforeAll(async () => {
    await publishThroughApi(t.app, people, 'articles', articleInput({
      slug: 'markup-in-the-title',
      translations: [{ language: 'en', title, lead, bodyHtml: '<p>Body <em>rich</em><script>alert(2)</script></p>', leadImageAlt: null }],
    }));
  });

  it('escapes the title and lead in Atom, where they are typed html', async () => {
    const atom = parser.parse((await get('/feeds/news.atom')).body) as { feed: { entry: { title: { '#text': string; '@type': string }; summary: { '#text': string }; content: { '#text': string } }[] } };
    const entry = [atom.feed.entry].flat().find((item) => decodeHtmlEntities(item.title['#text']) === title)!;
    expect(entry, 'the entry whose title reads as written').toBeDefined();
    expect(entry.title['#text']).not.toMatch(/<img|<b>/);
    expect(entry.summary['#text']).not.toContain('<script');
    expect(decodeHtmlEntities(entry.summary['#text'])).toBe(lead);
    // The rich body stays HTML, sanitised.
    expect(entry.content['#text']).toContain('<em>rich</em>');
    expect(entry.content['#text']).not.toContain('<script');
  });

  it('escapes the title and description in RSS', async () => {
    const rss = parser.parse((await get('/feeds/news.rss')).body) as { rss: { channel: { item: { title: string; description: string }[] } } };
    const item = [rss.rss.channel.item].flat().find((entry) => decodeHtmlEntities(entry.title) === title)!;
    expect(item).toBeDefined();
    expect(item.title).not.toMatch(/<img|<b>/);
    expect(item.description).not.toContain('<script');
    expect(decodeHtmlEntities(item.description)).toBe(lead);
  });
});

describe('absolute links use PUBLIC_URL, never the Host header', () => {
  beforeAll(async () => {
    await publishThroughApi(t.app, people, 'events', eventInput({ slug: 'links-event' }));
  });

  it.each(['/feeds/news.rss', '/feeds/news.atom', '/feeds/events.ics', '/api/portal/events/links-event/event.ics', '/sitemap.xml', '/robots.txt'])('%s', async (url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(FORGED_HOST);
    expect(response.body).not.toContain('localhost');
    expect(response.body).toContain(PUBLIC_URL);
  });

  it('refuses a PUBLIC_URL that is not an http(s) base address', async () => {
    const { loadConfig } = await import('../../config');
    expect(() => loadConfig({ PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'https://x.example/?a=1' })).toThrow(/PUBLIC_URL/);
    expect(loadConfig({ PUBLIC_URL: 'https://x.example/portal/' }).publicUrl).toBe('https://x.example/portal');
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://127.0.0.1:8080');
  });
});

describe('single-line fields and iCalendar', () => {
  const injected = 'Meeting\r\nATTENDEE:mailto:victim@example.org\r\nX-INJECTED:1';

  it('refuses control characters in a title with 422 naming the field, and stores nothing', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/portal/editor/events', headers: people.author })).json<{ total: number }>().total;
    const response = await t.app.inject({ method: 'POST', url: '/api/portal/editor/events', headers: people.author, payload: eventInput({ title: injected }) });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path)).toEqual(['body.title']);
    const venue = await t.app.inject({ method: 'POST', url: '/api/portal/editor/events', headers: people.author, payload: eventInput({ venue: 'Hall\u0000B', city: 'Skopje\u2028North' }) });
    expect(venue.statusCode).toBe(422);
    expect(venue.json<{ errors: { path: string }[] }>().errors.map((error) => error.path).sort()).toEqual(['body.city', 'body.venue']);
    const article = await t.app.inject({ method: 'POST', url: '/api/portal/editor/articles', headers: people.author, payload: articleInput({ author: 'Desk\u202Egnp.exe' }) });
    expect(article.statusCode).toBe(422);
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/editor/events', headers: people.author })).json<{ total: number }>().total).toBe(before);
  });

  it('keeps a CR/LF title that reached the service inside one escaped property', async () => {
    // Straight to the service, past the contract: the calendar itself must not let a value start a line.
    const events = createEventService({ db: t.deps.db, audit: t.deps.audit, clock: t.deps.clock });
    const created = await events.create({ actor: await actorFor(t.deps, people.authorId) }, eventInput({ slug: 'injected-event', title: injected, venue: 'Hall; A, B\\C' }));
    await transition(t.app, people.author, 'events', created.id, 'submit');
    await transition(t.app, people.reviewer, 'events', created.id, 'publish');

    for (const url of ['/api/portal/events/injected-event/event.ics', '/feeds/events.ics']) {
      const body = (await get(url)).body;
      const lines = body.replace(/\r\n[ \t]/g, '').split('\r\n');
      expect(lines.filter((line) => /^(ATTENDEE|X-INJECTED)/.test(line)), url).toEqual([]);
      const calendar = new ICAL.Component(ICAL.parse(body));
      expect(calendar.getAllProperties('attendee')).toHaveLength(0);
      const event = calendar.getAllSubcomponents('vevent').find((vevent) => vevent.getFirstPropertyValue('url') === `${PUBLIC_URL}/events/injected-event`)!;
      expect(event.getAllProperties('attendee')).toHaveLength(0);
      expect(event.getFirstPropertyValue('summary')).toBe('Meeting\nATTENDEE:mailto:victim@example.org\nX-INJECTED:1');
      expect(event.getFirstPropertyValue('location')).toBe('Hall; A, B\\C, Skopje');
      // ical.js leaves an X- property's TEXT escaped: one value, the line breaks as \n.
      if (url.endsWith('event.ics')) expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Meeting\\nATTENDEE:mailto:victim@example.org\\nX-INJECTED:1');
    }
  });
});
