import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../contract/core';
import { auditEvents, deskMembers, desks, organisations, users } from '../db/schema/core';
import { currentTotpCode } from '../modules/identity';
import { verifyPassword } from '../modules/identity/passwords';
import { decryptText } from '../platform/crypto/secrets';
import { buildTestApp, type TestApp } from '../test/build-test-app';
import { type DemoSignIn, seedDemoData } from './index';
import { DEMO_ORGANISATIONS } from './core/organisations.data';

let testApp: TestApp;
let signIns: DemoSignIn[] | null;
let signInsPath: string;

beforeAll(async () => {
  testApp = await buildTestApp();
  signInsPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-seed-')), 'demo-sign-ins.json');
  signIns = await seedDemoData(testApp.deps, { signInsPath });
}, 120_000);
afterAll(async () => {
  await testApp.close();
});

async function tallies() {
  const tally = async (table: typeof users | typeof organisations | typeof desks | typeof auditEvents) => (await testApp.deps.db.select({ n: count() }).from(table))[0]!.n;
  return { users: await tally(users), organisations: await tally(organisations), desks: await tally(desks), audit: await tally(auditEvents) };
}

describe('demo data', () => {
  it('creates every role, with fixed e-mails, and writes the sign-ins file readable by its owner only', async () => {
    expect(signIns).not.toBeNull();
    const roles = new Set(signIns!.flatMap((signIn) => signIn.role.split(', ')));
    for (const role of ROLES) expect(roles, role).toContain(role);
    expect(signIns!.map((signIn) => signIn.email)).toEqual(
      expect.arrayContaining(['admin@mosaic.demo', 'admin2@mosaic.demo', 'cp.rs@mosaic.demo', 'officer.hr@mosaic.demo', 'reader@mosaic.demo']),
    );
    expect(JSON.parse(fs.readFileSync(signInsPath, 'utf8'))).toEqual(signIns);
    expect(fs.statSync(signInsPath).mode & 0o777).toBe(0o600);
  });

  it('stores passwords hashed and TOTP secrets encrypted as sign-in expects; the reader has none', async () => {
    for (const signIn of signIns!) {
      const [row] = await testApp.deps.db.select().from(users).where(eq(users.email, signIn.email));
      expect(await verifyPassword(row!.passwordHash, signIn.password)).toBe(true);
      if (signIn.role === 'reader') {
        expect(signIn.totpSecret).toBeNull();
        expect(row!.totpSecretEncrypted).toBeNull();
      } else {
        expect(decryptText(testApp.deps.keys.encryption, row!.totpSecretEncrypted!)).toBe(signIn.totpSecret);
        expect(row!.totpEnrolledAt).not.toBeNull();
        expect(currentTotpCode(signIn.totpSecret!, new Date())).toMatch(/^\d{6}$/);
      }
    }
  });

  it('has organisations for every economy and seats contact points on their own economy’s desks', async () => {
    const economies = new Set(DEMO_ORGANISATIONS.map((organisation) => organisation.economy));
    for (const code of ['AL', 'BA', 'BG', 'HR', 'GR', 'XK', 'MD', 'ME', 'MK', 'RO', 'RS', 'SI', 'TR', 'REG', 'INT']) expect(economies, code).toContain(code);
    const seats = await testApp.deps.db
      .select({ email: users.email, economy: desks.economyCode, area: desks.area, organisationEconomy: organisations.economyCode })
      .from(deskMembers)
      .innerJoin(users, eq(users.id, deskMembers.userId))
      .innerJoin(desks, eq(desks.id, deskMembers.deskId))
      .innerJoin(organisations, eq(organisations.id, users.organisationId));
    expect(seats.filter((seat) => seat.email === 'cp.rs@mosaic.demo').map((seat) => seat.area).sort()).toEqual(['police_cooperation', 'wanted_persons']);
    expect(seats.every((seat) => seat.economy === seat.organisationEconomy)).toBe(true);
  });

  it('a second run returns null and writes nothing', async () => {
    const before = await tallies();
    fs.rmSync(signInsPath);
    expect(await seedDemoData(testApp.deps, { signInsPath })).toBeNull();
    expect(await tallies()).toEqual(before);
    expect(fs.existsSync(signInsPath)).toBe(false);
  });
});
