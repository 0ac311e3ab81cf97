import type { Classification, Tlp } from '../../../../contract/core';
import { CLASSIFICATIONS, TLP_LEVELS } from '../../../../contract/core';
import { IMPORT_MAX_OBJECTS } from '../../../../contract/cases-interop';
import { RELATIONSHIP_KINDS } from '../../../../contract/cases';
import { UnprocessableProblem } from '../../../platform/http/errors';
import { type Candidate, type ParsedFile, dayOf, isRecord, parseJson, str, tooMany } from './import.candidates';
import { MOSAIC_EXTENSION, STIX_ID, tlpOfDefinition } from './stix.ids';

type Problem = { path: string; message: string };
type Obj = Record<string, unknown> & { type: string; id: string };
const CONTAINERS = new Set(['grouping', 'report', 'note', 'opinion', 'marking-definition', 'extension-definition', 'language-content']);

/** Mosaic's extension properties of an object, or its `x_mosaic_*` custom properties. */
const extensionOf = (object: Obj) => ((object.extensions as Record<string, Record<string, unknown>> | undefined)?.[MOSAIC_EXTENSION] ?? {}) as Record<string, unknown>;

function fieldsOf(object: Obj): { kind: string; attributes: Record<string, unknown> } | null {
  const x = extensionOf(object);
  switch (object.type) {
    case 'identity':
      if (object.identity_class === 'individual') return { kind: 'person', attributes: { name: object.name, dateOfBirth: x.date_of_birth, placeOfBirth: x.place_of_birth, nationality: x.nationality, documentNumbers: x.document_numbers } };
      if (object.identity_class === 'organization') return { kind: 'organisation', attributes: { name: object.name, registrationNumber: x.registration_number, economy: x.economy } };
      return null;
    case 'email-addr':
      return { kind: 'email', attributes: { address: object.value } };
    case 'phone-number':
    case 'x-mosaic-phone-number':
      return { kind: 'phone', attributes: { number: object.value } };
    case 'x-mosaic-vehicle':
      return { kind: 'vehicle', attributes: { vin: object.vin, plate: object.plate, make: object.make, model: object.model } };
    case 'x-mosaic-identity-document':
      return { kind: 'document', attributes: { number: object.number, documentKind: object.document_kind ?? 'other', issuingEconomy: object.issuing_economy } };
    case 'x-mosaic-firearm':
      return { kind: 'firearm', attributes: { serial: object.serial, make: object.make, calibre: object.calibre } };
    case 'bank-account':
    case 'x-mosaic-bank-account':
      return { kind: 'bank_account', attributes: { iban: object.iban, bic: object.bic ?? object.swift_bic } };
    case 'cryptocurrency-wallet':
    case 'x-mosaic-cryptocurrency-wallet':
      return { kind: 'crypto_address', attributes: { address: object.value, currency: object.currency ?? 'other' } };
    case 'location':
      return { kind: 'place', attributes: { name: object.name ?? object.city ?? object.region ?? object.country, latitude: object.latitude, longitude: object.longitude } };
    case 'x-mosaic-place':
      return { kind: 'place', attributes: { name: object.name } };
    case 'x-mosaic-vessel':
      return { kind: 'vessel', attributes: { imo: object.imo, name: object.name } };
    default:
      return null;
  }
}

const strictestTlp = (levels: Tlp[]) => (levels.length ? levels.reduce((a, b) => (TLP_LEVELS.indexOf(a) >= TLP_LEVELS.indexOf(b) ? a : b)) : null);
const strictestClassification = (levels: Classification[]) => (levels.length ? levels.reduce((a, b) => (CLASSIFICATIONS.indexOf(a) >= CLASSIFICATIONS.indexOf(b) ? a : b)) : null);

/**
 * A STIX 2.1 bundle as candidates. Refused whole (a problem document): not JSON, not a bundle,
 * more than the cap, an object without a `type--uuid` id of its type, or a marking reference
 * to a definition that is neither well-known TLP nor a TLP or statement definition in the
 * bundle. Objects of types Mosaic does not hold are reported as skipped.
 */
export function parseStixBundle(content: string): ParsedFile {
  const bundle = parseJson(content);
  if (!isRecord(bundle) || bundle.type !== 'bundle' || !Array.isArray(bundle.objects)) throw new UnprocessableProblem('The file is not a STIX 2.1 bundle.', [{ path: 'content', message: 'not_a_bundle' }]);
  tooMany(bundle.objects.length, IMPORT_MAX_OBJECTS);
  const problems: Problem[] = [];
  const objects: Obj[] = [];
  bundle.objects.forEach((object: unknown, index) => {
    const match = isRecord(object) && typeof object.id === 'string' ? STIX_ID.exec(object.id) : null;
    if (!isRecord(object) || !match || match[1] !== object.type) problems.push({ path: `objects[${index}].id`, message: 'invalid_id' });
    else objects.push(object as Obj);
  });
  const definitions = new Map<string, { tlp: Tlp | null; classification: Classification | null }>();
  for (const object of objects.filter((o) => o.type === 'marking-definition')) {
    const tlp = tlpOfDefinition(object.id, object);
    const classification = CLASSIFICATIONS.find((level) => level === extensionOf(object).classification) ?? null;
    if (tlp || object.definition_type === 'statement') definitions.set(object.id, { tlp, classification });
  }
  const markingOf = (object: Obj, index: number) => {
    const refs = Array.isArray(object.object_marking_refs) ? object.object_marking_refs : [];
    const known = refs.map((ref) => (typeof ref === 'string' ? (definitions.get(ref) ?? (tlpOfDefinition(ref) ? { tlp: tlpOfDefinition(ref), classification: null } : null)) : null));
    if (known.some((definition) => definition === null)) problems.push({ path: `objects[${index}].object_marking_refs`, message: 'unknown_marking' });
    const found = known.filter((definition) => definition !== null);
    return { tlp: strictestTlp(found.flatMap((d) => (d.tlp ? [d.tlp] : []))), classification: strictestClassification(found.flatMap((d) => (d.classification ? [d.classification] : []))) };
  };
  const authors = new Set(objects.map((object) => object.created_by_ref).filter((ref): ref is string => typeof ref === 'string'));
  const parsed: ParsedFile = { candidates: [], relationships: [], skipped: [] };
  objects.forEach((object, index) => {
    const marking = markingOf(object, index);
    if (CONTAINERS.has(object.type) || (object.type === 'identity' && authors.has(object.id))) return;
    if (object.type === 'relationship') {
      const kind = String(object.relationship_type ?? '').replace(/-/g, '_');
      if (!(RELATIONSHIP_KINDS as readonly string[]).includes(kind)) parsed.skipped.push({ source: object.id, type: 'relationship', reason: 'unknown_relationship_type' });
      else parsed.relationships.push({ fromRef: String(object.source_ref), toRef: String(object.target_ref), kind, validFrom: dayOf(object.start_time) ?? null, validTo: dayOf(object.stop_time) ?? null, source: str(object.description) ?? '' });
      return;
    }
    const fields = fieldsOf(object);
    if (!fields) {
      parsed.skipped.push({ source: object.id, type: object.type, reason: 'unknown_type' });
      return;
    }
    const candidate: Candidate = { source: object.id, ref: object.id, ...fields, ...marking };
    parsed.candidates.push(candidate);
  });
  if (problems.length) throw new UnprocessableProblem('The bundle is malformed or carries markings Mosaic does not know: nothing was imported.', problems.slice(0, 50));
  return parsed;
}
