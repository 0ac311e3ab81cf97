import { type Locator, type Page, expect, test } from '@playwright/test';
import { TOTP } from 'otpauth';
import { expectNoSeriousAxeViolations } from './support/axe';
import { storageStatePath, storageStatePathOf } from './support/demo';

const suffix = Date.now().toString(36);
const organisationName = `Montenegrin Border Police Test Unit ${suffix}`;
const newUserEmail = `new.officer.${suffix}@example.me`;

/** Picks an option of a Mantine select within `scope` (its listbox is rendered in a portal). */
async function chooseOption(page: Page, scope: Locator, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

test.describe.serial('administrator runs organisations, users and desks from the web app', () => {
  let oneTimePassword = '';

  test('creates an organisation and a user, and sees the one-time password once', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStatePath('administrator') });
    const page = await context.newPage();
    await page.goto('/admin/organisations');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    const organisationForm = page.getByRole('dialog', { name: 'New organisation' });
    await organisationForm.getByLabel(/^Name/).fill(organisationName);
    await chooseOption(page, organisationForm, 'Kind', 'Border');
    await chooseOption(page, organisationForm, 'Economy', /^ME – Montenegro/);
    await organisationForm.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('The organisation was saved')).toBeVisible();

    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'Create user' }).click();
    const userForm = page.getByRole('dialog', { name: 'New user' });
    await userForm.getByLabel(/^E-mail/).fill(newUserEmail);
    await userForm.getByLabel(/^Name/).fill('Milena Vuković');
    await chooseOption(page, userForm, 'Economy', /^ME – Montenegro/);
    await chooseOption(page, userForm, 'Organisation', organisationName);
    await userForm.getByRole('checkbox', { name: 'Officer' }).check();
    await userForm.getByRole('button', { name: 'Create user' }).click();
    const passwordDialog = page.getByRole('dialog', { name: 'One-time password' });
    oneTimePassword = (await passwordDialog.getByTestId('one-time-password').innerText()).trim();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    await passwordDialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('cell', { name: newUserEmail })).toBeVisible();
    await context.close();
  });

  test('the new user must set up the second factor at first sign-in', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill(newUserEmail);
    await page.getByLabel(/^Password/).fill(oneTimePassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('img', { name: 'QR code for adding Mosaic to an authenticator app' })).toBeVisible();
    const secret = (await page.getByLabel('Set-up key').innerText()).replace(/\s+/g, '');
    await page.getByLabel('6-digit code').fill(new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate());
    await page.getByRole('button', { name: 'Confirm and continue' }).click();
    await expect(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
    await page.getByRole('checkbox', { name: 'I have saved these codes in a safe place' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.goto('/profile');
    await expect(page.getByText(organisationName).first()).toBeVisible();
    await context.close();
  });

  test('proposes the new user for a contact-point desk of their economy; the seat waits for approval', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStatePath('administrator') });
    const page = await context.newPage();
    await page.goto('/admin/desks');
    await chooseOption(page, page.getByRole('main'), 'Economy', /^ME – Montenegro/);
    const desk = page.getByRole('region', { name: 'Montenegro – Police cooperation' });
    await desk.getByRole('button', { name: 'Add member' }).click();
    await chooseOption(page, page.getByRole('dialog'), 'User', /Milena Vuković/);
    await page.getByRole('dialog').getByRole('button', { name: 'Add member' }).click();
    await expect(page.getByText("This change needs a second administrator's approval.")).toBeVisible();
    await expect(desk.getByText('Milena Vuković')).toHaveCount(0);
    await page.goto('/admin/access-changes');
    const waiting = page.getByRole('region', { name: 'Milena Vuković on Montenegro – Police cooperation' });
    await expect(waiting.getByText(/Another administrator must approve this change/)).toBeVisible();
    await expect(waiting.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await context.close();
  });

  test('a second administrator approves the seat from the queue, and it applies', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStatePathOf('admin2@mosaic.demo') });
    const page = await context.newPage();
    await page.goto('/admin/access-changes');
    const waiting = page.getByRole('region', { name: 'Milena Vuković on Montenegro – Police cooperation' });
    await expect(waiting.getByText(/Proposed by Vesna Kovačević/)).toBeVisible();
    await waiting.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('dialog', { name: 'Approve this change?' }).getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByText('The change was approved and applied')).toBeVisible();
    await expect(waiting).toHaveCount(0);
    await page.goto('/admin/desks');
    await chooseOption(page, page.getByRole('main'), 'Economy', /^ME – Montenegro/);
    await expect(page.getByRole('region', { name: 'Montenegro – Police cooperation' }).getByText('Milena Vuković')).toBeVisible();
    await context.close();
  });

  test('the auditor finds these changes in the audit chain and verifies it', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStatePath('auditor') });
    const page = await context.newPage();
    await page.goto('/audit');
    await page.getByLabel('User', { exact: true }).fill(newUserEmail);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    // Wait for the filter to be applied (the unfiltered first page may already show the action).
    await expect(page).toHaveURL(/user=new\.officer/);
    await expect(page.getByRole('cell', { name: 'auth.enrolment.confirm' }).first()).toBeVisible();
    await page.getByLabel('User', { exact: true }).fill('admin@mosaic.demo');
    await page.getByLabel('Action').fill('admin.user.create');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/action=admin\.user\.create/);
    await expect(page.getByRole('cell', { name: 'admin.user.create' }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByText('Chain intact: every event verified')).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await context.close();
  });
});

test.describe('languages', () => {
  test('the chosen language is used everywhere and remembered', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Language', { exact: true }).selectOption('sr-Cyrl');
    await expect(page.getByRole('heading', { name: 'Пријава' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Пријава' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Cyrl');
    await page.getByLabel('Језик').selectOption('sq');
    await expect(page.getByRole('heading', { name: 'Hyr' })).toBeVisible();
    await page.getByLabel('Gjuha').selectOption('en');
  });
});

test.describe('accessibility of the foundation pages', () => {
  test('home and sign-in as a visitor', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test.describe('signed in', () => {
    test.use({ storageState: storageStatePath('administrator') });
    test('profile and administration', async ({ page }) => {
      for (const path of ['/profile', '/admin/users', '/admin/organisations', '/admin/desks', '/admin/sharing-groups', '/admin/access-changes', '/notifications']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        await expect(page.getByRole('status')).toHaveCount(0);
        await expectNoSeriousAxeViolations(page);
      }
    });

    test('the header stays usable on a phone', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/profile');
      await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeInViewport({ ratio: 1 });
      await page.screenshot({ path: test.info().outputPath('profile-390.png') });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
    });
  });
});
