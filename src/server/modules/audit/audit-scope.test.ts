import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventDetail, AuditEventPage } from '../../../contract/audit';
import { auditViewOf } from '../../access/audit-scope';
import { rowsOf } from '../../db/migrate';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';

type Viewer = Awaited<ReturnType<typeof signedInUser>>;

let testApp: TestApp;
let rsAuditor: Viewer;
let regionalAuditor: Viewer;
let mkAdministrator: Viewer;
let hrAuditor: Viewer;
let hrOfficer: Viewer;
let alert: { id: string; reference: string };
let hit: { id: string; reference: string };

const WITHDRAWAL_REASON = 'Arrested in Novi Sad by the border police';
const SCREENED_NAME = 'Djordjevic Djordje';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const get = (url: string, viewer: Viewer) => testApp.app.inject({ method: 'GET', url, headers: viewer.headers });
const post = (url: string, viewer: Viewer, payload: Record<string, unknown>) => testApp.app.inject({ method: 'POST', url, headers: viewer.headers, payload });

async function everyEvent(viewer: Viewer): Promise<AuditEventPage> {
  const response = await get('/api/audit/events?pageSize=100', viewer);
  expect(response.statusCode).toBe(200);
  return response.json<AuditEventPage>();
}

/** The ids of the events about the alert and its hit, straight from the table. */
async function eventsAboutTheAlert(): Promise<string[]> {
  const result = await testApp.deps.db.execute(sql`select id from audit_events where record_id in (${alert.id}, ${hit.id}) order by seq`);
  return rowsOf<{ id: string }>(result).map((row) => row.id);
}

beforeAll(async () => {
  testApp = await buildTestApp();
  const { deps } = testApp;
  const rsDesk = await buildDesk(deps, { economy: 'RS', area: 'wanted_persons' });
  const rsPolice = await buildOrganisation(deps, { economy: 'RS' });
  const rsContact = await signedInUser(deps, { economy: 'RS', organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [rsDesk.id] });
  hrOfficer = await signedInUser(deps, { economy: 'HR', roles: ['officer'] });
  rsAuditor = await signedInUser(deps, { economy: 'RS', roles: ['auditor'] });
  regionalAuditor = await signedInUser(deps, { economy: 'REG', roles: ['auditor'] });
  mkAdministrator = await signedInUser(deps, { economy: 'MK', roles: ['administrator'], clearance: 'CONFIDENTIAL' });
  hrAuditor = await signedInUser(deps, { economy: 'HR', roles: ['auditor'] });

  // An alert of RS released to RS only: MK, the region and HR may not read it.
  const created = await post('/api/wanted/alerts', rsContact, {
    kind: 'person_arrest',
    issuingDeskId: rsDesk.id,
    validUntil: inDays(365),
    actionToTake: 'Arrest and inform the desk.',
    warrantReference: 'K-7/2026',
    name: 'Ђорђевић Ђорђе',
    dateOfBirth: '1984-03-12',
    nationality: 'RS',
    marking: { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS'] },
  });
  expect(created.statusCode).toBe(201);
  alert = created.json();
  expect((await get(`/api/wanted/alerts/${alert.id}`, rsContact)).statusCode).toBe(200);
  const screened = await post('/api/wanted/screen/person', hrOfficer, { purpose: 'Border check', name: SCREENED_NAME });
  expect(screened.statusCode).toBe(200);
  const [inboxHit] = (await get('/api/wanted/hits', rsContact)).json<{ items: { id: string; reference: string }[] }>().items;
  hit = { id: inboxHit!.id, reference: inboxHit!.reference };
  expect((await get(`/api/wanted/hits/${hit.id}`, rsContact)).statusCode).toBe(200);
  expect((await post(`/api/wanted/alerts/${alert.id}/withdraw`, rsContact, { reason: WITHDRAWAL_REASON })).statusCode).toBe(200);
  expect(await eventsAboutTheAlert()).not.toHaveLength(0);
});

afterAll(async () => {
  await testApp.close();
});

describe('who sees audit events about a marked record', () => {
  it.each([
    ['the regional auditor', () => regionalAuditor],
    ['an administrator of an economy the alert is not released to', () => mkAdministrator],
  ])('%s finds no trace of the alert: not in the list, the total, a filter or an event page', async (_who, viewerOf) => {
    const viewer = viewerOf();
    const page = await everyEvent(viewer);
    const listed = JSON.stringify(page);
    for (const trace of [alert.id, alert.reference, hit.id, hit.reference, WITHDRAWAL_REASON, SCREENED_NAME]) expect(listed).not.toContain(trace);
    expect(page.items.map((item) => item.action)).not.toContain('wanted.alert.withdraw');
    for (const id of await eventsAboutTheAlert()) {
      const response = await get(`/api/audit/events/${id}`, viewer);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain(alert.id);
    }
    for (const filter of [`recordId=${alert.id}`, `recordId=${hit.id}`, 'action=wanted.alert', 'action=wanted.hit']) {
      expect((await get(`/api/audit/events?${filter}`, viewer)).json<AuditEventPage>().total).toBe(0);
    }
  });

  it('shows the originating economy’s auditor every event in full, ids and field names but never the content', async () => {
    const page = await everyEvent(rsAuditor);
    const aboutAlert = page.items.filter((item) => item.recordId === alert.id);
    expect(aboutAlert.map((item) => item.action)).toEqual(expect.arrayContaining(['wanted.alert.create', 'wanted.alert.read', 'wanted.alert.withdraw']));
    expect(aboutAlert.every((item) => !item.masked && item.subjectEconomy === 'RS')).toBe(true);
    expect(page.items.filter((item) => item.recordId === hit.id).map((item) => item.action)).toEqual(expect.arrayContaining(['wanted.hit.create', 'wanted.hit.read']));
    const withdrawal = aboutAlert.find((item) => item.action === 'wanted.alert.withdraw')!;
    const detail = (await get(`/api/audit/events/${withdrawal.id}`, rsAuditor)).json<AuditEventDetail>();
    expect(detail).toMatchObject({ masked: false, recordId: alert.id, details: { fields: ['reason'] }, subjectEconomy: 'RS', subjectReleasedTo: ['RS'] });
    const everything = JSON.stringify(page) + JSON.stringify(detail);
    for (const content of [alert.reference, hit.reference, WITHDRAWAL_REASON, SCREENED_NAME]) expect(everything).not.toContain(content);
    expect((await get(`/api/audit/events?recordId=${alert.id}`, rsAuditor)).json<AuditEventPage>().total).toBe(aboutAlert.length);
  });

  it('shows the screener’s economy that its officer hit something, by whom and when, with the record masked', async () => {
    const page = await everyEvent(hrAuditor);
    const hitEvent = page.items.find((item) => item.action === 'wanted.hit.create');
    expect(hitEvent).toMatchObject({ actorUserId: hrOfficer.user.id, actorEconomy: 'HR', masked: true, recordType: null, recordId: null, subjectEconomy: null });
    const detail = (await get(`/api/audit/events/${hitEvent!.id}`, hrAuditor)).json<AuditEventDetail>();
    expect(detail).toMatchObject({ masked: true, recordId: null, details: {}, ip: null, subjectReleasedTo: null });
    expect(JSON.stringify(page) + JSON.stringify(detail)).not.toContain(alert.id);
    expect(page.items.map((item) => item.action)).not.toContain('wanted.alert.withdraw');
    expect((await get(`/api/audit/events?recordId=${hit.id}`, hrAuditor)).json<AuditEventPage>().total).toBe(0);
  });

  it('decides in SQL exactly as the rule in code does, for every event and every reader', async () => {
    for (const viewer of [rsAuditor, regionalAuditor, mkAdministrator, hrAuditor]) {
      const listed = new Map((await everyEvent(viewer)).items.map((item) => [item.id, item.masked]));
      // Every event up to the list's own read, which is the newest one written before it.
      const result = await testApp.deps.db.execute(sql`select id, actor_economy, subject_economy, subject_released_to from audit_events where seq < (select max(seq) from audit_events)`);
      const rows = rowsOf<{ id: string; actor_economy: string | null; subject_economy: string | null; subject_released_to: string[] | null }>(result);
      expect(rows.some((row) => row.subject_economy !== null)).toBe(true);
      for (const row of rows) {
        const view = auditViewOf(viewer.actor, { actorEconomy: row.actor_economy, subjectEconomy: row.subject_economy, subjectReleasedTo: row.subject_released_to });
        expect([row.id, view === 'hidden' ? undefined : view === 'masked']).toEqual([row.id, listed.get(row.id)]);
      }
    }
  });

  it('keeps the denial of a hidden alert out of other economies’ view, too', async () => {
    expect((await get(`/api/wanted/alerts/${alert.id}`, hrOfficer)).statusCode).toBe(404);
    const result = await testApp.deps.db.execute(sql`select id, subject_economy from audit_events where outcome = 'denied' and record_id = ${alert.id}`);
    const [denial] = rowsOf<{ id: string; subject_economy: string | null }>(result);
    expect(denial?.subject_economy).toBe('RS');
    expect((await get(`/api/audit/events/${denial!.id}`, regionalAuditor)).statusCode).toBe(404);
    expect((await get(`/api/audit/events/${denial!.id}`, hrAuditor)).json<AuditEventDetail>()).toMatchObject({ masked: true, recordId: null });
  });
});
