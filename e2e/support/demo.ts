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

export function storageStatePath(user: DemoSignIn): string {
  return path.join(process.env.E2E_DATA_DIR ?? '', 'e2e-state', `${user.email}.json`);
}

function currentCode(secret: string): string {
  return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate();
}

/** Signs in through the web app with password and, for every role but reader, the TOTP code. */
export async function signIn(page: Page, user: DemoSignIn) {
  await page.goto('/sign-in');
  await page.getByLabel(/e-?mail/i).fill(user.email);
  await page.getByLabel(/password/i).fill(user.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  if (user.totpSecret) {
    const codeField = page.getByLabel(/code/i).first();
    await expect(codeField).toBeVisible();
    await codeField.fill(currentCode(user.totpSecret));
    await page.getByRole('button', { name: /verify|continue|confirm/i }).click();
  }
  await expect(page.getByRole('button', { name: /sign out/i })).toBeVisible();
}
