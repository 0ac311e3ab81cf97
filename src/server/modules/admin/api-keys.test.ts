import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeys } from '../../db/schema/api-keys';
import { auditEvents, users } from '../../db/schema/core';
import { sha256Hex } from '../../platform/crypto/secrets';
import { issueApiKey, keyAdministrators } from '../../test/api-keys';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildOrganisation, buildUser, signedInUser } from '../../test/factories';

let test: TestApp;
let now = new Date('2026-03-01T08:00:00Z');
let admins: Awaited<ReturnType<typeof keyAdministrators>>;
let borderPolice: { id: string };
let officer: { id: string };

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

async function keyEvents(reason?: string) {
  const rows = await test.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.api_key')).orderBy(auditEvents.seq);
  return rows.filter((row) => reason === undefined || (row.details as { reason?: string }).reason === reason);
}

async function tally() {
  const [keys] = await test.deps.db.select({ total: count() }).from(apiKeys);
  const [people] = await test.deps.db.select({ total: count() }).from(users);
  return { keys: keys!.total, users: people!.total };
}

function validInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Hotel register, Budva',
    organisationId: borderPolice.id,
    scopes: ['wanted.screen'],
    clearance: 'RESTRICTED',
    expiresAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
    allowedNetworks: ['198.51.100.0/24'],
    ...overrides,
  };
}

beforeAll(async () => {
  test = await buildTestApp({ clock: () => now });
  admins = await keyAdministrators(test);
  borderPolice = await buildOrganisation(test.deps, { economy: 'ME' });
  officer = await buildUser(test.deps, { organisationId: borderPolice.id, roles: ['officer'], clearance: 'RESTRICTED' });
});

afterAll(async () => {
  await test?.close();
});

describe('creating an API key', () => {
  it('shows the secret once, keeps only its hash, and audits the creation with the administrator', async () => {
    const response = await test.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admins.creator.headers, payload: validInput() });
    expect(response.statusCode).toBe(201);
    const { key, secret } = response.json();
    expect(secret).toMatch(/^mosaic_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({ status: 'pending', scopes: ['wanted.screen'], organisation: { id: borderPolice.id }, allowedNetworks: ['198.51.100.0/24'], lastUsedAt: null });
    expect(secret.startsWith(key.prefix)).toBe(true);

    const [row] = await test.deps.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row!.secretHash).toBe(sha256Hex(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const shown = await test.app.inject({ method: 'GET', url: `/api/admin/api-keys/${key.id}`, headers: admins.approver.headers });
    expect(shown.body).not.toContain(secret.slice(key.prefix.length));

    const [event] = await test.deps.db.select().from(auditEvents).where(eq(auditEvents.recordId, key.id)).orderBy(auditEvents.seq);
    expect(event).toMatchObject({ action: 'admin.api_key.create', actorUserId: admins.creator.user.id });
    expect(event!.details).toMatchObject({ createdBy: admins.creator.user.displayName, roles: ['officer'], scopes: ['wanted.screen'] });
  });

  it('refuses scopes no person of the organisation holds, a clearance above theirs, bad networks and long lives, writing nothing', async () => {
    const readersOnly = await buildOrganisation(test.deps, { economy: 'ME' });
    await buildUser(test.deps, { organisationId: readersOnly.id, roles: ['reader'] });
    const before = await tally();
    const cases = [
      validInput({ organisationId: readersOnly.id }),
      validInput({ clearance: 'CONFIDENTIAL' }),
      validInput({ allowedNetworks: ['198.51.100.0/33'] }),
      validInput({ allowedNetworks: ['not-an-address'] }),
      validInput({ expiresAt: new Date(now.getTime() + 400 * 86_400_000).toISOString() }),
      validInput({ expiresAt: new Date(now.getTime() - 1000).toISOString() }),
      validInput({ scopes: ['admin.user.manage'] }),
      validInput({ name: 'Line\nbreak' }),
    ];
    for (const payload of cases) {
      const response = await test.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admins.creator.headers, payload });
      expect([400, 422]).toContain(response.statusCode);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await tally()).toEqual(before);
  });

  it('is for administrators only', async () => {
    const officerSession = await signedInUser(test.deps, { organisationId: borderPolice.id, roles: ['officer', 'contact_point'] });
    const response = await test.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: officerSession.headers, payload: validInput() });
    expect(response.statusCode).toBe(403);
  });
});

describe('four eyes and the key’s life', () => {
  it('works only after a second administrator approves it; its creator cannot', async () => {
    const { id, secret } = await issueApiKey(test, admins, { organisationId: borderPolice.id, approve: false });
    const waiting = await test.app.inject({ method: 'GET', url: '/api/wanted/hits', headers: bearer(secret) });
    expect(waiting.statusCode).toBe(401);
    expect(waiting.json().detail).toMatch(/approval/);
    expect(await keyEvents('pending')).toHaveLength(1);

    const self = await test.app.inject({ method: 'POST', url: `/api/admin/api-keys/${id}/approve`, headers: admins.creator.headers });
    expect(self.statusCode).toBe(403);
    const approved = await test.app.inject({ method: 'POST', url: `/api/admin/api-keys/${id}/approve`, headers: admins.approver.headers });
    expect(approved.json()).toMatchObject({ status: 'active', approvedBy: admins.approver.user.displayName });
  });

  it('shows its last use, and is refused once revoked, from outside its networks and after expiry, each refusal audited', async () => {
    const { id, secret } = await issueApiKey(test, admins, { organisationId: borderPolice.id, scopes: ['wanted.hit.read'], allowedNetworks: ['127.0.0.1/32'], expiresInDays: 10 });
    const used = await test.app.inject({ method: 'GET', url: '/api/wanted/hits', headers: { 'x-api-key': secret } });
    expect(used.statusCode).toBe(200);
    const view = (await test.app.inject({ method: 'GET', url: `/api/admin/api-keys/${id}`, headers: admins.creator.headers })).json();
    expect(view).toMatchObject({ lastUsedAt: now.toISOString(), lastUsedIp: '127.0.0.1' });
    const calls = (await keyEvents()).filter((event) => event.recordId === id && event.outcome === 'success');
    expect(calls.map((event) => event.details)).toEqual([{ method: 'GET', route: '/api/wanted/hits', scope: 'wanted.hit.read' }]);

    const outside = await test.app.inject({ method: 'GET', url: '/api/wanted/hits', headers: bearer(secret), remoteAddress: '203.0.113.7' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().detail).toMatch(/address/);
    const [addressEvent] = await keyEvents('address');
    expect(addressEvent).toMatchObject({ recordId: id, outcome: 'denied', actorLabel: `api-key:${id}`, actorEconomy: 'ME', ip: '203.0.113.7' });

    const later = now;
    now = new Date(later.getTime() + 11 * 86_400_000);
    const expired = await test.app.inject({ method: 'GET', url: '/api/wanted/hits', headers: bearer(secret) });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().detail).toMatch(/expired/);
    now = later;

    const revoke = await test.app.inject({ method: 'POST', url: `/api/admin/api-keys/${id}/revoke`, headers: admins.creator.headers, payload: { reason: 'The system was retired.' } });
    expect(revoke.json()).toMatchObject({ status: 'revoked', revokeReason: 'The system was retired.' });
    const revoked = await test.app.inject({ method: 'GET', url: '/api/wanted/hits', headers: bearer(secret) });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.headers['content-type']).toContain('application/problem+json');
    expect(revoked.json().detail).toMatch(/revoked/);
    expect((await keyEvents('revoked')).map((event) => event.recordId)).toEqual([id]);
    expect((await keyEvents('expired')).map((event) => event.recordId)).toEqual([id]);
  });

  it('refuses an unknown key and audits the attempt', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/wanted/hits', headers: bearer(`mosaic_${'A'.repeat(43)}`) });
    expect(response.statusCode).toBe(401);
    expect((await keyEvents('unknown')).at(-1)).toMatchObject({ actorLabel: 'api-key:unknown', outcome: 'denied' });
  });
});

describe('what a key-authenticated caller reaches', () => {
  it('nothing outside the key’s scopes: guarded routes answer 401, public ones as to anyone', async () => {
    const { secret } = await issueApiKey(test, admins, { organisationId: borderPolice.id, scopes: ['wanted.screen'] });
    for (const url of ['/api/profile', '/api/admin/api-keys', '/api/wanted/alerts', '/api/wanted/hits', '/api/notifications', '/api/admin/users']) {
      const response = await test.app.inject({ method: 'GET', url, headers: bearer(secret) });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 401 });
    }
    expect((await keyEvents('scope')).length).toBeGreaterThanOrEqual(6);
    const session = await test.app.inject({ method: 'GET', url: '/api/auth/session', headers: bearer(secret) });
    expect(session.statusCode).toBe(200);
    expect(JSON.stringify(session.json())).not.toContain(borderPolice.id);
  });

  it('keeps the key’s service account out of the people administrators manage', async () => {
    const { id } = await issueApiKey(test, admins, { organisationId: borderPolice.id });
    const [row] = await test.deps.db.select({ serviceUserId: apiKeys.serviceUserId }).from(apiKeys).where(eq(apiKeys.id, id));
    const list = await test.app.inject({ method: 'GET', url: `/api/admin/users?organisationId=${borderPolice.id}&pageSize=100`, headers: admins.creator.headers });
    const ids = list.json().items.map((item: { id: string }) => item.id);
    expect(ids).toContain(officer.id);
    expect(ids).not.toContain(row!.serviceUserId);
    const [{ total }] = (await test.deps.db.select({ total: count() }).from(users).where(eq(users.organisationId, borderPolice.id))) as [{ total: number }];
    expect(list.json().total).toBeLessThan(total);
    const one = await test.app.inject({ method: 'GET', url: `/api/admin/users/${row!.serviceUserId}`, headers: admins.creator.headers });
    expect(one.statusCode).toBe(404);
  });
});
