import type { Classification, Tlp } from '../../../../contract/core';
import { CLASSIFICATIONS, TLP_LEVELS } from '../../../../contract/core';
import { IMPORT_MAX_OBJECTS } from '../../../../contract/cases-interop';
import { UnprocessableProblem } from '../../../platform/http/errors';
import { type Candidate, type ParsedFile, isRecord, parseJson, str, tooMany } from './import.candidates';

type Problem = { path: string; message: string };
type Attr = Record<string, unknown>;

/** MISP attribute types that are one Mosaic entity by themselves. */
const SINGLE: Record<string, (value: string) => { kind: string; attributes: Record<string, unknown> }> = {
  'phone-number': (value) => ({ kind: 'phone', attributes: { number: value } }),
  email: (value) => ({ kind: 'email', attributes: { address: value } }),
  'email-src': (value) => ({ kind: 'email', attributes: { address: value } }),
  'email-dst': (value) => ({ kind: 'email', attributes: { address: value } }),
  'whois-registrant-email': (value) => ({ kind: 'email', attributes: { address: value } }),
  iban: (value) => ({ kind: 'bank_account', attributes: { iban: value } }),
  btc: (value) => ({ kind: 'crypto_address', attributes: { address: value, currency: 'BTC' } }),
  xmr: (value) => ({ kind: 'crypto_address', attributes: { address: value, currency: 'XMR' } }),
  'passport-number': (value) => ({ kind: 'document', attributes: { number: value, documentKind: 'passport' } }),
  'identity-card-number': (value) => ({ kind: 'document', attributes: { number: value, documentKind: 'identity_card' } }),
};

/** MISP objects read as one entity: template name → kind and attribute `object_relation` → Mosaic attribute. */
const OBJECTS: Record<string, { kind: string; relations: Record<string, string>; fixed?: Record<string, unknown> }> = {
  person: { kind: 'person', relations: { 'full-name': 'name', 'date-of-birth': 'dateOfBirth', 'place-of-birth': 'placeOfBirth', nationality: 'nationality', 'passport-number': 'documentNumbers', 'identity-card-number': 'documentNumbers' } },
  vehicle: { kind: 'vehicle', relations: { vin: 'vin', 'license-plate-number': 'plate', make: 'make', model: 'model' } },
  'legal-entity': { kind: 'organisation', relations: { name: 'name', 'registration-number': 'registrationNumber' } },
  'coin-address': { kind: 'crypto_address', relations: { address: 'address', symbol: 'currency' } },
  'bank-account': { kind: 'bank_account', relations: { iban: 'iban', swift: 'bic' } },
};

const CURRENCIES = new Set(['BTC', 'ETH', 'XMR', 'USDT']);

/** The TLP and classification tags of a MISP element; a `tlp:` tag MISP's TLP taxonomy does not have is a problem. */
function markingOfTags(tags: unknown, path: string, problems: Problem[]): { tlp: Tlp | null; classification: Classification | null } {
  let tlp: Tlp | null = null;
  let classification: Classification | null = null;
  for (const tag of Array.isArray(tags) ? tags : []) {
    const name = isRecord(tag) && typeof tag.name === 'string' ? tag.name.trim().toLowerCase() : '';
    if (name.startsWith('tlp:')) {
      const level = name.slice(4).toUpperCase() === 'WHITE' ? 'CLEAR' : TLP_LEVELS.find((value) => value === name.slice(4).toUpperCase());
      if (!level) problems.push({ path, message: 'unknown_marking' });
      else if (!tlp || TLP_LEVELS.indexOf(level) > TLP_LEVELS.indexOf(tlp)) tlp = level;
    }
    const classified = /^mosaic:classification="([a-z]+)"$/.exec(name)?.[1]?.toUpperCase();
    const level = CLASSIFICATIONS.find((value) => value === classified);
    if (level && (!classification || CLASSIFICATIONS.indexOf(level) > CLASSIFICATIONS.indexOf(classification))) classification = level;
  }
  return { tlp, classification };
}

/**
 * A MISP event (`{ "Event": … }`, the event itself, or a search `response` of one) as
 * candidates: the attribute types of `SINGLE`, and the objects of `OBJECTS`. Other types are
 * reported as skipped; tags of the TLP taxonomy narrow the link's marking.
 */
export function parseMispEvent(content: string): ParsedFile {
  const root = parseJson(content);
  const response = isRecord(root) && Array.isArray(root.response) ? root.response[0] : root;
  const event = isRecord(response) && isRecord(response.Event) ? response.Event : response;
  if (!isRecord(event) || (!Array.isArray(event.Attribute) && !Array.isArray(event.Object))) throw new UnprocessableProblem('The file is not a MISP event.', [{ path: 'content', message: 'not_a_misp_event' }]);
  const attributes = (Array.isArray(event.Attribute) ? event.Attribute : []).filter(isRecord);
  const objects = (Array.isArray(event.Object) ? event.Object : []).filter(isRecord);
  tooMany(attributes.length + objects.reduce((sum, object) => sum + (Array.isArray(object.Attribute) ? object.Attribute.length : 0), 0), IMPORT_MAX_OBJECTS);
  const problems: Problem[] = [];
  const eventMarking = markingOfTags(event.Tag, 'Event.Tag', problems);
  const merge = (own: ReturnType<typeof markingOfTags>) => ({ tlp: own.tlp ?? eventMarking.tlp, classification: own.classification ?? eventMarking.classification });
  const parsed: ParsedFile = { candidates: [], relationships: [], skipped: [] };
  attributes.forEach((attribute: Attr, index) => {
    const source = str(attribute.uuid) ?? `Attribute[${index}]`;
    const type = String(attribute.type ?? '');
    const map = SINGLE[type];
    const value = str(attribute.value);
    if (!map || !value) {
      parsed.skipped.push({ source, type, reason: map ? 'empty_value' : 'unknown_type' });
      return;
    }
    const candidate: Candidate = { source, ...map(value), role: str(attribute.comment)?.slice(0, 100), ...merge(markingOfTags(attribute.Tag, `Attribute[${index}].Tag`, problems)) };
    parsed.candidates.push(candidate);
  });
  objects.forEach((object, index) => {
    const source = str(object.uuid) ?? `Object[${index}]`;
    const template = OBJECTS[String(object.name ?? '')];
    if (!template) {
      parsed.skipped.push({ source, type: String(object.name ?? 'object'), reason: 'unknown_type' });
      return;
    }
    const values: Record<string, unknown> = { ...template.fixed };
    const parts = (Array.isArray(object.Attribute) ? object.Attribute : []).filter(isRecord);
    for (const part of parts) {
      const target = template.relations[String(part.object_relation ?? '')];
      const value = str(part.value);
      if (!target || !value) continue;
      if (target === 'documentNumbers') values.documentNumbers = [...((values.documentNumbers as string[] | undefined) ?? []), value];
      else values[target] = value;
    }
    if (template.kind === 'crypto_address') values.currency = CURRENCIES.has(String(values.currency ?? '').toUpperCase()) ? String(values.currency).toUpperCase() : 'other';
    const tags = parts.flatMap((part) => (Array.isArray(part.Tag) ? part.Tag : []));
    parsed.candidates.push({ source, kind: template.kind, attributes: values, ...merge(markingOfTags([...(Array.isArray(object.Tag) ? object.Tag : []), ...tags], `Object[${index}].Tag`, problems)) });
  });
  if (problems.length) throw new UnprocessableProblem('The event carries markings Mosaic does not know: nothing was imported.', problems.slice(0, 50));
  return parsed;
}
