import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../db/schema/core';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { TEST_PASSWORD, buildUser, signedInUser } from '../../test/factories';
import { enrolUser, nextIp, signIn } from './identity.test-helpers';
import { ACCOUNT_CEILING, LOCKOUT_THRESHOLD } from './sign-in.rules';

let testApp: TestApp;
let now = new Date('2031-05-01T09:00:00Z');

beforeAll(async () => {
  testApp = await buildTestApp({ clock: () => now });
});
afterAll(async () => {
  await testApp.close();
});
beforeEach(() => {
  now = new Date(now.getTime() + 10 * 60_000);
});

const app = () => testApp.app;
const deps = () => testApp.deps;

function signInWithRecoveryCode(email: string, password: string, recoveryCode: string, ip = nextIp()) {
  return app().inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password, recoveryCode }, remoteAddress: ip });
}

async function auditOf(action: string, userId: string) {
  const rows = await deps().db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(auditEvents.seq);
  return rows.filter((row) => row.recordId === userId);
}

/** Fails the password from a new address each time, so that no single address reaches its threshold. */
async function failFromManyAddresses(email: string, failures: number) {
  for (let attempt = 0; attempt < failures; attempt += 1) {
    expect((await signIn(app(), email, `guess ${attempt}`, nextIp())).statusCode).toBe(401);
  }
}

describe('lockout that a stranger cannot turn against the owner', () => {
  it('someone failing the password from their address does not lock the owner out at theirs', async () => {
    const owner = await buildUser(deps(), { roles: ['reader'] });
    const attacker = nextIp();
    for (let attempt = 0; attempt < LOCKOUT_THRESHOLD * 3; attempt += 1) await signIn(app(), owner.email, `guess ${attempt}`, attacker);
    expect((await signIn(app(), owner.email, TEST_PASSWORD, attacker)).statusCode).toBe(401);
    const fromHome = await signIn(app(), owner.email, TEST_PASSWORD, nextIp());
    expect(fromHome.statusCode).toBe(200);
    expect(fromHome.json()).toMatchObject({ stage: 'full', user: { id: owner.id } });
  });

  it('an IPv6 attacker cannot escape the lock by changing the address within their /64', async () => {
    const owner = await buildUser(deps(), { roles: ['reader'] });
    for (let attempt = 0; attempt < LOCKOUT_THRESHOLD; attempt += 1) await signIn(app(), owner.email, `guess ${attempt}`, `2001:db8:77:1::${attempt + 1}`);
    expect((await signIn(app(), owner.email, TEST_PASSWORD, '2001:db8:77:1::99')).statusCode).toBe(401);
    expect((await signIn(app(), owner.email, TEST_PASSWORD, '2001:db8:77:2::1')).statusCode).toBe(200);
  });

  it('locks the whole account at the ceiling across addresses, with the same answer as an unknown e-mail', async () => {
    const owner = await buildUser(deps(), { roles: ['officer'] });
    await failFromManyAddresses(owner.email, ACCOUNT_CEILING);
    const locked = await signIn(app(), owner.email, TEST_PASSWORD, nextIp());
    const unknown = await signIn(app(), 'nobody-at-all@example.test', TEST_PASSWORD, nextIp());
    const wrong = await signIn(app(), owner.email, 'still wrong', nextIp());
    expect(locked.statusCode).toBe(401);
    expect(locked.body).toBe(unknown.body);
    expect(wrong.body).toBe(unknown.body);
    expect(await auditOf('auth.lockout', owner.id)).toMatchObject([{ details: { scope: 'account', failures: ACCOUNT_CEILING } }]);
  });

  it('the owner lifts the lock with the password and a recovery code, which also stands in for the second factor', async () => {
    const owner = await buildUser(deps(), { roles: ['officer'] });
    const { recoveryCodes } = await enrolUser(deps(), owner.id);
    await failFromManyAddresses(owner.email, ACCOUNT_CEILING);
    const unknown = await signIn(app(), 'nobody-at-all@example.test', TEST_PASSWORD, nextIp());
    const wrongCode = await signInWithRecoveryCode(owner.email, TEST_PASSWORD, 'aaaaa-bbbbb');
    const wrongPassword = await signInWithRecoveryCode(owner.email, 'not it', recoveryCodes[0]!);
    for (const response of [wrongCode, wrongPassword]) {
      expect(response.statusCode).toBe(401);
      expect(response.body).toBe(unknown.body);
    }
    const [untouched] = await deps().db.select().from(users).where(eq(users.id, owner.id));
    expect(untouched!.recoveryCodeHashes).toHaveLength(10);

    const unlocked = await signInWithRecoveryCode(owner.email, TEST_PASSWORD, recoveryCodes[0]!.toUpperCase());
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ stage: 'full', user: { id: owner.id } });
    const [row] = await deps().db.select().from(users).where(eq(users.id, owner.id));
    expect(row).toMatchObject({ failedSignIns: 0, lockedUntil: null });
    expect(row!.recoveryCodeHashes).toHaveLength(9);
    expect(await auditOf('auth.unlock', owner.id)).toMatchObject([{ outcome: 'success', details: { method: 'recovery_code' } }]);
    expect((await signIn(app(), owner.email, TEST_PASSWORD, nextIp())).json()).toMatchObject({ stage: 'second_factor' });
    expect((await signInWithRecoveryCode(owner.email, TEST_PASSWORD, recoveryCodes[0]!)).statusCode).toBe(401);
  });

  it('an administrator sees the lock on the users page and lifts it, audited', async () => {
    const admin = await signedInUser(deps(), { economy: 'REG', roles: ['administrator'] });
    const owner = await buildUser(deps(), { roles: ['reader'] });
    const attacker = nextIp();
    for (let attempt = 0; attempt < LOCKOUT_THRESHOLD; attempt += 1) await signIn(app(), owner.email, `guess ${attempt}`, attacker);
    const listed = await app().inject({ method: 'GET', url: `/api/admin/users?q=${encodeURIComponent(owner.email)}`, headers: admin.headers });
    expect(listed.json().items).toMatchObject([{ id: owner.id, locked: true, abilities: { unlock: true } }]);
    const unlocked = await app().inject({ method: 'POST', url: `/api/admin/users/${owner.id}/unlock`, headers: admin.headers });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ locked: false, abilities: { unlock: false } });
    expect(await auditOf('admin.user.unlock', owner.id)).toMatchObject([{ actorUserId: admin.user.id }]);
    expect((await signIn(app(), owner.email, TEST_PASSWORD, attacker)).statusCode).toBe(200);
    const officer = await signedInUser(deps(), { roles: ['officer'] });
    expect((await app().inject({ method: 'POST', url: `/api/admin/users/${owner.id}/unlock`, headers: officer.headers })).statusCode).toBe(403);
  });
});
