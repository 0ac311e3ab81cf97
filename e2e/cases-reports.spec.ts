import { type Page, expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { storageStatePath, storageStatePathOf } from './support/demo';
import { apiWrite } from './support/session-api';

// Issue 14 §7 (docs/cases.md, "Reports"): an RS analyst writes a risk-analysis report from the
// threat-assessment template with a chart of the cases she may read, and submits it; the RS
// contact point (a second person) releases it; an ME analyst, whom the marking admits, reads it
// with the chart and its table; a BA analyst sees no trace of it.

const RUN = Date.now().toString(36);
const TITLE = `Drug routes through Serbia ${RUN}`;
let reportUrl = '';

test.describe.configure({ mode: 'serial' });

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A field by its label; a required field's label ends in an asterisk. */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}( \\*)?$`));

test.describe('the RS analyst', () => {
  test.use({ storageState: storageStatePathOf('analyst.rs@mosaic.demo') });

  test('writes a report with a chart and submits it for release', async ({ page }) => {
    // A case of her desk for the chart to count, marked for RS and ME like the report.
    await page.goto('/cases/reports');
    const options = await (await page.request.get('/api/cases/options')).json();
    const today = new Date().toISOString().slice(0, 10);
    const created = await apiWrite(page.request, 'POST', '/api/cases', {
      title: `Heroin in hidden compartments ${RUN}`, summary: '', crimeArea: 'drugs', openedOn: today, ownerDeskId: options.desks[0].id,
      marking: { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS', 'ME'] },
    });
    expect(created.status()).toBe(201);

    await expect(page.getByRole('heading', { level: 1, name: 'Risk-analysis reports' })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('link', { name: 'New report' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New risk-analysis report' })).toBeVisible();
    await field(page, 'Title').fill(TITLE);
    await page.getByRole('combobox', { name: 'Releasable to economies' }).click();
    await page.getByRole('option', { name: 'Montenegro (ME)', exact: true }).click();
    await page.keyboard.press('Escape');
    await field(page, 'Summary').fill('Heroin keeps moving north along the southern route.');
    await field(page, 'Key findings').fill('Couriers change cars before the border.');
    await field(page, 'Assessment').fill('Seizures will rise in the coming quarter.');
    await chooseOption(page, 'Likelihood', 'Likely');
    await chooseOption(page, 'Confidence', 'Moderate confidence');
    await field(page, 'Recommendations').fill('Joint checks at the crossings.');
    await field(page, 'Sources').fill('Case files of the desk.');
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Edit report RA-RS-/ })).toBeVisible();

    await page.getByRole('button', { name: 'Add the chart' }).click();
    const table = page.getByRole('table', { name: 'Cases by crime area' });
    await expect(table.getByRole('cell', { name: 'Drugs', exact: true })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Cases by crime area' })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Submit for release' }).click();
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByText('This report waits for a second person’s release.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Release the report' })).toHaveCount(0);
    await expectNoSeriousAxeViolations(page);
    reportUrl = page.url();
  });
});

test.describe('an ME analyst before the release', () => {
  test.use({ storageState: storageStatePathOf('analyst.me@mosaic.demo') });

  test('does not see the report yet', async ({ page }) => {
    await page.goto(reportUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });
});

test.describe('the RS contact point', () => {
  test.use({ storageState: storageStatePath('contact_point', 'RS') });

  test('releases it as the second person', async ({ page }) => {
    await page.goto('/cases/reports');
    await expect(page.getByRole('row').filter({ hasText: TITLE })).toContainText('Awaiting release');
    await page.goto(reportUrl);
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Release the report' }).click();
    await expect(page.getByText(/^Released by Nikola Petrović/)).toBeVisible();
  });
});

test.describe('an ME analyst after the release', () => {
  test.use({ storageState: storageStatePathOf('analyst.me@mosaic.demo') });

  test('reads the report with its chart and table, and may export it', async ({ page }) => {
    await page.goto('/cases/reports');
    await page.getByRole('link', { name: /^RA-RS-/ }).first().waitFor();
    await expect(page.getByRole('row').filter({ hasText: TITLE })).toHaveCount(1);
    await page.goto(reportUrl);
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Cases by crime area' }).getByRole('cell', { name: 'Drugs', exact: true })).toBeVisible();
    await expect(page.getByText('Assessment: Likely, Moderate confidence')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Export PDF' })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe('a BA analyst outside the marking', () => {
  test.use({ storageState: storageStatePathOf('analyst.ba@mosaic.demo') });

  test('sees no trace of it', async ({ page }) => {
    await page.goto(reportUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.goto('/cases/reports');
    await expect(page.getByRole('heading', { level: 1, name: 'Risk-analysis reports' })).toBeVisible();
    await expect(page.getByText(TITLE)).toHaveCount(0);
  });
});
