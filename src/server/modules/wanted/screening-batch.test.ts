import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/migrate';
import { issueApiKey, keyAdministrators } from '../../test/api-keys';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, buildUser, signedInUser } from '../../test/factories';

type Headers = Record<string, string>;
type Candidate = { visibility: 'full' | 'hit'; decision: string; score?: number; reasons?: { code: string }[]; alert?: { id: string }; hitReference?: string | null; reference?: string };

let test: TestApp;
const now = new Date('2026-06-01T10:00:00Z');
let deskId: string;
let issuer: { headers: Headers };
let admins: Awaited<ReturnType<typeof keyAdministrators>>;
let borderPolice: { id: string };
let screeningKey: { id: string; secret: string };

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const PURPOSE = 'Coach CH-114, Batrovci entry';

async function number(query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: string | number }>(await test.deps.db.execute(query))[0]!.n);
}

/** What screening writes: hits, desk notifications, screening audit events. */
async function writes() {
  return {
    hits: await number(sql`select count(*) as n from wanted_hits`),
    notifications: await number(sql`select count(*) as n from notifications where kind = 'wanted.hit'`),
    screenEvents: await number(sql`select count(*) as n from audit_events where action = 'wanted.screen'`),
  };
}

async function batchEvents() {
  return rowsOf<{ outcome: string; actor_label: string; actor_economy: string; details: Record<string, unknown> }>(
    await test.deps.db.execute(sql`select outcome, actor_label, actor_economy, details from audit_events where action = 'wanted.screen.batch' order by seq`),
  );
}

async function keyRefusals(reason: string): Promise<number> {
  return number(sql`select count(*) as n from audit_events where action = 'auth.api_key' and details->>'reason' = ${reason}`);
}

async function alertWithName(name: string, dateOfBirth: string, releasedTo: 'everyone' | 'RS only') {
  const response = await test.app.inject({
    method: 'POST',
    url: '/api/wanted/alerts',
    headers: issuer.headers,
    payload: { kind: 'person_locate', issuingDeskId: deskId, validUntil: new Date(now.getTime() + 365 * 86_400_000).toISOString(), name, dateOfBirth, marking: releasedTo === 'everyone' ? { classification: 'RESTRICTED', tlp: 'GREEN' } : { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS'] } },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

function batch(headers: Headers, queries: Record<string, unknown>, purpose: string | null = PURPOSE) {
  return test.app.inject({ method: 'POST', url: '/api/wanted/screenings/batch', headers, payload: { ...(purpose ? { purpose } : {}), queries } });
}

/** A passenger list of `size` fictional names that match no alert. */
function passengerList(size: number): Record<string, unknown> {
  const given = ['Ana', 'Luka', 'Mia', 'Noa', 'Ivo', 'Sara', 'Teo', 'Lea', 'Vid', 'Eva'];
  const family = ['Kovalenko', 'Lindqvist', 'Moreau', 'Okafor', 'Tanaka', 'Haddad', 'Novak-Brandt', 'Ferreira', 'Weiss', 'Quinn'];
  return Object.fromEntries(
    Array.from({ length: size }, (_, i) => [`seat-${String(i + 1).padStart(3, '0')}`, { schema: 'Person', name: `${given[i % 10]} ${family[Math.floor(i / 10) % 10]}` }]),
  );
}

beforeAll(async () => {
  test = await buildTestApp({ clock: () => now });
  deskId = (await buildDesk(test.deps, { economy: 'RS', area: 'wanted_persons' })).id;
  const police = await buildOrganisation(test.deps, { economy: 'RS' });
  issuer = await signedInUser(test.deps, { economy: 'RS', organisationId: police.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [deskId] });
  await alertWithName('Марко Петровић', '1980-01-02', 'everyone');
  await alertWithName('Marko Ivan Petrović', '1975-05-06', 'everyone');
  await alertWithName('Arben Sylaj', '1985-07-08', 'RS only');
  admins = await keyAdministrators(test);
  borderPolice = await buildOrganisation(test.deps, { economy: 'HR' });
  await buildUser(test.deps, { organisationId: borderPolice.id, roles: ['officer'] });
  screeningKey = await issueApiKey(test, admins, { organisationId: borderPolice.id, scopes: ['wanted.screen', 'wanted.hit.read'] });
});

afterAll(async () => {
  await test?.close();
});

describe('a batch of 100 with an API key', () => {
  it('answers every query as a single screening does, audited as the key’s organisation and key', async () => {
    const before = await writes();
    const queries = passengerList(100);
    queries['seat-007'] = { schema: 'Person', name: 'Marko Petrovic' };
    queries['seat-042'] = { schema: 'Person', name: 'Arben Sylaj', dateOfBirth: '1985-07-08' };
    const response = await batch(bearer(screeningKey.secret), queries);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { answered: number; refused: number; responses: Record<string, { status: number; query: { name: string }; candidates: Candidate[] }> };
    expect(body).toMatchObject({ answered: 100, refused: 0 });
    expect(Object.keys(body.responses).sort()).toEqual(Object.keys(queries).sort());
    expect(body.responses['seat-001']).toMatchObject({ status: 200, query: { name: 'Ana Kovalenko' }, candidates: [] });

    const marko = body.responses['seat-007']!.candidates;
    expect(marko).toHaveLength(2);
    for (const candidate of marko) {
      expect(candidate).toMatchObject({ visibility: 'full', decision: 'match' });
      expect(candidate.score).toBeGreaterThan(0.8);
      expect(candidate.reasons!.length).toBeGreaterThan(0);
    }
    // An alert released to its own economy only: the class of the answer alone, no score, no reasons.
    const [arben] = body.responses['seat-042']!.candidates;
    expect(arben).toMatchObject({ visibility: 'hit', decision: 'match' });
    expect(arben).not.toHaveProperty('score');
    expect(arben).not.toHaveProperty('reasons');

    // One notification per holding desk and screening: Marko's two hits share one.
    expect(await writes()).toEqual({ hits: before.hits + 3, notifications: before.notifications + 2, screenEvents: before.screenEvents + 100 });
    const screeners = rowsOf<{ screened_by: string; screener_organisation_id: string }>(await test.deps.db.execute(sql`select screened_by, screener_organisation_id from wanted_hits`));
    expect(new Set(screeners.map((row) => row.screener_organisation_id))).toEqual(new Set([borderPolice.id]));
    const purposes = rowsOf<{ purpose: string }>(await test.deps.db.execute(sql`select purpose from wanted_hits`));
    expect(purposes.every((row) => row.purpose === PURPOSE)).toBe(true);
    expect((await batchEvents()).at(-1)).toMatchObject({
      outcome: 'success',
      actor_label: `api-key:${screeningKey.id}`,
      actor_economy: 'HR',
      details: { apiKeyId: screeningKey.id, queries: 100, answered: 100, refused: [] },
    });
  });

  it('gives the same candidates as the single screening by the same key', async () => {
    const single = await test.app.inject({ method: 'POST', url: '/api/wanted/screen/person', headers: bearer(screeningKey.secret), payload: { name: 'Marko Petrovic', purpose: PURPOSE } });
    const batched = await batch(bearer(screeningKey.secret), { only: { schema: 'Person', name: 'Marko Petrovic' } });
    const shape = (candidates: Candidate[]) => candidates.map((candidate) => ({ id: candidate.alert?.id, decision: candidate.decision, score: candidate.score, reasons: candidate.reasons }));
    expect(shape(batched.json().responses.only.candidates)).toEqual(shape(single.json().candidates));
  });

  it('lets the key read the hits it made, and another organisation’s key not', async () => {
    const [hitId] = rowsOf<{ id: string }>(await test.deps.db.execute(sql`select id from wanted_hits limit 1`)).map((row) => row.id);
    const own = await test.app.inject({ method: 'GET', url: `/api/wanted/hits/${hitId}`, headers: bearer(screeningKey.secret) });
    expect(own.statusCode).toBe(200);
    const otherPolice = await buildOrganisation(test.deps, { economy: 'HR' });
    await buildUser(test.deps, { organisationId: otherPolice.id, roles: ['officer'] });
    const otherKey = await issueApiKey(test, admins, { organisationId: otherPolice.id, scopes: ['wanted.screen', 'wanted.hit.read'] });
    const other = await test.app.inject({ method: 'GET', url: `/api/wanted/hits/${hitId}`, headers: bearer(otherKey.secret) });
    expect(other.statusCode).toBe(404);
    expect((await test.app.inject({ method: 'GET', url: '/api/wanted/hits', headers: bearer(otherKey.secret) })).json().total).toBe(0);
  });
});

describe('a batch answered in order', () => {
  it('groups repeats and flags varied screenings inside one batch as single screenings one after the other would', async () => {
    const hotel = await buildOrganisation(test.deps, { economy: 'HR' });
    await buildUser(test.deps, { organisationId: hotel.id, roles: ['officer'] });
    const key = await issueApiKey(test, admins, { organisationId: hotel.id, scopes: ['wanted.screen'] });
    const before = await writes();
    const arben = (dateOfBirth?: string) => ({ schema: 'Person', name: 'Arben Sylaj', ...(dateOfBirth ? { dateOfBirth } : {}) });
    // An alert the key may not read (RS only): the same name with four sets of details flags the screener.
    const response = await batch(bearer(key.secret), { a: arben(), b: arben(), c: arben(), v1: arben('1985-07-09'), v2: arben('1986-07-08'), v3: arben('1990-01-01'), v4: arben('1991-02-02'), again: arben() });
    const body = response.json() as { answered: number; refused: number; responses: Record<string, { status: number; candidates: (Candidate & { screenCount: number })[] }> };
    expect(body).toMatchObject({ answered: 7, refused: 1 });
    const counts = ['a', 'b', 'c', 'again'].map((seat) => body.responses[seat]!.candidates.map((candidate) => [candidate.visibility, candidate.screenCount]));
    expect(counts).toEqual([[['hit', 1]], [['hit', 2]], [['hit', 3]], [['hit', 4]]]);
    expect(new Set(['a', 'b', 'c', 'again'].map((seat) => body.responses[seat]!.candidates[0]!.reference)).size).toBe(1);
    expect(body.responses.v4).toMatchObject({ status: 429 });
    // New hits: a, v1, v2, v3 (one notification each); the repeats and the refused variant add none.
    expect(await writes()).toEqual({ hits: before.hits + 4, notifications: before.notifications + 4, screenEvents: before.screenEvents + 7 });
    const [grouped] = rowsOf<{ screen_count: number; times: number }>(
      await test.deps.db.execute(sql`select screen_count, cardinality(screened_times) as times from wanted_hits where reference = ${body.responses.a!.candidates[0]!.reference!}`),
    );
    expect(grouped).toEqual({ screen_count: 4, times: 4 });
    expect(await number(sql`select count(*) as n from wanted_probe_flags`)).toBe(1);
    expect(await number(sql`select count(*) as n from notifications where kind = 'wanted.probing'`)).toBe(1);
    expect(await number(sql`select count(*) as n from audit_events where action = 'wanted.screen.refused' and actor_label = ${`api-key:${key.id}`}`)).toBe(1);
  });
});

describe('bad batches', () => {
  it('refuses 101 queries and an empty batch whole: a problem document, nothing written, the attempt audited', async () => {
    const before = await writes();
    const tooMany = await batch(bearer(screeningKey.secret), passengerList(101));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.headers['content-type']).toContain('application/problem+json');
    expect(tooMany.json().detail).toMatch(/101 queries; at most 100/);
    const empty = await batch(bearer(screeningKey.secret), {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toMatch(/no queries/);
    expect(await writes()).toEqual(before);
    const [tooManyEvent, emptyEvent] = (await batchEvents()).slice(-2);
    expect(tooManyEvent).toMatchObject({ outcome: 'failure', details: { reason: 'too_many', queries: 101, apiKeyId: screeningKey.id } });
    expect(emptyEvent).toMatchObject({ outcome: 'failure', details: { reason: 'empty', queries: 0 } });
  });

  it('answers the good queries and gives each bad one its own problem', async () => {
    const before = await writes();
    const response = await batch(bearer(screeningKey.secret), {
      good: { schema: 'Person', name: 'Lea Moreau' },
      nameless: { schema: 'Person', dateOfBirth: '1990-01-01' },
      blank: { schema: 'Person', name: '   ' },
      unknown: { schema: 'Spaceship', name: 'X' },
      plate: { schema: 'Object', kind: 'vehicle', identifier: 'BG 123-AB' },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ answered: 2, refused: 3 });
    expect(body.responses.good).toMatchObject({ status: 200, candidates: [] });
    expect(body.responses.plate).toMatchObject({ status: 200, query: { kind: 'vehicle' } });
    expect(body.responses.nameless).toMatchObject({ status: 400, problem: { status: 400, title: 'Bad request' } });
    expect(body.responses.nameless.problem.errors.map((error: { path: string }) => error.path)).toContain('queries.nameless.name');
    expect(body.responses.blank.problem).toMatchObject({ status: 400, detail: expect.stringMatching(/name is empty/) });
    expect(body.responses.unknown.status).toBe(400);
    expect(await writes()).toEqual({ ...before, screenEvents: before.screenEvents + 2 });
    expect((await batchEvents()).at(-1)).toMatchObject({ details: { answered: 2, refused: ['nameless', 'blank', 'unknown'] } });
  });

  it('needs a purpose for every query, from the batch or the query', async () => {
    const response = await batch(bearer(screeningKey.secret), { a: { schema: 'Person', name: 'Ivo Weiss' }, b: { schema: 'Person', name: 'Eva Quinn', purpose: 'Hotel register' } }, null);
    expect(response.json()).toMatchObject({ answered: 1, refused: 1, responses: { a: { status: 400 }, b: { status: 200 } } });
  });

  it('refuses a revoked key, one from outside its networks and one without the scope, writing nothing and auditing each', async () => {
    const revokedKey = await issueApiKey(test, admins, { organisationId: borderPolice.id });
    await test.app.inject({ method: 'POST', url: `/api/admin/api-keys/${revokedKey.id}/revoke`, headers: admins.approver.headers, payload: { reason: 'Leaked in a log file.' } });
    const readOnlyKey = await issueApiKey(test, admins, { organisationId: borderPolice.id, scopes: ['wanted.hit.read'] });
    const before = await writes();
    const queries = passengerList(3);

    const revoked = await batch(bearer(revokedKey.secret), queries);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toMatchObject({ status: 401, detail: 'The API key has been revoked.' });
    const outside = await test.app.inject({ method: 'POST', url: '/api/wanted/screenings/batch', headers: { 'x-api-key': screeningKey.secret }, remoteAddress: '192.0.2.44', payload: { purpose: PURPOSE, queries } });
    expect(outside.statusCode).toBe(403);
    expect(outside.headers['content-type']).toContain('application/problem+json');
    const unscoped = await batch(bearer(readOnlyKey.secret), queries);
    expect(unscoped.statusCode).toBe(401);
    expect(unscoped.json().detail).toMatch(/scope/);

    expect(await writes()).toEqual(before);
    expect([await keyRefusals('revoked'), await keyRefusals('address'), await keyRefusals('scope')]).toEqual([1, 1, 1]);
  });

  it('serves a signed-in officer too, with the session’s CSRF token', async () => {
    const officer = await signedInUser(test.deps, { economy: 'RS', roles: ['officer'] });
    const response = await batch(officer.headers, { one: { schema: 'Person', name: 'Teo Tanaka' } });
    expect(response.json()).toMatchObject({ answered: 1 });
    const withoutToken = await batch({ cookie: officer.headers.cookie }, { one: { schema: 'Person', name: 'Teo Tanaka' } });
    expect(withoutToken.statusCode).toBe(403);
  });
});
