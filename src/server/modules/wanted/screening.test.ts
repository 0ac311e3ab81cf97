import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/migrate';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';

type Headers = { cookie: string; 'x-csrf-token': string };

let test: TestApp;
const now = new Date('2025-06-01T10:00:00Z');
let deskId: string;
let issuer: { headers: Headers };
let screener: { headers: Headers; user: { id: string } };

async function post(url: string, headers: Headers, payload: Record<string, unknown>) {
  return test.app.inject({ method: 'POST', url, headers, payload });
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: string | number }>(await test.deps.db.execute(query))[0]!.n);
}

/** What a screening wrote: its hits, the desk's notifications about them, and the audit events. */
async function writes() {
  return {
    hits: await count(sql`select count(*) as n from wanted_hits`),
    notifications: await count(sql`select count(*) as n from notifications where desk_id = ${deskId} and kind = 'wanted.hit'`),
    hitEvents: await count(sql`select count(*) as n from audit_events where action = 'wanted.hit.create'`),
    screenEvents: await count(sql`select count(*) as n from audit_events where action = 'wanted.screen'`),
  };
}

async function alertWithName(name: string, dateOfBirth: string, marking: Record<string, unknown> = { classification: 'RESTRICTED', tlp: 'GREEN' }) {
  const response = await post('/api/wanted/alerts', issuer.headers, {
    kind: 'person_locate', issuingDeskId: deskId, validUntil: new Date(now.getTime() + 365 * 86_400_000).toISOString(),
    actionToTake: 'Inform the desk.', name, dateOfBirth, marking,
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

beforeAll(async () => {
  test = await buildTestApp({ clock: () => now }, { WANTED_TIED_CANDIDATES: '2' });
  deskId = (await buildDesk(test.deps, { economy: 'RS', area: 'wanted_persons' })).id;
  const police = await buildOrganisation(test.deps, { economy: 'RS' });
  issuer = await signedInUser(test.deps, { economy: 'RS', organisationId: police.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [deskId] });
  screener = await signedInUser(test.deps, { economy: 'HR', roles: ['officer'] });
  await alertWithName('Марко Петровић', '1980-01-02');
  await alertWithName('Marko Ivan Petrović', '1975-05-06');
  await alertWithName('Josif Petrović', '1990-03-04');
  await alertWithName('Arben Sylaj', '1985-07-08');
});

afterAll(async () => {
  await test?.close();
});

describe('person screening retrieval', () => {
  it('stores the pair keys of every name beside the single keys', async () => {
    const keys = rowsOf<{ key: string }>(await test.deps.db.execute(sql`select key from wanted_name_keys`)).map((row) => row.key);
    expect(keys).toEqual(expect.arrayContaining(['n:petrovic', 'p:marko+petrovic', 'p:ivan+marko']));
  });

  it('finds order swaps, other scripts, a dropped father\'s name and a definite form through the pair keys', async () => {
    const marko = (await post('/api/wanted/screen/person', screener.headers, { purpose: 'Border check', name: 'PETROVIC, Marko' })).json();
    expect(marko.candidates.filter((candidate: { decision?: string }) => candidate.decision === 'match')).toHaveLength(2);
    const arben = (await post('/api/wanted/screen/person', screener.headers, { purpose: 'Border check', name: 'Sylaj Arbeni' })).json();
    expect(arben.candidates).toHaveLength(1);
  });

  it('finds a misspelt given name with the trigram search when no key is shared', async () => {
    const answer = (await post('/api/wanted/screen/person', screener.headers, { purpose: 'Border check', name: 'Jsoif Petrovic' })).json();
    expect(answer.candidates.map((candidate: { alert?: { label: string } }) => candidate.alert?.label)).toContain('Josif Petrović');
  });
});

describe('the write side of a screening', () => {
  it('writes one hit and one audit event per match, one notification for the desk listing its hits, and the screening event, together', async () => {
    const before = await writes();
    const response = await post('/api/wanted/screen/person', screener.headers, { purpose: 'Border check', name: 'Marko Petrovic' });
    expect(response.statusCode).toBe(200);
    const references = response.json().candidates.map((candidate: { hitReference: string | null }) => candidate.hitReference);
    expect(references).toHaveLength(2);
    expect(references.every((reference: string | null) => reference?.startsWith('H-'))).toBe(true);
    const after = await writes();
    expect(after).toEqual({ hits: before.hits + 2, notifications: before.notifications + 1, hitEvents: before.hitEvents + 2, screenEvents: before.screenEvents + 1 });
    const notes = rowsOf<{ title: string; body: string; link: string }>(await test.deps.db.execute(sql`select title, body, link from notifications where desk_id = ${deskId} and kind = 'wanted.hit' and strpos(body, ${references[0]}) > 0`));
    expect(notes).toHaveLength(1);
    const [note] = notes;
    expect(note!.title).toMatch(/^2 hits on alerts /);
    for (const reference of references) expect(note!.body).toContain(reference);
    expect(note!.link).toBe('/wanted/hits');
    const hits = rowsOf<{ reference: string; screened_by: string }>(await test.deps.db.execute(sql`select reference, screened_by from wanted_hits where reference = any(${`{${references.join(',')}}`}::text[])`));
    expect(hits.map((hit) => hit.screened_by)).toEqual([screener.user.id, screener.user.id]);
  });

  it('writes only the screening\'s audit event when nothing matches', async () => {
    const before = await writes();
    const response = await post('/api/wanted/screen/person', screener.headers, { purpose: 'Border check', name: 'Sorin Popescu' });
    expect(response.json().candidates).toEqual([]);
    expect(await writes()).toEqual({ ...before, screenEvents: before.screenEvents + 1 });
  });

  it('makes no hit when the desk\'s own member screens, but audits the screening', async () => {
    const before = await writes();
    const answer = (await post('/api/wanted/screen/person', issuer.headers, { purpose: 'Border check', name: 'Marko Petrović' })).json();
    expect(answer.candidates.length).toBe(2);
    expect(answer.candidates.every((candidate: { hitReference: string | null }) => candidate.hitReference === null)).toBe(true);
    expect(await writes()).toEqual({ ...before, screenEvents: before.screenEvents + 1 });
  });
});

describe('the cap on tied candidates (2 here)', () => {
  it('keeps the homonym born on the screened date first and says the answer is cut short when a readable one is left out', async () => {
    const ids = [];
    for (const dateOfBirth of ['1961-01-01', '1962-02-02', '1963-03-03']) ids.push(await alertWithName('Nikola Jovanović', dateOfBirth));
    const answer = (await post('/api/wanted/screen/person', screener.headers, { purpose: 'Border check', name: 'Nikola Jovanovic', dateOfBirth: '1963-03-03' })).json();
    const answered = answer.candidates.map((candidate: { alert: { id: string } }) => candidate.alert.id);
    expect(answered).toHaveLength(2);
    expect(answered).toContain(ids[2]);
    expect(answer.truncated).toBe(true);
    const few = (await post('/api/wanted/screen/person', screener.headers, { purpose: 'Border check', name: 'Arben Sylaj' })).json();
    expect(few.truncated).toBe(false);
  });

  it('caps homonyms the screener may not read too, but they never set the flag', async () => {
    for (const dateOfBirth of ['1971-01-01', '1972-02-02', '1973-03-03']) await alertWithName('Dragan Ilić', dateOfBirth, { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS'] });
    const answer = (await post('/api/wanted/screen/person', screener.headers, { purpose: 'Border check', name: 'Dragan Ilic' })).json();
    expect(answer.candidates).toHaveLength(2);
    expect(answer.candidates.every((candidate: { visibility: string }) => candidate.visibility === 'hit')).toBe(true);
    expect(answer.truncated).toBe(false);
  });
});
