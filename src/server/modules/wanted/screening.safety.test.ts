import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/migrate';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';

type Headers = { cookie: string; 'x-csrf-token': string };
type Session = Awaited<ReturnType<typeof signedInUser>>;

let test: TestApp;
let clock = new Date('2026-03-02T08:00:00Z');
let deskId: string;
let issuer: Session;
let hiddenAlertId: string;

const MIGRATION = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations/0201_wanted_screening.sql');
const RANDOM_REFERENCE = /^W-RS-[0-9A-HJKMNP-TV-Z]{10}$/;

async function post(url: string, headers: Headers, payload: Record<string, unknown>) {
  return test.app.inject({ method: 'POST', url, headers, payload });
}

async function screen(session: Session, payload: Record<string, unknown>) {
  return post('/api/wanted/screen/person', session.headers, { purpose: 'Case 2026/118', ...payload });
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await test.deps.db.execute(query));
}

async function createAlert(name: string, marking: Record<string, unknown>) {
  const response = await post('/api/wanted/alerts', issuer.headers, {
    kind: 'person_arrest', issuingDeskId: deskId, validUntil: new Date(clock.getTime() + 365 * 86_400_000).toISOString(), warrantReference: 'K-9/2026',
    actionToTake: 'Arrest and hold the person.', name, dateOfBirth: '1984-03-12', marking,
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; reference: string };
}

const hrOfficer = () => signedInUser(test.deps, { economy: 'HR', roles: ['officer'] });

beforeAll(async () => {
  test = await buildTestApp({ clock: () => clock }, { SESSION_IDLE_MINUTES: '1440', WANTED_HIT_GROUP_MINUTES: '20', WANTED_PROBE_WINDOW_MINUTES: '20' });
  deskId = (await buildDesk(test.deps, { economy: 'RS', area: 'wanted_persons' })).id;
  const police = await buildOrganisation(test.deps, { economy: 'RS' });
  issuer = await signedInUser(test.deps, { economy: 'RS', organisationId: police.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [deskId] });
  hiddenAlertId = (await createAlert('Ђорђевић Ђорђе', { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS'] })).id;
});

afterAll(async () => {
  await test?.close();
});

describe('alert references', () => {
  it('are random and count nothing', async () => {
    const references = [];
    for (const name of ['Marko Marković', 'Ana Anić', 'Ivan Ivić']) references.push((await createAlert(name, { classification: 'RESTRICTED', tlp: 'GREEN' })).reference);
    for (const reference of references) expect(reference).toMatch(RANDOM_REFERENCE);
    expect(new Set(references).size).toBe(3);
  });

  it('the migration replaces the old numbered references with random ones', async () => {
    const { id } = await createAlert('Petar Perić', { classification: 'RESTRICTED', tlp: 'GREEN' });
    await test.deps.db.execute(sql`update wanted_alerts set reference = 'W-RS-2026-00013' where id = ${id}`);
    const update = fs.readFileSync(MIGRATION, 'utf8').split(';')[0]!;
    expect(update).toMatch(/update wanted_alerts/);
    await test.deps.db.execute(sql.raw(update));
    const [row] = await rows<{ reference: string }>(sql`select reference from wanted_alerts where id = ${id}`);
    expect(row!.reference).toMatch(RANDOM_REFERENCE);
  });
});

describe('hit-only answers are no oracle', () => {
  it('give the class alone, the same whatever date of birth is supplied, and never a number', async () => {
    const officer = await hrOfficer();
    const answers = [];
    for (const dateOfBirth of [undefined, '1984-03-12', '1984-03-13', '1990-07-01']) {
      const response = await screen(officer, { name: 'Djordjevic Djordje', ...(dateOfBirth ? { dateOfBirth } : {}) });
      expect(response.statusCode).toBe(200);
      const [candidate] = response.json().candidates;
      expect(candidate.visibility).toBe('hit');
      answers.push(candidate);
    }
    for (const answer of answers) {
      expect(Object.keys(answer).filter((key) => ['score', 'reasons', 'alert'].includes(key))).toEqual([]);
      expect(['match', 'possible']).toContain(answer.decision);
    }
    const withoutReference = ({ reference: _reference, decision: _decision, actionToTake: _action, actionCode: _code, ...rest }: Record<string, unknown>) => rest;
    for (const answer of answers) expect(withoutReference(answer)).toEqual(withoutReference(answers[0]));
    // The conflicting date of birth: possible, and no arrest instruction.
    expect(answers[3]).toMatchObject({ decision: 'possible', actionToTake: null });
    expect(answers[0]).toMatchObject({ decision: 'match', actionToTake: 'Arrest and hold the person.' });

    const list = (await test.app.inject({ url: '/api/wanted/hits?status=pending', headers: officer.headers })).json();
    expect(list.items).toHaveLength(4);
    for (const hit of list.items) {
      expect(hit).toMatchObject({ score: null, alert: null });
      const page = (await test.app.inject({ url: `/api/wanted/hits/${hit.id}`, headers: officer.headers })).json();
      expect(page).toMatchObject({ score: null, alert: null });
      if (page.decision === 'possible') expect(page.actionToTake).toBeNull();
    }
    // The holding desk, which may read its alert, sees the scores.
    const desk = (await test.app.inject({ url: '/api/wanted/hits?status=pending', headers: issuer.headers })).json();
    expect(desk.items.every((hit: { score: number | null }) => typeof hit.score === 'number')).toBe(true);
  });
});

describe('repeat hits', () => {
  it('group three screenings of the same subject into one hit with count 3 and one notification', async () => {
    const officer = await hrOfficer();
    const references = [];
    for (let i = 0; i < 3; i += 1) {
      clock = new Date(clock.getTime() + 5 * 60_000);
      references.push((await screen(officer, { name: 'Djordjevic Djordje' })).json().candidates[0].reference);
    }
    expect(new Set(references).size).toBe(1);
    const hits = await rows<{ id: string; screen_count: number }>(sql`select id, screen_count from wanted_hits where screened_by = ${officer.user.id}`);
    expect(hits).toEqual([{ id: expect.any(String), screen_count: 3 }]);
    const notified = await rows<{ n: string | number }>(sql`select count(*) as n from notifications where desk_id = ${deskId} and kind = 'wanted.hit' and record_id = ${hits[0]!.id}`);
    expect(Number(notified[0]!.n)).toBe(1);
    const view = (await test.app.inject({ url: `/api/wanted/hits/${hits[0]!.id}`, headers: officer.headers })).json();
    expect(view.screenCount).toBe(3);
    expect(view.screenedTimes).toHaveLength(3);

    // After the window (20 minutes here) the same screening is a new hit.
    clock = new Date(clock.getTime() + 21 * 60_000);
    const later = (await screen(officer, { name: 'Djordjevic Djordje' })).json().candidates[0].reference;
    expect(later).not.toBe(references[0]);
  });
});

describe('probing one alert with varying details', () => {
  it('flags the screener to the holding desk once, then refuses further variants until the window passes', async () => {
    const officer = await hrOfficer();
    const probingNotes = async () => Number((await rows<{ n: string | number }>(sql`select count(*) as n from notifications where desk_id = ${deskId} and kind = 'wanted.probing'`))[0]!.n);
    const before = await probingNotes();
    // Other spellings (other people, as far as the screening knows) hitting the alert are no probe.
    const spellings = await hrOfficer();
    for (const name of ['Djordjevic Djordje', 'Djordje Djordjevic', 'DJORDJEVIC, Djordje', 'Đorđe Đorđević Jr']) {
      const response = await screen(spellings, { name });
      expect(response.json().candidates.map((candidate: { visibility: string }) => candidate.visibility), name).toContain('hit');
    }
    expect(await probingNotes()).toBe(before);
    for (const year of [1980, 1981, 1982]) expect((await screen(officer, { name: 'Djordjevic Djordje', dateOfBirth: `${year}-01-01` })).statusCode).toBe(200);
    expect(await probingNotes()).toBe(before);
    expect((await screen(officer, { name: 'Djordjevic Djordje', dateOfBirth: '1983-01-01' })).statusCode).toBe(200);
    expect(await probingNotes()).toBe(before + 1);
    const refused = await screen(officer, { name: 'Djordjevic Djordje', dateOfBirth: '1985-01-01' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await probingNotes()).toBe(before + 1);
    // Screening an earlier variant again is a repeat, not a probe.
    expect((await screen(officer, { name: 'Djordjevic Djordje', dateOfBirth: '1980-01-01' })).statusCode).toBe(200);
    const events = await rows<{ action: string }>(sql`select action from audit_events where actor_user_id = ${officer.user.id} and action like 'wanted.screen.%'`);
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(['wanted.screen.probing', 'wanted.screen.refused']));
    clock = new Date(clock.getTime() + 21 * 60_000);
    expect((await screen(officer, { name: 'Djordjevic Djordje', dateOfBirth: '1986-01-01' })).statusCode).toBe(200);
  });
});

describe('purpose and hit report', () => {
  it('refuses a screening without a purpose and records the purpose in the audit', async () => {
    const officer = await hrOfficer();
    const missing = await post('/api/wanted/screen/person', officer.headers, { name: 'Djordjevic Djordje' });
    expect(missing.statusCode).toBe(400);
    expect(await rows(sql`select id from wanted_hits where screened_by = ${officer.user.id}`)).toEqual([]);
    await screen(officer, { name: 'Ana Anic' });
    const [event] = await rows<{ details: { purpose: string } }>(sql`select details from audit_events where actor_user_id = ${officer.user.id} and action = 'wanted.screen'`);
    expect(event!.details.purpose).toBe('Case 2026/118');
  });

  it('the screener files the hit report, the desk decides, and the reply reaches the screener', async () => {
    const officer = await hrOfficer();
    const reference = (await screen(officer, { name: 'Djordjevic Djordje', nationality: 'RS' })).json().candidates[0].reference;
    const [hit] = await rows<{ id: string }>(sql`select id from wanted_hits where reference = ${reference}`);
    const url = `/api/wanted/hits/${hit!.id}`;
    const report = { foundAt: clock.toISOString(), place: 'Bajakovo border crossing, lane 3', actionTaken: 'Held for identification.', inCustody: 'The driver', seized: '', contact: '+385 1 555 0101' };

    const bad = await post(`${url}/report`, officer.headers, { ...report, place: '' });
    expect(bad.statusCode).toBe(400);
    expect(await rows(sql`select id from wanted_hit_messages where hit_id = ${hit!.id}`)).toEqual([]);
    expect((await post(`${url}/report`, issuer.headers, report)).statusCode).toBe(404);

    const filed = await post(`${url}/report`, officer.headers, report);
    expect(filed.statusCode).toBe(200);
    expect(filed.json().messages).toEqual([expect.objectContaining({ kind: 'report', report: expect.objectContaining({ place: report.place }) })]);
    expect(filed.json().abilities['wanted.hit.report']).toBe(false);
    expect((await post(`${url}/report`, officer.headers, report)).statusCode).toBe(409);
    const deskNote = await rows<{ title: string }>(sql`select title from notifications where desk_id = ${deskId} and kind = 'wanted.hit.report' and record_id = ${hit!.id}`);
    expect(deskNote).toHaveLength(1);

    const decided = await post(`${url}/decision`, issuer.headers, { decision: 'confirmed', note: 'Same person; our officer calls you within the hour.' });
    expect(decided.statusCode).toBe(200);
    const [reply] = await rows<{ body: string; link: string }>(sql`select body, link from notifications where user_id = ${officer.user.id} and kind = 'wanted.hit.decided'`);
    expect(reply!.body).toContain('our officer calls you within the hour');
    expect(reply!.link).toBe(`/wanted/hits/${hit!.id}`);
    const seen = (await test.app.inject({ url, headers: officer.headers })).json();
    expect(seen.messages.map((message: { kind: string }) => message.kind)).toEqual(['report', 'decision']);
    expect(seen.messages[1]).toMatchObject({ decision: 'confirmed', note: 'Same person; our officer calls you within the hour.' });
    expect(seen).toMatchObject({ status: 'confirmed', score: null, alert: null });
  });
});

describe('an alert the screener may read', () => {
  it('gives score, reasons and the class; the conflicting date of birth refers to the desk', async () => {
    const rsOfficer = await signedInUser(test.deps, { economy: 'RS', roles: ['officer'] });
    const full = (await screen(rsOfficer, { name: 'Djordjevic Djordje', dateOfBirth: '1990-07-01' })).json().candidates.find((c: { alert?: { id: string } }) => c.alert?.id === hiddenAlertId);
    expect(full).toMatchObject({ visibility: 'full', decision: 'possible', actionToTake: null, holdingDesk: { economy: 'RS' } });
    expect(typeof full.score).toBe('number');
    expect(full.reasons.map((reason: { code: string }) => reason.code)).toContain('fact.dob_differs');
  });
});

describe('the alert\'s facts on the screening card', () => {
  it('come with an answer the screener may read, photos through the audited thumbnail; a hit-only answer carries none of them', async () => {
    const response = await post('/api/wanted/alerts', issuer.headers, {
      kind: 'person_arrest', issuingDeskId: deskId, validUntil: new Date(clock.getTime() + 365 * 86_400_000).toISOString(), warrantReference: 'K-11/2026',
      name: 'Милан Јовановић', dateOfBirth: '1979-11-30', nationality: 'RS', sex: 'male', physicalDescription: 'Scar above the left eyebrow', languages: ['sr', 'de'],
      marking: { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS'] },
    });
    expect(response.statusCode).toBe(201);
    const alertId = response.json().id as string;
    const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#336699' } }).png().toBuffer();
    const boundary = 'mosaicboundary';
    const upload = await test.app.inject({
      method: 'POST', url: `/api/wanted/alerts/${alertId}/photos`, headers: { ...issuer.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    });
    expect(upload.statusCode).toBe(201);
    const photoId = upload.json().id as string;

    const rsOfficer = await signedInUser(test.deps, { economy: 'RS', roles: ['officer'] });
    const full = (await screen(rsOfficer, { name: 'Milan Jovanovic' })).json().candidates.find((c: { alert?: { id: string } }) => c.alert?.id === alertId);
    expect(full.facts).toEqual({
      dateOfBirth: '1979-11-30', sex: 'male', nationality: 'RS', physicalDescription: 'Scar above the left eyebrow', languages: ['sr', 'de'],
      identityMisused: false, attributes: {}, identifiers: [], photoIds: [photoId],
    });
    const thumb = await test.app.inject({ url: `/api/wanted/alerts/${alertId}/photos/${photoId}?size=thumb`, headers: rsOfficer.headers });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(240);
    const [read] = await rows<{ details: { photoId: string; size: string } }>(sql`select details from audit_events where action = 'wanted.photo.read' and actor_user_id = ${rsOfficer.user.id} order by seq`);
    expect(read!.details).toEqual({ photoId, size: 'thumb' });

    const officer = await hrOfficer();
    const hitOnly = await screen(officer, { name: 'Milan Jovanovic' });
    const [candidate] = hitOnly.json().candidates;
    expect(candidate.visibility).toBe('hit');
    expect(candidate).not.toHaveProperty('facts');
    for (const secret of [photoId, 'Scar above', '1979-11-30', '"sr"', 'male', 'languages', 'nationality']) expect(hitOnly.body).not.toContain(secret);
    expect((await test.app.inject({ url: `/api/wanted/alerts/${alertId}/photos/${photoId}?size=thumb`, headers: officer.headers })).statusCode).toBe(404);
  });
});
