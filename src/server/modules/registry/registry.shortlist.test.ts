import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildOrganisation, signedInUser } from '../../test/factories';
import { overlapWords } from './overlap.words';
import { type Headers, activityInput, client, saveActivity } from './registry-test-helpers';
import { overlapCandidates } from './registry.queries';
import { featuresOfRow } from './registry.rows';
import { registryActivities } from './registry.schema';

let test: TestApp;
let donor: Headers;
const ids: Record<string, string> = {};

beforeAll(async () => {
  test = await buildTestApp();
  const http = client(test);
  const org = await buildOrganisation(test.deps, { economy: 'INT', kind: 'donor', name: 'Shortlist donor (test)' });
  donor = (await signedInUser(test.deps, { organisationId: org.id, roles: ['donor'], clearance: 'PUBLIC' })).headers;
  const base = { topics: [], targetGroups: [], sectors: [], participatingOrgs: [{ role: 'funding' as const, name: 'Shortlist donor', ref: null }] };
  ids.word = await saveActivity(http, donor, activityInput({ ...base, title: [{ lang: 'en', text: 'Border crossing equipment' }], description: [{ lang: 'en', text: 'Scanners and barriers' }], recipientEconomies: [{ code: 'MD', percentage: 70 }, { code: 'RO', percentage: 30 }] }));
  ids.otherEconomy = await saveActivity(http, donor, activityInput({ ...base, title: [{ lang: 'en', text: 'Border crossing equipment' }], description: [{ lang: 'en', text: 'Scanners and barriers' }], recipientEconomies: [{ code: 'SI', percentage: 100 }] }));
  ids.noShare = await saveActivity(http, donor, activityInput({ ...base, title: [{ lang: 'en', text: 'Beekeeping cooperative' }], description: [{ lang: 'en', text: 'Hives and honey' }], recipientEconomies: [{ code: 'MD', percentage: 100 }] }));
});

afterAll(async () => {
  await test?.close();
});

describe('the overlap shortlist', () => {
  it('keeps the prefixed keys and the percentages in generated columns', async () => {
    const [row] = await test.deps.db.select().from(registryActivities).where(eq(registryActivities.id, ids.word!));
    expect(row!.overlapKeys).toEqual(expect.arrayContaining(['e:MD', 'e:RO', ...row!.words.map((word) => `w:${word}`)]));
    expect(row!.overlapKeys!.every((key) => /^[etgiw]:/.test(key))).toBe(true);
    expect(row!.economyPercentages).toEqual([70, 30]);
  });

  it('needs a shared economy and one shared topic, group, implementer or word', async () => {
    const draft = { economies: [{ code: 'MD', percentage: 100 }], start: null, end: null, topics: [], targetGroups: [], sectors: [], implementers: [], words: overlapWords(['Equipment for the border crossing']) };
    const found = await overlapCandidates(test.deps.db, draft, null, null);
    const foundIds = found.map((candidate) => candidate.id);
    expect(foundIds).toContain(ids.word);
    expect(foundIds).not.toContain(ids.otherEconomy);
    expect(foundIds).not.toContain(ids.noShare);
    const features = featuresOfRow(found.find((candidate) => candidate.id === ids.word)!);
    expect(features.economies).toEqual([{ code: 'MD', percentage: 70 }, { code: 'RO', percentage: 30 }]);
    expect(await overlapCandidates(test.deps.db, { ...draft, economies: [{ code: 'AL', percentage: 100 }] }, null, null)).toEqual([]);
  });
});
