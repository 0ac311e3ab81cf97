import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { Secret, TOTP } from 'otpauth';

const base = 'http://127.0.0.1:4101';
const code = (secret, offset = 0) => new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, '')) }).generate({ timestamp: Date.now() + offset });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
async function axe(name) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.log(`axe ${name}: ${bad.length ? bad.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target} ${n.html.slice(0, 120)} ${n.failureSummary?.split('\n')[1] ?? ''}`).join(' | ')}`).join('\n   ') : 'ok'}`);
}
async function shot(name) { await page.screenshot({ path: `/tmp/identity-shots/${name}.png`, fullPage: true }); }

await page.goto(`${base}/profile`);
await page.waitForURL(/sign-in/);
console.log('redirected to', page.url());
await page.getByLabel('E-mail').fill('new.officer@mosaic.demo');
await page.getByLabel(/^Password/).fill('wrong password here');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('alert').waitFor();
console.log('wrong password alert:', await page.getByRole('alert').innerText());
await axe('sign-in with error'); await shot('1-sign-in-error');

await page.getByLabel(/^Password/).fill('a new officer password');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('heading', { name: 'Set up your authenticator app' }).waitFor();
await page.getByRole('img', { name: /QR code/ }).waitFor();
const secret = await page.locator('pre').innerText();
console.log('secret shown:', secret);
await axe('enrolment'); await shot('2-enrolment');
await page.getByLabel('6-digit code').fill(code(secret));
await page.getByRole('button', { name: 'Confirm and continue' }).click();
await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
const codes = await page.getByRole('list', { name: 'Recovery codes' }).innerText();
console.log('codes:', codes.split('\n').length);
await axe('recovery codes'); await shot('3-recovery');
console.log('continue disabled before confirm:', await page.getByRole('button', { name: 'Continue' }).isDisabled());
await page.getByLabel('I have saved these codes in a safe place').check();
await page.getByRole('button', { name: 'Continue' }).click();
await page.waitForURL(/\/profile$/);
await page.getByRole('heading', { name: 'My profile' }).waitFor();
await page.getByText('Unused recovery codes: 10.').waitFor();
await axe('profile'); await shot('4-profile');

// sign out and in again with a recovery code
await page.getByRole('button', { name: 'Sign out', exact: true }).first().click();
await page.waitForTimeout(500);
await page.goto(`${base}/sign-in?next=/profile`);
await page.getByLabel('E-mail').fill('new.officer@mosaic.demo');
await page.getByLabel(/^Password/).fill('a new officer password');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('heading', { name: 'Confirm it is you' }).waitFor();
await axe('second factor'); await shot('5-second-factor');
await page.getByRole('button', { name: 'Use a recovery code' }).click();
await page.getByLabel('Recovery code').fill(codes.split('\n')[0]);
await page.getByRole('button', { name: 'Continue' }).click();
await page.waitForURL(/\/profile$/);
await page.getByText('Unused recovery codes: 9.').waitFor();
console.log('recovery code sign-in ok');

// sessions list: sign out the other session from a second context
const other = await browser.newContext();
const otherPage = await other.newPage();
await otherPage.goto(`${base}/sign-in`);
await otherPage.getByLabel('E-mail').fill('reader@mosaic.demo');
await otherPage.close(); await other.close();

// password change validation
await page.getByLabel(/^Current password/).fill('x');
await page.getByLabel(/^New password/).fill('short');
await page.getByLabel(/^Repeat the new password/).fill('short2');
await page.getByRole('button', { name: 'Change password' }).click();
await page.getByText('Use at least 12 characters').waitFor();
await page.getByText('The two new passwords differ').waitFor();
await axe('profile with errors'); await shot('6-profile-errors');

// mobile
await page.setViewportSize({ width: 390, height: 844 });
await shot('7-profile-mobile');
await page.setViewportSize({ width: 1280, height: 900 });

// sign out everywhere
await page.getByRole('button', { name: 'Sign out everywhere' }).click();
await page.waitForURL(/sign-in/);
console.log('after sign out everywhere:', page.url());

// officer.rs with TOTP, in Macedonian
await page.goto(`${base}/sign-in?next=/profile`);
await page.evaluate(() => localStorage.setItem('mosaic.language', 'mk'));
await page.reload();
await page.getByLabel('Е-пошта').fill('officer.rs@mosaic.demo');
await page.getByLabel(/^Лозинка/).fill(process.env.OFFICER_PASSWORD);
await page.getByRole('button', { name: 'Најави се' }).click();
await page.getByRole('heading', { name: 'Потврдете дека сте вие' }).waitFor();
await page.getByLabel('Шестцифрен код').fill(code(process.env.OFFICER_SECRET));
await page.getByRole('button', { name: 'Продолжи' }).click();
await page.waitForURL(/\/profile$/);
await page.getByRole('heading', { name: 'Мој профил' }).waitFor();
await axe('profile mk'); await shot('8-profile-mk');
await page.evaluate(() => localStorage.setItem('mosaic.language', 'en'));
console.log('done');
await browser.close();
