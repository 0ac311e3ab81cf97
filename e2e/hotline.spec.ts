import { type Page, expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { demoUser, storageStatePath } from './support/demo';
import { waitForMail } from './support/mailbox';

// Issue 11, Hotline (docs/exchange.md "Hotline"): the RS contact point sends an urgent alert to
// the AL wanted-persons desk; it appears live in the AL browser without a reload, is
// acknowledged there, and the sender's view shows it acknowledged. A second alert left alone
// climbs the escalation ladder (the e2e server escalates after 5 s) up to the e-mail the run's
// SMTP sink receives.

const run = Date.now().toString(36);
const ALERT_BODY = 'Grey Škoda Octavia, two passengers, heading towards Kukës.';

async function sendAlert(page: Page, subject: string) {
  await page.goto('/exchange/hotline');
  await page.getByRole('combobox', { name: 'From desk' }).click();
  await page.getByRole('option', { name: 'Serbia – Wanted persons' }).click();
  await page.getByRole('combobox', { name: 'To', exact: true }).click();
  await page.getByRole('option', { name: 'Albania – Wanted persons' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'TLP' }).click();
  await page.getByRole('option', { name: 'GREEN', exact: true }).click();
  await page.getByRole('textbox', { name: 'Subject' }).fill(subject);
  await page.getByRole('textbox', { name: 'What the desks must know' }).fill(ALERT_BODY);
  await expect(page.getByTestId('hotline-readers')).toContainText('can read it');
  await page.getByRole('button', { name: 'Send alert now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Alert HL-RS-\w+ sent/ })).toBeVisible();
}

test('an alert appears live in the receiving browser, is acknowledged, and the sender sees it', async ({ browser }) => {
  const senderContext = await browser.newContext({ storageState: storageStatePath('contact_point', 'RS') });
  const receiverContext = await browser.newContext({ storageState: storageStatePath('contact_point', 'AL') });
  const receiver = await receiverContext.newPage();
  await receiver.goto('/exchange');
  await expect(receiver.getByRole('heading', { level: 1 })).toBeVisible();
  const sender = await senderContext.newPage();
  const subject = `Wanted person crossed at Morinë (${run})`;
  await sendAlert(sender, subject);

  const notice = receiver.getByTestId('hotline-notice').filter({ hasText: subject });
  await expect(notice).toBeVisible();
  await expect(receiver.getByTestId('hotline-live-region')).toContainText(subject);
  await notice.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(notice).toBeHidden();

  const card = sender.getByRole('main').locator('[data-testid^="hotline-alert-"]').filter({ hasText: subject }).first();
  await expect(card.getByTestId('hotline-acknowledged')).not.toContainText('Waiting');
  await expect(card.getByTestId('hotline-acknowledged')).toContainText('Arben Krasniqi');
  await expectNoSeriousAxeViolations(sender);
  await senderContext.close();
  await receiverContext.close();
});

test('an unacknowledged alert escalates, the sender sees each step, and the SMTP sink receives the e-mail step', async ({ browser }) => {
  test.setTimeout(90_000);
  const senderContext = await browser.newContext({ storageState: storageStatePath('contact_point', 'RS') });
  const sender = await senderContext.newPage();
  const subject = `Firearms shipment leaving Durrës (${run})`;
  const sent = sender.waitForResponse((response) => response.url().endsWith('/api/hotline/alerts') && response.request().method() === 'POST');
  await sendAlert(sender, subject);
  const alertId = ((await (await sent).json()) as { id: string }).id;
  const card = sender.getByRole('main').locator('[data-testid^="hotline-alert-"]').filter({ hasText: subject }).first();
  await expect(card).toContainText('All members notified', { timeout: 20_000 });
  await expect(card).toContainText('Duty desk alerted', { timeout: 20_000 });
  await expectNoSeriousAxeViolations(sender);
  // The third step e-mails the AL desk's people: that an alert waits, with its link, never its content.
  const mail = await waitForMail(demoUser('contact_point', 'AL').email, { match: (message) => message.text.includes(`alert=${alertId}`), timeout: 40_000 });
  expect(mail.subject).toBe('Mosaic: an urgent alert waits for your desk');
  expect(mail.text).not.toContain(ALERT_BODY);
  expect(mail.text).not.toContain(subject);
  await senderContext.close();
});
