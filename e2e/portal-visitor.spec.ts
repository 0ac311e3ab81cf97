import { type APIResponse, type Page, expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolationsAtBothWidths } from './support/axe';
import { uiString } from './support/locales';

// Issue 4 "Done when", as a visitor: no storage state, a fresh browser context per test.

/** A Latin-script article (original sr-Latn, no Cyrillic version) whose text says "Bezbednost". */
const LATIN_ARTICLE = 'Intervju: inspektor Đorđević o prekograničnim istragama';
/** Border security only (not organised crime): found by the query, gone once filtered by topic. */
const BORDER_ONLY_ARTICLE = 'Безбедност граница: представљен нацрт нове стратегије';
const CYRILLIC_QUERY = 'безбедност';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cyr = (namespace: string, key: string) => uiString('sr-Cyrl', namespace, key);

async function expectOk(response: APIResponse, contentType: RegExp) {
  expect(response.status(), response.url()).toBe(200);
  expect(response.headers()['content-type']).toMatch(contentType);
}

test.describe('visitor', () => {
  test('switches the portal to Serbian Cyrillic, which survives a reload, and finds Latin text with a Cyrillic query', async ({ page, request }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Security Web Portal' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('sr-Cyrl');

    const nav = page.getByRole('navigation', { name: cyr('common', 'mainNavigation') });
    const expectCyrillicUi = async () => {
      await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Cyrl');
      await expect(page.getByRole('heading', { level: 1, name: cyr('portal', 'home.title') })).toBeVisible();
      await expect(nav.getByRole('link', { name: cyr('portal', 'nav.news'), exact: true })).toBeVisible();
      await expect(page.getByRole('combobox', { name: cyr('common', 'language') })).toHaveValue('sr-Cyrl');
      await expect(nav.getByRole('link', { name: 'News', exact: true })).toHaveCount(0);
      // The header is in Cyrillic script, not merely translated.
      expect(await page.getByRole('banner').innerText()).toMatch(/[\u0400-\u04FF]{4,}/);
    };
    await expectCyrillicUi();
    await page.reload();
    await expectCyrillicUi();
    await expectNoSeriousAxeViolationsAtBothWidths(page);

    // Search in Cyrillic from the home page: the Latin-script article is found.
    await page.getByRole('searchbox', { name: cyr('portal', 'search.label') }).fill(CYRILLIC_QUERY);
    await page.getByRole('button', { name: cyr('portal', 'search.submit'), exact: true }).click();
    await expect(page).toHaveURL(/\/search\?.*q=/);
    const results = page.getByRole('main').getByRole('list').filter({ has: page.getByRole('article') });
    const latinResult = results.getByRole('article').filter({ has: page.getByRole('link', { name: LATIN_ARTICLE }) });
    await expect(latinResult).toHaveCount(1);
    // The Latin word is what matched (highlighted in the snippet).
    await expect(latinResult.locator('mark').first()).toHaveText(/^bezbednost/i);
    await expect(results.getByRole('link', { name: BORDER_ONLY_ARTICLE })).toBeVisible();
    await expectNoSeriousAxeViolationsAtBothWidths(page);

    // Filter by topic with the facet (its label in Cyrillic, as the API names the topic).
    const topics = (await (await request.get('/api/portal/topics?lang=sr-Cyrl')).json()) as { items: { slug: string; name: string }[] };
    const organisedCrime = topics.items.find((topic) => topic.slug === 'organised-crime');
    expect(organisedCrime, 'the topic "organised-crime" exists').toBeTruthy();
    const topicFacets = page.getByRole('group', { name: cyr('portal', 'search.facet.topic') });
    const facetName = new RegExp(`^${escapeRegExp(organisedCrime!.name)} \\((\\d+)\\)$`);
    const facetLabel = (await topicFacets.getByText(facetName).innerText()).trim();
    const facetCount = Number(facetName.exec(facetLabel)?.[1]);
    expect(facetCount).toBeGreaterThan(0);
    // The facet follows the address (set on click), so click and then wait for it to be checked.
    await topicFacets.getByRole('checkbox', { name: facetName }).click();
    await expect(topicFacets.getByRole('checkbox', { name: facetName })).toBeChecked();
    await expect(page).toHaveURL(/topic=organised-crime/);
    await expect(results.getByRole('link', { name: BORDER_ONLY_ARTICLE })).toHaveCount(0);
    await expect(results.getByRole('link', { name: LATIN_ARTICLE })).toBeVisible();
    await expect(results.getByRole('article')).toHaveCount(facetCount);

    // The topic page lists the article too.
    await page.goto('/topics/organised-crime');
    await expect(page.getByRole('heading', { level: 1, name: organisedCrime!.name })).toBeVisible();
    await expect(page.getByRole('link', { name: LATIN_ARTICLE }).first()).toBeVisible();
    await expectNoSeriousAxeViolationsAtBothWidths(page);
  });

  test('opens a document with its metadata and downloads its file', async ({ page }) => {
    await page.goto('/documents');
    await expect(page.getByRole('link', { name: 'Annual Overview of Cyber Incidents 2024 (demo)' })).toBeVisible();
    await expectNoSeriousAxeViolationsAtBothWidths(page);
    await page.getByRole('link', { name: 'Annual Overview of Cyber Incidents 2024 (demo)' }).click();
    await expect(page).toHaveURL(/\/documents\/report-cyber-incidents-demo$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Annual Overview of Cyber Incidents 2024 (demo)' })).toBeVisible();
    await expect(page.getByRole('row', { name: /^Publisher Mosaic demo CSIRT network/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /^Published February 28, 2025/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /^Language English/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /^File report-cyber-incidents-demo\.pdf/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Preview' })).toBeVisible();
    await expectNoSeriousAxeViolationsAtBothWidths(page);

    const download = page.getByRole('link', { name: /^Download PDF \(/ });
    const href = await download.getAttribute('href');
    expect(href).toBeTruthy();
    const file = await page.request.get(href!);
    await expectOk(file, /^application\/pdf/);
    expect((await file.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // A DOCX document answers with the Word content type and a ZIP body.
    await page.goto('/documents/strategija-bezbednost-granica-demo');
    const docxHref = await page.getByRole('link', { name: /^Download DOCX \(/ }).getAttribute('href');
    await expectNoSeriousAxeViolationsAtBothWidths(page);
    const docx = await page.request.get(docxHref!);
    await expectOk(docx, /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/);
    expect((await docx.body()).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('subscribes to the events calendar and downloads one event', async ({ page }) => {
    await page.goto('/events');
    await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
    // A webcal: link for calendar apps, and the https address the copy button copies.
    const subscribe = page.getByRole('link', { name: 'Subscribe in your calendar' });
    const webcal = await subscribe.getAttribute('href');
    expect(webcal).toBe(new URL('/feeds/events.ics', page.url()).toString().replace(/^https?:/, 'webcal:'));
    const feedUrl = webcal!.replace(/^webcal:/, new URL(page.url()).protocol);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy calendar address' }).click();
    await expect(page.getByRole('button', { name: 'Address copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(feedUrl);
    const feed = await page.request.get(feedUrl);
    await expectOk(feed, /^text\/calendar/);
    const calendar = await feed.text();
    expect(calendar).toMatch(/^BEGIN:VCALENDAR\r?\n/);
    expect(calendar).toMatch(/\r?\nBEGIN:VEVENT\r?\n/);
    expect(calendar).toContain('SUMMARY:Training on Financial Investigations and Asset Recovery');
    await expectNoSeriousAxeViolationsAtBothWidths(page);

    await page.getByRole('link', { name: 'Training on Financial Investigations and Asset Recovery' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Training on Financial Investigations and Asset Recovery' })).toBeVisible();
    const ics = await page.request.get((await page.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href'))!);
    await expectOk(ics, /^text\/calendar/);
    const single = await ics.text();
    expect(single).toMatch(/^BEGIN:VCALENDAR/);
    expect(single.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(single).toContain('SUMMARY:Training on Financial Investigations and Asset Recovery');
    await expectNoSeriousAxeViolationsAtBothWidths(page);
  });

  test('portal pages have no serious accessibility violations at desktop and 390 px', async ({ page }) => {
    test.setTimeout(150_000);
    const check = async (path: string, ready: (page: Page) => Promise<void>) => {
      await page.goto(path);
      await ready(page);
      await expectNoSeriousAxeViolationsAtBothWidths(page, { ready });
    };
    await check('/', async (p) => expect(p.getByRole('heading', { name: 'Latest news and analyses' })).toBeVisible());
    await check('/news', async (p) => expect(p.getByRole('heading', { level: 1, name: 'News and analyses' })).toBeVisible());
    await check('/news/interview-inspector-djordjevic-on-cross-border-cases', async (p) =>
      expect(p.getByRole('heading', { level: 1, name: 'Interview: Inspector Đorđević on cross-border investigations' })).toBeVisible(),
    );
    await check('/search?q=border', async (p) => expect(p.getByRole('status').filter({ hasText: /results? for “border”/ })).toBeVisible());
    await check('/initiatives', async (p) => {
      const map = p.getByRole('region', { name: 'Who is a member' });
      await expect(map.getByText(/^Members of AII:/)).toBeVisible();
      await expect(map.locator('svg path').first()).toBeAttached();
    });
    await check('/statistics/cyber-incidents-reported', async (p) => {
      await expect(p.getByRole('heading', { level: 1, name: 'Cyber incidents reported to the national CSIRT' })).toBeVisible();
      await expect(p.getByRole('table', { name: /^Cyber incidents reported/ })).toBeVisible();
      await expect(p.locator('canvas, svg').first()).toBeVisible();
    });
  });

  test('the home page is readable at phone width', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    const heading = page.getByRole('heading', { level: 1, name: 'Security Web Portal' });
    await expect(heading).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Latest news and analyses' })).toBeVisible();
    await expect(heading).toBeInViewport();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, 'no horizontal scrolling at 390 px').toBeLessThanOrEqual(391);
    // The header's controls fit on the screen and their text is not cut off.
    const clipped = await page.getByRole('banner').evaluate((banner) =>
      [...banner.querySelectorAll<HTMLElement>('a, button, select')]
        .filter((element) => element.offsetParent !== null)
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1 || element.scrollWidth > element.clientWidth + 1)
        .map((element) => element.getAttribute('aria-label') ?? element.textContent ?? element.tagName),
    );
    expect(clipped, 'header controls cut off at 390 px').toEqual([]);
    await expectNoSeriousAxeViolationsAtBothWidths(page);
    const screenshot = testInfo.outputPath('home-390x844.png');
    await page.screenshot({ path: screenshot, fullPage: false });
    await testInfo.attach('home at 390×844', { path: screenshot, contentType: 'image/png' });
  });
});

// Issue 16 "Done when", as a visitor.
const FOOTNOTE = 'This designation is without prejudice to positions on status, and is in line with UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of independence';
const ARTICLE_SLUG = 'regional-border-police-commanders-meet-in-skopje';

/** The app has replaced the server's plain markup (the header's language select exists only in the app). */
const appReady = (page: Page) => expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();

test.describe('visitor: pages that share, the footer, Kosovo*, economies', () => {
  test('the HTML of an article (as curl gets it) carries its title, og:title, canonical link and text', async ({ request, baseURL }) => {
    const article = (await (await request.get(`/api/portal/articles/${ARTICLE_SLUG}?lang=en`)).json()) as { title: string; bodyHtml: string };
    const response = await request.get(`/news/${ARTICLE_SLUG}`, { headers: { accept: 'text/html', 'accept-language': 'en' } });
    await expectOk(response, /^text\/html/);
    const html = await response.text();
    const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    expect(html).toContain(`<title>${attribute(article.title)} — Mosaic</title>`);
    expect(html).toContain(`<meta property="og:title" content="${attribute(article.title)}" />`);
    expect(html).toContain(`<link rel="canonical" href="${baseURL}/news/${ARTICLE_SLUG}" />`);
    const firstParagraph = /<p>(.*?)<\/p>/.exec(article.bodyHtml)?.[1] ?? '';
    expect(firstParagraph.length).toBeGreaterThan(20);
    expect(html).toContain(firstParagraph);
    expect(html).toContain('"@type":"NewsArticle"');
    const missing = await request.get('/news/no-such-article-here');
    expect(missing.status()).toBe(404);
    expect(await missing.text()).toContain('<title>Page not found — Mosaic</title>');
  });

  test('the footer’s pages open, in the UI language', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    // The footer sits at the end of <main> (so it is not the page's contentinfo landmark): found by its navigations.
    const footer = page.locator('footer.portal-footer');
    const sitePages: [string, string][] = [
      ['About the portal', 'About the portal'],
      ['Contact', 'Contact'],
      ['Legal notice', 'Legal notice'],
      ['Privacy and cookies', 'Privacy'],
      ['Accessibility statement', 'Accessibility statement'],
    ];
    for (const [link, heading] of sitePages) {
      await footer.getByRole('link', { name: link, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
      await expectNoSeriousAxeViolationsAtBothWidths(page);
    }
    await appReady(page);
    await expect(footer.getByRole('link', { name: 'News (RSS)' })).toHaveAttribute('href', /\/feeds\/news\.rss/);
    await footer.getByRole('button', { name: 'Shqip' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Deklarata e aksesueshmërisë' })).toBeVisible();
    await footer.getByRole('link', { name: 'Privatësia dhe cookies' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Privatësia' })).toBeVisible();
    await expect(page.getByRole('main').getByText(/cookie sesioni/)).toBeVisible();
    await expectNoSeriousAxeViolationsAtBothWidths(page);
  });

  test('an event page naming Kosovo* shows the footnote once; one that does not, none', async ({ page }) => {
    await page.goto('/events/seminar-gender-based-violence-pristina');
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Seminar on Police Response to Gender-Based Violence' })).toBeVisible();
    await expect(page.getByRole('main').getByText('Kosovo*').first()).toBeVisible();
    await expect(page.getByText(FOOTNOTE)).toHaveCount(1);
    await expectNoSeriousAxeViolationsAtBothWidths(page);
    await page.goto('/events/exercise-floods-sava');
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Cross-border Flood Response Exercise' })).toBeVisible();
    await expect(page.getByText(FOOTNOTE)).toHaveCount(0);
    await expectNoSeriousAxeViolationsAtBothWidths(page);
    // The membership matrix names Kosovo* in its header: the footnote once there too.
    await page.goto('/initiatives/matrix');
    await appReady(page);
    await expect(page.getByRole('table')).toBeVisible();
    await expect(page.getByText(FOOTNOTE)).toHaveCount(1);
    await expectNoSeriousAxeViolationsAtBothWidths(page);
  });

  test('an economy chip leads to the economy’s page, which lists its items', async ({ page, request }) => {
    const economy = (await (await request.get('/api/portal/economies/ME?lang=en')).json()) as { articles: { title: string }[]; events: { title: string }[] };
    expect(economy.articles.length + economy.events.length).toBeGreaterThan(0);
    await page.goto('/events/training-cyber-forensics-podgorica');
    await appReady(page);
    await expectNoSeriousAxeViolationsAtBothWidths(page);
    await page.getByRole('main').getByRole('link', { name: 'Montenegro', exact: true }).click();
    await expect(page).toHaveURL(/\/economies\/ME$/);
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Montenegro' })).toBeVisible();
    const main = page.getByRole('main');
    if (economy.articles[0]) await expect(main.getByRole('link', { name: economy.articles[0].title }).first()).toBeVisible();
    if (economy.events[0]) await expect(main.getByRole('link', { name: economy.events[0].title }).first()).toBeVisible();
    await expectNoSeriousAxeViolationsAtBothWidths(page);
    const rss = await request.get('/feeds/economies/ME.rss');
    await expectOk(rss, /^application\/rss\+xml/);
  });

  test('the new pages have no serious accessibility violations at 390 px and at desktop width', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, heading] of [
      ['/economies/XK', 'Kosovo*'],
      ['/pages/privacy', 'Privacy'],
      ['/events/seminar-gender-based-violence-pristina', 'Seminar on Police Response to Gender-Based Violence'],
      [`/news/${ARTICLE_SLUG}`, null],
    ] as const) {
      await page.goto(path);
      await appReady(page);
      if (heading) await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      else await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousAxeViolationsAtBothWidths(page);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `no horizontal scrolling at 390 px on ${path}`).toBeLessThanOrEqual(391);
    }
    // Search on a phone: the facets fold behind "Filters", the first result is on the first screen.
    await page.goto('/search?q=border');
    await appReady(page);
    const filters = page.getByRole('button', { name: 'Filters' });
    await expect(filters).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('main').getByRole('article').first()).toBeInViewport();
    await filters.click();
    await expect(page.getByRole('group', { name: 'Topic' })).toBeVisible();
    await expectNoSeriousAxeViolationsAtBothWidths(page);
  });
});
