import { type Page, expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolationsAtBothWidths } from './support/axe';
import { demoUser, storageStatePath } from './support/demo';
import { apiWrite } from './support/session-api';

// Issue 16, the workspace: every demo role lands on /work after sign-in and sees its own work,
// each section counted with its own rights; the page passes axe at desktop and phone width.
const ROLE_SECTIONS: [role: string, heading: string][] = [
  ['contact_point', 'Hits to decide'],
  ['officer', 'My recent screenings'],
  ['analyst', 'My recent screenings'],
  ['editor', 'In review'],
  ['administrator', 'Awaiting second-factor enrolment'],
  ['auditor', 'Audit chain'],
  ['donor', 'My organisation’s activities'],
  ['reader', 'My event registrations'],
];

async function expectWorkPage(page: Page, heading: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
}

test.describe('my work', () => {
  for (const [role, heading] of ROLE_SECTIONS) {
    test.describe(role, () => {
      test.use({ storageState: storageStatePath(role) });
      test(`a ${role} sees their own work, accessible at desktop and 390 px`, async ({ page }) => {
        await page.goto('/work');
        await expectWorkPage(page, heading);
        await expectNoSeriousAxeViolationsAtBothWidths(page, { ready: (p) => expectWorkPage(p, heading) });
        await page.setViewportSize({ width: 390, height: 844 });
        await expectWorkPage(page, heading);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      });
    });
  }

  test('sign-in without a page to return to lands on My work', async ({ page }) => {
    const reader = demoUser('reader');
    await page.goto('/sign-in');
    await expect(page.getByLabel('E-mail')).toBeVisible();
    await expectNoSeriousAxeViolationsAtBothWidths(page);
    await page.getByLabel('E-mail').fill(reader.email);
    await page.getByLabel(/^Password/).fill(reader.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/work$/);
    await expectWorkPage(page, 'My event registrations');
  });

  test.describe('saved searches', () => {
    test.use({ storageState: storageStatePath('reader') });
    test('a reader saves a search with a digest from the API and manages it on My work; a bad address is refused in words', async ({ page }) => {
      const name = `Border watch ${Date.now().toString(36)}`;
      const bad = await apiWrite(page.request, 'POST', '/api/portal/me/saved-searches', { name, query: { q: 'border' }, frequency: 'daily', email: 'not an address' });
      expect(bad.status()).toBe(422);
      const saved = await apiWrite(page.request, 'POST', '/api/portal/me/saved-searches', { name, query: { q: 'border' }, frequency: 'daily' });
      expect(saved.status()).toBe(201);
      await page.goto('/work');
      const section = page.getByRole('region', { name: 'Saved searches and digests' });
      await expect(section.getByRole('link', { name })).toHaveAttribute('href', '/search?q=border');
      await expectNoSeriousAxeViolationsAtBothWidths(page);
      await section.getByRole('button', { name: `Remove the saved search “${name}”` }).click();
      await expect(section.getByRole('link', { name })).toHaveCount(0);
    });

    test('a forged unsubscribe link shows a clear problem page and changes nothing', async ({ page }) => {
      await page.goto('/unsubscribe?token=00000000-0000-0000-0000-000000000000.AAAAAAAAAAAAAAAA.forged');
      await expect(page.getByRole('heading', { level: 1, name: 'Unsubscribe from a digest' })).toBeVisible();
      await expect(page.getByRole('alert')).toContainText('This unsubscribe link is not valid');
      await expectNoSeriousAxeViolationsAtBothWidths(page);
    });
  });
});
