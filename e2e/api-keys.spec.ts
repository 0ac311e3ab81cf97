import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { storageStatePath } from './support/demo';

// An administrator creates an API key for a border system, sees its secret once, finds it
// waiting for a second administrator, and revokes it; the key is refused by the batch API.

const KEY_NAME = 'Bajakovo crossing – coach passenger lists';
const ORGANISATION = 'Ministry of the Interior – General Police Directorate, Border Directorate (HR)';

test.use({ storageState: storageStatePath('administrator') });

test('an administrator creates, sees once and revokes an API key', async ({ page }) => {
  await page.goto('/admin/api-keys');
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('button', { name: 'Create key' }).click();
  const form = page.getByRole('dialog', { name: 'New API key' });
  await form.getByRole('textbox', { name: /^Purpose of the key/ }).fill(KEY_NAME);
  await form.getByRole('combobox', { name: 'Organisation' }).fill('Border Directorate');
  await page.getByRole('option', { name: ORGANISATION }).click();
  await form.getByRole('textbox', { name: /^Allowed networks/ }).fill('192.0.2.0/24\n2001:db8::/48');
  const created = page.waitForResponse((response) => response.url().endsWith('/api/admin/api-keys') && response.request().method() === 'POST');
  await form.getByRole('button', { name: 'Create key' }).click();
  expect((await created).status()).toBe(201);

  const shown = page.getByRole('dialog', { name: 'The key’s secret' });
  const secret = (await shown.getByTestId('api-key-secret').innerText()).trim();
  expect(secret).toMatch(/^mosaic_[A-Za-z0-9_-]{43}$/);
  await expect(shown).toContainText('It is shown only this once');
  await shown.getByRole('button', { name: 'I have stored it' }).click();

  const row = page.getByRole('row').filter({ hasText: KEY_NAME });
  await expect(row).toContainText('Waiting for approval');
  await expect(row).toContainText('192.0.2.0/24, 2001:db8::/48');
  await expect(row).toContainText('Never used');
  // Four eyes: the creator is not offered the approval.
  await expect(row.getByRole('button', { name: `Approve ${KEY_NAME}` })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(secret);

  await row.getByRole('button', { name: `Revoke ${KEY_NAME}` }).click();
  const revoke = page.getByRole('dialog', { name: 'Revoke the key' });
  await revoke.getByRole('textbox', { name: /^Reason/ }).fill('Created for the browser check.');
  await revoke.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(row).toContainText('Revoked by Vesna Kovačević');

  const refused = await page.request.post('/api/wanted/screenings/batch', {
    headers: { authorization: `Bearer ${secret}` },
    data: { purpose: 'Browser check', queries: { one: { schema: 'Person', name: 'Ana Kovalenko' } } },
  });
  expect(refused.status()).toBe(401);
  expect(refused.headers()['content-type']).toContain('application/problem+json');
  expect((await refused.json()).detail).toBe('The API key has been revoked.');
});
