import type { Marking } from '../../../../contract/core';
import type { ExportData, ExportItem } from './interop.data';
import { uuidV5 } from './stix.ids';

const MISP_NAMESPACE = '8e2f6a41-3c5d-5b7e-9f10-4a6b2c8d0e93';
type Attribute = { uuid: string; type: string; category: string; value: string; object_relation?: string; to_ids: false; distribution: '5'; comment: string; timestamp: string; Tag: { name: string }[] };

/** MISP's TLP taxonomy tag (TLP 2.0 names) and Mosaic's classification as a machine tag. */
export const tlpTag = (marking: Marking) => `tlp:${marking.tlp.toLowerCase()}`;
const tagsOf = (marking: Marking) => [{ name: tlpTag(marking) }, { name: `mosaic:classification="${marking.classification}"` }];

/**
 * One case's identifiers as a MISP event: plain attributes for single identifiers, objects of
 * MISP's object library for persons (`person`), vehicles (`vehicle`), companies
 * (`legal-entity`) and wallets other than BTC and XMR (`coin-address`). Places are not
 * identifiers and are left out; firearms, vessels and other documents go as `text`.
 */
export function buildMispEvent(data: ExportData) {
  const timestamp = String(Math.floor(data.now.getTime() / 1000));
  const attribute = (item: ExportItem, index: number, type: string, category: string, value: unknown, relation?: string): Attribute => ({
    uuid: uuidV5(`${item.linkId}:${index}`, MISP_NAMESPACE),
    type,
    category,
    value: String(value),
    ...(relation ? { object_relation: relation } : {}),
    to_ids: false,
    distribution: '5',
    comment: item.role,
    timestamp,
    Tag: tagsOf(item.marking),
  });
  const attributes: Attribute[] = [];
  const objects: { uuid: string; name: string; meta_category: string; distribution: '5'; timestamp: string; Attribute: Attribute[] }[] = [];
  const object = (item: ExportItem, name: string, metaCategory: string, parts: [string, string, unknown][]) => {
    const present = parts.filter(([, , value]) => value !== undefined && value !== null && value !== '');
    objects.push({ uuid: uuidV5(`${item.linkId}:object`, MISP_NAMESPACE), name, meta_category: metaCategory, distribution: '5', timestamp, Attribute: present.map(([relation, type, value], index) => attribute(item, index, type, 'Other', value, relation)) });
  };
  for (const item of data.items) {
    const a = item.entity.attributes;
    switch (item.entity.kind) {
      case 'phone':
        attributes.push(attribute(item, 0, 'phone-number', 'Person', item.entity.label));
        break;
      case 'email':
        attributes.push(attribute(item, 0, 'email', 'Social network', item.entity.label));
        break;
      case 'bank_account':
        attributes.push(attribute(item, 0, 'iban', 'Financial fraud', a.iban));
        if (a.bic) attributes.push(attribute(item, 1, 'bic', 'Financial fraud', a.bic));
        break;
      case 'crypto_address':
        if (a.currency === 'BTC' || a.currency === 'XMR') attributes.push(attribute(item, 0, String(a.currency).toLowerCase(), 'Financial fraud', a.address));
        else object(item, 'coin-address', 'financial', [['address', 'text', a.address], ['symbol', 'text', a.currency]]);
        break;
      case 'document':
        if (a.documentKind === 'passport') attributes.push(attribute(item, 0, 'passport-number', 'Person', a.number));
        else if (a.documentKind === 'identity_card') attributes.push(attribute(item, 0, 'identity-card-number', 'Person', a.number));
        else attributes.push({ ...attribute(item, 0, 'text', 'Person', a.number), comment: `${String(a.documentKind)} ${item.role}`.trim() });
        break;
      case 'person':
        object(item, 'person', 'misc', [['full-name', 'full-name', item.entity.label], ['date-of-birth', 'date-of-birth', a.dateOfBirth], ['place-of-birth', 'place-of-birth', a.placeOfBirth], ['nationality', 'nationality', a.nationality], ...((a.documentNumbers as string[] | undefined) ?? []).map((number): [string, string, unknown] => ['passport-number', 'passport-number', number])]);
        break;
      case 'vehicle':
        object(item, 'vehicle', 'misc', [['vin', 'text', a.vin], ['license-plate-number', 'text', a.plate], ['make', 'text', a.make], ['model', 'text', a.model]]);
        break;
      case 'organisation':
        object(item, 'legal-entity', 'misc', [['name', 'text', item.entity.label], ['registration-number', 'text', a.registrationNumber]]);
        break;
      case 'firearm':
      case 'vessel':
        attributes.push({ ...attribute(item, 0, 'text', 'Other', item.entity.label), comment: `${item.entity.kind} ${item.role}`.trim() });
        break;
      case 'place':
        break;
    }
  }
  const row = data.caseRow;
  return {
    Event: {
      uuid: uuidV5(`case:${row.id}`, MISP_NAMESPACE),
      info: `${row.reference}: ${row.title}`,
      date: row.openedOn,
      threat_level_id: '4',
      analysis: row.status === 'closed' ? '2' : '1',
      // "Your organisation only": onward sharing is for the reader's organisation to decide under the marking.
      distribution: '0',
      published: false,
      timestamp,
      Orgc: { name: data.organisation.name },
      Tag: tagsOf(row.marking),
      Attribute: attributes,
      Object: objects,
    },
  };
}
