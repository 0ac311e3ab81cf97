import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/core';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildOrganisation, signedInUser } from '../../test/factories';
import { type Headers, activityInput, client, saveActivity } from './registry-test-helpers';

/*
 * A marked activity released to Montenegro only: a donor in Montenegro reads it; a donor of another
 * economy, a lower clearance, a reader and a visitor find no trace of it — not by id, in lists,
 * counts, 3W views, overlap warnings, the board or the IATI exports.
 */
let test: TestApp;
let http: ReturnType<typeof client>;
let markedId: string;
const marker = 'Zebrafinch';
const outsiders: Record<string, Headers | undefined> = {};
let insider: Headers;

beforeAll(async () => {
  test = await buildTestApp();
  http = client(test);
  const owner = await buildOrganisation(test.deps, { economy: 'ME', kind: 'police' });
  const author = await signedInUser(test.deps, { organisationId: owner.id, roles: ['officer'], clearance: 'RESTRICTED' });
  insider = (await signedInUser(test.deps, { economy: 'ME', roles: ['donor'], clearance: 'RESTRICTED' })).headers;
  outsiders.otherEconomy = (await signedInUser(test.deps, { economy: 'RS', roles: ['donor'], clearance: 'CONFIDENTIAL' })).headers;
  outsiders.lowerClearance = (await signedInUser(test.deps, { economy: 'ME', roles: ['donor'], clearance: 'PUBLIC' })).headers;
  outsiders.reader = (await signedInUser(test.deps, { economy: 'ME', roles: ['reader'], clearance: 'CONFIDENTIAL' })).headers;
  outsiders.secretariatElsewhere = (await signedInUser(test.deps, { economy: 'REG', roles: ['administrator'], clearance: 'CONFIDENTIAL' })).headers;
  outsiders.visitor = undefined;
  markedId = await saveActivity(http, author.headers, activityInput({ title: [{ lang: 'en', text: `${marker} police firearms training in Montenegro` }], visibility: { public: false, marking: { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['ME'], releasableOrganisations: [], sharingGroups: [], originatorControl: false } } }));
  // A public twin, so that the board has a pair to hide.
  await saveActivity(http, author.headers, activityInput({ title: [{ lang: 'en', text: 'Police firearms training in Montenegro' }] }));
});

afterAll(async () => {
  await test?.close();
});

it('is read by a donor of the economy it is released to, and the read is audited', async () => {
  const response = await http.get(`/api/registry/activities/${markedId}`, insider);
  expect(response.statusCode).toBe(200);
  expect(response.json().title[0].text).toContain(marker);
  const overlaps = await http.post('/api/registry/overlaps', insider, { title: ['Police firearms training'], recipientEconomies: [{ code: 'ME', percentage: 100 }], topics: ['small-arms'], targetGroups: ['police_officers'], plannedStart: '2025-01-01', plannedEnd: '2026-12-31' });
  expect(overlaps.json().items.map((item: { activity: { id: string } }) => item.activity.id)).toContain(markedId);
  await test.deps.audit.sealNow();
  const events = await test.deps.db.select().from(auditEvents).where(eq(auditEvents.recordId, markedId)).orderBy(asc(auditEvents.seq));
  expect(events.map((event) => event.action)).toEqual(['registry.activity.create', 'registry.activity.read']);
  expect(events[1]!.subjectEconomy).toBe('ME');
});

describe.each(['otherEconomy', 'lowerClearance', 'reader', 'secretariatElsewhere', 'visitor'])('for %s', (who) => {
  it('leaves no trace anywhere', async () => {
    const headers = outsiders[who];
    const read = await http.get(`/api/registry/activities/${markedId}`, headers);
    expect([401, 403, 404]).toContain(read.statusCode);
    if (who !== 'reader' && who !== 'visitor') expect(read.statusCode).toBe(404);
    expect((await http.get(`/api/registry/public/activities/${markedId}`)).statusCode).toBe(404);
    const urls = ['/api/registry/activities?q=zebrafinch', '/api/registry/3w', '/api/registry/iati.xml', '/api/registry/board', '/api/registry/public/activities?q=zebrafinch', '/api/registry/public/3w', '/api/registry/public/iati.xml'];
    for (const url of urls) {
      const response = await http.get(url, headers);
      expect(response.body.toLowerCase()).not.toContain(marker.toLowerCase());
      expect(response.body).not.toContain(markedId);
      if (response.statusCode === 200 && url.includes('activities?q=')) expect(response.json().total).toBe(0);
    }
    if (headers) {
      const overlaps = await http.post('/api/registry/overlaps', headers, { title: [`${marker} police firearms training`], recipientEconomies: [{ code: 'ME', percentage: 100 }], topics: ['small-arms'], targetGroups: ['police_officers'], plannedStart: '2025-01-01', plannedEnd: '2026-12-31' });
      expect(overlaps.body).not.toContain(markedId);
    }
  });
});
