import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { auditEvents, sessions, users } from '../../db/schema/core';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { TEST_PASSWORD, buildDesk, buildUser, sessionHeaders } from '../../test/factories';
import { codeAt, enrolUser, headersFrom, nextIp, sessionOf, signIn } from './identity.test-helpers';
import { hashPassword, resetUserCredentials } from './index';

let testApp: TestApp;
let now = new Date('2030-06-01T08:00:00Z');
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

describe('profile', () => {
  it('shows the user their own account with desks and second-factor state, and audits the read', async () => {
    const desk = await buildDesk(deps(), { economy: 'AL', name: 'AL police cooperation desk' });
    const user = await buildUser(deps(), { economy: 'AL', roles: ['contact_point', 'officer'], clearance: 'CONFIDENTIAL', deskIds: [desk.id] });
    await enrolUser(deps(), user.id);
    const headers = await sessionHeaders(deps(), user.id);
    const response = await app().inject({ method: 'GET', url: '/api/profile', headers });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: user.id,
      email: user.email,
      economy: { code: 'AL' },
      roles: ['contact_point', 'officer'],
      clearance: 'CONFIDENTIAL',
      desks: [{ id: desk.id, name: 'AL police cooperation desk', economy: 'AL' }],
      recoveryCodesLeft: 10,
    });
    expect(response.json().secondFactorEnrolledAt).toEqual(expect.any(String));
    const reads = await deps().db.select().from(auditEvents).where(eq(auditEvents.action, 'profile.read')).orderBy(auditEvents.seq);
    expect(reads.some((event) => event.actorUserId === user.id)).toBe(true);
  });

  it('is closed to anonymous callers', async () => {
    expect((await app().inject({ method: 'GET', url: '/api/profile' })).statusCode).toBe(401);
    expect((await app().inject({ method: 'GET', url: '/api/profile/sessions' })).statusCode).toBe(401);
  });
});

describe('profile sessions', () => {
  it('lists the user\u2019s sessions with the current one marked, and ends one by its short id', async () => {
    const reader = await buildUser(deps(), { roles: ['reader'] });
    const other = await buildUser(deps(), { roles: ['reader'] });
    const here = headersFrom(await signIn(app(), reader.email, TEST_PASSWORD, nextIp(), {}));
    const there = headersFrom(await signIn(app(), reader.email, TEST_PASSWORD, nextIp(), { 'user-agent': 'Firefox on the other laptop' }));
    const theirs = await sessionHeaders(deps(), other.id);

    const list = await app().inject({ method: 'GET', url: '/api/profile/sessions', headers: here });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; current: boolean; userAgent: string | null }[];
    expect(items).toHaveLength(2);
    expect(items.filter((item) => item.current)).toHaveLength(1);
    const remote = items.find((item) => !item.current)!;
    expect(remote.userAgent).toBe('Firefox on the other laptop');
    expect(remote.id).toMatch(/^[0-9a-f]{12}$/);

    // Another user's session id is not found, and that session lives on.
    const theirList = await app().inject({ method: 'GET', url: '/api/profile/sessions', headers: theirs });
    const theirId = (theirList.json().items as { id: string }[])[0]!.id;
    const foreign = await app().inject({ method: 'DELETE', url: `/api/profile/sessions/${theirId}`, headers: here });
    expect(foreign.statusCode).toBe(404);
    expect((await sessionOf(app(), theirs)).json().stage).toBe('full');

    const ended = await app().inject({ method: 'DELETE', url: `/api/profile/sessions/${remote.id}`, headers: here });
    expect(ended.statusCode).toBe(204);
    expect((await sessionOf(app(), there)).json().stage).toBe('anonymous');
    expect((await sessionOf(app(), here)).json().stage).toBe('full');

    const bad = await app().inject({ method: 'DELETE', url: '/api/profile/sessions/not-an-id', headers: here });
    expect(bad.statusCode).toBe(400);
  });
});

describe('password change', () => {
  it('changes the password and ends every other session', async () => {
    const reader = await buildUser(deps(), { roles: ['reader'] });
    const here = headersFrom(await signIn(app(), reader.email, TEST_PASSWORD));
    const there = headersFrom(await signIn(app(), reader.email, TEST_PASSWORD));
    const newPassword = 'a much longer new passphrase';
    const response = await app().inject({ method: 'POST', url: '/api/profile/password', headers: here, payload: { currentPassword: TEST_PASSWORD, newPassword } });
    expect(response.statusCode).toBe(204);
    expect((await sessionOf(app(), here)).json().stage).toBe('full');
    expect((await sessionOf(app(), there)).json().stage).toBe('anonymous');
    expect((await signIn(app(), reader.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(app(), reader.email, newPassword)).statusCode).toBe(200);
    const events = await deps().db.select().from(auditEvents).where(eq(auditEvents.action, 'profile.password.change')).orderBy(auditEvents.seq);
    expect(events.find((event) => event.actorUserId === reader.id)?.details).toMatchObject({ otherSessionsEnded: 1 });
    expect(JSON.stringify(events)).not.toContain(newPassword);
  });

  it('refuses a wrong current password, a short one, and the e-mail as password', async () => {
    const reader = await buildUser(deps(), { roles: ['reader'], email: `long-address-${Date.now()}@example.test` });
    const headers = await sessionHeaders(deps(), reader.id);
    const hashBefore = reader.passwordHash;
    const change = (payload: object) => app().inject({ method: 'POST', url: '/api/profile/password', headers, payload });
    expect((await change({ currentPassword: 'wrong password', newPassword: 'a much longer new passphrase' })).statusCode).toBe(422);
    expect((await change({ currentPassword: TEST_PASSWORD, newPassword: 'short' })).statusCode).toBe(400);
    expect((await change({ currentPassword: TEST_PASSWORD, newPassword: reader.email.toUpperCase() })).statusCode).toBe(422);
    expect((await change({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD })).statusCode).toBe(422);
    expect((await change({ currentPassword: TEST_PASSWORD, newPassword: 'a much longer new passphrase', extra: 1 })).statusCode).toBe(400);
    const [row] = await deps().db.select().from(users).where(eq(users.id, reader.id));
    expect(row!.passwordHash).toBe(hashBefore);
    expect((await signIn(app(), reader.email, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('recovery codes', () => {
  it('replaces the codes when given a current authenticator code, once per code', async () => {
    const officer = await buildUser(deps(), { roles: ['officer'] });
    const { secret, recoveryCodes } = await enrolUser(deps(), officer.id);
    const headers = await sessionHeaders(deps(), officer.id);
    const wrong = await app().inject({ method: 'POST', url: '/api/profile/recovery-codes', headers, payload: { code: '000000' } });
    expect(wrong.statusCode).toBe(422);
    const code = codeAt(secret, now);
    const response = await app().inject({ method: 'POST', url: '/api/profile/recovery-codes', headers, payload: { code } });
    expect(response.statusCode).toBe(200);
    const fresh = response.json().recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);
    const replay = await app().inject({ method: 'POST', url: '/api/profile/recovery-codes', headers, payload: { code } });
    expect(replay.statusCode).toBe(422);
    // The old codes no longer work at sign-in; a new one does.
    const partial = headersFrom(await signIn(app(), officer.email, TEST_PASSWORD));
    const old = await app().inject({ method: 'POST', url: '/api/auth/second-factor', headers: partial, payload: { code: recoveryCodes[0] }, remoteAddress: nextIp() });
    expect(old.statusCode).toBe(401);
    const ok = await app().inject({ method: 'POST', url: '/api/auth/second-factor', headers: partial, payload: { code: fresh[0] }, remoteAddress: nextIp() });
    expect(ok.statusCode).toBe(200);
  });

  it('asks a user without an authenticator to set one up first', async () => {
    const reader = await buildUser(deps(), { roles: ['reader'] });
    const headers = await sessionHeaders(deps(), reader.id);
    const response = await app().inject({ method: 'POST', url: '/api/profile/recovery-codes', headers, payload: { code: '123456' } });
    expect(response.statusCode).toBe(409);
  });
});

describe('administrator reset', () => {
  it('forgets the second factor, sets a new password and ends every session', async () => {
    const officer = await buildUser(deps(), { roles: ['officer'] });
    await enrolUser(deps(), officer.id);
    const headers = await sessionHeaders(deps(), officer.id);
    const newPasswordHash = await hashPassword('a reset password for the officer');
    await deps().db.transaction(async (tx) => resetUserCredentials(tx as unknown as Db, deps().sessionCache, officer.id, { newPasswordHash }));
    expect((await sessionOf(app(), headers)).json().stage).toBe('anonymous');
    expect(await deps().db.select().from(sessions).where(eq(sessions.userId, officer.id))).toHaveLength(0);
    expect((await signIn(app(), officer.email, TEST_PASSWORD)).statusCode).toBe(401);
    const next = await signIn(app(), officer.email, 'a reset password for the officer');
    expect(next.json().stage).toBe('enrolment');
  });
});

describe('setting up a new authenticator from a signed-in session', () => {
  it('needs the current password, so that a stolen session cannot replace the second factor', async () => {
    const officer = await buildUser(deps(), { roles: ['officer'] });
    await enrolUser(deps(), officer.id);
    const headers = await sessionHeaders(deps(), officer.id);
    const start = (payload?: object) =>
      app().inject({ method: 'POST', url: '/api/auth/enrolment/start', headers, remoteAddress: nextIp(), ...(payload ? { payload } : {}) });

    const withoutPassword = await start();
    expect(withoutPassword.statusCode).toBe(422);
    const wrongPassword = await start({ currentPassword: 'not the password at all' });
    expect(wrongPassword.statusCode).toBe(422);
    const [state] = await deps().db.select({ secret: users.totpSecretEncrypted }).from(users).where(eq(users.id, officer.id));
    expect(state?.secret).not.toBeNull();

    const accepted = await start({ currentPassword: TEST_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const failures = await deps().db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.enrolment.start')).orderBy(auditEvents.seq);
    expect(failures.filter((event) => event.actorUserId === officer.id && event.outcome === 'failure')).toHaveLength(2);
  });
});
