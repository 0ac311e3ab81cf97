import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, sessions, users } from '../../db/schema/core';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { TEST_PASSWORD, buildUser } from '../../test/factories';
import { ATTEMPTS_PER_ADDRESS_PER_MINUTE } from './auth.routes';
import { codeAt, enrolUser, headersFrom, nextIp, sessionCookieOf, sessionOf, signIn } from './identity.test-helpers';

let testApp: TestApp;
let now = new Date('2030-03-01T09:00:00Z');
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

beforeAll(async () => {
  testApp = await buildTestApp({ clock: () => now });
});
afterAll(async () => {
  await testApp.close();
});
beforeEach(() => {
  // Each test starts on a fresh 30-second step so that TOTP codes never collide between tests.
  advance(10 * 60_000);
});

const app = () => testApp.app;
const deps = () => testApp.deps;

async function auditOf(action: string, userId?: string) {
  const rows = await deps().db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(auditEvents.seq);
  return userId ? rows.filter((row) => row.recordId === userId) : rows;
}

describe('sign-in', () => {
  it('signs a reader in fully without a second factor', async () => {
    const reader = await buildUser(deps(), { roles: ['reader'] });
    const response = await signIn(app(), reader.email, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ stage: 'full', user: { id: reader.id, email: reader.email, roles: ['reader'] } });
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(body.abilities['profile.read']).toBe(true);
    expect(body.abilities['admin.user.manage']).toBe(false);
    const cookie = response.cookies.find((item) => item.name === 'mosaic_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const session = await sessionOf(app(), headersFrom(response));
    expect(session.json()).toMatchObject({ stage: 'full', user: { id: reader.id } });
  });

  it('accepts the e-mail in any case and with spaces around it', async () => {
    const reader = await buildUser(deps(), { roles: ['reader'] });
    const response = await signIn(app(), `  ${reader.email.toUpperCase()} `, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
  });

  it('answers an unknown e-mail, a wrong password and a disabled account identically', async () => {
    const user = await buildUser(deps(), { roles: ['officer'] });
    const disabled = await buildUser(deps(), { roles: ['officer'] });
    await deps().db.update(users).set({ disabledAt: now }).where(eq(users.id, disabled.id));
    const unknown = await signIn(app(), 'nobody-here@example.test', TEST_PASSWORD);
    const wrong = await signIn(app(), user.email, 'not the password at all');
    const off = await signIn(app(), disabled.email, TEST_PASSWORD);
    for (const response of [unknown, wrong, off]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(sessionCookieOf(response)).toBeUndefined();
    }
    expect(wrong.body).toBe(unknown.body);
    expect(off.body).toBe(unknown.body);
    expect(unknown.json()).toMatchObject({ status: 401, detail: 'The e-mail or password is wrong.' });
  });

  it('writes sign-in successes and failures to the audit chain, without the password', async () => {
    const reader = await buildUser(deps(), { roles: ['reader'] });
    await signIn(app(), reader.email, 'wrong password 123');
    await signIn(app(), reader.email, TEST_PASSWORD);
    const events = await auditOf('auth.sign_in', reader.id);
    expect(events.map((event) => event.outcome)).toEqual(['failure', 'success']);
    expect(events[0]).toMatchObject({ actorLabel: reader.email, details: { reason: 'wrong_password' } });
    expect(events[1]).toMatchObject({ actorUserId: reader.id, details: { stage: 'full' } });
    expect(JSON.stringify(events)).not.toContain('wrong password 123');
    const unknown = (await auditOf('auth.sign_in')).filter((event) => event.actorLabel === 'nobody-here@example.test');
    expect(unknown[0]).toMatchObject({ outcome: 'failure', details: { reason: 'unknown_user' } });
  });

  it('locks the failing address out of the account after five failures, says nothing about it, and backs off', async () => {
    const user = await buildUser(deps(), { roles: ['reader'] });
    const attacker = nextIp();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await signIn(app(), user.email, `wrong ${attempt}`, attacker)).statusCode).toBe(401);
    }
    const whileLocked = await signIn(app(), user.email, TEST_PASSWORD, attacker);
    const unknown = await signIn(app(), 'also-nobody@example.test', TEST_PASSWORD, attacker);
    expect(whileLocked.statusCode).toBe(401);
    expect(whileLocked.body).toBe(unknown.body);
    expect(await auditOf('auth.lockout', user.id)).toMatchObject([{ details: { scope: 'source', failures: 5 } }]);

    advance(61_000);
    // One more failure after the first lock doubles it to two minutes.
    expect((await signIn(app(), user.email, 'wrong again', attacker)).statusCode).toBe(401);
    advance(61_000);
    expect((await signIn(app(), user.email, TEST_PASSWORD, attacker)).statusCode).toBe(401);
    advance(60_000);
    const after = await signIn(app(), user.email, TEST_PASSWORD, attacker);
    expect(after.statusCode).toBe(200);
    const [row] = await deps().db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ failedSignIns: 0, lockedUntil: null });
  });

  it('limits attempts per client address with a 429 problem', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < ATTEMPTS_PER_ADDRESS_PER_MINUTE; attempt += 1) {
      statuses.push((await signIn(app(), 'limit@example.test', 'whatever', ip)).statusCode);
    }
    expect(statuses.every((status) => status === 401)).toBe(true);
    const limited = await signIn(app(), 'limit@example.test', 'whatever', ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ status: 429, title: 'Too many requests' });
  });

  it('replaces the previous session when signing in again', async () => {
    const reader = await buildUser(deps(), { roles: ['reader'] });
    const first = headersFrom(await signIn(app(), reader.email, TEST_PASSWORD));
    const second = await signIn(app(), reader.email, TEST_PASSWORD, nextIp(), first);
    expect(second.statusCode).toBe(200);
    expect((await sessionOf(app(), first)).json().stage).toBe('anonymous');
    expect((await sessionOf(app(), headersFrom(second))).json().stage).toBe('full');
  });
});

describe('second factor', () => {
  it('requires a TOTP code from an enrolled user, then rotates the session token', async () => {
    const officer = await buildUser(deps(), { roles: ['officer'] });
    const { secret } = await enrolUser(deps(), officer.id);
    const first = await signIn(app(), officer.email, TEST_PASSWORD);
    expect(first.json()).toMatchObject({ stage: 'second_factor', user: null });
    expect(first.json().abilities['profile.read']).toBe(false);
    const partial = headersFrom(first);
    expect((await app().inject({ method: 'GET', url: '/api/profile', headers: partial })).statusCode).toBe(401);

    const wrong = await app().inject({ method: 'POST', url: '/api/auth/second-factor', headers: partial, payload: { code: '000000' }, remoteAddress: nextIp() });
    expect(wrong.statusCode).toBe(401);

    const response = await app().inject({ method: 'POST', url: '/api/auth/second-factor', headers: partial, payload: { code: codeAt(secret, now) }, remoteAddress: nextIp() });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ stage: 'full', user: { id: officer.id } });
    const full = headersFrom(response);
    expect(full.cookie).not.toBe(partial.cookie);
    expect(full['x-csrf-token']).not.toBe(partial['x-csrf-token']);
    expect((await sessionOf(app(), partial)).json().stage).toBe('anonymous');
    expect((await app().inject({ method: 'GET', url: '/api/profile', headers: full })).statusCode).toBe(200);
    const events = await auditOf('auth.second_factor', officer.id);
    expect(events.map((event) => event.outcome)).toEqual(['failure', 'success']);
  });

  it('refuses the same TOTP code twice', async () => {
    const officer = await buildUser(deps(), { roles: ['officer'] });
    const { secret } = await enrolUser(deps(), officer.id);
    const code = codeAt(secret, now);
    const first = headersFrom(await signIn(app(), officer.email, TEST_PASSWORD));
    const used = await app().inject({ method: 'POST', url: '/api/auth/second-factor', headers: first, payload: { code }, remoteAddress: nextIp() });
    expect(used.statusCode).toBe(200);
    const second = headersFrom(await signIn(app(), officer.email, TEST_PASSWORD));
    const replay = await app().inject({ method: 'POST', url: '/api/auth/second-factor', headers: second, payload: { code }, remoteAddress: nextIp() });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().detail).toBe('The code is wrong or has already been used.');
  });

  it('accepts a code from the neighbouring time-step but not older', async () => {
    const officer = await buildUser(deps(), { roles: ['officer'] });
    const { secret } = await enrolUser(deps(), officer.id);
    const headers = headersFrom(await signIn(app(), officer.email, TEST_PASSWORD));
    const stale = codeAt(secret, new Date(now.getTime() - 90_000));
    const old = await app().inject({ method: 'POST', url: '/api/auth/second-factor', headers, payload: { code: stale }, remoteAddress: nextIp() });
    expect(old.statusCode).toBe(401);
    const previous = codeAt(secret, new Date(now.getTime() - 30_000));
    const ok = await app().inject({ method: 'POST', url: '/api/auth/second-factor', headers, payload: { code: previous }, remoteAddress: nextIp() });
    expect(ok.statusCode).toBe(200);
  });

  it('takes each recovery code once', async () => {
    const officer = await buildUser(deps(), { roles: ['analyst'] });
    const { recoveryCodes } = await enrolUser(deps(), officer.id);
    const code = recoveryCodes[0]!;
    const first = headersFrom(await signIn(app(), officer.email, TEST_PASSWORD));
    const used = await app().inject({ method: 'POST', url: '/api/auth/second-factor', headers: first, payload: { code: code.toUpperCase() }, remoteAddress: nextIp() });
    expect(used.statusCode).toBe(200);
    const second = headersFrom(await signIn(app(), officer.email, TEST_PASSWORD));
    const again = await app().inject({ method: 'POST', url: '/api/auth/second-factor', headers: second, payload: { code }, remoteAddress: nextIp() });
    expect(again.statusCode).toBe(401);
    const [row] = await deps().db.select().from(users).where(eq(users.id, officer.id));
    expect(row!.recoveryCodeHashes).toHaveLength(9);
  });

  it('counts wrong codes toward the lockout of that address and ends the half-open session', async () => {
    const officer = await buildUser(deps(), { roles: ['officer'] });
    const { secret } = await enrolUser(deps(), officer.id);
    const ip = nextIp();
    const headers = headersFrom(await signIn(app(), officer.email, TEST_PASSWORD, ip));
    let last = await app().inject({ method: 'POST', url: '/api/auth/second-factor', headers, payload: { code: '111111' }, remoteAddress: ip });
    for (let attempt = 1; attempt < 5; attempt += 1) {
      last = await app().inject({ method: 'POST', url: '/api/auth/second-factor', headers, payload: { code: '111111' }, remoteAddress: ip });
    }
    expect(last.statusCode).toBe(401);
    expect((await sessionOf(app(), headers)).json().stage).toBe('anonymous');
    expect((await signIn(app(), officer.email, TEST_PASSWORD, ip)).statusCode).toBe(401);
    expect(await auditOf('auth.lockout', officer.id)).toHaveLength(1);
    advance(61_000);
    const again = headersFrom(await signIn(app(), officer.email, TEST_PASSWORD, ip));
    const ok = await app().inject({ method: 'POST', url: '/api/auth/second-factor', headers: again, payload: { code: codeAt(secret, now) }, remoteAddress: ip });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses the second-factor step without a half-open session', async () => {
    const response = await app().inject({ method: 'POST', url: '/api/auth/second-factor', payload: { code: '123456' }, remoteAddress: nextIp() });
    expect(response.statusCode).toBe(401);
  });
});

describe('enrolment', () => {
  it('forces an officer without a second factor to enrol, then returns one-time recovery codes', async () => {
    const officer = await buildUser(deps(), { roles: ['officer', 'analyst'] });
    const first = await signIn(app(), officer.email, TEST_PASSWORD);
    expect(first.json()).toMatchObject({ stage: 'enrolment', user: null });
    const partial = headersFrom(first);

    const start = await app().inject({ method: 'POST', url: '/api/auth/enrolment/start', headers: partial, remoteAddress: nextIp() });
    expect(start.statusCode).toBe(200);
    const { secret, otpauthUrl, qrSvg } = start.json();
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const [pending] = await deps().db.select().from(users).where(eq(users.id, officer.id));
    expect(pending!.totpSecretEncrypted).toBeNull();

    const wrong = await app().inject({ method: 'POST', url: '/api/auth/enrolment/confirm', headers: partial, payload: { code: '000000' }, remoteAddress: nextIp() });
    expect(wrong.statusCode).toBe(422);

    const confirm = await app().inject({ method: 'POST', url: '/api/auth/enrolment/confirm', headers: partial, payload: { code: codeAt(secret, now) }, remoteAddress: nextIp() });
    expect(confirm.statusCode).toBe(200);
    const body = confirm.json();
    expect(body.recoveryCodes).toHaveLength(10);
    expect(new Set(body.recoveryCodes).size).toBe(10);
    expect(body.session).toMatchObject({ stage: 'full', user: { id: officer.id } });
    const full = headersFrom(confirm);
    expect(full.cookie).not.toBe(partial.cookie);
    expect((await sessionOf(app(), partial)).json().stage).toBe('anonymous');
    const [row] = await deps().db.select().from(users).where(eq(users.id, officer.id));
    expect(row!.totpSecretEncrypted).not.toContain(secret);
    expect(row!.totpEnrolledAt).not.toBeNull();
    expect(JSON.stringify(row!.recoveryCodeHashes)).not.toContain(body.recoveryCodes[0]);

    // Next time: the second factor is asked for, and a recovery code works once.
    advance(60_000);
    const next = headersFrom(await signIn(app(), officer.email, TEST_PASSWORD));
    expect((await sessionOf(app(), next)).json().stage).toBe('second_factor');
    const recovered = await app().inject({ method: 'POST', url: '/api/auth/second-factor', headers: next, payload: { code: body.recoveryCodes[3] }, remoteAddress: nextIp() });
    expect(recovered.statusCode).toBe(200);
    expect((await auditOf('auth.enrolment.confirm', officer.id)).map((event) => event.outcome)).toEqual(['failure', 'success']);
  });

  it('refuses enrolment without a session and confirmation before a start', async () => {
    expect((await app().inject({ method: 'POST', url: '/api/auth/enrolment/start', remoteAddress: nextIp() })).statusCode).toBe(401);
    const officer = await buildUser(deps(), { roles: ['officer'] });
    const partial = headersFrom(await signIn(app(), officer.email, TEST_PASSWORD));
    const early = await app().inject({ method: 'POST', url: '/api/auth/enrolment/confirm', headers: partial, payload: { code: '123456' }, remoteAddress: nextIp() });
    expect(early.statusCode).toBe(409);
  });

  it('does not let a second-factor session skip the code by enrolling again', async () => {
    const officer = await buildUser(deps(), { roles: ['officer'] });
    await enrolUser(deps(), officer.id);
    const partial = headersFrom(await signIn(app(), officer.email, TEST_PASSWORD));
    const start = await app().inject({ method: 'POST', url: '/api/auth/enrolment/start', headers: partial, remoteAddress: nextIp() });
    expect(start.statusCode).toBe(401);
  });
});

describe('session expiry', () => {
  it('treats an idle session as anonymous and removes it', async () => {
    const reader = await buildUser(deps(), { roles: ['reader'] });
    const headers = headersFrom(await signIn(app(), reader.email, TEST_PASSWORD));
    advance(29 * 60_000);
    expect((await sessionOf(app(), headers)).json().stage).toBe('full');
    advance(29 * 60_000);
    expect((await sessionOf(app(), headers)).json().stage).toBe('full');
    advance(31 * 60_000);
    expect((await sessionOf(app(), headers)).json()).toMatchObject({ stage: 'anonymous', csrfToken: null, user: null });
    const left = await deps().db.select().from(sessions).where(eq(sessions.userId, reader.id));
    expect(left).toHaveLength(0);
  });

  it('ends a session at its absolute expiry even when active', async () => {
    const reader = await buildUser(deps(), { roles: ['reader'] });
    const headers = headersFrom(await signIn(app(), reader.email, TEST_PASSWORD));
    for (let hour = 0; hour < 12 * 3; hour += 1) {
      advance(20 * 60_000);
      const stage = (await sessionOf(app(), headers)).json().stage;
      if (hour < 12 * 3 - 1) expect(stage).toBe('full');
      else expect(stage).toBe('anonymous');
    }
  });

  it('treats a forged or malformed cookie as anonymous', async () => {
    for (const cookie of ['mosaic_session=not-a-real-token-but-long-enough', 'mosaic_session=%%%', 'mosaic_session=']) {
      const response = await app().inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ stage: 'anonymous', user: null, csrfToken: null });
    }
  });
});

describe('sign-out', () => {
  it('ends this session only', async () => {
    const reader = await buildUser(deps(), { roles: ['reader'] });
    const one = headersFrom(await signIn(app(), reader.email, TEST_PASSWORD));
    const two = headersFrom(await signIn(app(), reader.email, TEST_PASSWORD));
    const response = await app().inject({ method: 'POST', url: '/api/auth/sign-out', headers: one });
    expect(response.statusCode).toBe(204);
    expect(response.cookies.find((cookie) => cookie.name === 'mosaic_session')?.value).toBe('');
    expect((await sessionOf(app(), one)).json().stage).toBe('anonymous');
    expect((await sessionOf(app(), two)).json().stage).toBe('full');
    expect(await auditOf('auth.sign_out', reader.id)).toHaveLength(1);
  });

  it('ends every session of the user, and only theirs', async () => {
    const reader = await buildUser(deps(), { roles: ['reader'] });
    const other = await buildUser(deps(), { roles: ['reader'] });
    const one = headersFrom(await signIn(app(), reader.email, TEST_PASSWORD));
    const two = headersFrom(await signIn(app(), reader.email, TEST_PASSWORD));
    const theirs = headersFrom(await signIn(app(), other.email, TEST_PASSWORD));
    const response = await app().inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: one });
    expect(response.statusCode).toBe(204);
    expect((await sessionOf(app(), one)).json().stage).toBe('anonymous');
    expect((await sessionOf(app(), two)).json().stage).toBe('anonymous');
    expect((await sessionOf(app(), theirs)).json().stage).toBe('full');
    const events = await auditOf('auth.sign_out_everywhere', reader.id);
    expect(events[0]!.details).toMatchObject({ sessionsEnded: 2 });
  });

  it('refuses sign-out everywhere to anonymous callers', async () => {
    const response = await app().inject({ method: 'POST', url: '/api/auth/sign-out-everywhere' });
    expect(response.statusCode).toBe(401);
  });
});

describe('CSRF and bad input', () => {
  it('refuses a state change with a missing or forged CSRF token and writes nothing', async () => {
    const reader = await buildUser(deps(), { roles: ['reader'] });
    const headers = headersFrom(await signIn(app(), reader.email, TEST_PASSWORD));
    const before = (await deps().db.select().from(auditEvents)).length;
    const missing = await app().inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: { cookie: headers.cookie } });
    const forged = await app().inject({ method: 'POST', url: '/api/auth/sign-out', headers: { ...headers, 'x-csrf-token': 'forged-token' } });
    const password = await app().inject({
      method: 'POST',
      url: '/api/profile/password',
      headers: { ...headers, 'x-csrf-token': 'forged-token' },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new long password' },
    });
    for (const response of [missing, forged, password]) {
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await sessionOf(app(), headers)).json().stage).toBe('full');
    expect((await deps().db.select().from(auditEvents)).length).toBe(before);
    expect((await signIn(app(), reader.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a cross-origin sign-in', async () => {
    const response = await app().inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { origin: 'https://evil.example', host: 'localhost' },
      payload: { email: 'someone@example.test', password: 'x' },
      remoteAddress: nextIp(),
    });
    expect(response.statusCode).toBe(403);
  });

  it('answers malformed JSON, unknown fields, wrong types and oversize bodies with problems', async () => {
    const before = (await deps().db.select().from(auditEvents)).length;
    const post = (payload: string) =>
      app().inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'application/json' }, payload, remoteAddress: nextIp() });
    const malformed = await post('{"email": "a@b.test", "password":');
    const unknownField = await post(JSON.stringify({ email: 'a@b.test', password: 'x', admin: true }));
    const wrongType = await post(JSON.stringify({ email: 42, password: ['x'] }));
    const badEmail = await post(JSON.stringify({ email: 'not-an-email', password: 'x' }));
    for (const response of [malformed, unknownField, wrongType, badEmail]) {
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ status: 400 });
    }
    const oversize = await post(JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(20_000) }));
    expect(oversize.statusCode).toBe(413);
    expect(oversize.json()).toMatchObject({ status: 413 });
    const rows = await deps().db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.sign_in'), eq(auditEvents.actorLabel, 'a@b.test'))).orderBy(auditEvents.seq);
    expect(rows).toHaveLength(0);
    expect((await deps().db.select().from(auditEvents)).length).toBe(before);
  });
});
