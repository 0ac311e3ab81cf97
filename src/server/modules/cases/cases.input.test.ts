import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';
import { caseCorrelations, caseEntities, caseLinks, caseRecords } from './cases.schema';
import { type Headers, amber, caseInput, client } from './cases-test-helpers';

/* Bad input refused with a problem naming the field and nothing written; the over-correlation cap (2 here). */
let test: TestApp;
let http: ReturnType<typeof client>;
let rs: Headers;
let admin: Headers;
let deskId: string;
let caseId: string;

const counts = async () => {
  const [[cases], [entities], [links]] = await Promise.all([
    test.deps.db.select({ n: count() }).from(caseRecords),
    test.deps.db.select({ n: count() }).from(caseEntities),
    test.deps.db.select({ n: count() }).from(caseLinks),
  ]);
  return { cases: cases!.n, entities: entities!.n, links: links!.n };
};

beforeAll(async () => {
  test = await buildTestApp({}, { CASES_CORRELATION_CAP: '2' });
  http = client(test);
  deskId = (await buildDesk(test.deps, { economy: 'RS', area: 'police_cooperation' })).id;
  const organisation = await buildOrganisation(test.deps, { economy: 'RS' });
  rs = (await signedInUser(test.deps, { organisationId: organisation.id, roles: ['officer'], clearance: 'CONFIDENTIAL', deskIds: [deskId] })).headers;
  admin = (await signedInUser(test.deps, { economy: 'RS', roles: ['administrator'] })).headers;
  caseId = (await http.ok('/api/cases', rs, caseInput(deskId, { marking: amber('RS', 'AL') }))).id;
});

afterAll(async () => {
  await test?.close();
});

describe('bad input', () => {
  it.each([
    ['an invalid IBAN', { kind: 'bank_account', attributes: { iban: 'RS35 2600 0560 1001 6113 78' } }, 'attributes.iban', 'invalid_iban'],
    ['a VIN with a wrong check digit', { kind: 'vehicle', attributes: { vin: '1M8GDM9A1KP042788' } }, 'attributes.vin', 'invalid_vin'],
    ['a phone number that is no number', { kind: 'phone', attributes: { number: '064 12' } }, 'attributes.number', 'invalid_phone'],
    ['an e-mail address without a domain', { kind: 'email', attributes: { address: 'marko@' } }, 'attributes.address', 'invalid_email'],
    ['an IMO number with a wrong check digit', { kind: 'vessel', attributes: { imo: '9074728' } }, 'attributes.imo', 'invalid_imo'],
    ['a marking wider than the case (TLP)', { kind: 'email', attributes: { address: 'marko@example.org' }, marking: { classification: 'RESTRICTED', tlp: 'GREEN', releasableEconomies: ['RS'] } }, 'marking.tlp', 'wider_than_case'],
    ['a marking wider than the case (economies)', { kind: 'email', attributes: { address: 'marko@example.org' }, marking: amber('RS', 'HR') }, 'marking.releasableEconomies', 'wider_than_case'],
  ])('refuses %s with 422 naming the field, writing nothing', async (_label, body, path, message) => {
    const before = await counts();
    const answer = await http.post(`/api/cases/${caseId}/entities`, rs, { marking: amber('RS'), ...body });
    expect(answer.statusCode).toBe(422);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.json().errors).toContainEqual({ path, message });
    expect(await counts()).toEqual(before);
  });

  it('refuses a case without a marking (400) and a desk that is not the user’s (422)', async () => {
    const { marking: _marking, ...unmarked } = caseInput(deskId);
    expect((await http.post('/api/cases', rs, unmarked)).statusCode).toBe(400);
    const otherDesk = (await buildDesk(test.deps, { economy: 'RS' })).id;
    const answer = await http.post('/api/cases', rs, caseInput(otherDesk));
    expect(answer.json().errors).toEqual([{ path: 'ownerDeskId', message: 'not_your_desk' }]);
    expect((await counts()).cases).toBe(1);
  });

  it('refuses a relationship to an entity the user may not read in the case', async () => {
    const mine = await http.ok(`/api/cases/${caseId}/entities`, rs, { kind: 'phone', attributes: { number: '+381 11 3061234' }, marking: amber('RS') });
    const elsewhere = (await signedInUser(test.deps, { economy: 'AL', roles: ['analyst'], deskIds: [(await buildDesk(test.deps, { economy: 'AL' })).id] })).headers;
    const alDesk = (await http.get('/api/cases/options', elsewhere)).json().desks[0].id;
    const alCase = (await http.ok('/api/cases', elsewhere, caseInput(alDesk, { marking: amber('AL') }))).id;
    const hidden = await http.ok(`/api/cases/${alCase}/entities`, elsewhere, { kind: 'email', attributes: { address: 'hidden@example.org' }, marking: amber('AL') });
    const answer = await http.post(`/api/cases/${caseId}/relationships`, rs, { fromEntityId: mine.entityId, toEntityId: hidden.entityId, kind: 'uses' });
    expect(answer.statusCode).toBe(422);
    expect(answer.json().errors).toEqual([{ path: 'toEntityId', message: 'not_an_entity_of_this_case' }]);
    expect(answer.body).not.toContain('hidden@');
  });

  it('keeps one entity per organisation: the same phone in two of its cases is one record', async () => {
    const second = (await http.ok('/api/cases', rs, caseInput(deskId, { marking: amber('RS') }))).id;
    const a = await http.ok(`/api/cases/${caseId}/entities`, rs, { kind: 'phone', attributes: { number: '+381 11 3061999' }, marking: amber('RS') });
    const b = await http.ok(`/api/cases/${second}/entities`, rs, { kind: 'phone', attributes: { number: '011 306 1999' }, marking: amber('RS') });
    expect(b.entityId).toBe(a.entityId);
    expect(b.linkId).not.toBe(a.linkId);
    expect((await http.post(`/api/cases/${second}/entities`, rs, { kind: 'phone', attributes: { number: '0113061999' }, marking: amber('RS') })).statusCode).toBe(409);
  });
});

describe('the over-correlation cap', () => {
  it('flags a value held in more cases than the cap, stops correlating it, and lets an administrator exclude it', async () => {
    const entityIds: string[] = [];
    for (let index = 0; index < 4; index += 1) {
      const organisation = await buildOrganisation(test.deps, { economy: 'AL' });
      const desk = (await buildDesk(test.deps, { economy: 'AL' })).id;
      const user = (await signedInUser(test.deps, { organisationId: organisation.id, roles: ['analyst'], deskIds: [desk] })).headers;
      const id = (await http.ok('/api/cases', user, caseInput(desk, { marking: amber('AL') }))).id;
      entityIds.push((await http.ok(`/api/cases/${id}/entities`, user, { kind: 'email', attributes: { address: 'info@common.example' }, marking: amber('AL') })).entityId);
    }
    const [correlations] = await test.deps.db.select({ n: count() }).from(caseCorrelations);
    // Entities 1–2 correlate (2 cases); the third pushes the value over the cap of 2: flagged, no more rows.
    expect(correlations!.n).toBe(1);
    // Only the economy whose entities hold the value sees it, counted in its own cases (decision 0032).
    const alAdmin = (await signedInUser(test.deps, { economy: 'AL', roles: ['administrator'] })).headers;
    const flagged = await http.get('/api/cases/flagged-values', alAdmin);
    expect(flagged.json().items).toEqual([expect.objectContaining({ key: 'email:info@common.example', kind: 'email', caseCount: 4, excluded: false })]);
    expect((await http.get('/api/cases/flagged-values', admin)).json().items).toEqual([]);
    expect((await http.post('/api/cases/flagged-values/exclusion', admin, { key: 'email:info@common.example' })).statusCode).toBe(404);
    expect((await http.get('/api/cases/flagged-values', rs)).statusCode).toBe(403);
    const excluded = await http.ok('/api/cases/flagged-values/exclusion', alAdmin, { key: 'email:info@common.example' }, 200);
    expect(excluded).toEqual({ excluded: true });
    // The one correlation the value made goes with it.
    expect((await test.deps.db.select({ n: count() }).from(caseCorrelations))[0]!.n).toBe(0);
    expect((await http.get('/api/cases/flagged-values', alAdmin)).json().items[0].excluded).toBe(true);
  });
});
