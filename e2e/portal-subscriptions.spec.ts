import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { storageStatePath } from './support/demo';

// Issue 16: "Save this search" on the search page (a signed-in reader saves the query and its
// filters with a digest in the UI language; a visitor is asked to sign in).
test.describe('save this search', () => {
  test('a visitor is offered to sign in and come back', async ({ page }) => {
    await page.goto('/search?q=border');
    const link = page.getByRole('link', { name: 'Sign in to save this search and get an e-mail digest' });
    await expect(link).toBeVisible();
    expect(decodeURIComponent((await link.getAttribute('href'))!)).toContain('/search?q=border');
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
      await expectNoSeriousAxeViolations(page);
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
    await expectNoSeriousAxeViolations(page);

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
    await expectNoSeriousAxeViolations(page);

    await page.goto('/initiatives/matrix');
    const header = page.locator('.portal-matrix tbody th').first();
    await expect(header).toBeVisible();
    expect(await header.evaluate((element) => getComputedStyle(element).position)).toBe('sticky');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectNoSeriousAxeViolations(page);
  });
});
