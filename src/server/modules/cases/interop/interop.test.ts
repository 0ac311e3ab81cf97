import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications } from '../../../db/schema/core';
import { type TestApp, buildTestApp } from '../../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../../test/factories';
import { type Headers, amber, caseInput, client } from '../cases-test-helpers';
import { stixRuleViolations } from './stix-rules.test-helpers';
import { TLP2_IDS } from './stix.ids';

/*
 * An RS case with a Cyrillic person, a phone and a vehicle whose link is CONFIDENTIAL: exports
 * hold only what the reader may see; imports preview, then write once, correlating across
 * economies as the add path does; bad files change nothing.
 */
let test: TestApp;
let http: ReturnType<typeof client>;
const who = {} as Record<'rs' | 'rsLow' | 'al' | 'mk', Headers>;
const ids = {} as Record<'rsCase' | 'alCase' | 'person' | 'phone' | 'vehicle' | 'rsUser', string>;
const VIN = '1M8GDM9AXKP042788';

const entitiesOf = async (caseId: string, headers: Headers) => (await http.get(`/api/cases/${caseId}`, headers)).json().entities as { kind: string; label: string; marking: { tlp: string } }[];
const stix = (objects: unknown[]) => JSON.stringify({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects });

beforeAll(async () => {
  test = await buildTestApp();
  http = client(test);
  const { deps } = test;
  const rsDesk = await buildDesk(deps, { economy: 'RS', area: 'police_cooperation', name: 'RS police cooperation desk' });
  const alDesk = await buildDesk(deps, { economy: 'AL', area: 'police_cooperation' });
  const rsPolice = await buildOrganisation(deps, { economy: 'RS' });
  const alPolice = await buildOrganisation(deps, { economy: 'AL' });
  const rs = await signedInUser(deps, { organisationId: rsPolice.id, roles: ['analyst'], clearance: 'CONFIDENTIAL', deskIds: [rsDesk.id] });
  who.rs = rs.headers;
  ids.rsUser = rs.user.id;
  who.rsLow = (await signedInUser(deps, { organisationId: rsPolice.id, roles: ['officer'], clearance: 'RESTRICTED', deskIds: [rsDesk.id] })).headers;
  who.al = (await signedInUser(deps, { organisationId: alPolice.id, roles: ['analyst'], clearance: 'CONFIDENTIAL', deskIds: [alDesk.id], displayName: 'Arta Hoxha' })).headers;
  who.mk = (await signedInUser(deps, { economy: 'MK', roles: ['analyst'], clearance: 'CONFIDENTIAL' })).headers;
  ids.rsCase = (await http.ok('/api/cases', who.rs, caseInput(rsDesk.id))).id;
  const add = (body: Record<string, unknown>) => http.ok(`/api/cases/${ids.rsCase}/entities`, who.rs, { role: '', marking: amber('RS'), ...body });
  ids.person = (await add({ kind: 'person', attributes: { name: 'Марко Јовановић', dateOfBirth: '1984-03-12' } })).entityId;
  ids.phone = (await add({ kind: 'phone', attributes: { number: '064 123 4567' } })).entityId;
  ids.vehicle = (await add({ kind: 'vehicle', attributes: { vin: VIN, plate: 'VR 123-AB' }, marking: { classification: 'CONFIDENTIAL', tlp: 'AMBER', releasableEconomies: ['RS'] } })).entityId;
  await http.ok(`/api/cases/${ids.rsCase}/relationships`, who.rs, { fromEntityId: ids.person, toEntityId: ids.vehicle, kind: 'uses', source: 'Checkpoint report' });
  await http.ok(`/api/cases/${ids.rsCase}/relationships`, who.rs, { fromEntityId: ids.person, toEntityId: ids.phone, kind: 'uses' });
  ids.alCase = (await http.ok('/api/cases', who.al, caseInput(alDesk.id, { title: 'Cannabis shipments via Durrës', marking: amber('AL') }))).id;
});

afterAll(async () => {
  await test?.close();
});

describe('export', () => {
  it('gives the full reader a STIX 2.1 bundle that keeps the rules, audited without content', async () => {
    const answer = await http.get(`/api/cases/${ids.rsCase}/export/stix`, who.rs);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toContain('application/stix+json');
    expect(answer.headers['content-disposition']).toMatch(/attachment; filename="C-RS-[0-9A-Z]{10}\.stix\.json"/);
    const bundle = answer.json();
    expect(stixRuleViolations(bundle)).toEqual([]);
    const types = (bundle.objects as { type: string }[]).map((object) => object.type);
    expect(types.filter((type) => type === 'relationship')).toHaveLength(2);
    expect(types).toEqual(expect.arrayContaining(['grouping', 'x-mosaic-vehicle', 'x-mosaic-phone-number', 'identity']));
    expect(answer.body).toContain(VIN);
    expect(answer.body).toContain(TLP2_IDS.AMBER);
    const [event] = await test.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'cases.case.export')).orderBy(asc(auditEvents.seq));
    expect(event).toMatchObject({ recordId: ids.rsCase, subjectEconomy: 'RS' });
    expect(JSON.stringify(event!.details)).not.toMatch(/Марко|\+381|1M8G/);
  });

  it('never puts an entity whose link hides it from the reader into STIX or MISP', async () => {
    for (const format of ['stix', 'misp']) {
      const answer = await http.get(`/api/cases/${ids.rsCase}/export/${format}`, who.rsLow);
      expect(answer.statusCode).toBe(200);
      expect(answer.body).not.toContain(VIN);
      expect(answer.body).not.toContain('VR123AB');
      expect(answer.body).not.toContain('Checkpoint report');
      expect(answer.body).toContain('+381641234567');
    }
    const bundle = (await http.get(`/api/cases/${ids.rsCase}/export/stix`, who.rsLow)).json();
    expect(stixRuleViolations(bundle)).toEqual([]);
    expect((bundle.objects as { type: string }[]).filter((object) => object.type === 'relationship')).toHaveLength(1);
    // Even when the hidden entity is asked for by id in a graph selection.
    const selected = await http.get(`/api/cases/${ids.rsCase}/export/stix?entity=${ids.phone}&entity=${ids.vehicle}`, who.rsLow);
    expect(selected.body).not.toContain(VIN);
    expect((selected.json().objects as { type: string }[]).filter((object) => object.type === 'x-mosaic-phone-number')).toHaveLength(1);
    expect((selected.json().objects as { type: string; identity_class?: string }[]).some((object) => object.identity_class === 'individual')).toBe(false);
    expect(selected.json().objects.some((object: { type: string }) => object.type === 'relationship')).toBe(false);
  });

  it('exports the case’s identifiers as a MISP event with TLP tags', async () => {
    const event = (await http.get(`/api/cases/${ids.rsCase}/export/misp`, who.rs)).json().Event;
    expect(event.Tag).toContainEqual({ name: 'tlp:amber' });
    expect(event.Attribute.map((attribute: { type: string }) => attribute.type)).toEqual(['phone-number']);
    expect(event.Object.map((object: { name: string }) => object.name).sort()).toEqual(['person', 'vehicle']);
  });

  it('answers 404 to another economy and changes nothing in the chain for it', async () => {
    for (const url of [`/api/cases/${ids.rsCase}/export/stix`, `/api/cases/${ids.rsCase}/export/misp`]) {
      expect((await http.get(url, who.mk)).statusCode).toBe(404);
      expect((await http.get(url, who.al)).statusCode).toBe(404);
    }
    expect((await http.post(`/api/cases/${ids.rsCase}/import/preview`, who.al, { format: 'csv', content: 'a\n1', csv: { kind: 'phone', columns: { number: 'a' } } })).statusCode).toBe(404);
  });
});

describe('import', () => {
  const alBundle = () =>
    stix([
      { type: 'identity', spec_version: '2.1', id: 'identity--0c4e1f5a-2d3b-4c6e-8f90-1a2b3c4d5e6f', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', name: 'Marko Jovanovic', identity_class: 'individual', extensions: { 'extension-definition--3f1b6c2e-8d47-4a09-b5e2-71c9a0d4e6f8': { extension_type: 'property-extension', date_of_birth: '1984-03-12' } } },
      { type: 'phone-number', spec_version: '2.1', id: 'phone-number--1c4e1f5a-2d3b-4c6e-8f90-1a2b3c4d5e6f', value: '+381 (64) 123-45-67', object_marking_refs: [TLP2_IDS.RED] },
      { type: 'phone-number', spec_version: '2.1', id: 'phone-number--2c4e1f5a-2d3b-4c6e-8f90-1a2b3c4d5e6f', value: '00381641234567' },
      { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--3c4e1f5a-2d3b-4c6e-8f90-1a2b3c4d5e6f', value: '198.51.100.7' },
      { type: 'email-addr', spec_version: '2.1', id: 'email-addr--4c4e1f5a-2d3b-4c6e-8f90-1a2b3c4d5e6f', value: 'not-an-address' },
      { type: 'relationship', spec_version: '2.1', id: 'relationship--5c4e1f5a-2d3b-4c6e-8f90-1a2b3c4d5e6f', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', relationship_type: 'uses', source_ref: 'identity--0c4e1f5a-2d3b-4c6e-8f90-1a2b3c4d5e6f', target_ref: 'phone-number--2c4e1f5a-2d3b-4c6e-8f90-1a2b3c4d5e6f' },
    ]);

  it('previews without writing: equal normalised values are one entity, unknown types and bad values reported', async () => {
    const preview = await http.ok(`/api/cases/${ids.alCase}/import/preview`, who.al, { format: 'stix', content: alBundle() }, 200);
    expect(preview.counts).toEqual({ create: 2, merge: 1, in_case: 0, rejected: 1 });
    expect(preview.skipped).toEqual([expect.objectContaining({ type: 'ipv4-addr', reason: 'unknown_type' })]);
    expect(preview.items.find((item: { action: string }) => item.action === 'rejected').reasons).toEqual(['attributes.address: invalid_email']);
    expect(preview.relationships).toBe(1);
    expect(await entitiesOf(ids.alCase, who.al)).toEqual([]);
  });

  it('writes once and correlates across economies as the add path does', async () => {
    const result = await http.ok(`/api/cases/${ids.alCase}/import`, who.al, { format: 'stix', content: alBundle() });
    expect(result).toMatchObject({ linked: 2, relationshipsAdded: 1 });
    const entities = await entitiesOf(ids.alCase, who.al);
    expect(entities.map((entity) => entity.kind).sort()).toEqual(['person', 'phone']);
    // The stricter TLP of the file's object wins over the case's.
    expect(entities.find((entity) => entity.kind === 'phone')!.marking.tlp).toBe('RED');
    const correlations = (await http.get(`/api/cases/${ids.alCase}/correlations`, who.al)).json().items as { kind: string; visibility: string; other: unknown }[];
    expect(correlations.map((item) => [item.kind, item.visibility]).sort()).toEqual([['person', 'hit'], ['phone', 'hit']]);
    expect(correlations.every((item) => item.other === null)).toBe(true);
    const notices = await test.deps.db.select().from(notifications).where(eq(notifications.userId, ids.rsUser));
    expect(notices.filter((row) => row.kind === 'cases.correlation.hit' && row.title.includes('Arta Hoxha'))).toHaveLength(2);
    const events = await test.deps.db.select().from(auditEvents).where(inArray(auditEvents.action, ['cases.case.import', 'cases.entity.add'])).orderBy(asc(auditEvents.seq));
    expect(events.filter((event) => event.action === 'cases.case.import')).toHaveLength(1);
    expect(JSON.stringify(events.map((event) => event.details))).not.toContain('Marko');
    // A second import of the same file finds everything in the case.
    const again = await http.ok(`/api/cases/${ids.alCase}/import/preview`, who.al, { format: 'stix', content: alBundle() }, 200);
    // The second notation of the phone is the same entity, in the case as well.
    expect(again.counts).toMatchObject({ create: 0, merge: 0, in_case: 3 });
  });

  it('imports a MISP event: attribute types and objects mapped, others skipped, TLP tags kept', async () => {
    const event = {
      Event: {
        info: 'Shared event',
        Tag: [{ name: 'tlp:amber' }],
        Attribute: [
          { uuid: 'a1', type: 'iban', value: 'AL47 2121 1009 0000 0002 3569 8741', Tag: [{ name: 'tlp:red' }] },
          { uuid: 'a2', type: 'ip-src', value: '198.51.100.7' },
          { uuid: 'a3', type: 'email-src', value: 'Courier@Example.org' },
        ],
        Object: [{ uuid: 'o1', name: 'vehicle', Attribute: [{ object_relation: 'license-plate-number', type: 'text', value: 'TR 456 AB' }] }],
      },
    };
    const result = await http.ok(`/api/cases/${ids.alCase}/import`, who.al, { format: 'misp', content: JSON.stringify(event) });
    expect(result.counts).toEqual({ create: 3, merge: 0, in_case: 0, rejected: 0 });
    expect(result.skipped).toEqual([{ source: 'a2', type: 'ip-src', reason: 'unknown_type' }]);
    const entities = await entitiesOf(ids.alCase, who.al);
    expect(entities.find((entity) => entity.kind === 'bank_account')).toMatchObject({ label: 'AL47212110090000000235698741', marking: { tlp: 'RED' } });
    expect(entities.find((entity) => entity.kind === 'email')!.label).toBe('courier@example.org');
  });

  it('imports CSV by column mapping with a per-row report', async () => {
    const content = 'Broj,Uloga\n+355 69 123 4567,courier\nnot a phone,\n+355691234567,duplicate\n';
    const body = { format: 'csv', content, csv: { kind: 'phone', columns: { number: 'Broj', role: 'Uloga' } } };
    const preview = await http.ok(`/api/cases/${ids.alCase}/import/preview`, who.al, body, 200);
    expect(preview.items.map((item: { source: string; action: string }) => `${item.source} ${item.action}`)).toEqual(['line 2 create', 'line 3 rejected', 'line 4 merge']);
    const result = await http.ok(`/api/cases/${ids.alCase}/import`, who.al, body);
    expect(result.linked).toBe(1);
    expect((await entitiesOf(ids.alCase, who.al)).some((entity) => entity.label === '+355691234567')).toBe(true);
  });

  it('a hidden link of the same entity is reported as a merge, not as already in the case', async () => {
    const body = { format: 'csv', content: 'VIN\n1M8GDM9AXKP042788\n', csv: { kind: 'vehicle', columns: { vin: 'VIN' } } };
    expect((await http.ok(`/api/cases/${ids.rsCase}/import/preview`, who.rsLow, body, 200)).counts).toMatchObject({ merge: 1, in_case: 0 });
    expect((await http.ok(`/api/cases/${ids.rsCase}/import/preview`, who.rs, body, 200)).counts).toMatchObject({ merge: 0, in_case: 1 });
  });
});

describe('bad files change nothing', () => {
  const cases: [string, Record<string, unknown>, number, string][] = [
    ['malformed JSON', { format: 'stix', content: '{"type":"bundle","objects":[' }, 400, 'malformed_json'],
    ['not a bundle', { format: 'stix', content: '{"type":"report"}' }, 422, 'not_a_bundle'],
    ['too many objects', { format: 'stix', content: stix(Array.from({ length: 5001 }, () => ({}))) }, 422, 'too_many_objects'],
    ['an unknown marking', { format: 'stix', content: stix([{ type: 'email-addr', spec_version: '2.1', id: 'email-addr--6c4e1f5a-2d3b-4c6e-8f90-1a2b3c4d5e6f', value: 'a@example.org', object_marking_refs: ['marking-definition--7c4e1f5a-2d3b-4c6e-8f90-1a2b3c4d5e6f'] }]) }, 422, 'unknown_marking'],
    ['a control character in a name', { format: 'stix', content: stix([{ type: 'identity', spec_version: '2.1', id: 'identity--8c4e1f5a-2d3b-4c6e-8f90-1a2b3c4d5e6f', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', name: 'Marko\u0007 Jovanovic', identity_class: 'individual' }]) }, 422, 'control_character'],
    ['a line break in a CSV cell', { format: 'csv', content: 'Name\n"Ana\nBeri"\n', csv: { kind: 'person', columns: { name: 'Name' } } }, 422, 'control_character'],
    ['a MISP file that is no event', { format: 'misp', content: '[1,2]' }, 422, 'not_a_misp_event'],
    ['a CSV header without the mapped column', { format: 'csv', content: 'Tel\n1\n', csv: { kind: 'phone', columns: { number: 'Phone' } } }, 422, 'unknown_column'],
    ['a CSV that is not UTF-8', { format: 'csv', content: 'Name\nJovanovi\uFFFD\n', csv: { kind: 'person', columns: { name: 'Name' } } }, 400, 'not_utf8'],
    ['a CSV without mapping', { format: 'csv', content: 'Name\nAna\n' }, 422, 'required'],
  ];
  it.each(cases)('%s: a problem document', async (_, body, status, message) => {
    const before = (await entitiesOf(ids.alCase, who.al)).length;
    for (const url of [`/api/cases/${ids.alCase}/import/preview`, `/api/cases/${ids.alCase}/import`]) {
      const answer = await http.post(url, who.al, body);
      expect(answer.statusCode, answer.body).toBe(status);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.json().errors.map((error: { message: string }) => error.message)).toContain(message);
    }
    expect((await entitiesOf(ids.alCase, who.al)).length).toBe(before);
  });

  it('refuses content over the byte cap', async () => {
    const answer = await http.post(`/api/cases/${ids.alCase}/import`, who.al, { format: 'stix', content: ' '.repeat(2_000_001) });
    expect(answer.statusCode).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
  });
});
