import crypto from 'node:crypto';
import type { EntityKind } from '../../../../contract/cases';
import type { Marking } from '../../../../contract/core';
import { TLP_LEVELS } from '../../../../contract/core';
import { classificationRank } from '../../../access/actor';
import type { ExportData, ExportItem } from './interop.data';
import { MOSAIC_EXTENSION, MOSAIC_IDENTITY, scoId, sdoId, tlp2Definition } from './stix.ids';

type StixObject = Record<string, unknown> & { type: string; id: string };

const NEW_SCO = { [MOSAIC_EXTENSION]: { extension_type: 'new-sco' } };
const iso = (at: Date) => at.toISOString();
const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);
const clean = <T extends Record<string, unknown>>(object: T) => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;

/** The one statement marking a Mosaic marking becomes: its classification and releasability in words, and as properties. */
function statementOf(marking: Marking, author: string, created: string): StixObject {
  const parts = [marking.classification, `TLP:${marking.tlp}`];
  if (marking.releasableEconomies.length) parts.push(`REL TO ${marking.releasableEconomies.join(', ')}`);
  if (marking.releasableOrganisations.length || marking.sharingGroups.length) parts.push(`and ${marking.releasableOrganisations.length + marking.sharingGroups.length} named organisations or groups`);
  if (marking.originatorControl) parts.push('ORCON');
  const statement = parts.join(' · ');
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: sdoId('marking-definition', `statement:${statement}`),
    created,
    created_by_ref: author,
    name: `Mosaic marking ${marking.classification}`,
    definition_type: 'statement',
    definition: { statement },
    extensions: { [MOSAIC_EXTENSION]: clean({ extension_type: 'property-extension', classification: marking.classification, releasable_economies: marking.releasableEconomies, originator_control: marking.originatorControl }) },
  };
}

/** The STIX object an entity becomes (STIX 2.1 types where one exists, Mosaic's `x-mosaic-*` observables otherwise). */
export function stixOfEntity(item: ExportItem, common: Record<string, unknown>): StixObject {
  const { entity } = item;
  const a = entity.attributes;
  const sdo = (type: string, extra: Record<string, unknown>) => ({ type, spec_version: '2.1', id: sdoId(type, `entity:${entity.id}`), created: iso(entity.createdAt), modified: iso(entity.updatedAt), ...common, ...extra });
  const sco = (type: string, contributing: Record<string, unknown>, extra: Record<string, unknown> = {}) => clean({ type, spec_version: '2.1', id: scoId(type, contributing), ...contributing, ...extra, object_marking_refs: common.object_marking_refs, ...(type.startsWith('x-mosaic-') ? { extensions: NEW_SCO } : {}) });
  const kind: EntityKind = entity.kind;
  switch (kind) {
    case 'person':
      return sdo('identity', { name: entity.label, identity_class: 'individual', extensions: { [MOSAIC_EXTENSION]: clean({ extension_type: 'property-extension', date_of_birth: text(a.dateOfBirth), place_of_birth: text(a.placeOfBirth), nationality: text(a.nationality), document_numbers: a.documentNumbers as string[] | undefined }) } });
    case 'organisation':
      return sdo('identity', { name: entity.label, identity_class: 'organization', extensions: { [MOSAIC_EXTENSION]: clean({ extension_type: 'property-extension', registration_number: text(a.registrationNumber), economy: text(a.economy) }) } });
    case 'place':
      if (typeof a.latitude === 'number' && typeof a.longitude === 'number') return sdo('location', { name: entity.label, latitude: a.latitude, longitude: a.longitude });
      return sco('x-mosaic-place', { name: entity.label });
    case 'phone':
      return sco('x-mosaic-phone-number', { value: entity.label });
    case 'email':
      return sco('email-addr', { value: entity.label });
    case 'vehicle':
      return sco('x-mosaic-vehicle', clean({ vin: text(a.vin), plate: text(a.plate) }), clean({ make: text(a.make), model: text(a.model) }));
    case 'document':
      return sco('x-mosaic-identity-document', { number: String(a.number) }, clean({ document_kind: text(a.documentKind), issuing_economy: text(a.issuingEconomy) }));
    case 'firearm':
      return sco('x-mosaic-firearm', clean({ serial: String(a.serial), make: text(a.make) }), clean({ calibre: text(a.calibre) }));
    case 'bank_account':
      return sco('x-mosaic-bank-account', { iban: String(a.iban) }, clean({ bic: text(a.bic) }));
    case 'crypto_address':
      return sco('x-mosaic-cryptocurrency-wallet', { value: String(a.address) }, { currency: text(a.currency) });
    case 'vessel':
      return sco('x-mosaic-vessel', { imo: String(a.imo) }, clean({ name: text(a.name) }));
  }
}

const tlpRank = (marking: Marking) => TLP_LEVELS.indexOf(marking.tlp);
const stricter = (a: Marking, b: Marking) => (tlpRank(a) !== tlpRank(b) ? (tlpRank(a) > tlpRank(b) ? a : b) : classificationRank(a.classification) >= classificationRank(b.classification) ? a : b);

/**
 * A case as a STIX 2.1 bundle: the owning organisation's identity, the case as a `grouping`,
 * each entity the reader may see (with its link's own marking), the relationships among them,
 * and every marking definition referenced (TLP 2.0, and a statement for classification and
 * releasability). Nothing outside `data` is consulted: the caller filtered it.
 */
export function buildStixBundle(data: ExportData): { type: 'bundle'; id: string; objects: StixObject[] } {
  const created = iso(data.now);
  const author = sdoId('identity', `organisation:${data.organisation.id}`);
  const markings = new Map<string, StixObject>();
  const markRefs = (marking: Marking) => {
    const tlp = tlp2Definition(marking.tlp);
    const statement = statementOf(marking, author, created);
    markings.set(tlp.id, tlp);
    markings.set(statement.id, statement);
    return [tlp.id, statement.id];
  };
  const objects: StixObject[] = [];
  const entityIds = new Map<string, string>();
  const markingOfEntity = new Map<string, Marking>();
  for (const item of data.items) {
    const object = stixOfEntity(item, { created_by_ref: author, object_marking_refs: markRefs(item.marking) });
    entityIds.set(item.entity.id, object.id);
    markingOfEntity.set(item.entity.id, item.marking);
    if (!objects.some((existing) => existing.id === object.id)) objects.push(object);
  }
  for (const relationship of data.relationships) {
    const source = entityIds.get(relationship.fromEntityId);
    const target = entityIds.get(relationship.toEntityId);
    if (!source || !target) continue;
    const marking = stricter(markingOfEntity.get(relationship.fromEntityId)!, markingOfEntity.get(relationship.toEntityId)!);
    objects.push(clean({
      type: 'relationship',
      spec_version: '2.1',
      id: sdoId('relationship', `relationship:${relationship.id}`),
      created: iso(relationship.createdAt),
      modified: iso(relationship.createdAt),
      created_by_ref: author,
      relationship_type: relationship.kind.replace(/_/g, '-'),
      source_ref: source,
      target_ref: target,
      description: text(relationship.source),
      start_time: relationship.validFrom ? `${relationship.validFrom}T00:00:00.000Z` : undefined,
      stop_time: relationship.validTo ? `${relationship.validTo}T23:59:59.999Z` : undefined,
      object_marking_refs: markRefs(marking),
    }));
  }
  const row = data.caseRow;
  const grouping: StixObject = {
    type: 'grouping',
    spec_version: '2.1',
    id: sdoId('grouping', `case:${row.id}`),
    created: iso(row.createdAt),
    modified: iso(row.updatedAt),
    created_by_ref: author,
    name: `${row.reference}: ${row.title}`,
    ...(row.summary ? { description: row.summary } : {}),
    context: 'suspicious-activity',
    // A grouping must refer to at least one object: an empty selection refers to the author.
    object_refs: objects.length ? objects.map((object) => object.id) : [author],
    object_marking_refs: markRefs(row.marking),
    extensions: { [MOSAIC_EXTENSION]: { extension_type: 'property-extension', reference: row.reference, crime_area: row.crimeArea, status: row.status, opened_on: row.openedOn } },
  };
  const identity = { type: 'identity', spec_version: '2.1', id: author, created, modified: created, name: data.organisation.name, identity_class: 'organization', extensions: { [MOSAIC_EXTENSION]: { extension_type: 'property-extension', economy: data.organisation.economy } } };
  const system = { type: 'identity', spec_version: '2.1', id: MOSAIC_IDENTITY, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', name: 'Mosaic', identity_class: 'system' };
  const extension = {
    type: 'extension-definition',
    spec_version: '2.1',
    id: MOSAIC_EXTENSION,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    created_by_ref: MOSAIC_IDENTITY,
    name: 'Mosaic case entities',
    description: 'Observables of the joint case database (phone number, vehicle, identity document, firearm, bank account, crypto-currency wallet, vessel, place) and properties of persons, organisations, cases and markings.',
    schema: 'docs/cases.md#stix-21',
    version: '1.0.0',
    extension_types: ['new-sco', 'property-extension'],
  };
  return { type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects: [system, extension, identity, ...markings.values(), grouping, ...objects] };
}
