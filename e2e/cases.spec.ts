import { type Page, expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { storageStatePath, storageStatePathOf } from './support/demo';

// Issue 14 (docs/cases.md): an RS analyst records a case with a person in Cyrillic, a phone and
// a vehicle; an AL analyst records the same person in Latin script and the phone written
// differently, sees only "match held by" the RS desk, asks for it, and the RS desk releases it;
// a joint investigation team member of ME reads the RS case, a BA analyst sees nothing.

const RUN = Date.now().toString(36);
const RS_TITLE = `Heroin couriers on the southern route ${RUN}`;
const AL_TITLE = `Cannabis lorries from Vlorë ${RUN}`;
const RS_DESK = 'Serbia – Police cooperation';
const AL_DESK = 'Albania – Police cooperation';
let rsCaseUrl = '';
let alCaseUrl = '';

test.describe.configure({ mode: 'serial' });

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function createCase(page: Page, title: string, desk: string, extraEconomy?: string) {
  await page.goto('/cases/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New case' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await chooseOption(page, 'Crime area', 'Drugs');
  await chooseOption(page, 'Desk', desk);
  if (extraEconomy) {
    await page.getByRole('combobox', { name: 'Releasable to economies' }).click();
    await page.getByRole('option', { name: extraEconomy, exact: true }).click();
    await page.keyboard.press('Escape');
  }
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Record the case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
  return page.url();
}

/** A field by its label; a required field's label ends in an asterisk. */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label.replace(/[()]/g, '\\$&')}( \\*)?$`));

async function addEntity(page: Page, kind: string, fields: Record<string, string>, shown: string) {
  await chooseOption(page, 'Kind', kind);
  for (const [label, value] of Object.entries(fields)) await field(page, label).fill(value);
  await page.getByRole('button', { name: 'Add the entity' }).click();
  await expect(page.getByRole('cell', { name: shown, exact: true })).toBeVisible();
}

test.describe('the RS desk records its case', () => {
  test.use({ storageState: storageStatePath('contact_point', 'RS') });

  test('with a Cyrillic person, a phone and a vehicle, refusing an invalid VIN, and a team member from ME', async ({ page }) => {
    rsCaseUrl = await createCase(page, RS_TITLE, RS_DESK, 'Montenegro (ME)');
    await addEntity(page, 'Person', { Name: 'Драган Миловановић', 'Date of birth': '1979-11-23' }, 'Драган Миловановић');
    await addEntity(page, 'Phone number', { Number: '063 555 0199' }, '+381635550199');
    await chooseOption(page, 'Kind', 'Vehicle');
    await field(page, 'VIN').fill('1M8GDM9A1KP042788');
    await page.getByRole('button', { name: 'Add the entity' }).click();
    await expect(page.getByRole('alert')).toContainText('VIN: not a valid VIN (check digit)');
    await addEntity(page, 'Vehicle', { VIN: 'WVWZZZ3CZ9E543210', Make: 'Škoda' }, 'Škoda WVWZZZ3CZ9E543210');
    // A correction: the model was left out; the entity is normalised again and keeps its VIN.
    await page.getByRole('button', { name: 'Correct Škoda WVWZZZ3CZ9E543210' }).click();
    const correction = page.getByRole('dialog', { name: 'Correct Škoda WVWZZZ3CZ9E543210' });
    await expect(correction.getByLabel(/^VIN/)).toHaveValue('WVWZZZ3CZ9E543210');
    await correction.getByLabel(/^Model/).fill('Octavia');
    await expectNoSeriousAxeViolations(page);
    await correction.getByRole('button', { name: 'Save the correction' }).click();
    await expect(correction).toHaveCount(0);
    await expect(page.getByRole('cell', { name: 'Škoda Octavia WVWZZZ3CZ9E543210', exact: true })).toBeVisible();
    // A source's e-mail is kept to the recording organisation: its marking in the case is narrowed.
    await addEntity(page, 'E-mail address', { Address: 'kurir.presevo@example.rs' }, 'kurir.presevo@example.rs');
    await page.getByRole('button', { name: 'Correct kurir.presevo@example.rs' }).click();
    const narrowing = page.getByRole('dialog', { name: 'Correct kurir.presevo@example.rs' });
    await expect(narrowing.getByRole('heading', { name: 'Marking in this case' })).toBeVisible();
    await narrowing.getByRole('combobox', { name: 'TLP', exact: true }).click();
    await page.getByRole('option', { name: 'AMBER+STRICT', exact: true }).click();
    await narrowing.getByRole('button', { name: 'Narrow the marking' }).click();
    await expect(narrowing).toHaveCount(0);
    await expect(page.getByRole('row').filter({ hasText: 'kurir.presevo@example.rs' }).getByText('TLP:AMBER+STRICT')).toBeVisible();
    await page.getByRole('tab', { name: 'Timeline' }).click();
    for (const [place, economy] of [['Preševo', 'Serbia (RS)'], ['Bajakovo', 'Croatia (HR)']] as const) {
      await field(page, 'Place').fill(place);
      await chooseOption(page, 'Economy (for the route)', economy);
      await field(page, 'What happened').fill(`Courier car seen at ${place}`);
      await page.getByRole('button', { name: 'Add the event' }).click();
      await expect(page.getByText(`Courier car seen at ${place}`)).toBeVisible();
    }
    await page.getByRole('tab', { name: 'Joint investigation team' }).click();
    await chooseOption(page, 'Organisation', 'Police Administration (ME)');
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await expect(page.getByText('Police Administration (ME) · Member')).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe('the AL desk records the same person in Latin script', () => {
  test.use({ storageState: storageStatePath('contact_point', 'AL') });

  test('sees only that the RS desk holds a match, and asks for it', async ({ page }) => {
    alCaseUrl = await createCase(page, AL_TITLE, AL_DESK);
    await addEntity(page, 'Person', { Name: 'Dragan Milovanovic', 'Date of birth': '1979-11-23' }, 'Dragan Milovanovic');
    await addEntity(page, 'Phone number', { Number: '+381 (63) 555-01-99' }, '+381635550199');
    await page.getByRole('tab', { name: 'Correlations' }).click();
    const held = page.getByText(`Match held by ${RS_DESK}`);
    await expect(held).toHaveCount(2);
    await expect(page.getByRole('tabpanel')).not.toContainText('Драган');
    await expect(page.getByRole('tabpanel')).not.toContainText(RS_TITLE);
    await expectNoSeriousAxeViolations(page);
    const phoneCard = page.locator('.mantine-Card-root').filter({ hasText: 'Phone number' });
    await phoneCard.getByRole('button', { name: 'Ask for it' }).click();
    await expect(phoneCard.getByText('Waiting')).toBeVisible();
  });
});

test.describe('the RS desk decides', () => {
  test.use({ storageState: storageStatePath('contact_point', 'RS') });

  test('releases the phone to the AL police', async ({ page }) => {
    await page.goto('/cases/follow-ups');
    await expect(page.getByRole('heading', { level: 1, name: 'Follow-up requests' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: 'Arben Krasniqi' }).filter({ hasText: 'Phone number' }).first();
    await row.getByRole('button', { name: 'Release' }).click();
    await expect(row.getByText('Released')).toBeVisible();
  });
});

test.describe('the AL desk after the release', () => {
  test.use({ storageState: storageStatePath('contact_point', 'AL') });

  test('sees the released phone, and still only a hit for the person', async ({ page }) => {
    await page.goto(alCaseUrl);
    await page.getByRole('tab', { name: 'Correlations' }).click();
    await expect(page.getByText('Released to your organisation')).toBeVisible();
    await expect(page.getByRole('tabpanel').getByText('+381635550199')).toBeVisible();
    await expect(page.getByText(`Match held by ${RS_DESK}`)).toHaveCount(1);
  });
});

test.describe('the RS risk dashboard', () => {
  test.use({ storageState: storageStatePath('contact_point', 'RS') });

  test('shows the routes of the cases on the map, with the table beside it', async ({ page }) => {
    await page.goto('/cases/dashboard');
    await expect(page.getByRole('heading', { level: 1, name: 'Joint risk analysis' })).toBeVisible();
    const map = page.getByRole('img', { name: 'Routes of the cases on the map of the region' });
    await expect(map).toBeVisible();
    await expect(map.locator('line[data-leg="RS>HR"]')).toHaveCount(1);
    await expect(page.getByRole('cell', { name: 'RS → HR', exact: true })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe('a team member of ME', () => {
  test.use({ storageState: storageStatePathOf('analyst.me@mosaic.demo') });

  test('reads the RS case', async ({ page }) => {
    await page.goto(rsCaseUrl);
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(RS_TITLE) })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Драган Миловановић', exact: true })).toBeVisible();
  });
});

test.describe('an analyst of BA, not on the team', () => {
  test.use({ storageState: storageStatePathOf('analyst.ba@mosaic.demo') });

  test('sees nothing of the RS case', async ({ page }) => {
    await page.goto(rsCaseUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.goto('/cases');
    await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
    await expect(page.getByText(RS_TITLE)).toHaveCount(0);
  });
});
