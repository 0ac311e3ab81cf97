import { type Page, expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, expectNoSeriousAxeViolationsAtBothWidths } from './support/axe';
import { storageStatePath, storageStatePathOf } from './support/demo';
import { waitForMail } from './support/mailbox';
import { apiWrite } from './support/session-api';

// Issue 16: "Save this search" on the search page (a signed-in reader saves the query and its
// filters with a digest in the UI language; a visitor is asked to sign in), and the digest
// e-mail as the run's SMTP sink receives it. Every page is checked by axe at desktop and 390 px.
test.describe('save this search', () => {
  test('a visitor is offered to sign in and come back', async ({ page }) => {
    await page.goto('/search?q=border');
    const link = page.getByRole('link', { name: 'Sign in to save this search and get an e-mail digest' });
    await expect(link).toBeVisible();
    expect(decodeURIComponent((await link.getAttribute('href'))!)).toContain('/search?q=border');
    await expectNoSeriousAxeViolationsAtBothWidths(page);
  });

  test.describe('signed in', () => {
    test.use({ storageState: storageStatePath('reader') });
    test('a reader saves the search with its filters and a weekly digest in the UI language, and finds it on My work', async ({ page }) => {
      const name = `Kufiri ${Date.now().toString(36)}`;
      // The UI in Albanian (the language switcher remembers the choice in the browser).
      await page.goto('/');
      await page.evaluate(() => localStorage.setItem('mosaic.language', 'sq'));
      await page.goto('/search?q=border&type=article');
      await expect(page.getByRole('button', { name: 'Ruaje këtë kërkim' })).toBeVisible();
      await expectNoSeriousAxeViolationsAtBothWidths(page);
      await page.getByRole('button', { name: 'Ruaje këtë kërkim' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Emri').fill(name);
      const saved = page.waitForResponse((response) => response.url().endsWith('/api/portal/me/saved-searches') && response.request().method() === 'POST');
      await dialog.getByRole('button', { name: 'Ruaj', exact: true }).click();
      const answer = await saved;
      expect(answer.status()).toBe(201);
      expect(await answer.json()).toMatchObject({ name, query: { q: 'border', type: 'article' }, frequency: 'weekly', language: 'sq' });
      await page.goto('/work');
      await expect(page.getByRole('link', { name })).toHaveAttribute('href', '/search?q=border&type=article');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/search?q=border');
      await expect(page.getByRole('button', { name: 'Ruaje këtë kërkim' })).toBeVisible();
      await expectNoSeriousAxeViolations(page);
    });

    test('the saved search’s digest reaches the SMTP sink with the new item, and its one-click link unsubscribes', async ({ page, browser, baseURL }) => {
      // The e2e server's digest day is 15 s (PORTAL_DIGEST_DAY_SECONDS), looked for every 2 s.
      test.setTimeout(120_000);
      const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
      const word = `digestprobe${run}`;
      const name = `Digest watch ${run}`;
      const address = `digest.${run}@mosaic.test`;
      await page.goto(`/search?q=${word}`);
      await page.getByRole('button', { name: 'Save this search' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save this search' });
      await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible();
      await expectNoSeriousAxeViolationsAtBothWidths(page, { ready: () => expect(dialog).toBeVisible() });
      await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
      await dialog.getByLabel('E-mail digest').click();
      await page.getByRole('option', { name: 'Daily digest' }).click();
      await dialog.getByRole('textbox', { name: 'Send the digest to' }).fill(address);
      const saved = page.waitForResponse((response) => response.url().endsWith('/api/portal/me/saved-searches') && response.request().method() === 'POST');
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();
      expect((await saved).status()).toBe(201);
      await expect(dialog).toBeHidden();

      // Two editors publish an article naming the word after the search was saved (four eyes).
      const slug = `digest-item-${run}`;
      const title = `Border liaison officers meet (${word})`;
      const editors = await Promise.all([storageStatePathOf('editor@mosaic.demo'), storageStatePathOf('editor2@mosaic.demo')].map((state) => browser.newContext({ storageState: state })));
      const [author, publisher] = editors.map((context) => context.request);
      const created = await apiWrite(author!, 'POST', '/api/portal/editor/articles', {
        slug,
        kind: 'news',
        author: 'Portal editorial desk',
        topics: ['border-security'],
        originalLanguage: 'en',
        translations: [{ language: 'en', title, lead: 'A lead.', bodyHtml: `<p>Officers met (${word}).</p>` }],
      });
      expect(created.status()).toBe(201);
      const id = ((await created.json()) as { id: string }).id;
      expect((await apiWrite(author!, 'POST', `/api/portal/editor/articles/${id}/transition`, { transition: 'submit' })).status()).toBe(200);
      expect((await apiWrite(publisher!, 'POST', `/api/portal/editor/articles/${id}/transition`, { transition: 'publish' })).status()).toBe(200);
      await Promise.all(editors.map((context) => context.close()));

      const mail = await waitForMail(address, { match: (message) => message.text.includes(title), timeout: 60_000 });
      expect(mail.subject).toBe(`Mosaic: new items for “${name}” (1)`);
      expect(mail.text).toContain(`${baseURL}/news/${slug}`);
      const link = /(\S+\/unsubscribe\?token=\S+)/.exec(mail.text)?.[1];
      expect(link, 'the digest carries a one-click unsubscribe link').toBeTruthy();
      expect(link!.startsWith(`${baseURL}/unsubscribe?token=`)).toBe(true);

      // One click, without signing in: confirmed; a second click changes nothing.
      const visitorContext = await browser.newContext();
      const visitor = await visitorContext.newPage();
      await visitor.goto(link!);
      await expect(visitor.getByRole('status').filter({ hasText: 'Unsubscribed' })).toContainText(`You will no longer get e-mails for “${name}”`);
      await expectNoSeriousAxeViolationsAtBothWidths(visitor);
      await visitor.reload();
      await expect(visitor.getByRole('alert')).toContainText('This link was already used');
      await visitorContext.close();
      const mine = (await (await page.request.get('/api/portal/me/saved-searches')).json()) as { items: { name: string; frequency: string }[] };
      expect(mine.items.find((item) => item.name === name)?.frequency).toBe('none');
    });
  });
});

// Issue 16, item 8: the smaller defects, each checked where a visitor sees it.
test.describe('smaller defects stay fixed', () => {
  test('an event page shows no "Registered 0" and names the time zone once; the data table uses one number of decimals', async ({ page }) => {
    await page.goto('/events/training-financial-investigations-tirana');
    await expect(page.getByRole('heading', { level: 1, name: 'Training on Financial Investigations and Asset Recovery' })).toBeVisible();
    const facts = page.getByRole('table').first();
    await expect(facts.getByRole('rowheader', { name: 'Time zone' })).toBeVisible();
    await expect(facts.getByRole('rowheader', { name: 'Registered' })).toHaveCount(0);
    const yourTime = facts.getByRole('row', { name: /Your time/ });
    if ((await yourTime.count()) > 0) expect(((await yourTime.textContent()) ?? '').match(/UTC/g)?.length ?? 0).toBeLessThanOrEqual(1);
    await expectNoSeriousAxeViolationsAtBothWidths(page);

    await page.goto('/statistics/recorded-homicides-rate');
    const table = page.getByRole('table', { name: /^Recorded intentional homicides/ });
    await expect(table).toBeVisible();
    const cells = (await table.getByRole('cell').allTextContents()).filter((text) => /\d/.test(text));
    expect(cells.length).toBeGreaterThan(5);
    const decimals = new Set(cells.map((text) => /[.,](\d+)$/.exec(text.trim())?.[1]?.length ?? 0));
    expect([...decimals]).toEqual([2]);
  });

  test('an initiative counts its members outside the region; on a phone the map comes before the cards and the matrix keeps its first column', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/initiatives');
    const map = page.getByRole('region', { name: 'Who is a member' });
    await expect(map).toBeVisible();
    const firstCard = page.getByRole('heading', { level: 2, name: /^AII — Adriatic and Ionian Initiative/ });
    await expect(firstCard).toBeVisible();
    await expect(page.getByText(/Other members: Italy, San Marino/).first()).toBeVisible();
    expect((await map.boundingBox())!.y).toBeLessThan((await firstCard.boundingBox())!.y);
    await expectNoSeriousAxeViolationsAtBothWidths(page, { ready: (p: Page) => expect(p.getByRole('region', { name: 'Who is a member' })).toBeVisible() });

    await page.goto('/initiatives/matrix');
    const header = page.locator('.portal-matrix tbody th').first();
    await expect(header).toBeVisible();
    expect(await header.evaluate((element) => getComputedStyle(element).position)).toBe('sticky');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectNoSeriousAxeViolationsAtBothWidths(page);
  });
});
