import { describe, expect, it } from 'vitest';
import type { Marking } from '../../../../contract/core';
import type { ExportData } from './interop.data';
import { parseCsv } from './csv.import';
import { parseMispEvent } from './misp.import';
import { buildMispEvent } from './misp.export';
import { stixRuleViolations } from './stix-rules.test-helpers';
import { buildStixBundle } from './stix.export';
import { TLP2_IDS, uuidV5 } from './stix.ids';
import { parseStixBundle } from './stix.import';

const at = new Date('2026-03-02T10:00:00.000Z');
const amber: Marking = { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS', 'MK'], releasableOrganisations: [], sharingGroups: [], originatorControl: false };
const red: Marking = { ...amber, classification: 'CONFIDENTIAL', tlp: 'RED', releasableEconomies: [] };
const entity = (id: string, kind: ExportData['items'][number]['entity']['kind'], label: string, attributes: Record<string, unknown>, marking = amber) => ({ entity: { id, kind, label, attributes, createdAt: at, updatedAt: at }, linkId: `${id}-link`, role: '', marking });

const data: ExportData = {
  now: at,
  caseRow: { id: 'c1', reference: 'C-RS-ABCDEFGHJK', title: 'Heroin route', summary: 'Cars.', crimeArea: 'drugs', status: 'open', openedOn: '2026-03-02', createdAt: at, updatedAt: at, marking: amber },
  organisation: { id: 'o1', name: 'RS Police', economy: 'RS' },
  items: [
    entity('e1', 'person', 'Марко Јовановић', { name: 'Марко Јовановић', dateOfBirth: '1984-03-12', documentNumbers: ['P1234567'] }),
    entity('e2', 'phone', '+381641234567', { number: '+381641234567' }),
    entity('e3', 'vehicle', 'Volkswagen 1M8GDM9AXKP042788', { vin: '1M8GDM9AXKP042788', plate: 'VR123AB', make: 'Volkswagen' }, red),
    entity('e4', 'email', 'marko@example.org', { address: 'marko@example.org' }),
    entity('e5', 'crypto_address', '0xabc', { address: '0x52908400098527886e0f7030069857d2e4169ee7', currency: 'ETH' }),
    entity('e6', 'place', 'Preševo', { name: 'Preševo' }),
    entity('e7', 'place', 'Kumanovo', { name: 'Kumanovo', latitude: 42.13, longitude: 21.71 }),
  ],
  relationships: [
    { id: 'r1', fromEntityId: 'e1', toEntityId: 'e3', kind: 'uses', validFrom: '2026-01-01', validTo: '2026-01-01', source: 'Checkpoint', createdAt: at },
    { id: 'r2', fromEntityId: 'e1', toEntityId: 'e2', kind: 'travelled_with', validFrom: null, validTo: null, source: '', createdAt: at },
    { id: 'r3', fromEntityId: 'e1', toEntityId: 'gone', kind: 'owns', validFrom: null, validTo: null, source: '', createdAt: at },
  ],
};

describe('STIX 2.1 export', () => {
  it('computes version-5 UUIDs as RFC 4122 does', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('builds a bundle that keeps the rules, with markings per link and relationships among shown entities', () => {
    const bundle = buildStixBundle(data);
    expect(stixRuleViolations(bundle)).toEqual([]);
    const byType = (type: string) => bundle.objects.filter((object) => object.type === type);
    expect(byType('relationship').map((object) => object.relationship_type).sort()).toEqual(['travelled-with', 'uses']);
    const vehicle = byType('x-mosaic-vehicle')[0]!;
    expect(vehicle.object_marking_refs).toContain(TLP2_IDS.RED);
    expect(byType('x-mosaic-phone-number')[0]!.object_marking_refs).toContain(TLP2_IDS.AMBER);
    expect(byType('identity').map((object) => object.identity_class).sort()).toEqual(['individual', 'organization', 'system']);
    expect(byType('location')).toHaveLength(1);
    expect(byType('x-mosaic-place')).toHaveLength(1);
    // The relationship to the red vehicle carries the stricter marking.
    expect(byType('relationship').find((object) => object.relationship_type === 'uses')!.object_marking_refs).toContain(TLP2_IDS.RED);
    const statement = byType('marking-definition').find((object) => object.definition_type === 'statement' && String((object.definition as { statement: string }).statement).includes('REL TO RS, MK'));
    expect(statement).toBeDefined();
    // The same observable exported twice has the same id (deterministic SCO ids).
    expect(buildStixBundle(data).objects.find((object) => object.type === 'email-addr')!.id).toBe(byType('email-addr')[0]!.id);
  });

  it('catches a bundle that breaks the rules (the check can fail)', () => {
    const bundle = buildStixBundle(data);
    const broken = { ...bundle, objects: bundle.objects.map((object) => (object.type === 'relationship' ? { ...object, target_ref: 'identity--00000000-0000-4000-8000-000000000000', spec_version: '2.0' } : object)) };
    expect(stixRuleViolations(broken).some((rule) => rule.includes('target_ref does not resolve'))).toBe(true);
    expect(stixRuleViolations(broken).some((rule) => rule.endsWith('spec_version'))).toBe(true);
  });
});

describe('reading files', () => {
  it('reads its own export back: entities, relationships and the stricter marking', () => {
    const parsed = parseStixBundle(JSON.stringify(buildStixBundle(data)));
    expect(parsed.candidates.map((candidate) => candidate.kind).sort()).toEqual(['crypto_address', 'email', 'person', 'phone', 'place', 'place', 'vehicle']);
    expect(parsed.candidates.find((candidate) => candidate.kind === 'vehicle')).toMatchObject({ tlp: 'RED', classification: 'CONFIDENTIAL', attributes: { vin: '1M8GDM9AXKP042788' } });
    expect(parsed.candidates.find((candidate) => candidate.kind === 'person')!.attributes).toMatchObject({ dateOfBirth: '1984-03-12', documentNumbers: ['P1234567'] });
    expect(parsed.relationships).toHaveLength(2);
    expect(parsed.skipped).toEqual([]);
  });

  it('reports unknown types, and refuses unknown markings and bad ids whole', () => {
    const ip = { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd', value: '198.51.100.3' };
    expect(parseStixBundle(JSON.stringify({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects: [ip] })).skipped).toEqual([{ source: ip.id, type: 'ipv4-addr', reason: 'unknown_type' }]);
    const marked = { ...ip, object_marking_refs: ['marking-definition--00000000-0000-4000-8000-000000000001'] };
    expect(() => parseStixBundle(JSON.stringify({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects: [marked] }))).toThrow(/markings/);
    expect(() => parseStixBundle(JSON.stringify({ type: 'bundle', id: 'bundle--x', objects: [{ ...ip, id: 'email-addr--ff26c055-6336-5bc5-b98d-13d6226742dd' }] }))).toThrow(/malformed/);
    expect(() => parseStixBundle('{"type":"bundle",')).toThrow(/not valid JSON/);
  });

  it('reads a MISP event back, with its TLP tags', () => {
    const event = buildMispEvent(data);
    expect(event.Event.Tag).toContainEqual({ name: 'tlp:amber' });
    const parsed = parseMispEvent(JSON.stringify(event));
    expect(parsed.candidates.map((candidate) => candidate.kind).sort()).toEqual(['crypto_address', 'email', 'person', 'phone', 'vehicle']);
    expect(parsed.candidates.find((candidate) => candidate.kind === 'vehicle')!.tlp).toBe('RED');
    expect(() => parseMispEvent(JSON.stringify({ Event: { Tag: [{ name: 'tlp:purple' }], Attribute: [] } }))).toThrow(/markings/);
  });

  it('maps CSV columns and refuses a mapping the header does not have', () => {
    const parsed = parseCsv('Phone,Note\n064 123 4567,driver\n', { kind: 'phone', columns: { number: 'Phone', role: 'Note' } });
    expect(parsed.candidates).toEqual([{ source: 'line 2', kind: 'phone', attributes: { number: '064 123 4567' }, role: 'driver' }]);
    expect(() => parseCsv('Tel\n1\n', { kind: 'phone', columns: { number: 'Phone' } })).toThrow(/header/);
    expect(() => parseCsv('Phone\n1\n', { kind: 'phone', columns: { iban: 'Phone' } })).toThrow(/header/);
  });
});
