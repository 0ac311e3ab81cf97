import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameIndexKeyPairs, nameIndexKeys } from '../../../matching';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';
import { sql } from 'drizzle-orm';
import { runWantedMaintenance } from './maintenance.service';
import { notifyAlertChange } from './screening.index.queries';
import { type ScreeningIndexHandle, buildScreeningIndex, startScreeningIndex } from './screening.index.sync';
import { candidatesByKeys } from './screening.queries';
import { scorePersonScreening } from './screening.retrieval';

type Headers = { cookie: string; 'x-csrf-token': string };

let test: TestApp;
let handle: ScreeningIndexHandle;
/** One issuing desk per economy: homonyms are entered by different economies (one alert per economy per subject). */
const issuers: { deskId: string; headers: Headers }[] = [];
const ECONOMIES = ['RS', 'HR', 'BA', 'ME', 'MK', 'AL', 'SI'];
const now = new Date('2025-06-01T10:00:00Z');
const DAY = 86_400_000;

/** The names of the wanted tests, with homonyms (same name, other dates of birth) so that ties occur. */
const STORED: [string, string][] = [
  ['Марко Петровић', '1980-01-02'], ['Marko Ivan Petrović', '1975-05-06'], ['Josif Petrović', '1990-03-04'], ['Arben Sylaj', '1985-07-08'],
  ['Đorđe Đorđević', '1970-01-01'], ['Djordjevic Djordje', '1971-02-02'], ['Ђорђевић Ђорђе', '1972-03-03'], ['Svetozar Miletić', '1960-04-04'],
  ['Радомир Вукадиновић', '1965-05-05'], ['Petar Petrović', '1981-06-06'], ['Petar Jovanović', '1982-07-07'], ['Sorin Popescu', '1983-08-08'],
  ['Ana Kovalenko', '1984-09-09'], ['Ana Anic', '1985-10-10'], ['Lea Moreau', '1986-11-11'], ['Teo Tanaka', '1987-12-12'],
  ['Marko Petrović', '1990-01-01'], ['Marko Petrović', '1991-01-01'], ['Marko Petrović', '1980-01-02'], ['Dragoljub Kompatibilić', '1979-03-03'],
];
const QUERIES: { name: string; dateOfBirth?: string }[] = [
  { name: 'PETROVIC, Marko' }, { name: 'Marko Petrovic', dateOfBirth: '1980-01-02' }, { name: 'Sylaj Arbeni' }, { name: 'Jsoif Petrovic' },
  { name: 'Djordjevic Djordje' }, { name: 'Svetozar Miletic' }, { name: 'Petrović' }, { name: 'Ana' }, { name: 'Kompatibilić Dragoljub' },
  { name: 'Radomir Vukadinovic', dateOfBirth: '1965-05-05' }, { name: 'Test Testović' }, { name: 'Teo Tanaka' }, { name: 'Codes Unknownović' },
];

async function createAlert(name: string, dateOfBirth: string, validUntil = new Date(now.getTime() + 365 * DAY), by = 0) {
  const issuer = issuers[by % issuers.length]!;
  const response = await test.app.inject({
    method: 'POST', url: '/api/wanted/alerts', headers: issuer.headers,
    payload: { kind: 'person_locate', issuingDeskId: issuer.deskId, validUntil: validUntil.toISOString(), actionToTake: 'Inform the desk.', name, dateOfBirth, marking: { classification: 'RESTRICTED', tlp: 'GREEN' } },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

const keysOf = (name: string) => [...nameIndexKeyPairs(name), ...nameIndexKeys(name)];

async function indexed(name: string, at = now): Promise<string[]> {
  const index = await handle.current();
  expect(index).not.toBeNull();
  return index!.candidatesByKeys(keysOf(name), at).alertIds;
}

beforeAll(async () => {
  test = await buildTestApp({ clock: () => now });
  for (const economy of ECONOMIES) {
    const deskId = (await buildDesk(test.deps, { economy, area: 'wanted_persons' })).id;
    const police = await buildOrganisation(test.deps, { economy });
    const user = await signedInUser(test.deps, { economy, organisationId: police.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [deskId] });
    issuers.push({ deskId, headers: user.headers });
  }
  for (const [i, [name, dateOfBirth]] of STORED.entries()) await createAlert(name, dateOfBirth, undefined, i);
  handle = startScreeningIndex(test.deps.db, test.deps.dbKind);
  await handle.ready();
});

afterAll(async () => {
  await handle?.close();
  await test?.close();
});

describe('the in-process screening index', () => {
  it('gives the same candidates, scores and decisions as the SQL retrieval for every query', async () => {
    const index = await buildScreeningIndex(test.deps.db);
    expect(index.size).toBe(STORED.length);
    for (const query of QUERIES) {
      const keys = keysOf(query.name);
      const fromSql = await candidatesByKeys(test.deps.db, keys, now, { dateOfBirth: query.dateOfBirth });
      const fromIndex = index.candidatesByKeys(keys, now, { dateOfBirth: query.dateOfBirth });
      // The SQL lists keys and tied alerts in no set order: compared as sets.
      const asSets = (found: typeof fromSql) => ({ query, alertIds: [...found.alertIds].sort(), commonKeys: [...found.commonKeys].sort(), foundKeys: [...found.foundKeys].sort() });
      expect(asSets(fromIndex)).toEqual(asSets(fromSql));
      const full = { ...query, documentNumber: '' };
      const bySql = await scorePersonScreening(test.deps.db, full, now);
      const byIndex = await scorePersonScreening(test.deps.db, full, now, index);
      const order = (items: typeof bySql) => [...items].sort((a, b) => a.alertId.localeCompare(b.alertId));
      expect(order(byIndex)).toEqual(order(bySql));
    }
    expect((await scorePersonScreening(test.deps.db, { name: 'PETROVIC, Marko', documentNumber: '' }, now, index)).length).toBeGreaterThan(3);
  });

  it('sees a created alert at the next screening and drops a withdrawn one', async () => {
    expect(await indexed('Blizanac Dvojković')).toEqual([]);
    const id = await createAlert('Blizanac Dvojković', '1977-04-04');
    expect(await indexed('Blizanac Dvojković')).toEqual([id]);
    const withdrawn = await test.app.inject({ method: 'POST', url: `/api/wanted/alerts/${id}/withdraw`, headers: issuers[0]!.headers, payload: { reason: 'Person found.' } });
    expect(withdrawn.statusCode).toBe(200);
    expect(await indexed('Blizanac Dvojković')).toEqual([]);
  });

  it('does not screen an alert past its validity, before or after maintenance marks it expired', async () => {
    const id = await createAlert('Linkoslav Vezić', '1966-06-06', new Date(now.getTime() + 2 * DAY));
    expect(await indexed('Linkoslav Vezić')).toEqual([id]);
    const later = new Date(now.getTime() + 3 * DAY);
    expect(await indexed('Linkoslav Vezić', later)).toEqual([]);
    await runWantedMaintenance({ ...test.deps, clock: () => later });
    expect(await indexed('Linkoslav Vezić', now)).toEqual([]);
    expect((await candidatesByKeys(test.deps.db, keysOf('Linkoslav Vezić'), now)).alertIds).toEqual([]);
  });

  it('rebuilds from the database when asked for everything, taking in a change written without a notice', async () => {
    const id = await createAlert('Svetozar Miletić', '1961-01-01', undefined, 1);
    expect(await indexed('Svetozar Miletić')).toContain(id);
    await test.deps.db.execute(sql`delete from wanted_name_keys where alert_id = ${id}::uuid`);
    expect(await indexed('Svetozar Miletić')).toContain(id);
    await notifyAlertChange(test.deps.db, '*');
    expect(await indexed('Svetozar Miletić')).not.toContain(id);
    expect(await indexed('Svetozar Miletić')).toHaveLength(1);
  });
});
