import { type Page, expect, test } from '@playwright/test';
import { storageStatePath } from './support/demo';

interface RoleExpectation {
  role: string;
  economy?: string;
  sees: string[];
  doesNotSee: string[];
  /** A page of the secure area this role must not reach: it answers "Page not found". */
  refusedPath?: string;
}

const ADMIN_LINKS = ['Users', 'Organisations', 'Contact-point desks', 'Sharing groups', 'Access approvals'];

const expectations: RoleExpectation[] = [
  { role: 'administrator', sees: ADMIN_LINKS, doesNotSee: ['Wanted: screening'], refusedPath: '/wanted' },
  { role: 'editor', sees: ['Editor'], doesNotSee: [...ADMIN_LINKS, 'Audit log'], refusedPath: '/admin/users' },
  { role: 'auditor', sees: ['Audit log'], doesNotSee: [...ADMIN_LINKS, 'Editor'], refusedPath: '/admin/users' },
  { role: 'contact_point', economy: 'RS', sees: ['Wanted: screening', 'Wanted: alerts', 'Wanted: hits', 'Wanted: import'], doesNotSee: [...ADMIN_LINKS, 'Audit log'], refusedPath: '/audit' },
  { role: 'officer', economy: 'HR', sees: ['Wanted: screening', 'Wanted: alerts'], doesNotSee: [...ADMIN_LINKS, 'Audit log', 'Editor', 'Wanted: import'], refusedPath: '/admin/users' },
  { role: 'analyst', economy: 'BA', sees: ['Wanted: screening', 'Wanted: alerts'], doesNotSee: [...ADMIN_LINKS, 'Audit log', 'Editor'], refusedPath: '/admin/desks' },
  { role: 'donor', sees: [], doesNotSee: [...ADMIN_LINKS, 'Audit log', 'Editor', 'Wanted: screening'], refusedPath: '/wanted/alerts' },
  { role: 'reader', sees: [], doesNotSee: [...ADMIN_LINKS, 'Audit log', 'Editor', 'Wanted: screening'], refusedPath: '/audit' },
];

async function navigation(page: Page) {
  return page.getByRole('navigation', { name: 'Main navigation' });
}

for (const expected of expectations) {
  test.describe(`${expected.role}${expected.economy ? ` (${expected.economy})` : ''}`, () => {
    test.use({ storageState: storageStatePath(expected.role, expected.economy) });

    test('sees exactly the secure tools of the role', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
      const nav = await navigation(page);
      for (const link of expected.sees) await expect(nav.getByRole('link', { name: link, exact: true })).toBeVisible();
      for (const link of expected.doesNotSee) await expect(nav.getByRole('link', { name: link, exact: true })).toHaveCount(0);
    });

    if (expected.refusedPath) {
      test(`cannot open ${expected.refusedPath}`, async ({ page }) => {
        await page.goto(expected.refusedPath!);
        await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      });
    }
  });
}

test.describe('visitor', () => {
  test('is asked to sign in for a secure page and sees no secure tools', async ({ page }) => {
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fusers/);
    await page.goto('/');
    const nav = await navigation(page);
    await expect(nav.getByText('Secure tools')).toHaveCount(0);
  });
});
