import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications } from '../../db/schema/core';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';
import { type Headers, amber, caseInput, client } from './cases-test-helpers';

/*
 * The journey of the issue: an RS case with a Cyrillic person, a phone and a vehicle; an AL case
 * with the same person in Latin script and the phone written differently. AL learns only that a
 * match is held by the RS desk, asks for it, RS releases it; an MK team member reads the RS case,
 * another MK user sees nothing, and once MK leaves the team nothing either. Then the leak suite.
 */
let test: TestApp;
let http: ReturnType<typeof client>;
type Who = 'rs' | 'al' | 'mk' | 'mkOther' | 'rsOtherDesk' | 'hrAuditor';
type Id = 'rsDesk' | 'mkPolice' | 'alPolice' | 'rsUser' | 'alUser' | 'rsCase' | 'rsPerson' | 'rsPhone' | 'rsVehicle' | 'alCase' | 'alPerson' | 'alPhone';
const who = {} as Record<Who, Headers>;
const ids = {} as Record<Id, string>;

beforeAll(async () => {
  test = await buildTestApp();
  http = client(test);
  const { deps } = test;
  const rsDesk = await buildDesk(deps, { economy: 'RS', area: 'police_cooperation', name: 'RS police cooperation desk' });
  const alDesk = await buildDesk(deps, { economy: 'AL', area: 'police_cooperation' });
  const mkDesk = await buildDesk(deps, { economy: 'MK', area: 'police_cooperation' });
  ids.rsDesk = rsDesk.id;
  const rsPolice = await buildOrganisation(deps, { economy: 'RS' });
  const alPolice = await buildOrganisation(deps, { economy: 'AL' });
  const mkPolice = await buildOrganisation(deps, { economy: 'MK' });
  ids.mkPolice = mkPolice.id;
  ids.alPolice = alPolice.id;
  const rs = await signedInUser(deps, { organisationId: rsPolice.id, roles: ['analyst'], clearance: 'CONFIDENTIAL', deskIds: [rsDesk.id] });
  ids.rsUser = rs.user.id;
  who.rs = rs.headers;
  const al = await signedInUser(deps, { organisationId: alPolice.id, roles: ['analyst'], clearance: 'CONFIDENTIAL', deskIds: [alDesk.id], displayName: 'Arta Hoxha' });
  who.al = al.headers;
  ids.alUser = al.user.id;
  who.mk = (await signedInUser(deps, { organisationId: mkPolice.id, roles: ['officer'], clearance: 'CONFIDENTIAL', deskIds: [mkDesk.id] })).headers;
  who.mkOther = (await signedInUser(deps, { economy: 'MK', roles: ['analyst'], clearance: 'CONFIDENTIAL', deskIds: [mkDesk.id] })).headers;
  who.rsOtherDesk = (await signedInUser(deps, { organisationId: rsPolice.id, roles: ['officer'], clearance: 'CONFIDENTIAL' })).headers;
  who.hrAuditor = (await signedInUser(deps, { economy: 'HR', roles: ['auditor'] })).headers;

  const rsCase = await http.ok('/api/cases', who.rs, caseInput(rsDesk.id, { marking: amber('RS', 'MK') }));
  ids.rsCase = rsCase.id;
  const add = (caseId: string, headers: Headers, body: Record<string, unknown>) => http.ok(`/api/cases/${caseId}/entities`, headers, { role: '', ...body });
  ids.rsPerson = (await add(rsCase.id, who.rs, { kind: 'person', attributes: { name: 'Марко Јовановић', dateOfBirth: '1984-03-12' }, marking: amber('RS', 'MK') })).entityId;
  ids.rsPhone = (await add(rsCase.id, who.rs, { kind: 'phone', attributes: { number: '064 123 4567' }, marking: amber('RS', 'MK') })).entityId;
  ids.rsVehicle = (await add(rsCase.id, who.rs, { kind: 'vehicle', attributes: { vin: '1M8GDM9AXKP042788', plate: 'VR 123-AB', make: 'Volkswagen' }, marking: { classification: 'CONFIDENTIAL', tlp: 'RED', releasableOrganisations: [] } })).entityId;
  await http.ok(`/api/cases/${rsCase.id}/relationships`, who.rs, { fromEntityId: ids.rsPerson, toEntityId: ids.rsVehicle, kind: 'uses', source: 'Checkpoint report' });

  const alCase = await http.ok('/api/cases', who.al, caseInput(alDesk.id, { title: 'Cannabis shipments via Durrës', openedOn: '2026-04-15', marking: amber('AL') }));
  ids.alCase = alCase.id;
  ids.alPerson = (await add(alCase.id, who.al, { kind: 'person', attributes: { name: 'Marko Jovanovic', dateOfBirth: '1984-03-12' }, marking: amber('AL') })).entityId;
  ids.alPhone = (await add(alCase.id, who.al, { kind: 'phone', attributes: { number: '+381 (64) 123-45-67' }, marking: amber('AL') })).entityId;
  // The same name with another date of birth is another person.
  await add(alCase.id, who.al, { kind: 'person', attributes: { name: 'Marko Jovanović', dateOfBirth: '1991-07-01' }, marking: amber('AL') });
});

afterAll(async () => {
  await test?.close();
});

describe('correlation and hit/no-hit', () => {
  it('correlates the Latin person with the Cyrillic one and the phone written differently, and nothing else', async () => {
    const answer = await http.get(`/api/cases/${ids.alCase}/correlations`, who.al);
    expect(answer.statusCode).toBe(200);
    const items = answer.json().items as { kind: string; visibility: string; other: unknown; holdingDesk: { name: string }; reference: string; basis: string }[];
    expect(items.map((item) => item.kind).sort()).toEqual(['person', 'phone']);
    for (const item of items) {
      expect(item).toMatchObject({ visibility: 'hit', other: null, holdingDesk: { name: 'RS police cooperation desk' } });
      expect(item.reference).toMatch(/^C-RS-[0-9A-Z]{10}$/);
    }
    expect(items.find((item) => item.kind === 'person')!.basis).toBe('name_and_date_of_birth');
    expect(answer.body).not.toContain('Марко');
    expect(answer.body).not.toContain('Heroin');
  });

  it('tells the holding desk whose entry matched, without the other case', async () => {
    const rows = await test.deps.db.select().from(notifications).where(eq(notifications.userId, ids.rsUser));
    const hits = rows.filter((row) => row.kind === 'cases.correlation.hit');
    // One per matching entry: the person and the phone.
    expect(hits.map((row) => row.title.split(' ')[1]).sort()).toEqual(['person', 'phone']);
    for (const row of hits) {
      expect(row.title).toContain('Arta Hoxha');
      expect(row.title).not.toContain('Cannabis');
    }
  });

  it('shows the holding side, too, only that the other economy’s case matched', async () => {
    const items = (await http.get(`/api/cases/${ids.rsCase}/correlations`, who.rs)).json().items as { visibility: string }[];
    expect(items.map((item) => item.visibility)).toEqual(['hit', 'hit']);
  });

  it('releases the entity through a follow-up decided by the holding desk', async () => {
    const phone = ((await http.get(`/api/cases/${ids.alCase}/correlations`, who.al)).json().items as { kind: string; correlationId: string; holdingLinkId: string }[]).find((item) => item.kind === 'phone')!;
    const asked = await http.ok('/api/cases/follow-ups', who.al, { correlationId: phone.correlationId, holdingLinkId: phone.holdingLinkId });
    expect(asked).toMatchObject({ state: 'open', side: 'requester', caseId: null });
    expect((await http.post('/api/cases/follow-ups', who.al, { correlationId: phone.correlationId, holdingLinkId: phone.holdingLinkId })).statusCode).toBe(409);
    // Someone of the holding organisation off the desk may not decide; the requester neither.
    expect((await http.post(`/api/cases/follow-ups/${asked.id}/decision`, who.al, { decision: 'release' })).statusCode).toBe(404);
    const inbox = (await http.get('/api/cases/follow-ups', who.rs)).json().items as { id: string; canDecide: boolean; requester: { name: string } }[];
    expect(inbox).toEqual([expect.objectContaining({ id: asked.id, canDecide: true, requester: expect.objectContaining({ name: 'Arta Hoxha' }) })]);
    const decided = await http.ok(`/api/cases/follow-ups/${asked.id}/decision`, who.rs, { decision: 'release' }, 200);
    expect(decided.state).toBe('released');
    const after = (await http.get(`/api/cases/${ids.alCase}/correlations`, who.al)).json().items as { kind: string; visibility: string; other: { label: string; caseId: string | null } | null }[];
    expect(after.find((item) => item.kind === 'phone')).toMatchObject({ visibility: 'released', other: { label: '+381641234567', caseId: null } });
    expect(after.find((item) => item.kind === 'person')).toMatchObject({ visibility: 'hit', other: null });
    const decisions = await test.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'cases.release.decide')).orderBy(asc(auditEvents.seq));
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.subjectEconomy).toBe('RS');
    expect(JSON.stringify(decisions[0]!.details)).not.toContain('+381');
  });
});

describe('joint investigation team', () => {
  it('lets a member organisation read and add within the marking, and ends access when it leaves', async () => {
    expect((await http.get(`/api/cases/${ids.rsCase}`, who.mk)).statusCode).toBe(404);
    const shared = await http.ok(`/api/cases/${ids.rsCase}/team`, who.rs, { organisationId: ids.mkPolice, role: 'member', startsOn: '2020-01-01' });
    const memberId = (shared.team as { id: string }[])[0]!.id;
    const read = await http.get(`/api/cases/${ids.rsCase}`, who.mk);
    expect(read.statusCode).toBe(200);
    // The vehicle's link is RED to nobody but the owner: the member does not see it.
    expect((read.json().entities as { kind: string }[]).map((entity) => entity.kind).sort()).toEqual(['person', 'phone']);
    expect(read.json().relationships).toEqual([]);
    await http.ok(`/api/cases/${ids.rsCase}/events`, who.mk, { occurredOn: '2026-03-05', place: 'Kumanovo', description: 'Same car seen at the border crossing.' });
    expect((await http.get(`/api/cases/${ids.rsCase}`, who.mkOther)).statusCode).toBe(404);
    expect((await http.get('/api/cases', who.mk)).json().total).toBe(1);
    expect((await http.post(`/api/cases/${ids.rsCase}/team/${memberId}/end`, who.mk, {})).statusCode).toBe(200);
    expect((await http.get(`/api/cases/${ids.rsCase}`, who.mk)).statusCode).toBe(404);
    expect((await http.get('/api/cases', who.mk)).json().total).toBe(0);
  });

  it('refuses a team organisation of the owner’s economy or outside the marking', async () => {
    const answer = await http.post(`/api/cases/${ids.rsCase}/team`, who.rs, { organisationId: ids.alPolice, role: 'observer', startsOn: '2026-01-01' });
    expect(answer.statusCode).toBe(422);
    expect(answer.json().errors).toEqual([{ path: 'organisationId', message: 'outside_marking' }]);
  });
});

describe('another economy’s user, another desk and an auditor elsewhere', () => {
  it('see no case, entity, graph node, count or correlation detail', async () => {
    for (const headers of [who.mkOther, who.rsOtherDesk]) {
      for (const url of [`/api/cases/${ids.rsCase}`, `/api/cases/${ids.rsCase}/entities/${ids.rsPerson}`, `/api/cases/${ids.rsCase}/graph`, `/api/cases/${ids.rsCase}/correlations`]) {
        const answer = await http.get(url, headers);
        expect(answer.statusCode, url).toBe(404);
      }
      expect((await http.get('/api/cases', headers)).json()).toMatchObject({ items: [], total: 0 });
      const dashboard = await http.get('/api/cases/dashboard?from=2026-01-01&to=2026-12-31', headers);
      expect(dashboard.json().total.count).toBe(0);
      expect(dashboard.json().byEconomy).toEqual([]);
      const csv = await http.get('/api/cases/dashboard.csv?from=2026-01-01&to=2026-12-31', headers);
      expect(csv.body).not.toContain('RS');
      expect((await http.post(`/api/cases/${ids.rsCase}/entities`, headers, { kind: 'email', attributes: { address: 'x@example.org' }, marking: amber('RS') })).statusCode).toBe(404);
    }
    const events = await http.get('/api/audit/events?pageSize=100', who.hrAuditor);
    expect(events.statusCode).toBe(200);
    expect(events.body).not.toContain(ids.rsCase);
  });

  it('does not get a graph node of the other case from expanding a correlated entity', async () => {
    const graph = await http.get(`/api/cases/${ids.alCase}/graph?expand=${ids.alPerson}`, who.al);
    expect(graph.statusCode).toBe(200);
    const nodes = graph.json().nodes as { kind: string; label: string; caseId: string | null }[];
    expect(nodes.filter((node) => node.kind === 'hit')).toEqual([expect.objectContaining({ label: 'RS police cooperation desk', caseId: null })]);
    expect(graph.body).not.toContain('Марко');
    expect(graph.body).not.toContain(ids.rsCase);
    expect((await http.get(`/api/cases/${ids.alCase}/graph?expand=${ids.rsPerson}`, who.al)).statusCode).toBe(404);
  });

  it('leaves its own reads in the chain, one event per correlation shown', async () => {
    const rows = await test.deps.db.select().from(auditEvents).where(inArray(auditEvents.action, ['cases.case.read', 'cases.graph.read', 'cases.correlation.shown', 'cases.dashboard.read'])).orderBy(asc(auditEvents.seq));
    expect(new Set(rows.map((row) => row.action))).toEqual(new Set(['cases.case.read', 'cases.graph.read', 'cases.correlation.shown', 'cases.dashboard.read']));
    const shown = rows.filter((row) => row.action === 'cases.correlation.shown' && row.actorEconomy === 'AL');
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(shown.every((row) => row.subjectEconomy === 'RS')).toBe(true);
  });
});

describe('the dashboard', () => {
  it('counts only readable cases, with the trend against the previous period', async () => {
    await http.ok('/api/cases', who.rs, caseInput(ids.rsDesk, { openedOn: '2025-09-01' }));
    const answer = (await http.get('/api/cases/dashboard?from=2026-01-01&to=2026-12-31', who.rs)).json();
    expect(answer.total).toEqual({ key: 'total', count: 1, previous: 1, trendPercent: 0 });
    expect(answer.byEconomy).toEqual([{ key: 'RS', count: 1, previous: 1, trendPercent: 0 }]);
    expect(answer.byMonth).toEqual([{ key: '2026-03', count: 1 }]);
  });
});
