import { type Page, expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { storageStatePath } from './support/demo';

// Issue 11 (docs/exchange.md): the RS contact-point officer writes an information request to
// the AL police-cooperation desk; the AL desk asks for clarification, gets it, and answers;
// the originator sees the whole thread with its states and who read it.

const SUBJECT = `Owner of a grey Renault Mégane seen at Qafë Thanë ${Date.now().toString(36)}`;
const QUESTION = 'Which plate number did your patrol note?';
const CLARIFICATION = 'NS 482-KT, seen on 2 March at 06:40.';
const ANSWER = 'Registered to a leasing company in Tirana; the driver was Dritan Çela.';

test.describe.configure({ mode: 'serial' });

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function openThread(page: Page) {
  await page.goto('/exchange');
  // The "All" folder: the request is in the originator's sent items and the receiver's inbox.
  await page.getByText('All', { exact: true }).click();
  await page.getByRole('link', { name: SUBJECT }).click();
  await expect(page.getByRole('heading', { level: 1, name: SUBJECT })).toBeVisible();
}

test.describe('the requesting desk (RS)', () => {
  test.use({ storageState: storageStatePath('contact_point', 'RS') });

  test('writes a request and sees exactly who will be able to read it', async ({ page }) => {
    await page.goto('/exchange/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Write a message or request' })).toBeVisible();
    await chooseOption(page, 'From desk', 'Serbia – Police cooperation');
    await page.getByRole('combobox', { name: 'To desks' }).click();
    await page.getByRole('option', { name: 'Albania – Police cooperation', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'Subject' }).fill(SUBJECT);
    const body = page.getByRole('textbox', { name: 'Message', exact: true });
    await body.click();
    await body.pressSequentially('Please tell us who holds the registration and who drove it on 2 March.');
    const preview = page.getByRole('heading', { name: 'Who will be able to read it' }).locator('..');
    await expect(preview.getByRole('alert')).toContainText('nobody at Albania – Police cooperation may read');
    await page.getByRole('combobox', { name: 'Releasable to economies' }).click();
    await page.getByRole('option', { name: /^Albania \(AL\)$/ }).click();
    await page.keyboard.press('Escape');
    await expect(preview).toContainText('Albania – Police cooperation: 1 person');
    await expect(preview.getByRole('alert')).toHaveCount(0);
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('heading', { level: 1, name: SUBJECT })).toBeVisible();
    await expect(page.getByRole('article').first()).toContainText('Sent');
    await expect(page.getByRole('article').first()).toContainText('Answer due');
  });
});

test.describe('the receiving desk (AL)', () => {
  test.use({ storageState: storageStatePath('contact_point', 'AL') });

  test('finds it unread in the inbox, opens it and asks for clarification', async ({ page }) => {
    await page.goto('/exchange');
    await expect(page.getByRole('heading', { level: 1, name: 'Exchange' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Search' }).fill('megane qafe thane');
    await expect(page.getByRole('link', { name: SUBJECT })).toBeVisible();
    await page.getByRole('link', { name: SUBJECT }).click();
    const item = page.getByRole('article').first();
    await expect(item).toContainText('Received');
    await item.getByRole('button', { name: 'Ask for clarification' }).click();
    await item.getByRole('textbox', { name: 'Your question' }).fill(QUESTION);
    await item.getByRole('button', { name: 'Confirm' }).click();
    await expect(item).toContainText('Clock suspended');
    await expect(item).toContainText(QUESTION);
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe('the requesting desk again (RS)', () => {
  test.use({ storageState: storageStatePath('contact_point', 'RS') });

  test('gives the clarification', async ({ page }) => {
    await openThread(page);
    const item = page.getByRole('article').first();
    await item.getByRole('button', { name: 'Give clarification' }).click();
    await item.getByRole('textbox', { name: 'Your clarification' }).fill(CLARIFICATION);
    await item.getByRole('button', { name: 'Confirm' }).click();
    await expect(item).toContainText('Answer due');
    await expect(item).toContainText(CLARIFICATION);
  });
});

test.describe('the receiving desk answers (AL)', () => {
  test.use({ storageState: storageStatePath('contact_point', 'AL') });

  test('answers within the deadline shown', async ({ page }) => {
    await openThread(page);
    const item = page.getByRole('article').first();
    await expect(item).toContainText('Answer due');
    await item.getByRole('button', { name: 'Answer', exact: true }).click();
    await item.getByRole('textbox', { name: 'The answer' }).fill(ANSWER);
    await item.getByRole('button', { name: 'Confirm' }).click();
    await expect(item).toContainText(ANSWER);
    await expect(item.getByRole('button', { name: 'Answer', exact: true })).toHaveCount(0);
  });
});

test.describe('the originator (RS)', () => {
  test.use({ storageState: storageStatePath('contact_point', 'RS') });

  test('sees the whole thread: question, clarification, answer and who read it', async ({ page }) => {
    await openThread(page);
    const item = page.getByRole('article').first();
    for (const text of ['Clarification requested', QUESTION, CLARIFICATION, 'Answered', ANSWER]) await expect(item).toContainText(text);
    await expect(item.getByRole('table')).toContainText('Arben Krasniqi');
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe('a desk of a third economy (HR)', () => {
  test.use({ storageState: storageStatePath('contact_point', 'HR') });

  test('finds no trace of it', async ({ page }) => {
    await page.goto('/exchange');
    await page.getByRole('textbox', { name: 'Search' }).fill('megane qafe thane');
    await expect(page.getByText('Nothing here.')).toBeVisible();
    await expect(page.getByRole('link', { name: SUBJECT })).toHaveCount(0);
  });
});
