import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, sessions, users } from '../../db/schema/core';
import { verifyPassword } from '../identity/passwords';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { buildOrganisation, buildUser, sessionHeaders, signedInUser } from '../../test/factories';
import { approveChange, writtenState } from './admin.test-support';

let testApp: TestApp;
let admin: Awaited<ReturnType<typeof signedInUser>>;
let secondAdmin: Awaited<ReturnType<typeof signedInUser>>;
let organisationId: string;

beforeAll(async () => {
  testApp = await buildTestApp();
  admin = await signedInUser(testApp.deps, { economy: 'REG', roles: ['administrator'], email: 'root@example.test' });
  secondAdmin = await signedInUser(testApp.deps, { economy: 'REG', roles: ['administrator'], email: 'second.root@example.test' });
  organisationId = (await buildOrganisation(testApp.deps, { economy: 'HR' })).id;
});
afterAll(async () => {
  await testApp.close();
});

const newUser = (email: string) => ({ email, displayName: 'Ivana Test', organisationId, roles: ['officer'], clearance: 'RESTRICTED' });

async function auditFor(recordId: string) {
  return testApp.deps.db.select().from(auditEvents).where(eq(auditEvents.recordId, recordId)).orderBy(auditEvents.seq);
}

describe('user administration', () => {
  it('creates a user with a one-time password shown once, hashed at rest and never audited', async () => {
    const response = await testApp.app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.headers, payload: newUser('New.Officer@Example.test') });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.user).toMatchObject({ email: 'new.officer@example.test', roles: ['officer'], totpEnrolled: false, disabled: false });
    expect(body.user.abilities).toMatchObject({ update: true, disable: true, resetCredentials: true });
    expect(body.oneTimePassword).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
    const [row] = await testApp.deps.db.select().from(users).where(eq(users.id, body.user.id));
    expect(await verifyPassword(row!.passwordHash, body.oneTimePassword)).toBe(true);
    const events = await auditFor(body.user.id);
    expect(events.map((event) => event.action)).toEqual(['admin.user.create']);
    expect(JSON.stringify(events)).not.toContain(body.oneTimePassword);
    const again = await testApp.app.inject({ method: 'GET', url: `/api/admin/users/${body.user.id}`, headers: admin.headers });
    expect(again.json()).not.toHaveProperty('oneTimePassword');
  });

  it('refuses bad input with a problem document and writes nothing', async () => {
    const before = await writtenState(testApp.deps);
    const cases = [
      { payload: { ...newUser('x@example.test'), roles: [] }, status: 400 },
      { payload: { ...newUser('x@example.test'), roles: ['superuser'] }, status: 400 },
      { payload: { ...newUser('not-an-email') }, status: 400 },
      { payload: { ...newUser('x@example.test'), extra: true }, status: 400 },
      { payload: { ...newUser('x@example.test'), clearance: 'TOP SECRET' }, status: 400 },
      { payload: { ...newUser('x@example.test'), organisationId: '00000000-0000-4000-8000-000000000000' }, status: 422 },
      { payload: { ...newUser('root@example.test') }, status: 409 },
    ];
    for (const { payload, status } of cases) {
      const response = await testApp.app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.headers, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const malformed = await testApp.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(malformed.statusCode).toBe(400);
    const badId = await testApp.app.inject({ method: 'PATCH', url: '/api/admin/users/not-a-uuid', headers: admin.headers, payload: { displayName: 'Someone' } });
    expect(badId.statusCode).toBe(400);
    const unknownId = await testApp.app.inject({
      method: 'PATCH',
      url: '/api/admin/users/00000000-0000-4000-8000-000000000000',
      headers: admin.headers,
      payload: { displayName: 'Someone' },
    });
    expect(unknownId.statusCode).toBe(404);
    expect(await writtenState(testApp.deps)).toEqual(before);
  });

  it('lists with search, filters and paging', async () => {
    await buildUser(testApp.deps, { organisationId, roles: ['analyst'], displayName: 'Đorđe Analitičar', email: 'djordje@example.test' });
    const byName = await testApp.app.inject({ method: 'GET', url: '/api/admin/users?q=dorde', headers: admin.headers });
    expect(byName.json().items.map((user: { email: string }) => user.email)).toEqual(['djordje@example.test']);
    const byRole = await testApp.app.inject({ method: 'GET', url: '/api/admin/users?role=administrator', headers: admin.headers });
    expect(byRole.json().items.every((user: { roles: string[] }) => user.roles.includes('administrator'))).toBe(true);
    const byEconomy = await testApp.app.inject({ method: 'GET', url: '/api/admin/users?economy=HR&pageSize=1&page=2', headers: admin.headers });
    expect(byEconomy.json()).toMatchObject({ page: 2, pageSize: 1 });
    expect(byEconomy.json().total).toBeGreaterThanOrEqual(2);
    expect(byEconomy.json().items).toHaveLength(1);
    const bad = await testApp.app.inject({ method: 'GET', url: '/api/admin/users?pageSize=1000', headers: admin.headers });
    expect(bad.statusCode).toBe(400);
  });

  it('applies the name at once; organisation, added roles and raised clearance wait for a second administrator', async () => {
    const user = await buildUser(testApp.deps, { organisationId, roles: ['officer'] });
    const other = await buildOrganisation(testApp.deps, { economy: 'HR' });
    const response = await testApp.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.id}`,
      headers: admin.headers,
      payload: { displayName: 'Renamed Person', roles: ['analyst', 'contact_point'], clearance: 'CONFIDENTIAL', organisationId: other.id },
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ status: 'pending', kind: 'user', subject: { id: user.id }, proposedBy: { id: admin.user.id } });
    const meanwhile = await testApp.app.inject({ method: 'GET', url: `/api/admin/users/${user.id}`, headers: admin.headers });
    expect(meanwhile.json()).toMatchObject({ displayName: 'Renamed Person', roles: ['officer'], clearance: 'RESTRICTED', organisation: { id: organisationId } });
    const approved = await approveChange(testApp, secondAdmin.headers, response.json().id);
    expect(approved.statusCode).toBe(200);
    const after = await testApp.app.inject({ method: 'GET', url: `/api/admin/users/${user.id}`, headers: admin.headers });
    expect(after.json()).toMatchObject({ roles: ['analyst', 'contact_point'], clearance: 'CONFIDENTIAL', organisation: { id: other.id } });
    const events = await auditFor(user.id);
    expect(events.map((event) => [event.action, event.actorUserId])).toEqual([
      ['admin.user.update', admin.user.id],
      ['admin.user.update', secondAdmin.user.id],
    ]);
    expect(events[0]!.details).toMatchObject({ changes: { displayName: { to: 'Renamed Person' } } });
    expect(events[1]!.details).toMatchObject({ changes: { clearance: { from: 'RESTRICTED', to: 'CONFIDENTIAL' } }, proposedBy: admin.user.id, approvedBy: secondAdmin.user.id });
  });

  it('disables and enables an account, ending its sessions', async () => {
    const target = await signedInUser(testApp.deps, { economy: 'HR', roles: ['officer'] });
    const disabled = await testApp.app.inject({ method: 'POST', url: `/api/admin/users/${target.user.id}/disable`, headers: admin.headers });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ disabled: true, abilities: { enable: true, disable: false } });
    expect(await testApp.deps.db.select().from(sessions).where(eq(sessions.userId, target.user.id))).toHaveLength(0);
    const meanwhile = await testApp.app.inject({ method: 'GET', url: '/api/directory/desks', headers: target.headers });
    expect(meanwhile.statusCode).toBe(401);
    const enabled = await testApp.app.inject({ method: 'POST', url: `/api/admin/users/${target.user.id}/enable`, headers: admin.headers });
    expect(enabled.json()).toMatchObject({ disabled: false });
    expect((await auditFor(target.user.id)).map((event) => event.action)).toEqual(['admin.user.disable', 'admin.user.enable']);
  });

  it('resets credentials: new password, second factor cleared, sessions ended', async () => {
    const target = await signedInUser(testApp.deps, { economy: 'HR', roles: ['officer'] });
    await testApp.deps.db
      .update(users)
      .set({ totpSecretEncrypted: 'sealed', totpEnrolledAt: new Date(), recoveryCodeHashes: ['a', 'b'] })
      .where(eq(users.id, target.user.id));
    const response = await testApp.app.inject({ method: 'POST', url: `/api/admin/users/${target.user.id}/reset-credentials`, headers: admin.headers });
    expect(response.statusCode).toBe(200);
    const { oneTimePassword, user } = response.json();
    expect(user.totpEnrolled).toBe(false);
    const [row] = await testApp.deps.db.select().from(users).where(eq(users.id, target.user.id));
    expect(row).toMatchObject({ totpSecretEncrypted: null, totpEnrolledAt: null, recoveryCodeHashes: [] });
    expect(await verifyPassword(row!.passwordHash, oneTimePassword)).toBe(true);
    expect(await testApp.deps.db.select().from(sessions).where(eq(sessions.userId, target.user.id))).toHaveLength(0);
    const events = await auditFor(target.user.id);
    expect(events.map((event) => event.action)).toEqual(['admin.user.reset_credentials']);
    expect(JSON.stringify(events)).not.toContain(oneTimePassword);
  });
});

describe('last-administrator protection', () => {
  it('an administrator cannot change their own roles, disable or reset themselves', async () => {
    const before = await writtenState(testApp.deps);
    const demote = await testApp.app.inject({ method: 'PATCH', url: `/api/admin/users/${admin.user.id}`, headers: admin.headers, payload: { roles: ['auditor'] } });
    expect(demote.statusCode).toBe(403);
    expect(demote.headers['content-type']).toContain('application/problem+json');
    const disable = await testApp.app.inject({ method: 'POST', url: `/api/admin/users/${admin.user.id}/disable`, headers: admin.headers });
    expect(disable.statusCode).toBe(409);
    const reset = await testApp.app.inject({ method: 'POST', url: `/api/admin/users/${admin.user.id}/reset-credentials`, headers: admin.headers });
    expect(reset.statusCode).toBe(409);
    expect(await writtenState(testApp.deps)).toEqual(before);
    const self = await testApp.app.inject({ method: 'GET', url: `/api/admin/users/${admin.user.id}`, headers: admin.headers });
    expect(self.json().abilities).toMatchObject({ disable: false, resetCredentials: false, removeAdministrator: false });
  });

  it('another administrator may lose the role at once while one active administrator remains', async () => {
    const other = await buildUser(testApp.deps, { economy: 'REG', roles: ['administrator', 'auditor'] });
    const response = await testApp.app.inject({ method: 'PATCH', url: `/api/admin/users/${other.id}`, headers: admin.headers, payload: { roles: ['auditor'] } });
    expect(response.statusCode).toBe(200);
    expect(response.json().roles).toEqual(['auditor']);
  });

  it('the last active administrator can neither demote nor disable itself', async () => {
    const other = await buildUser(testApp.deps, { economy: 'REG', roles: ['administrator'] });
    const otherHeaders = await sessionHeaders(testApp.deps, other.id);
    for (const target of [admin, secondAdmin]) {
      expect((await testApp.app.inject({ method: 'POST', url: `/api/admin/users/${target.user.id}/disable`, headers: otherHeaders })).statusCode).toBe(200);
    }
    const before = await writtenState(testApp.deps);
    const demoteLast = await testApp.app.inject({ method: 'PATCH', url: `/api/admin/users/${other.id}`, headers: otherHeaders, payload: { roles: ['reader'] } });
    expect(demoteLast.statusCode).toBe(403);
    const disableLast = await testApp.app.inject({ method: 'POST', url: `/api/admin/users/${other.id}/disable`, headers: otherHeaders });
    expect(disableLast.statusCode).toBe(409);
    expect(await writtenState(testApp.deps)).toEqual(before);
    for (const target of [admin, secondAdmin]) {
      await testApp.app.inject({ method: 'POST', url: `/api/admin/users/${target.user.id}/enable`, headers: otherHeaders });
    }
    admin = { ...admin, headers: await sessionHeaders(testApp.deps, admin.user.id) };
    secondAdmin = { ...secondAdmin, headers: await sessionHeaders(testApp.deps, secondAdmin.user.id) };
  });
});
