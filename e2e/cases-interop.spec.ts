import fs from 'node:fs';
import { type Page, expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { storageStatePath } from './support/demo';
import { uiString } from './support/locales';

// Issue 14, import and export (docs/cases.md): an RS contact point exports a case as STIX 2.1
// and MISP, then imports a CSV of phones with a column mapping: the preview shows what is new
// and what is rejected, and only the confirmation writes.

const RUN = Date.now().toString(36);
const TITLE = `Phones of the Preševo couriers ${RUN}`;
const ui = (key: string) => uiString('en', 'cases-interop', key);

test.use({ storageState: storageStatePath('contact_point', 'RS') });

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('exports the case as STIX 2.1 and MISP, and imports a CSV after its preview', async ({ page }) => {
  await page.goto('/cases/new');
  await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
  await chooseOption(page, 'Crime area', 'Drugs');
  await chooseOption(page, 'Desk', 'Serbia – Police cooperation');
  await page.getByRole('button', { name: 'Record the case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(TITLE) })).toBeVisible();
  await chooseOption(page, 'Kind', 'Phone number');
  await page.getByLabel(/^Number( \*)?$/).fill('063 555 0142');
  await page.getByRole('button', { name: 'Add the entity' }).click();
  await expect(page.getByRole('cell', { name: '+381635550142', exact: true })).toBeVisible();

  const stixDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: ui('export.stix') }).click();
  const stix = await stixDownload;
  expect(stix.suggestedFilename()).toMatch(/^C-RS-[0-9A-Z]{10}\.stix\.json$/);
  const bundle = JSON.parse(fs.readFileSync((await stix.path())!, 'utf8')) as { type: string; objects: { type: string; value?: string }[] };
  expect(bundle.type).toBe('bundle');
  expect(bundle.objects.find((object) => object.type === 'x-mosaic-phone-number')?.value).toBe('+381635550142');
  const mispDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: ui('export.misp') }).click();
  const misp = JSON.parse(fs.readFileSync((await (await mispDownload).path())!, 'utf8')) as { Event: { Attribute: { type: string; value: string }[] } };
  expect(misp.Event.Attribute).toContainEqual(expect.objectContaining({ type: 'phone-number', value: '+381635550142' }));

  await page.getByRole('button', { name: ui('import.open') }).click();
  const dialog = page.getByRole('dialog', { name: ui('import.title') });
  await dialog.getByText(ui('format.csv'), { exact: true }).click();
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'phones.csv', mimeType: 'text/csv', buffer: Buffer.from('Broj,Uloga\n064 765 4321,courier\nnot a phone,\n063 555 0142,\n') });
  await chooseOption(page, ui('attribute.number'), 'Broj');
  await chooseOption(page, ui('attribute.role'), 'Uloga');
  await dialog.getByRole('button', { name: ui('import.preview') }).click();
  const rows = dialog.getByRole('row');
  await expect(rows.filter({ hasText: 'line 2' })).toContainText(ui('action.create'));
  await expect(rows.filter({ hasText: 'line 3' })).toContainText(ui('action.rejected'));
  await expect(rows.filter({ hasText: 'line 3' })).toContainText(ui('error.invalid_phone'));
  await expect(rows.filter({ hasText: 'line 4' })).toContainText(ui('action.in_case'));
  await expectNoSeriousAxeViolations(page);
  // Nothing is written before the confirmation: the case's own table (outside the dialog) does not have it.
  await expect(page.locator('main').getByRole('cell', { name: '+381647654321', exact: true, includeHidden: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: ui('import.confirm').replace('{{formatted}}', '1') }).click();
  await expect(dialog.getByText(ui('import.done'))).toBeVisible();
  await dialog.getByRole('button', { name: ui('import.close'), exact: true }).click();
  await expect(page.getByRole('cell', { name: '+381647654321', exact: true })).toBeVisible();
});
