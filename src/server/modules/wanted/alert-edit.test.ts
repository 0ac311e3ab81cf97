import { sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/migrate';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';

type Headers = { cookie: string; 'x-csrf-token': string };

let test: TestApp;
const now = new Date('2025-06-01T10:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

let rsDeskId: string;
let hrDeskId: string;
let rsContact: { headers: Headers };
let rsOfficer: { headers: Headers };
let hrOfficer: { headers: Headers };
let hrContact: { headers: Headers };

const rsOnly = { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS'] };
const everyone = { classification: 'RESTRICTED', tlp: 'GREEN' };

function arrestAlert(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'person_arrest',
    issuingDeskId: rsDeskId,
    validUntil: inDays(365),
    warrantReference: 'K-9/2025',
    name: 'Радомир Вукадиновић',
    dateOfBirth: '1979-04-18',
    nationality: 'RS',
    marking: rsOnly,
    ...overrides,
  };
}

async function send(method: 'POST' | 'PATCH' | 'GET', url: string, headers: Headers, payload?: unknown) {
  return test.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
}

async function alertCount(): Promise<number> {
  return Number(rowsOf<{ n: number }>(await test.deps.db.execute(sql`select count(*)::int as n from wanted_alerts`))[0]!.n);
}

async function auditEvents(action: string) {
  return rowsOf<{ details: Record<string, unknown>; record_id: string | null }>(
    await test.deps.db.execute(sql`select details, record_id from audit_events where action = ${action} order by seq`),
  );
}

beforeAll(async () => {
  test = await buildTestApp({ clock: () => now });
  const { deps } = test;
  rsDeskId = (await buildDesk(deps, { economy: 'RS', area: 'wanted_persons' })).id;
  hrDeskId = (await buildDesk(deps, { economy: 'HR', area: 'wanted_persons' })).id;
  const rsPolice = await buildOrganisation(deps, { economy: 'RS' });
  rsContact = await signedInUser(deps, { economy: 'RS', organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [rsDeskId], displayName: 'Vesna Desk' });
  rsOfficer = await signedInUser(deps, { economy: 'RS', roles: ['officer'] });
  hrOfficer = await signedInUser(deps, { economy: 'HR', roles: ['officer'] });
  hrContact = await signedInUser(deps, { economy: 'HR', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [hrDeskId] });
});

afterAll(async () => {
  await test?.close();
});

describe('coded actions on hit', () => {
  it('defaults to the kind’s first code and keeps the free-text addition', async () => {
    const response = await send('POST', '/api/wanted/alerts', rsContact.headers, arrestAlert({ name: 'Codes Defaultović', actionToTake: 'Armed.' }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ actionCode: 'arrest_surrender_extradition', actionToTake: 'Armed.' });
  });

  it('refuses an unknown code and a code unfit for the kind with a 422 naming the allowed ones, and writes nothing', async () => {
    const before = await alertCount();
    const unknown = await send('POST', '/api/wanted/alerts', rsContact.headers, arrestAlert({ name: 'Codes Unknownović', actionCode: 'shoot_on_sight' }));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ path: 'actionCode', message: expect.stringContaining('arrest_surrender_eaw') })]);
    const unfit = await send('POST', '/api/wanted/alerts', rsContact.headers, arrestAlert({ name: 'Codes Unfitović', actionCode: 'seize_object' }));
    expect(unfit.statusCode).toBe(422);
    expect(await alertCount()).toBe(before);
  });
});

describe('editing an alert and its history', () => {
  let alertId: string;

  beforeAll(async () => {
    const created = await send('POST', '/api/wanted/alerts', rsContact.headers, arrestAlert({ remarks: 'Seen in Niš.' }));
    expect(created.statusCode).toBe(201);
    alertId = created.json().id;
  });

  it('records who changed which fields, before and after; the audit chain holds the field names only', async () => {
    const patched = await send('PATCH', `/api/wanted/alerts/${alertId}`, rsContact.headers, {
      actionCode: 'arrest_surrender_eaw', physicalDescription: '190 cm, tattoo of a wolf on the neck', sex: 'male', languages: ['sr', 'de'], remarks: 'Seen in Niš.',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ actionCode: 'arrest_surrender_eaw', sex: 'male', languages: ['sr', 'de'], physicalDescription: '190 cm, tattoo of a wolf on the neck' });
    const history = await send('GET', `/api/wanted/alerts/${alertId}/history`, rsOfficer.headers);
    expect(history.statusCode).toBe(200);
    const [latest, first] = history.json().items;
    expect(first).toMatchObject({ action: 'create', changedBy: 'Vesna Desk' });
    expect(latest).toMatchObject({ action: 'update', changedBy: 'Vesna Desk' });
    expect(latest.changes).toEqual([
      { field: 'actionCode', before: 'arrest_surrender_extradition', after: 'arrest_surrender_eaw' },
      { field: 'languages', before: '', after: 'sr; de' },
      { field: 'physicalDescription', before: '', after: '190 cm, tattoo of a wolf on the neck' },
      { field: 'sex', before: '', after: 'male' },
    ]);
    const [event] = (await auditEvents('wanted.alert.update')).filter((row) => row.record_id === alertId);
    expect(event!.details.fields).toEqual(['actionCode', 'languages', 'physicalDescription', 'sex']);
    expect(JSON.stringify(event!.details)).not.toMatch(/wolf|190 cm/);
  });

  it('records extensions and withdrawals too', async () => {
    expect((await send('POST', `/api/wanted/alerts/${alertId}/extend`, rsContact.headers, { validUntil: inDays(500) })).statusCode).toBe(200);
    const [latest] = (await send('GET', `/api/wanted/alerts/${alertId}/history`, rsContact.headers)).json().items;
    expect(latest).toMatchObject({ action: 'extend', changes: [{ field: 'validUntil', before: inDays(365), after: inDays(500) }] });
  });

  it('hides the history from a user who may not read the alert (404, like a missing alert)', async () => {
    const hidden = await send('GET', `/api/wanted/alerts/${alertId}/history`, hrOfficer.headers);
    const missing = await send('GET', '/api/wanted/alerts/00000000-0000-4000-8000-000000000000/history', hrOfficer.headers);
    expect(hidden.statusCode).toBe(404);
    const { status, title, detail } = missing.json();
    expect(hidden.json()).toMatchObject({ status, title, detail });
    expect(hidden.body).not.toMatch(/wolf|Вукадиновић/);
  });
});

describe('one alert per economy per subject, with SIS’s compatibility rules', () => {
  const subject = { name: 'Dragoljub Kompatibilić', dateOfBirth: '1970-02-02' };

  beforeAll(async () => {
    expect((await send('POST', '/api/wanted/alerts', rsContact.headers, arrestAlert(subject))).statusCode).toBe(201);
  });

  it('refuses an incompatible second alert of the same economy with a clear problem and writes nothing', async () => {
    const before = await alertCount();
    const check = await send('POST', '/api/wanted/alerts', rsContact.headers, { ...arrestAlert(subject), kind: 'person_check', warrantReference: undefined, actionCode: 'discreet_check' });
    expect(check.statusCode).toBe(409);
    expect(check.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(check.json().detail).toMatch(/incompatible.*One alert per economy per subject/);
    const twice = await send('POST', '/api/wanted/alerts', rsContact.headers, arrestAlert({ name: 'Kompatibilić Dragoljub', dateOfBirth: subject.dateOfBirth }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/already has an alert of this category/);
    expect(await alertCount()).toBe(before);
  });

  it('lets a compatible alert of the same economy and another economy’s alert stand', async () => {
    const locate = await send('POST', '/api/wanted/alerts', rsContact.headers, { ...arrestAlert(subject), kind: 'person_locate', warrantReference: undefined });
    expect(locate.statusCode).toBe(201);
    const hr = await send('POST', '/api/wanted/alerts', hrContact.headers, { ...arrestAlert(subject), issuingDeskId: hrDeskId, marking: { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['HR'] } });
    expect(hr.statusCode).toBe(201);
  });

  it('shows the author the existing alerts before entry, and only hit-only answers for those he may not read', async () => {
    const own = (await send('POST', '/api/wanted/alerts/check', rsContact.headers, { kind: 'person_check', ...subject })).json();
    expect(own.existing).toEqual(expect.arrayContaining([
      expect.objectContaining({ visibility: 'full', decision: 'match', compatibility: 'incompatible', blocking: true, alert: expect.objectContaining({ kind: 'person_arrest', label: subject.name }) }),
      expect.objectContaining({ visibility: 'full', compatibility: 'compatible', blocking: false, alert: expect.objectContaining({ kind: 'person_locate' }) }),
      // The HR alert is released to HR only: the RS author learns that it exists and who holds it.
      { visibility: 'hit', holdingDesk: expect.objectContaining({ economy: 'HR' }), decision: 'match', blocking: false },
    ]));
    const foreign = await send('POST', '/api/wanted/alerts/check', hrContact.headers, { kind: 'person_arrest', ...subject });
    const hitOnly = foreign.json().existing.filter((item: { visibility: string }) => item.visibility === 'hit');
    expect(hitOnly).toHaveLength(2);
    for (const item of hitOnly) expect(Object.keys(item).sort()).toEqual(['blocking', 'decision', 'holdingDesk', 'visibility']);
    expect(JSON.stringify(hitOnly)).not.toMatch(/W-RS-|K-9\/2025|person_|Kompatibili|1970/);
  });

  it('treats the same identifier as the same object', async () => {
    const vehicle = { kind: 'vehicle', issuingDeskId: rsDeskId, validUntil: inDays(90), vin: 'VF1RFB00860520813', make: 'Renault', model: 'Mégane', plate: 'NS 100-AA', colour: 'grey', marking: everyone };
    const first = await send('POST', '/api/wanted/alerts', rsContact.headers, vehicle);
    expect(first.statusCode).toBe(201);
    expect(first.json().label).toBe('Renault Mégane · NS 100-AA · grey');
    expect((await send('POST', '/api/wanted/alerts', rsContact.headers, { ...vehicle, vin: undefined, plate: 'ns100aa' })).statusCode).toBe(409);
  });
});

describe('links between alerts', () => {
  it('shows a link from both ends, and only to a viewer who may read both alerts', async () => {
    const person = (await send('POST', '/api/wanted/alerts', rsContact.headers, arrestAlert({ name: 'Linkoslav Vezić', dateOfBirth: '1982-08-08' }))).json();
    const car = (await send('POST', '/api/wanted/alerts', rsContact.headers, { kind: 'vehicle', issuingDeskId: rsDeskId, validUntil: inDays(90), plate: 'BG 777-LV', make: 'Škoda', marking: everyone })).json();
    // Linked from the car's side: its history is readable by everyone, the person's alert is not.
    const linked = await send('POST', `/api/wanted/alerts/${car.id}/links`, rsContact.headers, { reference: person.reference, relation: 'vehicle_used' });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().links).toEqual([{ id: expect.any(String), relation: 'vehicle_used', alert: expect.objectContaining({ id: person.id }) }]);
    const fromPerson = (await send('GET', `/api/wanted/alerts/${person.id}`, rsOfficer.headers)).json();
    expect(fromPerson.links).toEqual([expect.objectContaining({ relation: 'vehicle_used', alert: expect.objectContaining({ id: car.id, label: 'Škoda · BG 777-LV' }) })]);
    const rsHistory = (await send('GET', `/api/wanted/alerts/${car.id}/history`, rsOfficer.headers)).json();
    expect(rsHistory.items[0]).toMatchObject({ action: 'link', changes: [{ field: 'links', before: '', after: `vehicle_used: ${person.reference}` }] });
    const hrView = await send('GET', `/api/wanted/alerts/${car.id}`, hrOfficer.headers);
    expect(hrView.statusCode).toBe(200);
    expect(hrView.json().links).toEqual([]);
    const hrHistory = await send('GET', `/api/wanted/alerts/${car.id}/history`, hrOfficer.headers);
    expect(hrHistory.json().items.map((item: { action: string }) => item.action)).toEqual(['create']);
    for (const body of [hrView.body, hrHistory.body]) expect(body).not.toMatch(new RegExp(`${person.id}|${person.reference}|Vezić`));
    expect((await send('POST', `/api/wanted/alerts/${person.id}/links`, rsContact.headers, { reference: car.reference, relation: 'associate' })).statusCode).toBe(409);
  });
});

describe('the printable alert sheet', () => {
  let alertId: string;

  beforeAll(async () => {
    const created = await send('POST', '/api/wanted/alerts', rsContact.headers, arrestAlert({
      name: 'Листоје Штампић', dateOfBirth: '1990-10-10', identityMisused: true, remarks: Array.from({ length: 70 }, (_, i) => `Obs ${i + 1}: seen at the border crossing with a grey van.`).join('\n'),
    }));
    expect(created.statusCode).toBe(201);
    alertId = created.json().id;
  });

  it('prints the marking on every page, in the reader’s language, and audits the download', async () => {
    const response = await send('GET', `/api/wanted/alerts/${alertId}/sheet.pdf?lang=sr-Cyrl`, rsOfficer.headers);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(response.rawPayload), { isEvalSupported: false, verbosity: 0 });
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    expect(totalPages).toBeGreaterThan(1);
    for (const page of text) expect(page).toContain('RESTRICTED · TLP:AMBER');
    expect(text[0]).toContain('Листоје Штампић');
    expect(text[0]).toContain('Хапшење ради предаје или екстрадиције');
    const events = (await auditEvents('wanted.alert.sheet')).filter((row) => row.record_id === alertId);
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toEqual({ language: 'sr-Cyrl' });
  });

  it('is a 404 for a user who may not read the alert, and nothing is audited as a download', async () => {
    const response = await send('GET', `/api/wanted/alerts/${alertId}/sheet.pdf`, hrOfficer.headers);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await auditEvents('wanted.alert.sheet')).filter((row) => row.record_id === alertId)).toHaveLength(1);
  });
});

describe('the import template', () => {
  it('offers CSV and JSON templates whose example rows import as they are', async () => {
    const csv = await send('GET', '/api/wanted/import-template.csv', rsContact.headers);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\n')[0]).toMatch(/^kind,name,aliases,/);
    const json = await send('GET', '/api/wanted/import-template.json', rsContact.headers);
    expect(JSON.parse(json.body)).toHaveLength(2);
    const report = await send('POST', '/api/wanted/alerts/import', rsContact.headers, { issuingDeskId: rsDeskId, marking: rsOnly, format: 'csv', content: csv.body });
    expect(report.json()).toMatchObject({ imported: 2, rejected: [] });
    // The same file again: both subjects now have an alert of this economy.
    const again = (await send('POST', '/api/wanted/alerts/import', rsContact.headers, { issuingDeskId: rsDeskId, marking: rsOnly, format: 'json', content: json.body })).json();
    expect(again).toMatchObject({ imported: 0, rejected: [{ line: 1, reasons: [expect.stringMatching(/already has an alert of this category/)] }, { line: 2 }] });
    const twin = { kind: 'person_check', name: 'Blizanac Dvojković', date_of_birth: '1991-01-01', valid_until: inDays(100) };
    const twins = (await send('POST', '/api/wanted/alerts/import', rsContact.headers, { issuingDeskId: rsDeskId, marking: rsOnly, format: 'json', content: JSON.stringify([twin, { ...twin, kind: 'person_arrest', warrant_reference: 'K-2' }, { ...twin, kind: 'person_locate' }]) })).json();
    expect(twins).toMatchObject({ imported: 2, rejected: [{ line: 2, reasons: [expect.stringMatching(/same subject as line 1/)] }] });
    expect((await send('GET', '/api/wanted/import-template.csv', rsOfficer.headers)).statusCode).toBe(403);
  });
});
