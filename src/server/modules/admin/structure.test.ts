import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, deskMembers, notifications } from '../../db/schema/core';
import { findOrganisation } from '../directory';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, buildUser, signedInUser } from '../../test/factories';
import { approveChange, writtenState } from './admin.test-support';

let testApp: TestApp;
let headers: { cookie: string; 'x-csrf-token': string };
let secondHeaders: { cookie: string; 'x-csrf-token': string };

beforeAll(async () => {
  testApp = await buildTestApp();
  headers = (await signedInUser(testApp.deps, { economy: 'REG', roles: ['administrator'] })).headers;
  secondHeaders = (await signedInUser(testApp.deps, { economy: 'REG', roles: ['administrator'] })).headers;
});
afterAll(async () => {
  await testApp.close();
});

const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  testApp.app.inject({ method, url, headers, payload });

async function actionsFor(recordId: string) {
  const rows = await testApp.deps.db.select().from(auditEvents).where(eq(auditEvents.recordId, recordId)).orderBy(auditEvents.seq);
  return rows.map((row) => row.action);
}

describe('organisations', () => {
  it('creates, updates and deletes, each audited', async () => {
    const created = await inject('POST', '/api/admin/organisations', { name: 'Border Police of Testland', acronym: 'BPT', kind: 'border', economy: 'BA', website: 'https://bp.example.test' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ economy: 'BA', kind: 'border', abilities: { 'admin.organisation.manage': true } });
    // The acronym applies at once; a new kind waits for a second administrator.
    const updated = await inject('PATCH', `/api/admin/organisations/${id}`, { acronym: '', kind: 'police' });
    expect(updated.statusCode).toBe(202);
    expect(updated.json().changes).toEqual([{ field: 'kind', from: [{ value: 'border', label: 'border' }], to: [{ value: 'police', label: 'police' }], added: [{ value: 'police', label: 'police' }] }]);
    expect(await findOrganisation(testApp.deps.db, id)).toMatchObject({ acronym: null, kind: 'border' });
    expect((await approveChange(testApp, secondHeaders, updated.json().id)).statusCode).toBe(200);
    expect(await findOrganisation(testApp.deps.db, id)).toMatchObject({ kind: 'police' });
    expect((await inject('DELETE', `/api/admin/organisations/${id}`)).statusCode).toBe(204);
    expect(await actionsFor(id)).toEqual(['admin.organisation.create', 'admin.organisation.update', 'admin.organisation.update', 'admin.organisation.delete']);
  });

  it('refuses bad input, duplicates and deleting an organisation with users, writing nothing', async () => {
    const organisation = await buildOrganisation(testApp.deps, { economy: 'RS', name: 'Kept agency' });
    await buildUser(testApp.deps, { organisationId: organisation.id });
    const before = await writtenState(testApp.deps);
    const attempts: [object, number][] = [
      [{ name: 'X', kind: 'police', economy: 'RS' }, 400],
      [{ name: 'Valid name', kind: 'spies', economy: 'RS' }, 400],
      [{ name: 'Valid name', kind: 'police', economy: 'ZZ' }, 422],
      [{ name: 'Valid name', kind: 'police', economy: 'RS', website: 'javascript:alert(1)' }, 400],
      [{ name: 'kept AGENCY', kind: 'police', economy: 'RS' }, 409],
    ];
    for (const [payload, status] of attempts) {
      expect((await inject('POST', '/api/admin/organisations', payload)).statusCode, JSON.stringify(payload)).toBe(status);
    }
    expect((await inject('DELETE', `/api/admin/organisations/${organisation.id}`)).statusCode).toBe(409);
    expect(await writtenState(testApp.deps)).toEqual(before);
  });
});

describe('desks', () => {
  it('creates one desk per economy and area, refusing a second', async () => {
    const created = await inject('POST', '/api/admin/desks', { economy: 'ME', area: 'salw', name: 'Montenegro SALW', email: 'salw@example.test' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ economy: 'ME', area: 'salw', memberCount: 0, members: [] });
    const before = await writtenState(testApp.deps);
    expect((await inject('POST', '/api/admin/desks', { economy: 'ME', area: 'salw', name: 'Another' })).statusCode).toBe(409);
    expect((await inject('POST', '/api/admin/desks', { economy: 'ME', area: 'espionage', name: 'Another' })).statusCode).toBe(400);
    expect((await inject('PATCH', `/api/admin/desks/${created.json().id}`, { economy: 'RS' })).statusCode).toBe(400);
    expect(await writtenState(testApp.deps)).toEqual(before);
    const renamed = await inject('PATCH', `/api/admin/desks/${created.json().id}`, { name: 'Montenegro – SALW' });
    expect(renamed.json().name).toBe('Montenegro – SALW');
  });

  it('assigns only users of the desk’s economy, and removes members', async () => {
    const desk = await buildDesk(testApp.deps, { economy: 'AL', area: 'cve_ftf' });
    const albanian = await buildUser(testApp.deps, { economy: 'AL', roles: ['contact_point'] });
    const serbian = await buildUser(testApp.deps, { economy: 'RS', roles: ['contact_point'] });
    const before = await writtenState(testApp.deps);
    const refused = await inject('POST', `/api/admin/desks/${desk.id}/members`, { userId: serbian.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ path: 'userId' });
    expect((await inject('POST', `/api/admin/desks/${desk.id}/members`, { userId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(422);
    expect(await writtenState(testApp.deps)).toEqual(before);

    const proposed = await inject('POST', `/api/admin/desks/${desk.id}/members`, { userId: albanian.id });
    expect(proposed.statusCode).toBe(202);
    expect(proposed.json()).toMatchObject({ kind: 'desk_member', member: { id: albanian.id }, changes: [{ field: 'desk', added: [{ value: desk.id }] }] });
    expect((await inject('POST', `/api/admin/desks/${desk.id}/members`, { userId: albanian.id })).statusCode).toBe(409);
    const added = await approveChange(testApp, secondHeaders, proposed.json().id);
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ status: 'approved' });
    expect(await testApp.deps.db.select().from(deskMembers).where(eq(deskMembers.deskId, desk.id))).toEqual([{ deskId: desk.id, userId: albanian.id }]);
    expect((await inject('POST', `/api/admin/desks/${desk.id}/members`, { userId: albanian.id })).statusCode).toBe(409);
    expect((await inject('DELETE', `/api/admin/desks/${desk.id}`)).statusCode).toBe(409);
    const removed = await inject('DELETE', `/api/admin/desks/${desk.id}/members/${albanian.id}`);
    expect(removed.json()).toMatchObject({ memberCount: 0 });
    expect((await inject('DELETE', `/api/admin/desks/${desk.id}/members/${albanian.id}`)).statusCode).toBe(404);
    expect(await actionsFor(desk.id)).toEqual(['admin.desk.add_member', 'admin.desk.remove_member']);
  });

  it('moving a user to another economy ends their desk seats there', async () => {
    const desk = await buildDesk(testApp.deps, { economy: 'MK', area: 'border' });
    const user = await buildUser(testApp.deps, { economy: 'MK', deskIds: [desk.id] });
    const elsewhere = await buildOrganisation(testApp.deps, { economy: 'BG' });
    const proposed = await inject('PATCH', `/api/admin/users/${user.id}`, { organisationId: elsewhere.id });
    expect(proposed.statusCode).toBe(202);
    expect(proposed.json().economies.sort()).toEqual(['BG', 'MK']);
    expect((await approveChange(testApp, secondHeaders, proposed.json().id)).statusCode).toBe(200);
    const moved = await inject('GET', `/api/admin/users/${user.id}`);
    expect(moved.json()).toMatchObject({ organisation: { economy: 'BG' }, desks: [] });
  });

  it('keeps a desk that has a history of notifications', async () => {
    const desk = await buildDesk(testApp.deps, { economy: 'GR', area: 'customs' });
    await testApp.deps.db.insert(notifications).values({ deskId: desk.id, kind: 'test', title: 'History' });
    expect((await inject('DELETE', `/api/admin/desks/${desk.id}`)).statusCode).toBe(409);
    const empty = await buildDesk(testApp.deps, { economy: 'GR', area: 'salw' });
    expect((await inject('DELETE', `/api/admin/desks/${empty.id}`)).statusCode).toBe(204);
  });
});

describe('sharing groups', () => {
  it('refuses an empty group, unknown members and duplicates, writing nothing', async () => {
    const before = await writtenState(testApp.deps);
    const empty = await inject('POST', '/api/admin/sharing-groups', { name: 'Nobody', economies: [], organisationIds: [] });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().detail).toMatch(/at least one economy or organisation/);
    expect((await inject('POST', '/api/admin/sharing-groups', { name: 'Ghosts', economies: ['QQ'] })).statusCode).toBe(422);
    expect((await inject('POST', '/api/admin/sharing-groups', { name: 'Ghosts', organisationIds: ['00000000-0000-4000-8000-000000000000'] })).statusCode).toBe(422);
    expect((await inject('POST', '/api/admin/sharing-groups', { name: 'Bad', economies: ['rs'] })).statusCode).toBe(400);
    expect(await writtenState(testApp.deps)).toEqual(before);
  });

  it('creates, updates and deletes; an update may not empty the group', async () => {
    const organisation = await buildOrganisation(testApp.deps, { economy: 'SI' });
    const created = await inject('POST', '/api/admin/sharing-groups', { name: 'Adriatic test', economies: ['HR', 'ME'], organisationIds: [organisation.id] });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ economies: ['HR', 'ME'], organisations: [{ id: organisation.id, economy: 'SI' }] });
    expect((await inject('POST', '/api/admin/sharing-groups', { name: 'ADRIATIC TEST', economies: ['HR'] })).statusCode).toBe(409);
    const emptied = await inject('PATCH', `/api/admin/sharing-groups/${id}`, { economies: [], organisationIds: [] });
    expect(emptied.statusCode).toBe(422);
    const updated = await inject('PATCH', `/api/admin/sharing-groups/${id}`, { economies: ['HR'], organisationIds: [] });
    expect(updated.json()).toMatchObject({ economies: ['HR'], organisations: [] });
    const listed = await inject('GET', '/api/directory/sharing-groups');
    expect(listed.json().items.map((group: { id: string }) => group.id)).toContain(id);
    expect((await inject('DELETE', `/api/admin/sharing-groups/${id}`)).statusCode).toBe(204);
    expect(await actionsFor(id)).toEqual(['admin.sharing_group.create', 'admin.sharing_group.update', 'admin.sharing_group.delete']);
  });
});
