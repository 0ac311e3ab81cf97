import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/core';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildOrganisation, signedInUser } from '../../test/factories';
import { type Headers, activityInput, client, saveActivity } from './registry-test-helpers';
import { OVERLAP_THRESHOLD } from './overlap.scoring';
import { registryAcknowledgements, registryActivities } from './registry.schema';

let test: TestApp;
let http: ReturnType<typeof client>;
let euDonor: Headers;
let usDonor: Headers;
let secretariat: Headers;
let existingId: string;

beforeAll(async () => {
  test = await buildTestApp();
  http = client(test);
  const eu = await buildOrganisation(test.deps, { economy: 'INT', kind: 'donor', name: 'European Commission (test)' });
  const us = await buildOrganisation(test.deps, { economy: 'INT', kind: 'donor', name: 'US INL (test)' });
  const rcc = await buildOrganisation(test.deps, { economy: 'REG', kind: 'regional_body', name: 'RCC (test)' });
  euDonor = (await signedInUser(test.deps, { organisationId: eu.id, roles: ['donor'], clearance: 'PUBLIC' })).headers;
  usDonor = (await signedInUser(test.deps, { organisationId: us.id, roles: ['donor'], clearance: 'PUBLIC' })).headers;
  secretariat = (await signedInUser(test.deps, { organisationId: rcc.id, roles: ['administrator'], clearance: 'CONFIDENTIAL' })).headers;
  existingId = await saveActivity(http, usDonor, activityInput({ reportingOrg: { ref: 'US-GOV-11', name: 'US INL', type: '10' }, title: [{ lang: 'sr-Latn', text: 'Obuka policije za istrage krijumčarenja oružja u Crnoj Gori' }], description: [{ lang: 'sr-Latn', text: 'Kursevi za kriminalističku policiju.' }], participatingOrgs: [{ role: 'funding', name: 'US INL', ref: null }, { role: 'implementing', name: 'OSCE', ref: null }] }));
});

afterAll(async () => {
  await test?.close();
});

describe('registering an activity', () => {
  it('shows the other donor’s activity before saving, refuses a save that does not acknowledge it, and records what was shown', async () => {
    const draft = activityInput();
    const overlaps = await http.post('/api/registry/overlaps', euDonor, { title: draft.title.map((entry) => entry.text), recipientEconomies: draft.recipientEconomies, topics: draft.topics, targetGroups: draft.targetGroups, plannedStart: draft.plannedStart, plannedEnd: draft.plannedEnd, implementers: ['UNDP SEESAC'] });
    expect(overlaps.statusCode).toBe(200);
    const found = overlaps.json().items as { activity: { id: string }; score: number; reasons: { code: string }[] }[];
    expect(found.map((item) => item.activity.id)).toContain(existingId);
    expect(found[0]!.reasons.map((reason) => reason.code)).toEqual(expect.arrayContaining(['economy', 'dates', 'topics', 'target_groups', 'text']));

    const unacknowledged = await http.post('/api/registry/activities', euDonor, { activity: draft, acknowledgedOverlaps: [] });
    expect(unacknowledged.statusCode).toBe(422);
    expect(unacknowledged.json().errors).toContainEqual({ path: 'acknowledgedOverlaps', message: existingId });
    expect(await test.deps.db.select().from(registryActivities).where(eq(registryActivities.identifier, draft.identifier))).toHaveLength(0);

    const saved = await http.post('/api/registry/activities', euDonor, { activity: draft, acknowledgedOverlaps: [existingId] });
    expect(saved.statusCode).toBe(201);
    const body = saved.json();
    expect(body.acknowledgements[0].shown.map((entry: { id: string }) => entry.id)).toEqual([existingId]);
    // 1,082,400 USD at the ECB 2024 average of 1.0824 USD per euro.
    expect(body.budgetEur).toBe(1_000_000);
    const [acknowledgement] = await test.deps.db.select().from(registryAcknowledgements).where(eq(registryAcknowledgements.activityId, body.id));
    expect(acknowledgement!.shown.map((entry) => entry.id)).toEqual([existingId]);
    const events = await test.deps.db.select().from(auditEvents).where(eq(auditEvents.recordId, body.id)).orderBy(asc(auditEvents.seq));
    expect(events.map((event) => event.action)).toEqual(['registry.activity.create']);
    expect(events[0]!.details).toEqual({ acknowledgedOverlaps: [existingId], public: true });

    const board = await http.get('/api/registry/board', secretariat);
    expect(board.statusCode).toBe(200);
    const pair = board.json().pairs.find((entry: { a: { id: string }; b: { id: string } }) => [entry.a.id, entry.b.id].sort().join() === [existingId, body.id].sort().join());
    expect(pair.score).toBeGreaterThanOrEqual(OVERLAP_THRESHOLD);
    expect((await http.get('/api/registry/board', euDonor)).statusCode).toBe(403);

    const threeW = await http.get('/api/registry/3w?economy=ME', euDonor);
    const organisations = threeW.json().matrix.filter((cell: { economy: string }) => cell.economy === 'ME').map((cell: { organisation: string }) => cell.organisation);
    expect(organisations).toEqual(expect.arrayContaining(['UNDP SEESAC', 'OSCE']));
    expect(threeW.json().byEconomy.find((entry: { economy: string }) => entry.economy === 'ME').count).toBeGreaterThanOrEqual(2);
  });

  it('lets only the owner organisation change an activity', async () => {
    const other = await http.put(`/api/registry/activities/${existingId}`, euDonor, { activity: activityInput(), acknowledgedOverlaps: [] });
    expect(other.statusCode).toBe(404);
  });
});

describe('bad input changes nothing', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['percentages that do not add up to 100', { recipientEconomies: [{ code: 'ME', percentage: 60 }, { code: 'RS', percentage: 30 }] }, 'recipientEconomies'],
    ['an end before the start', { plannedStart: '2026-01-01', plannedEnd: '2025-01-01' }, 'plannedEnd'],
    ['a budget in an unknown currency', { budgets: [{ periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 10, currency: 'XYZ', valueDate: '2025-01-01' }] }, 'budgets.0.currency'],
    ['a topic the portal does not have', { topics: ['astrology'] }, 'topics.0'],
    ['a marked activity without a classification', { visibility: { public: false, marking: { classification: 'PUBLIC', tlp: 'GREEN' } } }, 'visibility.marking.classification'],
  ];
  it.each(cases)('%s is a 422 naming the field', async (_name, overrides, path) => {
    const activity = activityInput({ ...overrides, title: [{ lang: 'en', text: 'Beekeeping cooperative in the mountains' }], topics: (overrides.topics as string[]) ?? [] });
    const response = await http.post('/api/registry/activities', euDonor, { activity, acknowledgedOverlaps: [] });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors.map((error: { path: string }) => error.path)).toContain(path);
    expect(await test.deps.db.select().from(registryActivities).where(eq(registryActivities.identifier, activity.identifier))).toHaveLength(0);
  });

  it('refuses an identifier that is taken', async () => {
    const first = activityInput({ title: [{ lang: 'en', text: 'Beekeeping cooperative in the hills' }], topics: [], targetGroups: [] });
    await saveActivity(http, euDonor, first);
    const again = await http.post('/api/registry/activities', euDonor, { activity: { ...first, title: [{ lang: 'en', text: 'Something else entirely' }] }, acknowledgedOverlaps: [] });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a control character in a title', async () => {
    const response = await http.post('/api/registry/activities', euDonor, { activity: activityInput({ title: [{ lang: 'en', text: 'Two\nlines' }] }), acknowledgedOverlaps: [] });
    expect([400, 422]).toContain(response.statusCode);
  });
});

describe('exchange rates', () => {
  it('are set by the secretariat only, with their source, and audited', async () => {
    const denied = await http.put('/api/registry/rates/USD/2025', euDonor, { rate: 1.13, source: 'ECB annual average 2025' });
    expect(denied.statusCode).toBe(403);
    const set = await http.put('/api/registry/rates/USD/2025', secretariat, { rate: 1.13, source: 'ECB annual average 2025' });
    expect(set.statusCode).toBe(200);
    const rates = (await http.get('/api/registry/rates', euDonor)).json().items as { currency: string; year: number; source: string }[];
    expect(rates).toContainEqual({ currency: 'USD', year: 2025, rate: 1.13, source: 'ECB annual average 2025', updatedAt: expect.any(String) });
    expect(rates.find((rate) => rate.currency === 'GBP' && rate.year === 2024)?.source).toContain('ECB');
    // The activity budgeted in USD with a 2024 value date now converts at the nearest earlier year, 2024; a 2026 budget at 2025.
    const activity = activityInput({ title: [{ lang: 'en', text: 'Beekeeping cooperative by the lake' }], topics: [], targetGroups: [], budgets: [{ periodStart: '2026-01-01', periodEnd: '2026-12-31', value: 1130, currency: 'USD', valueDate: '2026-01-01' }] });
    const id = await saveActivity(http, euDonor, activity);
    expect((await http.get(`/api/registry/activities/${id}`, euDonor)).json().budgetEur).toBe(1000);
    await http.put('/api/registry/rates/USD/2025', secretariat, { rate: 1.0, source: 'corrected' });
    expect((await http.get(`/api/registry/activities/${id}`, euDonor)).json().budgetEur).toBe(1130);
  });
});
