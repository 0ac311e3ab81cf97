import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { storageStatePath } from './support/demo';

// Issue 11 §9 and §11 (docs/exchange.md): the HR contact point screens a name and gets only a
// hit on the RS desk's alert; one action opens a follow-up request to the RS desk, which
// confirms the hit, releases the alert to the requester's organisation and answers; the
// requester sees all of it in the thread and exports the thread as a PDF.

test.describe.configure({ mode: 'serial' });

let threadUrl = '';
const NOTE = `Same person: hold him, our liaison calls within the hour (${Date.now().toString(36)}).`;

test.describe('the screening desk (HR)', () => {
  test.use({ storageState: storageStatePath('contact_point', 'HR') });

  test('asks the holding desk from a hit-only answer and files the hit report in the thread', async ({ page }) => {
    await page.goto('/wanted');
    await page.getByRole('textbox', { name: 'Purpose or case reference' }).fill('Border check, Bajakovo');
    await page.getByRole('textbox', { name: 'Name' }).fill('Djordjevic Djordje');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    const card = page.getByRole('main').getByRole('article', { name: 'Hit on an alert you may not read' }).filter({ hasText: '(RS)' }).first();
    await expect(card).toBeVisible();
    const reference = (await card.locator('code').innerText()).trim();
    await card.getByRole('button', { name: 'Ask the holding desk' }).click();

    await expect(page.getByRole('heading', { level: 1, name: `Hit follow-up ${reference}` })).toBeVisible();
    threadUrl = new URL(page.url()).pathname;
    const panel = page.getByRole('region', { name: `Hit follow-up ${reference}` });
    await expect(panel).toContainText('Awaiting decision');
    await panel.getByRole('textbox', { name: 'Where found' }).fill('Bajakovo border crossing, lane 4');
    await panel.getByRole('textbox', { name: 'What was done' }).fill('Held for identification at the booth.');
    await panel.getByRole('textbox', { name: 'Your contact' }).fill('+385 1 555 0142');
    await panel.getByRole('button', { name: 'Send the hit report' }).click();
    await expect(panel).toContainText('Bajakovo border crossing, lane 4');
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe('the holding desk (RS)', () => {
  test.use({ storageState: storageStatePath('contact_point', 'RS') });

  test('confirms the hit, releases the alert and answers the request', async ({ page }) => {
    await page.goto(threadUrl);
    const panel = page.getByRole('region', { name: /^Hit follow-up / });
    await expect(panel).toContainText('Bajakovo border crossing, lane 4');
    await panel.getByRole('textbox', { name: 'Reply to the requester' }).fill(NOTE);
    await panel.getByRole('button', { name: 'Confirm the hit' }).click();
    await expect(panel).toContainText('Hit confirmed');
    await panel.getByRole('button', { name: 'Release the alert' }).click();
    await expect(panel).toContainText('The alert was released to');

    const request = page.getByRole('article').first();
    await request.getByRole('button', { name: 'Answer', exact: true }).click();
    await request.getByRole('textbox', { name: 'The answer' }).fill('Confirmed; the alert is released to your organisation.');
    await request.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect(request).toContainText('Answered');
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe('the screening desk again (HR)', () => {
  test.use({ storageState: storageStatePath('contact_point', 'HR') });

  test('sees the decision and the release in the thread and exports it as a PDF', async ({ page }) => {
    await page.goto(threadUrl);
    const panel = page.getByRole('region', { name: /^Hit follow-up / });
    await expect(panel).toContainText('Hit confirmed');
    await expect(panel).toContainText(NOTE);
    await expect(panel).toContainText('The alert was released to');
    await expect(page.getByRole('article').first()).toContainText('Answered');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export as PDF' }).click();
    expect((await download).suggestedFilename()).toMatch(/^EX-HR-[0-9A-Z]{10}\.pdf$/);
    const response = await page.request.get(`/api${threadUrl}/export.pdf`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
