import { type Page, expect, test } from '@playwright/test';
import { storageStatePath } from './support/demo';
import { uiString } from './support/locales';

// Issue 10 "Done when" (docs/wanted.md): a border officer's shift. A conflicting date of birth
// is a possible match that refers to the holding desk and never says "arrest"; the same name
// screened three times is one hit with count 3; the officer's hit report reaches the RS desk
// and its reply reaches him; the screening and hit pages read right in Serbian Cyrillic and
// Albanian on a 390 px handheld.

const ARREST_ACTION = 'Arrest and hold the person; inform the issuing desk at once.';
const PURPOSE = 'Border check, Bajakovo, lane 3';
/** GREEN, released to everyone, held by the RS wanted-persons desk. */
const REPEATED_NAME = 'Milos Stankovic';
const REPLY = `Same person; the RS desk calls you within the hour (${Date.now().toString(36)})`;

test.describe.configure({ mode: 'serial' });

let repeatedHitId = '';
let repeatedReference = '';

async function screenPerson(page: Page, name: string, dateOfBirth?: string) {
  await page.getByRole('textbox', { name: 'Purpose or case reference' }).fill(PURPOSE);
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  if (dateOfBirth) {
    await page.getByRole('button', { name: 'Add date of birth, nationality, sex or document' }).click();
    await page.getByLabel('Date of birth').fill(dateOfBirth);
  }
  const answer = page.waitForResponse((response) => response.url().endsWith('/api/wanted/screen/person') && response.request().method() === 'POST');
  await page.getByRole('button', { name: 'Screen', exact: true }).click();
  return (await (await answer).json()) as { candidates: { visibility: string; decision: string; reference?: string; hitReference?: string | null; actionToTake: string | null }[] };
}

/** No horizontal scrolling: everything fits the handheld's width. */
async function expectFitsWidth(page: Page) {
  const { scroll, width, wide } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    wide: [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1 && element.children.length === 0).slice(0, 5).map((element) => `${element.tagName}: ${element.textContent?.slice(0, 40)}`),
  }));
  expect(scroll, `the page scrolls sideways: ${wide.join('; ')}`).toBeLessThanOrEqual(width);
}

/** Every badge shows its whole label (no "ACTI…"). */
async function expectWholeBadges(page: Page) {
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll('.mantine-Badge-label')].filter((label) => label.scrollWidth > label.clientWidth + 1).map((label) => label.textContent),
  );
  expect(cut, 'badges cut short').toEqual([]);
}

test.describe('border officer (HR) on a handheld', () => {
  test.use({ storageState: storageStatePath('officer', 'HR'), viewport: { width: 390, height: 844 } });

  test('a conflicting date of birth is a possible match: refer to the holding desk, no arrest instruction', async ({ page }) => {
    await page.goto('/wanted');
    const screening = await screenPerson(page, 'Djordjevic Djordje', '1990-07-01');
    const card = page.getByRole('main').getByRole('article', { name: 'Hit on an alert you may not read' }).filter({ hasText: /\(RS\)/ });
    await expect(card).toHaveCount(1);
    await expect(card.getByRole('heading', { name: 'Possible match', exact: true })).toBeVisible();
    await expect(card).toContainText('Do not act on this alone: refer to the holding desk.');
    await expect(card).toContainText(/Holding desk: .+ \(RS\)/);
    await expect(card).not.toContainText('Do now');
    await expect(card).not.toContainText(ARREST_ACTION);
    await expect(card).not.toContainText(/arrest/i);
    expect(JSON.stringify(screening)).not.toContain(ARREST_ACTION);
    const bare = screening.candidates.find((candidate) => candidate.visibility === 'hit' && candidate.decision === 'possible');
    expect(bare).toMatchObject({ actionToTake: null });
    expect(Object.keys(bare!)).not.toContain('score');
    await expectFitsWidth(page);
  });

  test('the same name screened three times makes one hit with count 3', async ({ page }) => {
    await page.goto('/wanted');
    const references = new Set<string>();
    for (let i = 0; i < 3; i += 1) {
      const screening = await screenPerson(page, REPEATED_NAME);
      const full = screening.candidates.find((candidate) => candidate.visibility === 'full' && candidate.hitReference);
      expect(full, 'the RS alert is answered in full').toBeTruthy();
      references.add(full!.hitReference!);
    }
    expect(references.size).toBe(1);
    repeatedReference = [...references][0]!;
    await expect(page.getByRole('main')).toContainText('Screened 3 times; the holding desk was notified once.');

    const mine = (await (await page.request.get('/api/wanted/hits?status=pending&pageSize=100')).json()) as { items: { id: string; reference: string; screenCount: number }[] };
    const hits = mine.items.filter((item) => item.reference === repeatedReference);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.screenCount).toBe(3);
    repeatedHitId = hits[0]!.id;

    await page.goto('/wanted/hits');
    const row = page.getByRole('main').getByRole('article', { name: repeatedReference });
    await expect(row.getByTestId('screen-count')).toContainText('Screened 3 times:');
    // Times carry their zone; rows have no dangling separator.
    await expect(row).not.toContainText(/·\s*$/);
    await expectWholeBadges(page);
    await expectFitsWidth(page);
  });

  test('files a hit report on that hit', async ({ page }) => {
    expect(repeatedHitId, 'the repeated screening ran first').not.toBe('');
    await page.goto(`/wanted/hits/${repeatedHitId}`);
    const form = page.getByRole('region', { name: 'Hit report' });
    await form.getByRole('textbox', { name: 'Where found' }).fill('Bajakovo border crossing, lane 3');
    await form.getByRole('textbox', { name: 'What was done' }).fill('Held for identification; passport checked against the alert.');
    await form.getByRole('textbox', { name: 'Who is in custody' }).fill('The driver of the car');
    await form.getByRole('textbox', { name: 'Your contact' }).fill('+385 1 555 0101');
    await form.getByRole('button', { name: 'Send the hit report' }).click();
    const thread = page.getByRole('region', { name: 'Follow-up' });
    await expect(thread).toContainText('Hit report by Tomislav Babić');
    await expect(thread).toContainText('Bajakovo border crossing, lane 3');
    await expect(page.getByRole('region', { name: 'Hit report' })).toHaveCount(0);
  });
});

test.describe('RS wanted-persons desk', () => {
  test.use({ storageState: storageStatePath('contact_point', 'RS') });

  test('reads the hit report and confirms with a reply; the note is required first', async ({ page }) => {
    await page.goto(`/wanted/hits/${repeatedHitId}`);
    const hit = page.getByRole('main').getByRole('article', { name: repeatedReference });
    await expect(hit.getByRole('region', { name: 'Follow-up' })).toContainText('Bajakovo border crossing, lane 3');
    await expect(hit.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    await expect(hit).toContainText('Write a note first: Confirm and Reject need it.');
    await hit.getByRole('textbox', { name: 'Note on the decision' }).fill(REPLY);
    await hit.getByRole('button', { name: 'Confirm' }).click();
    await expect(hit.getByText('Confirmed', { exact: true })).toBeVisible();
  });
});

test.describe('the officer again', () => {
  test.use({ storageState: storageStatePath('officer', 'HR') });

  test('the desk’s reply reaches him as a notification and on the hit page', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /^Notifications: \d+ unread$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Notifications' });
    const notification = dialog.locator(`a[href="/wanted/hits/${repeatedHitId}"]`);
    await expect(notification).toHaveText(new RegExp(`^Hit ${repeatedReference} confirmed by `));
    await notification.click();
    await expect(page).toHaveURL(new RegExp(`/wanted/hits/${repeatedHitId}$`));
    // One menu entry is highlighted under Wanted: the hits, not the screening above it.
    await expect(page.locator('nav a[data-active]')).toHaveText(['Wanted: hits']);
    const thread = page.getByRole('region', { name: 'Follow-up' });
    await expect(thread).toContainText(`Confirmed: ${REPLY}`);
    // The notification carries the reply too (shown in full on the notifications page).
    await page.goto('/notifications');
    await expect(page.getByRole('main')).toContainText(REPLY);
  });
});

for (const language of ['sr-Cyrl', 'sq'] as const) {
  test.describe(`in ${language} at 390 px`, () => {
    test.use({ storageState: storageStatePath('officer', 'HR'), viewport: { width: 390, height: 844 } });

    test('the screening and hit pages read in the language and fit the screen', async ({ page }) => {
      await page.addInitScript((code) => localStorage.setItem('mosaic.language', code), language);
      const s = (key: string) => uiString(language, 'wanted', key);
      await page.goto('/wanted');
      await expect(page.getByRole('heading', { level: 1, name: s('screen.title') })).toBeVisible();
      await page.getByRole('textbox', { name: s('screen.purpose') }).fill(PURPOSE);
      await page.getByRole('textbox', { name: s('field.name') }).fill('Djordjevic Djordje');
      await page.getByRole('button', { name: s('screen.submit'), exact: true }).click();
      const card = page.getByRole('main').getByRole('article', { name: s('screen.hitOnlyTitle') }).first();
      await expect(card.getByRole('heading', { name: s('decision.match'), exact: true })).toBeVisible();
      await expect(card).toContainText(s('screen.doNow'));
      await expect(page.getByRole('main')).not.toContainText('Screen persons and objects');
      await expectFitsWidth(page);

      await page.goto('/wanted/hits');
      await expect(page.getByRole('heading', { level: 1, name: s('hits.title') })).toBeVisible();
      await expect(page.getByRole('main').getByRole('article').first()).toBeVisible();
      await expect(page.getByRole('main')).not.toContainText('Screened by');
      await expectWholeBadges(page);
      await expectFitsWidth(page);
    });
  });
}
