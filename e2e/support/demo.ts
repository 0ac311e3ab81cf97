import fs from 'node:fs';
import path from 'node:path';
import { type Page, expect } from '@playwright/test';
import { TOTP } from 'otpauth';

export interface DemoSignIn {
  email: string;
  password: string;
  role: string;
  economy: string;
  totpSecret: string | null;
}

export function demoSignIns(): DemoSignIn[] {
  const file = path.join(process.env.E2E_DATA_DIR ?? '', 'demo-sign-ins.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DemoSignIn[];
}

export function demoUser(role: string, economy?: string): DemoSignIn {
  const found = demoSignIns().find((signIn) => signIn.role === role && (!economy || signIn.economy === economy));
  if (!found) throw new Error(`no demo user with role ${role}${economy ? ` in ${economy}` : ''}`);
  return found;
}

/**
 * Where the signed-in browser state of a role (in an economy, or the first of that role) is
 * kept; a pure function of its arguments, since specs name it before the server has started.
 */
export function storageStatePath(role: string, economy?: string): string {
  return path.join(process.env.E2E_DATA_DIR ?? '', 'e2e-state', `${role}${economy ? `.${economy}` : ''}.json`);
}

/** The signed-in browser state of one demo user by e-mail (for roles held by several). */
export function storageStatePathOf(email: string): string {
  return path.join(process.env.E2E_DATA_DIR ?? '', 'e2e-state', `user.${email}.json`);
}

/**
 * The code for the next unused 30-second step: Mosaic refuses a step that was used before
 * (replay), so a second sign-in of the same user within one step waits for the next.
 */
async function freshCode(user: DemoSignIn): Promise<string> {
  const usedFile = path.join(process.env.E2E_DATA_DIR ?? '', 'e2e-totp-used.json');
  const used = fs.existsSync(usedFile) ? (JSON.parse(fs.readFileSync(usedFile, 'utf8')) as Record<string, number>) : {};
  let step = Math.floor(Date.now() / 30_000);
  if (used[user.email] !== undefined && used[user.email]! >= step) {
    await new Promise((resolve) => setTimeout(resolve, (step + 1) * 30_000 - Date.now() + 200));
    step = Math.floor(Date.now() / 30_000);
  }
  used[user.email] = step;
  fs.writeFileSync(usedFile, JSON.stringify(used));
  return new TOTP({ secret: user.totpSecret ?? '', digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: step * 30_000 + 1000 });
}

/** Signs in through the web app with password and, for every role but reader, the TOTP code. */
export async function signIn(page: Page, user: DemoSignIn) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel(/^Password/).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (user.totpSecret) {
    const codeField = page.getByLabel('6-digit code');
    await expect(codeField).toBeVisible();
    await codeField.fill(await freshCode(user));
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}
