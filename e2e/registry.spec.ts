import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { storageStatePath } from './support/demo';

// Issue 15 (docs/registry.md): a donor drafts police training in Montenegro, is shown the
// activity another donor registered for the same work before saving, opens it, acknowledges
// and saves; the 3W views show both; a visitor of the portal downloads the public activities
// as IATI XML.

const TITLE = `Police training on firearms investigations in Montenegro ${Date.now().toString(36)}`;

test.describe.configure({ mode: 'serial' });

test.describe('the donor', () => {
  test.use({ storageState: storageStatePath('donor') });

  test('sees the overlapping activity before saving, opens it, acknowledges and saves', async ({ page }) => {
    await page.goto('/registry/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Register an activity' })).toBeVisible();
    await page.getByRole('textbox', { name: 'IATI identifier' }).fill(`XI-IATI-EC_NEAR-E2E-${Date.now().toString(36)}`);
    await page.getByRole('textbox', { name: 'Organisation identifier' }).fill('XI-IATI-EC_NEAR');
    await page.getByRole('textbox', { name: 'Title (English)' }).fill(TITLE);
    await page.getByRole('textbox', { name: 'Implementing organisation' }).fill('GIZ');
    await page.getByLabel('Planned start').fill('2025-03-01');
    await page.getByLabel('Planned end').fill('2026-06-30');
    await page.getByRole('combobox', { name: 'Recipient economies' }).click({ force: true });
    await page.getByRole('option', { name: 'Montenegro', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Topics' }).click({ force: true });
    await page.getByRole('option', { name: 'Small arms and light weapons', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Target groups' }).click({ force: true });
    await page.getByRole('option', { name: 'Police officers', exact: true }).click();
    await page.keyboard.press('Escape');

    const overlap = page.getByTestId('overlap').filter({ hasText: 'Montenegrin police' });
    await expect(overlap).toBeVisible();
    await expect(overlap).toContainText('same economy');
    await expect(page.getByRole('button', { name: 'Save the activity' })).toBeDisabled();
    await expectNoSeriousAxeViolations(page);

    const [other] = await Promise.all([page.waitForEvent('popup'), overlap.getByRole('link').click()]);
    await expect(other.getByRole('heading', { level: 1 })).toContainText('Montenegrin police');
    await expect(other.getByText('US Department of State (INL)').first()).toBeVisible();
    await other.close();

    await page.getByRole('checkbox', { name: /I have looked at/ }).check();
    await page.getByRole('button', { name: 'Save the activity' }).click();
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Overlaps acknowledged when saved' })).toBeVisible();
  });

  test('sees both activities in the 3W matrix and on the map', async ({ page }) => {
    await page.goto('/registry/3w?economy=ME');
    const matrix = page.getByTestId('matrix');
    await expect(matrix).toContainText('GIZ');
    await expect(matrix).toContainText('OSCE');
    await expect(page.locator('svg title', { hasText: 'Activities per economy' })).toHaveCount(1);
    await expect(page.getByRole('link', { name: new RegExp(TITLE) })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe('a visitor of the portal', () => {
  test('sees the public activities and downloads them as IATI XML', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/activities?economy=ME');
    await expect(page.getByRole('heading', { level: 1, name: 'Security cooperation activities' })).toBeVisible();
    await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download IATI XML' }).click()]);
    const xml = fs.readFileSync((await download.path())!, 'utf8');
    expect(xml).toContain('<iati-activities version="2.03"');
    expect(xml).toContain(TITLE);
    expect(xml).toContain('Montenegrin police');
  });
});
