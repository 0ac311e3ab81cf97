import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MarkedRecord, canReadMarked } from '../../access/marking';
import { auditEvents, deskMembers, sharingGroups, users } from '../../db/schema/core';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { actorFor, buildDesk, buildOrganisation, buildUser, signedInUser } from '../../test/factories';
import { approveChange, deniedEvents, rejectChange, writtenState } from './admin.test-support';

type Signed = Awaited<ReturnType<typeof signedInUser>>;
let testApp: TestApp;
let admin: Signed;
let secondAdmin: Signed;
let rsPolice: { id: string };
/** An alert-like record of the Serbian police, released to Serbia only. */
let serbianRestricted: MarkedRecord;

beforeAll(async () => {
  testApp = await buildTestApp();
  const rcc = await buildOrganisation(testApp.deps, { economy: 'REG', kind: 'regional_body' });
  const seecp = await buildOrganisation(testApp.deps, { economy: 'REG', kind: 'regional_body' });
  admin = await signedInUser(testApp.deps, { organisationId: rcc.id, roles: ['administrator'], clearance: 'RESTRICTED' });
  secondAdmin = await signedInUser(testApp.deps, { organisationId: seecp.id, roles: ['administrator'], clearance: 'CONFIDENTIAL' });
  rsPolice = await buildOrganisation(testApp.deps, { economy: 'RS', kind: 'police' });
  serbianRestricted = {
    classification: 'CONFIDENTIAL',
    tlp: 'AMBER',
    releasableEconomies: ['RS'],
    releasableOrganisations: [],
    sharingGroups: [],
    originatorControl: false,
    ownerOrganisationId: rsPolice.id,
    ownerEconomy: 'RS',
  };
});
afterAll(async () => {
  await testApp.close();
});

const inject = (headers: Signed['headers'], method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  testApp.app.inject({ method, url, headers, payload });
const readsSerbianRecord = async (userId: string) => canReadMarked(await actorFor(testApp.deps, userId), serbianRestricted);

describe('nobody changes their own access', () => {
  it('refuses moving oneself to another economy’s police with the contact-point role, writes nothing, audits the attempt', async () => {
    const before = await writtenState(testApp.deps);
    const deniedBefore = (await deniedEvents(testApp.deps, 'admin.user.manage')).length;
    for (const payload of [
      { organisationId: rsPolice.id, roles: ['administrator', 'contact_point'] },
      { organisationId: rsPolice.id },
      { roles: ['administrator', 'contact_point'] },
      { clearance: 'CONFIDENTIAL' },
    ]) {
      const response = await inject(admin.headers, 'PATCH', `/api/admin/users/${admin.user.id}`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().detail).toMatch(/your own organisation, roles, clearance or desks/);
    }
    expect(await writtenState(testApp.deps)).toEqual(before);
    expect((await deniedEvents(testApp.deps, 'admin.user.manage')).length).toBe(deniedBefore + 4);
    expect(await readsSerbianRecord(admin.user.id)).toBe(false);
  });

  it('refuses taking or leaving a desk seat oneself', async () => {
    const national = await signedInUser(testApp.deps, { economy: 'RS', roles: ['administrator'] });
    const desk = await buildDesk(testApp.deps, { economy: 'RS', area: 'salw' });
    const before = await writtenState(testApp.deps);
    expect((await inject(national.headers, 'POST', `/api/admin/desks/${desk.id}/members`, { userId: national.user.id })).statusCode).toBe(403);
    await testApp.deps.db.insert(deskMembers).values({ deskId: desk.id, userId: national.user.id });
    const seated = await writtenState(testApp.deps);
    expect((await inject(national.headers, 'DELETE', `/api/admin/desks/${desk.id}/members/${national.user.id}`)).statusCode).toBe(403);
    expect(await writtenState(testApp.deps)).toEqual(seated);
    expect(seated.deskMembers).toBe(before.deskMembers + 1);
    expect((await deniedEvents(testApp.deps, 'admin.desk.manage')).length).toBe(2);
  });
});

describe('four eyes for a change that widens access', () => {
  it('moving another user to Serbian police waits; the proposer cannot approve; a second administrator’s approval applies it', async () => {
    const officer = await buildUser(testApp.deps, { economy: 'HR', roles: ['officer'], clearance: 'RESTRICTED' });
    const proposed = await inject(admin.headers, 'PATCH', `/api/admin/users/${officer.id}`, {
      organisationId: rsPolice.id,
      roles: ['officer', 'contact_point'],
      clearance: 'CONFIDENTIAL',
    });
    expect(proposed.statusCode).toBe(202);
    const change = proposed.json();
    expect(change).toMatchObject({ kind: 'user', status: 'pending', subject: { type: 'user', id: officer.id }, affectedUsers: 1 });
    expect(change.economies.sort()).toEqual(['HR', 'RS']);
    const fields = Object.fromEntries(change.changes.map((item: { field: string }) => [item.field, item]));
    expect(fields.organisation.to[0].label).toMatch(/\(RS\)$/);
    expect(fields.roles.added).toEqual([{ value: 'contact_point', label: 'contact_point' }]);
    expect(fields.clearance).toMatchObject({ from: [{ value: 'RESTRICTED' }], to: [{ value: 'CONFIDENTIAL' }] });
    expect(await readsSerbianRecord(officer.id)).toBe(false);

    const queue = await inject(admin.headers, 'GET', '/api/admin/access-changes');
    expect(queue.json().items.find((item: { id: string }) => item.id === change.id).abilities).toEqual({ approve: false, reject: true });
    const secondQueue = await inject(secondAdmin.headers, 'GET', '/api/admin/access-changes?status=pending');
    expect(secondQueue.json().items.find((item: { id: string }) => item.id === change.id).abilities).toEqual({ approve: true, reject: true });

    const before = await writtenState(testApp.deps);
    const selfApproval = await approveChange(testApp, admin.headers, change.id);
    expect(selfApproval.statusCode).toBe(403);
    expect(selfApproval.json().detail).toMatch(/second administrator/);
    expect(await writtenState(testApp.deps)).toEqual(before);
    expect((await deniedEvents(testApp.deps, 'admin.access_change.review')).some((event) => event.recordId === change.id)).toBe(true);

    const approved = await approveChange(testApp, secondAdmin.headers, change.id);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: { id: secondAdmin.user.id }, proposedBy: { id: admin.user.id } });
    const [row] = await testApp.deps.db.select().from(users).where(eq(users.id, officer.id));
    expect(row).toMatchObject({ organisationId: rsPolice.id, roles: ['officer', 'contact_point'], clearance: 'CONFIDENTIAL' });
    expect(await readsSerbianRecord(officer.id)).toBe(true);

    const chain = await testApp.deps.db.select().from(auditEvents).where(eq(auditEvents.recordId, change.id)).orderBy(auditEvents.seq);
    expect(chain.map((event) => [event.action, event.actorUserId])).toEqual([
      ['admin.access_change.propose', admin.user.id],
      ['admin.access_change.review', admin.user.id],
      ['admin.access_change.approve', secondAdmin.user.id],
    ]);
    const [applied] = await testApp.deps.db.select().from(auditEvents).where(eq(auditEvents.recordId, officer.id)).orderBy(auditEvents.seq);
    expect(applied).toMatchObject({ action: 'admin.user.update', actorUserId: secondAdmin.user.id, details: { proposedBy: admin.user.id, approvedBy: secondAdmin.user.id } });
    expect((await approveChange(testApp, secondAdmin.headers, change.id)).statusCode).toBe(409);
  });

  it('applies narrowing at once and keeps one waiting change per record', async () => {
    const analyst = await buildUser(testApp.deps, { economy: 'ME', roles: ['analyst', 'officer'], clearance: 'CONFIDENTIAL' });
    const narrowed = await inject(admin.headers, 'PATCH', `/api/admin/users/${analyst.id}`, { roles: ['analyst'], clearance: 'RESTRICTED' });
    expect(narrowed.statusCode).toBe(200);
    expect(narrowed.json()).toMatchObject({ roles: ['analyst'], clearance: 'RESTRICTED' });
    const raised = await inject(admin.headers, 'PATCH', `/api/admin/users/${analyst.id}`, { clearance: 'CONFIDENTIAL' });
    expect(raised.statusCode).toBe(202);
    const before = await writtenState(testApp.deps);
    const again = await inject(admin.headers, 'PATCH', `/api/admin/users/${analyst.id}`, { roles: ['analyst', 'contact_point'] });
    expect(again.statusCode).toBe(409);
    expect(await writtenState(testApp.deps)).toEqual(before);
  });

  it('rejection records the reason, changes nothing; the proposer may withdraw; an empty reason is refused', async () => {
    const officer = await buildUser(testApp.deps, { economy: 'AL', roles: ['officer'] });
    const first = (await inject(admin.headers, 'PATCH', `/api/admin/users/${officer.id}`, { roles: ['officer', 'analyst'] })).json();
    expect((await rejectChange(testApp, secondAdmin.headers, first.id, ' ')).statusCode).toBe(400);
    const rejected = await rejectChange(testApp, secondAdmin.headers, first.id, 'No request from the Albanian State Police on file.');
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: 'No request from the Albanian State Police on file.', decidedBy: { id: secondAdmin.user.id } });
    expect((await approveChange(testApp, secondAdmin.headers, first.id)).statusCode).toBe(409);
    const second = (await inject(admin.headers, 'PATCH', `/api/admin/users/${officer.id}`, { roles: ['officer', 'analyst'] })).json();
    expect((await rejectChange(testApp, admin.headers, second.id, 'Proposed for the wrong person.')).json()).toMatchObject({ status: 'rejected' });
    const [row] = await testApp.deps.db.select().from(users).where(eq(users.id, officer.id));
    expect(row!.roles).toEqual(['officer']);
    const [event] = await testApp.deps.db.select().from(auditEvents).where(eq(auditEvents.recordId, first.id)).orderBy(auditEvents.seq).then((rows) => rows.filter((item) => item.action === 'admin.access_change.reject'));
    expect(JSON.stringify(event!.details)).not.toContain('Albanian');
    const decided = await inject(secondAdmin.headers, 'GET', '/api/admin/access-changes?status=rejected');
    expect(decided.json().items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining([first.id, second.id]));
  });

  it('refuses to apply a change whose record moved on since it was proposed', async () => {
    const officer = await buildUser(testApp.deps, { economy: 'BA', roles: ['officer'] });
    const change = (await inject(admin.headers, 'PATCH', `/api/admin/users/${officer.id}`, { organisationId: rsPolice.id })).json();
    const elsewhere = await buildOrganisation(testApp.deps, { economy: 'BA' });
    await testApp.deps.db.update(users).set({ organisationId: elsewhere.id }).where(eq(users.id, officer.id));
    const approval = await approveChange(testApp, secondAdmin.headers, change.id);
    expect(approval.statusCode).toBe(409);
    expect(approval.json().detail).toMatch(/changed since/);
    const [row] = await testApp.deps.db.select().from(users).where(eq(users.id, officer.id));
    expect(row!.organisationId).toBe(elsewhere.id);
  });
});

describe('sharing groups and organisations', () => {
  it('adding one’s own economy to a sharing group waits, and nobody of that economy may approve it', async () => {
    const [group] = await testApp.deps.db.insert(sharingGroups).values({ name: 'Four eyes test group', economyCodes: ['HR'] }).returning();
    const proposed = await inject(admin.headers, 'PATCH', `/api/admin/sharing-groups/${group!.id}`, { economies: ['HR', 'REG'], description: 'Adriatic partners' });
    expect(proposed.statusCode).toBe(202);
    expect(proposed.json().changes[0]).toMatchObject({ field: 'economies', added: [{ value: 'REG' }] });
    const [meanwhile] = await testApp.deps.db.select().from(sharingGroups).where(eq(sharingGroups.id, group!.id));
    expect(meanwhile).toMatchObject({ economyCodes: ['HR'], description: 'Adriatic partners' });
    expect((await actorFor(testApp.deps, admin.user.id)).sharingGroupIds).not.toContain(group!.id);
    expect((await approveChange(testApp, admin.headers, proposed.json().id)).statusCode).toBe(403);
    const ofTheEconomy = await approveChange(testApp, secondAdmin.headers, proposed.json().id);
    expect(ofTheEconomy.statusCode).toBe(403);
    expect(ofTheEconomy.json().detail).toMatch(/widens your own access/);
    await rejectChange(testApp, admin.headers, proposed.json().id, 'Withdrawn: wrong group.');

    const serbian = await buildUser(testApp.deps, { economy: 'RS', roles: ['analyst'] });
    const addSerbia = (await inject(admin.headers, 'PATCH', `/api/admin/sharing-groups/${group!.id}`, { economies: ['HR', 'RS'] })).json();
    expect(addSerbia.economies).toEqual(['RS']);
    expect((await approveChange(testApp, secondAdmin.headers, addSerbia.id)).statusCode).toBe(200);
    expect((await actorFor(testApp.deps, serbian.id)).sharingGroupIds).toContain(group!.id);
  });

  it('moving an organisation to another economy waits, and its own staff may not approve it', async () => {
    const [adminOrganisation] = await testApp.deps.db.select({ id: users.organisationId }).from(users).where(eq(users.id, admin.user.id));
    const moveOwn = await inject(admin.headers, 'PATCH', `/api/admin/organisations/${adminOrganisation!.id}`, { economy: 'RS' });
    expect(moveOwn.statusCode).toBe(202);
    expect(await readsSerbianRecord(admin.user.id)).toBe(false);
    const colleague = await signedInUser(testApp.deps, { organisationId: adminOrganisation!.id, roles: ['administrator'] });
    expect((await approveChange(testApp, colleague.headers, moveOwn.json().id)).statusCode).toBe(403);
    expect((await approveChange(testApp, admin.headers, moveOwn.json().id)).statusCode).toBe(403);
    await rejectChange(testApp, secondAdmin.headers, moveOwn.json().id, 'Regional bodies stay regional.');
    expect(await readsSerbianRecord(admin.user.id)).toBe(false);

    const agency = await buildOrganisation(testApp.deps, { economy: 'MK', kind: 'customs' });
    const staff = await buildUser(testApp.deps, { organisationId: agency.id, roles: ['officer'], clearance: 'CONFIDENTIAL' });
    const move = await inject(admin.headers, 'PATCH', `/api/admin/organisations/${agency.id}`, { economy: 'RS', name: 'Moved agency' });
    expect(move.statusCode).toBe(202);
    expect(move.json()).toMatchObject({ affectedUsers: 1, changes: [{ field: 'economy', from: [{ value: 'MK' }], to: [{ value: 'RS' }] }] });
    expect(await readsSerbianRecord(staff.id)).toBe(false);
    expect((await approveChange(testApp, secondAdmin.headers, move.json().id)).statusCode).toBe(200);
    expect(await readsSerbianRecord(staff.id)).toBe(true);
  });
});

describe('who decides', () => {
  it('a national administrator decides changes within their economy only; a regional one decides all', async () => {
    const national = await signedInUser(testApp.deps, { economy: 'RS', roles: ['administrator'] });
    const serbian = await buildUser(testApp.deps, { organisationId: rsPolice.id, roles: ['officer'] });
    const desk = await buildDesk(testApp.deps, { economy: 'RS', area: 'cve_ftf' });
    const seat = (await inject(admin.headers, 'POST', `/api/admin/desks/${desk.id}/members`, { userId: serbian.id })).json();
    const croatian = await buildUser(testApp.deps, { economy: 'HR', roles: ['officer'] });
    const move = (await inject(admin.headers, 'PATCH', `/api/admin/users/${croatian.id}`, { organisationId: rsPolice.id })).json();
    const outside = await approveChange(testApp, national.headers, move.id);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().detail).toMatch(/another economy/);
    expect((await rejectChange(testApp, national.headers, move.id, 'Not ours to decide.')).statusCode).toBe(403);
    expect((await approveChange(testApp, national.headers, seat.id)).statusCode).toBe(200);
    expect(await testApp.deps.db.select().from(deskMembers).where(eq(deskMembers.deskId, desk.id))).toEqual([{ deskId: desk.id, userId: serbian.id }]);
    expect((await approveChange(testApp, secondAdmin.headers, move.id)).statusCode).toBe(200);
  });

  it('only administrators see or decide the queue', async () => {
    const officer = await signedInUser(testApp.deps, { economy: 'RS', roles: ['officer'] });
    expect((await inject(officer.headers, 'GET', '/api/admin/access-changes')).statusCode).toBe(403);
    expect((await testApp.app.inject({ method: 'GET', url: '/api/admin/access-changes' })).statusCode).toBe(401);
    expect((await inject(admin.headers, 'POST', '/api/admin/access-changes/00000000-0000-4000-8000-000000000000/approve')).statusCode).toBe(404);
  });
});
