import { type Browser, type Page, expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { storageStatePath } from './support/demo';

// Issue 11 §3 and §5 (docs/exchange.md, "Routing and approval settings"): Serbia's contact point
// lets contact points of the whole economy approve releases. That widens who reads marked items,
// so it waits; the contact point cannot approve it himself; a regional administrator approves it
// in a second browser, open at the same time. Going back to the organisation narrows and applies at once.

test.describe.configure({ mode: 'serial' });

async function open(browser: Browser, role: string, economy?: string): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(role, economy) });
  return context.newPage();
}

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a widening change waits for a second person; a narrowing one applies at once', async ({ browser }) => {
  test.setTimeout(120_000);
  const contact = await open(browser, 'contact_point', 'RS');
  const admin = await open(browser, 'administrator');

  await contact.goto('/exchange/settings');
  await expect(contact.getByRole('heading', { level: 1, name: 'Routing and release approval' })).toBeVisible();
  await expect(contact.getByRole('table', { name: 'Routing per crime area' })).toBeVisible();
  await expect(contact.getByRole('combobox', { name: 'Who approves', exact: true })).toHaveValue('A contact point of the author’s organisation');
  await expectNoSeriousAxeViolations(contact);

  await chooseOption(contact, 'Who approves', 'A contact point of the author’s economy');
  await contact.getByRole('button', { name: 'Save the settings' }).click();
  const pending = contact.getByTestId('settings-pending');
  await expect(pending).toContainText('A change waits for a second person’s approval');
  await expect(pending).toContainText('approvers from the whole economy');
  await expect(pending).toContainText('You proposed this change; a second person must approve it.');
  await expect(pending.getByRole('button', { name: 'Approve the change' })).toHaveCount(0);
  await expect(contact.getByRole('combobox', { name: 'Who approves', exact: true })).toHaveValue('A contact point of the author’s organisation');

  await admin.goto('/exchange/settings');
  await chooseOption(admin, 'Economy', 'Serbia');
  const waiting = admin.getByTestId('settings-pending');
  await expect(waiting).toContainText('approvers from the whole economy');
  await expect(admin.getByRole('button', { name: 'Save the settings' })).toHaveCount(0);
  await waiting.getByRole('button', { name: 'Approve the change' }).click();
  await expect(admin.getByTestId('settings-pending')).toHaveCount(0);
  await expect(admin.getByRole('combobox', { name: 'Who approves', exact: true })).toHaveValue('A contact point of the author’s economy');

  await contact.reload();
  await expect(contact.getByRole('combobox', { name: 'Who approves', exact: true })).toHaveValue('A contact point of the author’s economy');
  await chooseOption(contact, 'Who approves', 'A contact point of the author’s organisation');
  await contact.getByRole('button', { name: 'Save the settings' }).click();
  await expect(contact.getByText('The settings are saved and apply now.')).toBeVisible();
  await expect(contact.getByTestId('settings-pending')).toHaveCount(0);
  await expect(contact.getByRole('combobox', { name: 'Who approves', exact: true })).toHaveValue('A contact point of the author’s organisation');
});
