import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { storageStatePath } from './support/demo';

// Issue 10 "Done when": an alert is edited and its history shows the change; and the new-alert
// form opens with the user's wanted-persons desk and a marking the server accepts (#10.6).

test.describe.configure({ mode: 'serial' });

test.describe('wanted-persons desk (RS)', () => {
  test.use({ storageState: storageStatePath('contact_point', 'RS') });

  test('the new-alert form opens with the desk and a valid marking, and the list shows the marking', async ({ page }) => {
    await page.goto('/wanted/alerts');
    await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Marking' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Name, identifier or reference' }).fill('ns482kt');
    await expect(page.getByRole('row').filter({ hasText: 'Renault Mégane · NS 482-KT · grey' }).getByText('RESTRICTED · TLP:GREEN')).toBeVisible();
    const recipients = page.waitForResponse((response) => response.url().endsWith('/api/wanted/recipients'));
    await page.getByRole('button', { name: 'New alert' }).click();
    expect((await recipients).status()).toBe(200);
    await expect(page.getByRole('combobox', { name: 'Issuing desk' })).toHaveValue('Serbia – Wanted persons');
    await expect(page.getByRole('combobox', { name: 'TLP' })).toHaveValue('AMBER');
    await expect(page.getByText('Operational users in Serbia')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Action on a hit' })).toHaveValue('Arrest for surrender or extradition');
    await expect(page.locator('form [role="alert"]')).toHaveCount(0);
  });

  test('an alert is edited and its history shows who changed what, before and after', async ({ page }) => {
    await page.goto('/wanted/alerts');
    await page.getByRole('textbox', { name: 'Name, identifier or reference' }).fill('Djordjevic');
    await page.getByRole('row').filter({ hasText: 'Ђорђевић Ђорђе' }).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ђорђевић Ђорђе' })).toBeVisible();
    await expect(page.getByLabel('Action on a hit')).toContainText('Arrest for surrender or extradition');
    await expect(page.getByRole('region', { name: 'Linked alerts' })).toContainText('Renault Mégane · NS 482-KT · grey');

    const description = `182 cm, stocky, grey beard (${Date.now().toString(36)})`;
    await page.getByRole('button', { name: 'Edit the alert' }).click();
    await page.getByRole('textbox', { name: 'Physical description' }).fill(description);
    const saved = page.waitForResponse((response) => /\/api\/wanted\/alerts\/[^/]+$/.test(response.url()) && response.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    expect((await saved).status()).toBe(200);

    const history = page.getByRole('region', { name: 'History of changes' });
    const latest = history.getByTestId('history-entry').first();
    await expect(latest).toContainText('Changed');
    await expect(latest).toContainText('Nikola Petrović');
    const row = latest.getByRole('row').filter({ hasText: 'Physical description' });
    await expect(row.getByRole('cell').nth(1)).toHaveText('178 cm, stocky, dark short hair, scar above the right eyebrow');
    await expect(row.getByRole('cell').nth(2)).toHaveText(description);
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe('border officer (HR)', () => {
  test.use({ storageState: storageStatePath('officer', 'HR') });

  test('sees the vehicle but not its link to an alert HR may not read', async ({ page }) => {
    await page.goto('/wanted/alerts');
    await page.getByRole('textbox', { name: 'Name, identifier or reference' }).fill('NS482KT');
    await page.getByRole('row').filter({ hasText: 'NS 482-KT' }).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Renault Mégane · NS 482-KT · grey' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Linked alerts' })).toContainText('No linked alerts you may read.');
    await expect(page.locator('body')).not.toContainText('Ђорђевић');
  });
});
