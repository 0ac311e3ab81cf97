import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { storageStatePath, storageStatePathOf } from './support/demo';

// Issue 15 (docs/registry.md): a donor drafts police training in Montenegro, is shown the
// activity another donor registered for the same work before saving, opens it, acknowledges
// and saves; the 3W views show both; a visitor of the portal downloads the public activities
// as IATI XML, and a donor imports that file with a report per activity (the round trip into an
// empty database is in registry.iati.test.ts).

let downloaded = '';
const TITLE = `Police training on firearms investigations in Montenegro ${Date.now().toString(36)}`;

test.describe.configure({ mode: 'serial' });

test.describe('the donor', () => {
  test.use({ storageState: storageStatePath('donor') });

  test('sees the overlapping activity before saving, opens it, acknowledges and saves', async ({ page }) => {
    await page.goto('/registry/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Register an activity' })).toBeVisible();
    await page.getByRole('textbox', { name: 'IATI identifier' }).fill(`XI-IATI-EC_NEAR-E2E-${Date.now().toString(36)}`);
    await page.getByRole('textbox', { name: 'Organisation identifier' }).first().fill('XI-IATI-EC_NEAR');
    await page.getByRole('textbox', { name: 'Title (English)' }).fill(TITLE);
    await page.getByRole('textbox', { name: 'Description (English)' }).fill('Courses for criminal police investigators on tracing illicit firearms in Montenegro.');
    await page.getByRole('button', { name: 'Add: Title' }).click();
    await page.getByRole('textbox', { name: 'Title (Serbian (Latin))' }).fill('Obuka policije za istrage vatrenog oružja u Crnoj Gori');
    await page.getByRole('textbox', { name: 'Organisation name' }).nth(1).fill('GIZ');
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

    // A location placed with a click on the map, a budget, a transaction, a contact, a document and a result.
    await page.getByRole('button', { name: 'Add: Location' }).click();
    await page.getByRole('textbox', { name: 'Place name' }).fill('Podgorica');
    await page.getByTestId('location-map').click({ position: { x: 200, y: 200 } });
    await expect(page.getByRole('textbox', { name: 'Latitude' })).not.toHaveValue('');
    await page.getByRole('button', { name: 'Add: Budget' }).click();
    await page.getByRole('textbox', { name: 'Amount' }).first().fill('750000');
    await page.getByRole('button', { name: 'Add: Transaction' }).click();
    await page.getByRole('textbox', { name: 'Amount' }).nth(1).fill('250000');
    await page.getByRole('button', { name: 'Add: Contact' }).click();
    await page.getByRole('textbox', { name: 'Person' }).fill('Ana Petrović');
    await page.getByRole('textbox', { name: 'Email' }).fill('not-an-address');
    await page.getByRole('button', { name: 'Add: Document' }).click();
    await page.getByRole('textbox', { name: 'Document title' }).fill('Project summary');
    await page.getByRole('button', { name: 'Add: Result' }).click();
    await page.getByRole('textbox', { name: 'Result', exact: true }).fill('Police investigators trained');
    await page.getByRole('button', { name: 'Add: Indicator' }).click();
    await page.getByRole('textbox', { name: 'Indicator', exact: true }).fill('Investigators certified');
    await page.getByLabel('Target period start').fill('2026-01-01');
    await page.getByRole('textbox', { name: 'Target value' }).fill('120');

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
    // The mistakes are named beside their fields, in the UI language, and nothing is sent.
    await page.getByRole('button', { name: 'Save the activity' }).click();
    await expect(page.getByText('Not an email address').first()).toBeVisible();
    await expect(page.getByText('A web address starting with http:// or https://').first()).toBeVisible();
    await page.getByRole('textbox', { name: 'Email' }).fill('ana.petrovic@example.org');
    await page.getByRole('textbox', { name: 'Web address' }).fill('https://example.org/summary.pdf');
    await page.getByRole('button', { name: 'Save the activity' }).click();
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByText('Obuka policije za istrage vatrenog oružja u Crnoj Gori')).toBeVisible();
    await expect(page.getByText('Podgorica, ME')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Project summary' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Commitment' })).toBeVisible();
    await expect(page.getByText(/Police investigators trained: Investigators certified/)).toBeVisible();
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

test.describe('the secretariat', () => {
  test.use({ storageState: storageStatePathOf('admin@mosaic.demo') });

  test('keeps the exchange rates, with their sources', async ({ page }) => {
    await page.goto('/registry/rates');
    await expect(page.getByRole('heading', { level: 1, name: 'Exchange rates' })).toBeVisible();
    const dinar = page.getByTestId('rate').filter({ hasText: 'RSD' }).filter({ hasText: '2025' });
    await expect(dinar).toContainText('National Bank of Serbia');
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Change the rate of RSD for 2025' }).click();
    await page.getByRole('textbox', { name: /Units per euro/ }).fill('117.3');
    await page.getByRole('textbox', { name: 'Source' }).fill('National Bank of Serbia, annual average 2025, checked');
    await page.getByRole('button', { name: 'Save the rate' }).click();
    await expect(dinar).toContainText('checked');
    await expect(dinar).toContainText('117.3');
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
    downloaded = xml;
  });
});

test.describe('the donor importing that file', () => {
  test.use({ storageState: storageStatePath('donor') });

  test('is told activity by activity what was taken and what was refused', async ({ page }) => {
    expect(downloaded).toContain(TITLE);
    // The file as published is all known here; the same file under new identifiers (as another publisher's) is taken.
    const renamed = downloaded.replace(/<iati-identifier>([^<]+)<\/iati-identifier>/g, '<iati-identifier>$1-COPY</iati-identifier>');
    const activities = (downloaded.match(/<iati-activity[\s>]/g) ?? []).length;
    expect(activities).toBeGreaterThan(1);
    await page.goto('/registry');
    await page.getByRole('link', { name: 'Import an IATI file' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import an IATI file' })).toBeVisible();
    await page.locator('input[type="file"]').setInputFiles({ name: 'public.xml', mimeType: 'application/xml', buffer: Buffer.from(downloaded) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByText(`0 taken, ${activities} refused`)).toBeVisible();
    await expect(page.getByTestId('import-row').first()).toContainText('An activity with this identifier is already registered');
    await expectNoSeriousAxeViolations(page);

    await page.locator('input[type="file"]').setInputFiles({ name: 'renamed.xml', mimeType: 'application/xml', buffer: Buffer.from(renamed) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByText(`${activities} taken, 0 refused`)).toBeVisible();
    await page.getByTestId('import-row').filter({ hasText: '-COPY' }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
});
