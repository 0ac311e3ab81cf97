import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildOrganisation, signedInUser } from '../../test/factories';
import { validateIati } from './iati.schema-check';
import { type Headers, activityInput, client, saveActivity } from './registry-test-helpers';

let source: TestApp;
let target: TestApp;
let donor: Headers;
let importer: Headers;
let exported: string;

beforeAll(async () => {
  [source, target] = await Promise.all([buildTestApp(), buildTestApp()]);
  donor = (await signedInUser(source.deps, { organisationId: (await buildOrganisation(source.deps, { economy: 'INT', kind: 'donor' })).id, roles: ['donor'] })).headers;
  importer = (await signedInUser(target.deps, { organisationId: (await buildOrganisation(target.deps, { economy: 'INT', kind: 'donor' })).id, roles: ['donor'] })).headers;
  const http = client(source);
  await saveActivity(http, donor, activityInput({
    title: [{ lang: 'en', text: 'Border police & customs <joint> training' }, { lang: 'sr-Cyrl', text: 'Обука граничне полиције' }],
    recipientEconomies: [{ code: 'RS', percentage: 60 }, { code: 'XK', percentage: 40 }],
    locations: [{ name: 'Merdare crossing', economy: 'RS', point: { lat: 43.1, lng: 21.2 }, adminArea: 'Kuršumlija' }],
    sectors: ['15210', '15190', '15240'],
    topics: ['border-security'],
    targetGroups: ['border_guards', 'customs_officers'],
    actualStart: '2025-02-01',
    transactions: [{ type: 'commitment', date: '2025-01-10', value: 500000, currency: 'EUR', providerOrg: 'European Union', receiverOrg: 'UNDP SEESAC' }],
    contacts: [{ organisation: 'UNDP SEESAC', person: 'Demo Person', email: 'demo@example.org', telephone: '+381 11 000 000' }],
    documents: [{ title: 'Brief', url: 'https://example.org/brief.pdf', format: 'application/pdf' }],
    results: [{ type: 'output', title: 'Officers trained', indicators: [{ title: 'Officers', measure: 'unit', baseline: { year: 2024, value: 0 }, target: { periodStart: '2025-01-01', periodEnd: '2026-12-31', value: 200 } }] }],
  }));
  await saveActivity(http, donor, activityInput({ title: [{ lang: 'sq', text: 'Trajnim për prokurorët kundër korrupsionit' }], recipientEconomies: [{ code: 'AL', percentage: 100 }], topics: ['corruption'], targetGroups: ['prosecutors'] }));
  exported = (await http.get('/api/registry/public/iati.xml')).body;
});

afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
});

const stripIds = (items: Record<string, unknown>[]) => items.map(({ id: _id, ownerOrganisation: _owner, createdAt: _c, updatedAt: _u, acknowledgements: _a, abilities: _b, ...rest }) => rest);

describe('IATI activity XML 2.03', () => {
  it('exports files that validate against the published schema', async () => {
    expect(exported).toContain('<iati-activities version="2.03"');
    const result = await validateIati(exported);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('refuses an activity without a description, which the schema requires, so that every export validates', async () => {
    const response = await client(source).post('/api/registry/activities', donor, { activity: { ...activityInput({}), identifier: 'XM-TEST-NO-DESCRIPTION', description: [] }, acknowledgedOverlaps: [] });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors.map((error: { path: string }) => error.path).join(' ')).toContain('description');
    expect((await client(source).get('/api/registry/public/iati.xml')).body).not.toContain('XM-TEST-NO-DESCRIPTION');
  });

  it('imports the export into an empty database and gives back the same activities', async () => {
    const http = client(target);
    const report = await http.post('/api/registry/import', importer, { xml: exported });
    expect(report.statusCode).toBe(200);
    expect(report.json().refused).toEqual([]);
    expect(report.json().taken).toHaveLength(2);
    const load = async (app: TestApp, headers: Headers) => {
      const list = (await client(app).get('/api/registry/activities?pageSize=100', headers)).json().items as { id: string }[];
      const full = await Promise.all(list.map(async (item) => (await client(app).get(`/api/registry/activities/${item.id}`, headers)).json()));
      return stripIds(full).sort((a, b) => String(a.identifier).localeCompare(String(b.identifier)));
    };
    expect(await load(target, importer)).toEqual(await load(source, donor));
  });

  it('reports per activity: a duplicate identifier, an invalid element and a rule broken are refused, the rest taken, nothing half-saved', async () => {
    const http = client(target);
    const activities = exported.split('\n').filter((line) => line.trim().startsWith('<iati-activity '));
    const fresh = (line: string, suffix: string) => line.replace(/<iati-identifier>([^<]+)<\/iati-identifier>/, `<iati-identifier>$1-${suffix}</iati-identifier>`);
    const shared = activities.find((line) => line.includes('percentage="60"'))!;
    const single = activities.find((line) => line !== shared)!;
    const badPercentage = fresh(shared, 'P').replace('percentage="60"', 'percentage="70"');
    const badSchema = fresh(single, 'S').replace('<activity-status', '<unknown-element/><activity-status');
    const duplicate = fresh(single, 'D');
    const good = fresh(shared, 'G');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n${[good, badPercentage, badSchema, duplicate, duplicate].join('\n')}\n</iati-activities>\n`;
    const report = (await http.post('/api/registry/import', importer, { xml })).json();
    expect(report.taken.map((entry: { index: number }) => entry.index)).toEqual([0]);
    const refused = Object.fromEntries(report.refused.map((entry: { index: number; reasons: string[] }) => [entry.index, entry.reasons.join(' | ')]));
    expect(refused[1]).toContain('recipientEconomies');
    expect(refused[2]).toContain('schema');
    expect(refused[3]).toContain('more than one activity');
    expect(refused[4]).toContain('more than one activity');
    const kinds = Object.fromEntries(report.refused.map((entry: { index: number; problems: { kind: string }[] }) => [entry.index, entry.problems.map((problem) => problem.kind)]));
    expect(kinds).toEqual({ 1: ['rule'], 2: expect.arrayContaining(['schema']), 3: ['duplicateInFile'], 4: ['duplicateInFile'] });
    const again = (await http.post('/api/registry/import', importer, { xml })).json();
    expect(again.taken).toEqual([]);
    expect(again.refused[0].reasons).toContain('identifier: already registered');
    expect(again.refused[0].problems).toContainEqual({ path: 'identifier', kind: 'alreadyRegistered', detail: 'already registered' });
  });

  it.each([
    ['malformed', '<iati-activities version="2.03"><iati-activity>', 'malformed'],
    ['another version', '<iati-activities version="2.02"></iati-activities>', 'version'],
    ['a DOCTYPE with entities', '<!DOCTYPE x [<!ENTITY a "aaaa">]><iati-activities version="2.03"></iati-activities>', 'doctype'],
  ])('refuses a %s file whole', async (_name, xml, kind) => {
    const response = await client(target).post('/api/registry/import', importer, { xml });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toContainEqual({ path: 'xml', message: kind });
  });

  it('refuses a huge file before reading it', async () => {
    const response = await client(target).post('/api/registry/import', importer, { xml: `<iati-activities version="2.03">${' '.repeat(5_000_001)}</iati-activities>` });
    expect([400, 413, 422]).toContain(response.statusCode);
  });
});
