import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EconomyPage, EditorSitePage, SearchResult, SitePage, SitePageInput } from '../../../contract/portal';
import { auditEvents } from '../../db/schema/core';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { signedInUser } from '../../test/factories';
import { upsertInitiative } from './initiatives.service';
import { articleInput, eventInput, portalPeople, publishThroughApi } from './portal-test-helpers';

const PUBLIC_URL = 'https://portal.mosaic.example';
const FOOTNOTE = 'This designation is without prejudice to positions on status, and is in line with UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of independence';

let t: TestApp;
let people: Awaited<ReturnType<typeof portalPeople>>;
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

/** The content of a head tag's attribute, decoded once (what a crawler reads). */
function metaOf(html: string, attribute: 'property' | 'name', key: string): string | null {
  const match = new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"`).exec(html);
  return match ? decode(match[1]!) : null;
}
const decode = (text: string) => text.replace(/&(lt|gt|quot|#39|amp);/g, (_m, entity: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[entity]!);
const count = (html: string, needle: string) => html.split(needle).length - 1;

beforeAll(async () => {
  t = await buildTestApp({}, { PUBLIC_URL });
  people = await portalPeople(t.deps);
  await publishThroughApi(t.app, people, 'articles', articleInput({
    slug: 'ministers-agree-on-border-data',
    economies: ['RS', 'XK'],
    translations: [
      { language: 'en', title: 'Ministers agree on border data', lead: 'A shared register of border crossings.', bodyHtml: '<p>The ministers agreed to share crossing data in real time.</p>', leadImageAlt: null },
      { language: 'mk', title: 'Министрите се договорија за граничните податоци', lead: 'Заеднички регистар на преминувања.', bodyHtml: '<p>Министрите се договорија да споделуваат податоци.</p>', leadImageAlt: null },
    ],
  }));
  await publishThroughApi(t.app, people, 'articles', articleInput({
    slug: 'markup-everywhere',
    economies: ['ME'],
    translations: [{ language: 'en', title: 'Quotes " and </title><script>alert(1)</script> $& tags', lead: 'Lead & "quoted" <b>bold</b>', bodyHtml: '<p>Plain body.</p>', leadImageAlt: null }],
  }));
  await publishThroughApi(t.app, people, 'events', eventInput({ slug: 'seminar-in-pristina', title: 'Seminar on police cooperation', city: 'Prishtinë/Priština', economy: 'XK', economies: ['XK', 'AL'] }));
  await publishThroughApi(t.app, people, 'events', eventInput({ slug: 'meeting-in-skopje', economies: ['MK'] }));
}, 60_000);
afterAll(async () => t.close());

describe('server-rendered public pages', () => {
  it('serve an article with its title, description, Open Graph, canonical, hreflang, JSON-LD and text', async () => {
    const response = await get('/news/ministers-agree-on-border-data');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    expect(count(html, '<title>')).toBe(1);
    expect(html).toContain('<title>Ministers agree on border data — Mosaic</title>');
    expect(metaOf(html, 'name', 'description')).toBe('A shared register of border crossings.');
    expect(metaOf(html, 'property', 'og:title')).toBe('Ministers agree on border data');
    expect(metaOf(html, 'property', 'og:type')).toBe('article');
    expect(metaOf(html, 'name', 'twitter:title')).toBe('Ministers agree on border data');
    expect(html).toContain(`<link rel="canonical" href="${PUBLIC_URL}/news/ministers-agree-on-border-data" />`);
    expect(html).toContain(`<link rel="alternate" hreflang="mk" href="${PUBLIC_URL}/news/ministers-agree-on-border-data?lang=mk" />`);
    expect(html).toContain('hreflang="x-default"');
    expect(html).toMatch(/<main id="main" lang="en">.*The ministers agreed to share crossing data in real time\..*<\/main>/s);
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as Record<string, unknown>;
    expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: 'Ministers agree on border data', url: `${PUBLIC_URL}/news/ministers-agree-on-border-data` });
    // The article names Kosovo* (an economy chip): the footnote once.
    expect(count(html, FOOTNOTE)).toBe(1);
  });

  it('serve the translation asked for, with its own canonical address', async () => {
    const html = (await get('/news/ministers-agree-on-border-data?lang=mk')).body;
    expect(html).toContain('<html lang="mk"');
    expect(metaOf(html, 'property', 'og:title')).toBe('Министрите се договорија за граничните податоци');
    expect(html).toContain(`<link rel="canonical" href="${PUBLIC_URL}/news/ministers-agree-on-border-data?lang=mk" />`);
    expect(html).toContain('Министрите се договорија да споделуваат податоци.');
  });

  it('escape content in every tag, the JSON-LD and the text', async () => {
    const html = (await get('/news/markup-everywhere')).body;
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<b>bold</b>');
    expect(count(html, '</title>')).toBe(1);
    expect(metaOf(html, 'property', 'og:title')).toBe('Quotes " and </title><script>alert(1)</script> $& tags');
    const lead = (await get('/api/portal/articles/markup-everywhere')).json<{ lead: string }>().lead;
    expect(lead).toContain('"quoted"');
    expect(metaOf(html, 'name', 'description')).toBe(lead);
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!;
    expect(jsonLd).not.toMatch(/[<>]/);
    expect((JSON.parse(jsonLd) as { headline: string }).headline).toBe('Quotes " and </title><script>alert(1)</script> $& tags');
    // Nothing about Kosovo* on this page: no footnote.
    expect(html).not.toContain(FOOTNOTE);
  });

  it('answer a slug that does not exist (or cannot be one) with a 404 page', async () => {
    for (const url of ['/news/no-such-article', '/news/Bad_Slug!', '/events/no-such-event', '/documents/none-here', '/topics/nope', '/economies/ZZ', '/economies/lower', '/pages/secret', '/initiatives/no-such-body', '/statistics/none']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain('text/html');
      expect(response.body, url).toContain('<title>Page not found — Mosaic</title>');
    }
    expect((await get('/news/no-such-article', { 'accept-language': 'sq' })).body).toContain('Faqja nuk u gjet');
  });

  it('serve an event with Event JSON-LD and the Kosovo* footnote once', async () => {
    const html = (await get('/events/seminar-in-pristina')).body;
    expect(metaOf(html, 'property', 'og:title')).toBe('Seminar on police cooperation');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as Record<string, unknown>;
    expect(jsonLd).toMatchObject({ '@type': 'Event', name: 'Seminar on police cooperation', location: { address: { addressLocality: 'Prishtinë/Priština' } } });
    expect(html).toContain('Kosovo*');
    expect(count(html, FOOTNOTE)).toBe(1);
    expect((await get('/events/seminar-in-pristina?lang=sr-Cyrl')).body).toContain('Резолуцијом Савета безбедности УН 1244/1999');
    expect((await get('/events/meeting-in-skopje')).body).not.toContain(FOOTNOTE);
  });

  it('serve the home, list, search and statistics pages with their heads', async () => {
    for (const [url, title] of [['/', 'Mosaic — Security Web Portal'], ['/news', 'News and analyses — Mosaic'], ['/events', 'Events — Mosaic'], ['/search?q=border', 'Search: border — Mosaic'], ['/statistics', 'Key statistics — Mosaic'], ['/topics', 'Topics — Mosaic']]) {
      const response = await get(url!);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain(`<title>${title}</title>`);
      expect(response.body, url).toContain('<link rel="canonical"');
    }
    expect((await get('/search?q=border')).body).toContain('href="/news/ministers-agree-on-border-data"');
    const news = (await get('/news?page=99')).body;
    expect(news).toContain('There is no page 99');
    expect(news).toContain('<a href="/news">Go to the first page</a>');
  });

  it('put the footer with its pages, languages and feeds on every page', async () => {
    const html = (await get('/events/meeting-in-skopje')).body;
    for (const slug of ['about', 'contact', 'legal', 'privacy', 'accessibility']) expect(html).toContain(`href="/pages/${slug}"`);
    expect(html).toContain('href="/feeds/news.rss"');
    expect(html).toContain('href="/events/meeting-in-skopje?lang=sq"');
  });
});

describe('search hits', () => {
  it('carry the title in the visitor’s language when the article has it, and initiatives no invented date', async () => {
    const mk = (await get('/api/portal/search?q=border&lang=mk')).json<SearchResult>();
    const hit = mk.items.find((item) => item.slug === 'ministers-agree-on-border-data')!;
    expect(hit).toMatchObject({ title: 'Министрите се договорија за граничните податоци', language: 'mk', url: '/news/ministers-agree-on-border-data' });
    const en = (await get('/api/portal/search?q=border&lang=sq')).json<SearchResult>();
    expect(en.items.find((item) => item.slug === 'ministers-agree-on-border-data')).toMatchObject({ title: 'Ministers agree on border data', language: 'en' });
    // Newest first on request: the same hits, current ones newest first, then upcoming ones soonest first.
    const relevance = (await get('/api/portal/search?q=border')).json<SearchResult>();
    const byDate = (await get('/api/portal/search?q=border&sort=date')).json<SearchResult>();
    expect(byDate.total).toBe(relevance.total);
    const now = new Date().toISOString();
    const dates = byDate.items.map((item) => item.date ?? '');
    const current = dates.filter((date) => date <= now);
    expect(current.length).toBeGreaterThan(0);
    expect(dates).toEqual([...[...current].sort().reverse(), ...dates.filter((date) => date > now).sort()]);
    expect((await get('/api/portal/search?q=border&sort=sideways')).statusCode).toBe(400);
    await upsertInitiative(t.deps.db, { slug: 'founded-body', name: 'Founded Body', acronym: null, founded: 2001, ended: null, seat: null, mandate: 'A body.', website: null, otherMembers: null, memberEconomies: ['AL'], topics: [], parentSlug: null, successorSlug: null }, new Date());
    const initiative = (await get('/api/portal/search?q=founded&type=initiative')).json<SearchResult>();
    expect(initiative.items[0]).toMatchObject({ slug: 'founded-body', date: null });
    expect(initiative.facets.year).toEqual([{ value: '2001', count: 1 }]);
  });
});

describe('site pages', () => {
  it('are seeded in the five UI languages and served as pages', async () => {
    const links = (await get('/api/portal/pages?lang=sq')).json<{ items: { slug: string; title: string }[] }>();
    expect(links.items.map((item) => item.slug)).toEqual(['about', 'contact', 'legal', 'privacy', 'accessibility']);
    expect(links.items[0]!.title).toBe('Rreth portalit');
    const privacy = (await get('/api/portal/pages/privacy?lang=sr-Cyrl')).json<SitePage>();
    expect(privacy.title).toBe('Приватност');
    expect(privacy.bodyHtml).toContain('колачић');
    const html = (await get('/pages/privacy')).body;
    expect(html).toContain('<title>Privacy — Mosaic</title>');
    expect(html).toContain('session cookie');
    expect((await get('/api/portal/pages/secret')).statusCode).toBe(400);
  });

  it('are edited by an editor (sanitised, audited); others and bad input change nothing', async () => {
    const current = (await get('/api/portal/editor/pages/contact', people.author)).json<EditorSitePage>();
    expect(current.translations).toHaveLength(5);
    const input: SitePageInput = { translations: current.translations.map((item) => ({ ...item, bodyHtml: item.language === 'en' ? '<p>Write to us.</p><script>alert(1)</script>' : item.bodyHtml })) };
    const officer = await signedInUser(t.deps, { roles: ['officer'] });
    expect((await t.app.inject({ method: 'PUT', url: '/api/portal/editor/pages/contact', headers: officer.headers, payload: input })).statusCode).toBe(403);
    const missingLanguage = { translations: input.translations.slice(0, 4) };
    const twice = { translations: [...input.translations.slice(0, 4), { ...input.translations[0]! }] };
    for (const payload of [missingLanguage, twice, { translations: input.translations.map((item) => ({ ...item, title: '' })) }]) {
      const refused = await t.app.inject({ method: 'PUT', url: '/api/portal/editor/pages/contact', headers: people.author, payload });
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect((await get('/api/portal/pages/contact')).json<SitePage>().bodyHtml).toBe(current.translations.find((item) => item.language === 'en')!.bodyHtml);

    const saved = await t.app.inject({ method: 'PUT', url: '/api/portal/editor/pages/contact', headers: people.author, payload: input });
    expect(saved.statusCode).toBe(200);
    expect((await get('/api/portal/pages/contact')).json<SitePage>().bodyHtml).toBe('<p>Write to us.</p>');
    expect((await get('/pages/contact')).body).toContain('<p>Write to us.</p>');
    const audit = await t.deps.db.select().from(auditEvents).orderBy(auditEvents.seq);
    expect(audit.filter((row) => row.action === 'portal.site_page.update').map((row) => row.recordId)).toEqual(['contact']);
  });
});

describe('economy pages and feeds', () => {
  it('gather one economy’s public items', async () => {
    const page = (await get('/api/portal/economies/XK?lang=sq')).json<EconomyPage>();
    expect(page.economy.code).toBe('XK');
    expect(page.articles.map((item) => item.slug)).toEqual(['ministers-agree-on-border-data']);
    expect(page.events.map((item) => item.slug)).toEqual(['seminar-in-pristina']);
    expect((await get('/api/portal/economies/ZZ')).statusCode).toBe(404);
    const html = (await get('/economies/XK')).body;
    expect(html).toContain('<title>Kosovo* — Mosaic</title>');
    expect(html).toContain('href="/news/ministers-agree-on-border-data"');
    expect(html).not.toContain('href="/events/meeting-in-skopje"');
    expect(count(html, FOOTNOTE)).toBe(1);
  });

  it('publish RSS and Atom per topic and per economy, whose channel links to a page that exists', async () => {
    const parser = new XMLParser();
    const rss = await get('/feeds/economies/ME.rss');
    expect(rss.statusCode).toBe(200);
    expect(XMLValidator.validate(rss.body)).toBe(true);
    const channel = (parser.parse(rss.body) as { rss: { channel: { link: string; item: { title: string } | { title: string }[] } } }).rss.channel;
    expect([channel.item].flat().map((item) => item.title)).toEqual(['Quotes " and </title><script>alert(1)</script> $& tags'].map((title) => title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')));
    expect(channel.link).toBe(`${PUBLIC_URL}/economies/ME`);
    expect((await get(new URL(channel.link).pathname)).statusCode).toBe(200);
    const news = (parser.parse((await get('/feeds/news.rss')).body) as { rss: { channel: { link: string } } }).rss.channel.link;
    expect((await get(new URL(news).pathname)).statusCode).toBe(200);
    const atom = await get('/feeds/topics/organised-crime.atom');
    expect(atom.statusCode).toBe(200);
    expect(atom.body).toContain('Ministers agree on border data');
    expect((await get('/feeds/topics/no-such-topic.rss')).statusCode).toBe(404);
    expect((await get('/feeds/economies/ZZ.atom')).statusCode).toBe(404);
  });

  it('lists every page address in the sitemap, and the old deep links move there', async () => {
    const sitemap = (await get('/sitemap.xml')).body;
    expect(sitemap).toContain(`<loc>${PUBLIC_URL}/news/ministers-agree-on-border-data</loc>`);
    expect(sitemap).toContain(`<loc>${PUBLIC_URL}/economies/XK</loc>`);
    expect(sitemap).toContain(`<loc>${PUBLIC_URL}/pages/privacy</loc>`);
    const moved = await get('/portal/articles/ministers-agree-on-border-data');
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe('/news/ministers-agree-on-border-data');
  });
});
