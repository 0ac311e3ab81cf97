import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/migrate';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, sessionHeaders, signedInUser } from '../../test/factories';
import { runWantedMaintenance } from '.';

type Headers = { cookie: string; 'x-csrf-token': string };

let test: TestApp;
let now = new Date('2025-06-01T10:00:00Z');
const day = 86_400_000;
const inDays = (days: number) => new Date(now.getTime() + days * day).toISOString();

let rsDeskId: string;
let rsContact: { headers: Headers; user: { id: string } };
let rsOfficer: { headers: Headers; user: { id: string } };
let hrOfficer: { headers: Headers; user: { id: string } };
let hrContact: { headers: Headers };

const rsOnly = { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS'] };

function personAlert(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'person_arrest',
    issuingDeskId: rsDeskId,
    validUntil: inDays(365),
    actionToTake: 'Arrest and inform the desk.',
    warrantReference: 'K-1/2025',
    name: 'Ђорђевић Ђорђе',
    dateOfBirth: '1984-03-12',
    nationality: 'RS',
    marking: rsOnly,
    ...overrides,
  };
}

async function post(url: string, headers: Headers, payload: unknown) {
  return test.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });
}

async function auditActions(): Promise<string[]> {
  return rowsOf<{ action: string }>(await test.deps.db.execute(sql`select action from audit_events order by seq`)).map((row) => row.action);
}

beforeAll(async () => {
  test = await buildTestApp({ clock: () => now });
  const { deps } = test;
  rsDeskId = (await buildDesk(deps, { economy: 'RS', area: 'wanted_persons' })).id;
  const hrDesk = await buildDesk(deps, { economy: 'HR', area: 'wanted_persons' });
  const rsPolice = await buildOrganisation(deps, { economy: 'RS' });
  rsContact = await signedInUser(deps, { economy: 'RS', organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [rsDeskId] });
  rsOfficer = await signedInUser(deps, { economy: 'RS', roles: ['officer'] });
  hrOfficer = await signedInUser(deps, { economy: 'HR', roles: ['officer'] });
  hrContact = await signedInUser(deps, { economy: 'HR', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [hrDesk.id] });
});

afterAll(async () => {
  await test?.close();
});

describe('creating alerts', () => {
  it('refuses an AMBER marking with nobody to release to, with a clear message', async () => {
    const response = await post('/api/wanted/alerts', rsContact.headers, personAlert({ marking: { classification: 'RESTRICTED', tlp: 'AMBER' } }));
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toMatch(/TLP:AMBER needs the economies, organisations or sharing groups/);
  });

  it('checks the fields for the kind and reports every problem', async () => {
    const response = await post('/api/wanted/alerts', rsContact.headers, personAlert({ name: 'A', dateOfBirth: '2030-01-01', warrantReference: undefined }));
    expect(response.statusCode).toBe(422);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'dateOfBirth', 'warrantReference']));
  });

  it('refuses unknown fields, a desk the user does not belong to, and users without the role', async () => {
    expect((await post('/api/wanted/alerts', rsContact.headers, personAlert({ colourOfEyes: 'blue' }))).statusCode).toBe(400);
    const hrDesk = await buildDesk(test.deps, { economy: 'HR' });
    expect((await post('/api/wanted/alerts', rsContact.headers, personAlert({ issuingDeskId: hrDesk.id }))).statusCode).toBe(422);
    expect((await post('/api/wanted/alerts', rsOfficer.headers, personAlert())).statusCode).toBe(403);
  });

  it('refuses a VIN whose check digit is wrong', async () => {
    const response = await post('/api/wanted/alerts', rsContact.headers, {
      kind: 'vehicle', issuingDeskId: rsDeskId, validUntil: inDays(30), actionToTake: 'Seize it.', vin: 'VF1RFB00960520813', marking: rsOnly,
    });
    expect(response.statusCode).toBe(422);
    expect(JSON.stringify(response.json().errors)).toMatch(/check digit/);
  });
});

describe('visible versus hit-only', () => {
  let alertId: string;

  beforeAll(async () => {
    const response = await post('/api/wanted/alerts', rsContact.headers, personAlert());
    expect(response.statusCode).toBe(201);
    alertId = response.json().id;
    expect(response.json().recipients.economies).toEqual([{ code: 'RS', name: expect.any(String) }]);
  });

  it('lets the releasable economy read the alert and hides it from another economy (404, lists, counts)', async () => {
    expect((await test.app.inject({ url: `/api/wanted/alerts/${alertId}`, headers: rsOfficer.headers })).statusCode).toBe(200);
    expect((await test.app.inject({ url: `/api/wanted/alerts/${alertId}`, headers: hrOfficer.headers })).statusCode).toBe(404);
    const hrList = (await test.app.inject({ url: '/api/wanted/alerts?q=Djordjevic', headers: hrOfficer.headers })).json();
    expect(hrList).toMatchObject({ items: [], total: 0 });
    const rsList = (await test.app.inject({ url: '/api/wanted/alerts?q=Djordjevic', headers: rsOfficer.headers })).json();
    expect(rsList.total).toBe(1);
    expect((await auditActions())).toContain('wanted.alert.read');
  });

  it('answers another economy’s screening with a hit only, records the hit and notifies the desk', async () => {
    const response = await post('/api/wanted/screen/person', hrOfficer.headers, { purpose: 'Border check', name: 'Djordjevic Djordje' });
    expect(response.statusCode).toBe(200);
    const [candidate] = response.json().candidates;
    expect(candidate).toEqual({
      visibility: 'hit', hit: true, decision: 'match', holdingDesk: { economy: 'RS', area: 'wanted_persons', name: expect.any(String), email: null, phone: null },
      reference: expect.stringMatching(/^H-/), actionCode: 'arrest_surrender_extradition', actionToTake: 'Arrest and inform the desk.', screenCount: 1,
    });
    expect(response.body).not.toMatch(/Ђорђ|1984|K-1\/2025/);

    const notifications = rowsOf<{ title: string }>(await test.deps.db.execute(sql`select title from notifications where desk_id = ${rsDeskId}`));
    expect(notifications.some((row) => row.title.startsWith('Hit on alert'))).toBe(true);

    const inbox = (await test.app.inject({ url: '/api/wanted/hits', headers: rsContact.headers })).json();
    const hit = inbox.items.find((item: { reference: string }) => item.reference === candidate.reference);
    expect(hit).toMatchObject({ status: 'pending', screenerCouldRead: false, query: { name: 'Djordjevic Djordje' }, abilities: { 'wanted.hit.decide': true } });
    expect(hit.alert.id).toBe(alertId);

    const mine = (await test.app.inject({ url: `/api/wanted/hits/${hit.id}`, headers: hrOfficer.headers })).json();
    expect(mine.alert).toBeNull();
    expect(mine.abilities['wanted.hit.decide']).toBe(false);
    expect((await test.app.inject({ url: `/api/wanted/hits/${hit.id}`, headers: hrContact.headers })).statusCode).toBe(404);

    expect((await post(`/api/wanted/hits/${hit.id}/decision`, hrContact.headers, { decision: 'confirmed', note: 'mine' })).statusCode).toBe(404);
    const decided = await post(`/api/wanted/hits/${hit.id}/decision`, rsContact.headers, { decision: 'confirmed', note: 'Same person: photo compared.' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'confirmed', decisionNote: 'Same person: photo compared.' });
    expect((await post(`/api/wanted/hits/${hit.id}/decision`, rsContact.headers, { decision: 'rejected', note: 'again' })).statusCode).toBe(409);
    expect(await auditActions()).toEqual(expect.arrayContaining(['wanted.screen', 'wanted.hit.create', 'wanted.hit.read', 'wanted.hit.decide']));
  });

  it('answers a screener who may read the alert in full, with reasons, and still records the hit', async () => {
    const response = await post('/api/wanted/screen/person', rsOfficer.headers, { purpose: 'Border check', name: 'Đorđe Đorđević' });
    const [candidate] = response.json().candidates;
    expect(candidate).toMatchObject({ visibility: 'full', decision: 'match', alert: { id: alertId, label: 'Ђорђевић Ђорђе' }, hitReference: expect.stringMatching(/^H-/) });
    expect(candidate.reasons.length).toBeGreaterThan(0);
  });

  it('weighs the date of birth and nationality, and says so', async () => {
    const same = (await post('/api/wanted/screen/person', rsOfficer.headers, { purpose: 'Border check', name: 'Djordjevic Djordje', dateOfBirth: '1984-03-12', nationality: 'RS' })).json().candidates[0];
    const other = (await post('/api/wanted/screen/person', rsOfficer.headers, { purpose: 'Border check', name: 'Djordjevic Djordje', dateOfBirth: '1950-07-01', nationality: 'AL' })).json().candidates[0];
    const codes = (candidate: { reasons: { code: string }[] }) => candidate.reasons.map((reason) => reason.code);
    expect(codes(same)).toEqual(expect.arrayContaining(['fact.dob_agrees', 'fact.nationality_agrees']));
    expect(other.score).toBeLessThan(same.score);
    expect(other).toMatchObject({ decision: 'possible', actionToTake: null });
    expect(codes(other)).toEqual(expect.arrayContaining(['fact.dob_differs', 'fact.nationality_differs']));
  });
});

describe('objects', () => {
  it('finds a vehicle by a VIN typed with spaces and O for 0, by plate, and a firearm by serial', async () => {
    const vehicle = await post('/api/wanted/alerts', rsContact.headers, {
      kind: 'vehicle', issuingDeskId: rsDeskId, validUntil: inDays(90), actionToTake: 'Seize the vehicle.', vin: 'VF1RFB00860520813', plate: 'NS 482-KT', marking: { classification: 'RESTRICTED', tlp: 'GREEN' },
    });
    expect(vehicle.statusCode).toBe(201);
    const byVin = (await post('/api/wanted/screen/object', hrOfficer.headers, { purpose: 'Border check', kind: 'vehicle', identifier: 'vf1 rfb OO8 6O52 O813' })).json();
    expect(byVin.candidates[0]).toMatchObject({ visibility: 'full', decision: 'match', alert: { id: vehicle.json().id } });
    const byPlate = (await post('/api/wanted/screen/object', hrOfficer.headers, { purpose: 'Border check', kind: 'vehicle', identifier: 'ns482kt' })).json();
    expect(byPlate.candidates).toHaveLength(1);

    const firearm = await post('/api/wanted/alerts', rsContact.headers, {
      kind: 'firearm', issuingDeskId: rsDeskId, validUntil: inDays(90), actionToTake: 'Seize it.', serial: 'AK-4471O2', marking: rsOnly,
    });
    expect(firearm.statusCode).toBe(201);
    const bySerial = (await post('/api/wanted/screen/object', hrOfficer.headers, { purpose: 'Border check', kind: 'firearm', identifier: 'ak 4471 02' })).json();
    expect(bySerial.candidates[0]).toMatchObject({ visibility: 'hit', hit: true });
  });
});

describe('odd input', () => {
  it('never fails: empty is a 400 with a message, everything else is answered', async () => {
    const empty = await post('/api/wanted/screen/person', hrOfficer.headers, { purpose: 'Border check', name: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toMatch(/name is empty/);
    const control = await post('/api/wanted/screen/person', hrOfficer.headers, { purpose: 'Border check', name: 'Djor\u0007dje\u0000 Djordjevic' });
    expect(control.statusCode).toBe(422);
    expect(control.headers['content-type']).toMatch(/application\/problem\+json/);
    for (const name of ['Đorđe'.repeat(2000), 'Ђорђе Djordjević Γιώργος', 'Pеtrović', '12345', '<script>']) {
      const response = await post('/api/wanted/screen/person', hrOfficer.headers, { purpose: 'Border check', name });
      expect(response.statusCode, name.slice(0, 20)).toBe(200);
    }
    expect((await post('/api/wanted/screen/object', hrOfficer.headers, { purpose: 'Border check', kind: 'vehicle', identifier: '---' })).json().notes.length).toBe(1);
    const malformed = await test.app.inject({ method: 'POST', url: '/api/wanted/screen/person', headers: { ...hrOfficer.headers, 'content-type': 'application/json' }, payload: '{"name":' });
    expect(malformed.statusCode).toBe(400);
    expect((await test.app.inject({ url: '/api/wanted/alerts/not-a-uuid', headers: rsOfficer.headers })).statusCode).toBe(400);
  });
});

describe('import', () => {
  it('imports the valid rows and reports every other one with its line and reasons', async () => {
    const csv = [
      'kind,name,date_of_birth,vin,valid_until,action_to_take,warrant_reference,description',
      `person_locate,Marko Marković,1980-01-01,,${inDays(100).slice(0, 10)},Locate him,,`,
      `vehicle,,,VF1RFB00960520813,${inDays(100).slice(0, 10)},Seize,,`,
      `person_locate,Ana Anić,2090-01-01,,${inDays(100).slice(0, 10)},Locate her,,`,
      `person_locate,,,,${inDays(100).slice(0, 10)},Locate,,`,
      `person_locate,A,,,${inDays(100).slice(0, 10)},Locate,,`,
      `person_locate,"Ana\u0001 Anić",,,${inDays(100).slice(0, 10)},Locate,,`,
      `person_locate,Pеtar Petrović,,,${inDays(100).slice(0, 10)},Locate,,`,
      `spaceship,,,,${inDays(100).slice(0, 10)},Locate,,`,
      `object,,,,${inDays(100).slice(0, 10)},Seize,,Painting`,
    ].join('\n');
    const response = await post('/api/wanted/alerts/import', rsContact.headers, { issuingDeskId: rsDeskId, marking: rsOnly, format: 'csv', content: csv });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.imported).toBe(2);
    const byLine = Object.fromEntries(report.rejected.map((row: { line: number; reasons: string[] }) => [row.line, row.reasons.join(' | ')]));
    expect(Object.keys(byLine).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(byLine[3]).toMatch(/check digit/);
    expect(byLine[4]).toMatch(/future/);
    expect(byLine[5]).toMatch(/needs a name/);
    expect(byLine[6]).toMatch(/two letters/);
    expect(byLine[7]).toMatch(/control characters/);
    expect(byLine[8]).toMatch(/mixes scripts/);
    expect(byLine[9]).toMatch(/unknown kind/);
    expect(await auditActions()).toContain('wanted.alert.import');
  });
});

describe('photos', () => {
  it('stores photos encrypted and serves them only to readers of the alert', async () => {
    const alert = (await post('/api/wanted/alerts', rsContact.headers, personAlert({ name: 'Petar Petrović' }))).json();
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
    const upload = (bytes: Buffer) => {
      const boundary = 'mosaicboundary';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return test.app.inject({ method: 'POST', url: `/api/wanted/alerts/${alert.id}/photos`, headers: { ...rsContact.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    };
    const added = await upload(png);
    expect(added.statusCode).toBe(201);
    expect((await upload(Buffer.from('GIF89a not allowed'))).statusCode).toBe(422);
    const stored = fs.readdirSync(path.join(test.deps.filesDir, 'wanted'));
    expect(fs.readFileSync(path.join(test.deps.filesDir, 'wanted', stored[0]!)).includes(png.subarray(8))).toBe(false);
    const photoUrl = `/api/wanted/alerts/${alert.id}/photos/${added.json().id}`;
    const read = await test.app.inject({ url: photoUrl, headers: rsOfficer.headers });
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('image/png');
    expect(read.rawPayload.equals(png)).toBe(true);
    expect((await test.app.inject({ url: photoUrl, headers: hrOfficer.headers })).statusCode).toBe(404);
  });
});

describe('lifecycle', () => {
  it('reminds before the review date once, expires at the end of validity, and stops hits', async () => {
    const created = await post('/api/wanted/alerts', rsContact.headers, personAlert({ name: 'Svetozar Miletić', validUntil: inDays(10), reviewAt: inDays(5), marking: { classification: 'RESTRICTED', tlp: 'GREEN' } }));
    expect(created.statusCode).toBe(201);
    const { id, reference } = created.json();
    const first = await runWantedMaintenance(test.deps);
    expect(first.reminded).toContain(reference);
    expect((await runWantedMaintenance(test.deps)).reminded).not.toContain(reference);

    now = new Date(now.getTime() + 11 * day);
    // Sessions end after 12 hours: sign everyone in again on the new day.
    for (const who of [rsContact, rsOfficer, hrOfficer]) who.headers = await sessionHeaders(test.deps, who.user.id);
    const read = (await test.app.inject({ url: `/api/wanted/alerts/${id}`, headers: rsOfficer.headers })).json();
    expect(read.status).toBe('expired');
    const screened = (await post('/api/wanted/screen/person', hrOfficer.headers, { purpose: 'Border check', name: 'Svetozar Miletic' })).json();
    expect(screened.candidates).toHaveLength(0);
    expect((await runWantedMaintenance(test.deps)).expired).toContain(reference);
    const notifications = rowsOf<{ kind: string }>(await test.deps.db.execute(sql`select kind from notifications where record_id = ${id}`));
    expect(notifications.map((row) => row.kind).sort()).toEqual(['wanted.alert.expired', 'wanted.alert.review']);

    const extended = await post(`/api/wanted/alerts/${id}/extend`, rsContact.headers, { validUntil: inDays(60) });
    expect(extended.json()).toMatchObject({ status: 'active' });
    const withdrawn = await post(`/api/wanted/alerts/${id}/withdraw`, rsContact.headers, { reason: 'Person found.' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Person found.', abilities: { 'wanted.alert.withdraw': false } });
    expect(await auditActions()).toEqual(expect.arrayContaining(['wanted.alert.expire', 'wanted.alert.review_reminder', 'wanted.alert.extend', 'wanted.alert.withdraw']));
  });
});
