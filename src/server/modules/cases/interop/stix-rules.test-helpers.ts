import { MOSAIC_EXTENSION, STIX_ID, TLP2_EXTENSION } from './stix.ids';

type Obj = Record<string, unknown>;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const SDO_OR_SRO = new Set(['identity', 'grouping', 'relationship', 'location', 'extension-definition', 'report', 'note']);
/** The publisher of the TLP 2.0 definitions: referenced by them, defined outside any bundle. */
const TLP2_AUTHOR = 'identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01';

/**
 * The STIX 2.1 rules a test can check without the OASIS validator: identifiers `type--uuid`
 * of their own type and unique, `spec_version` 2.1, timestamps, `modified` not before
 * `created`, the required properties of each type used, property and type names, observables
 * without `created`, custom observables declaring the extension, and every `_ref`/`_refs`
 * resolving inside the bundle. Returns the broken rules (empty when the bundle keeps them).
 */
export function stixRuleViolations(bundle: Obj): string[] {
  const out: string[] = [];
  if (bundle.type !== 'bundle' || typeof bundle.id !== 'string' || !/^bundle--[0-9a-f-]{36}$/.test(bundle.id)) out.push('bundle: type and id');
  if ('spec_version' in bundle) out.push('bundle: no spec_version in 2.1');
  const objects = (bundle.objects as Obj[] | undefined) ?? [];
  const ids = new Set<string>();
  for (const object of objects) {
    const id = String(object.id);
    const match = STIX_ID.exec(id);
    if (!match || match[1] !== object.type) out.push(`${id}: id is not ${String(object.type)}--uuid`);
    if (ids.has(id)) out.push(`${id}: duplicate id`);
    ids.add(id);
  }
  const resolves = (ref: unknown) => typeof ref === 'string' && (ids.has(ref) || ref === TLP2_AUTHOR);
  for (const object of objects) {
    const id = String(object.id);
    const type = String(object.type);
    if (object.spec_version !== '2.1') out.push(`${id}: spec_version`);
    if (!/^[a-z][a-z0-9-]{1,248}[a-z0-9]$/.test(type)) out.push(`${id}: type name`);
    for (const key of Object.keys(object)) if (key !== 'id' && !/^[a-z0-9_]{3,250}$/.test(key)) out.push(`${id}: property name ${key}`);
    const isSco = !SDO_OR_SRO.has(type) && type !== 'marking-definition';
    if (isSco && ('created' in object || 'modified' in object)) out.push(`${id}: an observable has no created/modified`);
    if (!isSco && !TIMESTAMP.test(String(object.created))) out.push(`${id}: created`);
    if (SDO_OR_SRO.has(type)) {
      if (!TIMESTAMP.test(String(object.modified))) out.push(`${id}: modified`);
      else if (String(object.modified) < String(object.created)) out.push(`${id}: modified before created`);
    }
    for (const [key, value] of Object.entries(object)) {
      if (key.endsWith('_ref') && !resolves(value)) out.push(`${id}: ${key} does not resolve`);
      if (key.endsWith('_refs') && (!Array.isArray(value) || value.length === 0 || !value.every(resolves))) out.push(`${id}: ${key} does not resolve`);
    }
    const extensions = (object.extensions as Record<string, Obj> | undefined) ?? {};
    for (const [key, extension] of Object.entries(extensions)) {
      if (key.startsWith('extension-definition--') && key !== TLP2_EXTENSION && !ids.has(key)) out.push(`${id}: extension ${key} not defined`);
      if (!['new-sco', 'property-extension', 'new-sdo', 'new-sro', 'toplevel-property-extension'].includes(String(extension.extension_type))) out.push(`${id}: extension_type`);
    }
    if (type.startsWith('x-') && extensions[MOSAIC_EXTENSION]?.extension_type !== 'new-sco') out.push(`${id}: a new observable names its extension`);
    switch (type) {
      case 'identity':
        if (!object.name || !object.identity_class) out.push(`${id}: identity needs name and identity_class`);
        break;
      case 'grouping':
        if (!object.context || !Array.isArray(object.object_refs)) out.push(`${id}: grouping needs context and object_refs`);
        break;
      case 'relationship':
        if (!object.relationship_type || !object.source_ref || !object.target_ref) out.push(`${id}: relationship needs type, source and target`);
        if (object.start_time && object.stop_time && String(object.stop_time) <= String(object.start_time)) out.push(`${id}: stop_time not after start_time`);
        break;
      case 'location':
        if ((object.latitude === undefined) !== (object.longitude === undefined) || (object.latitude === undefined && !object.region && !object.country)) out.push(`${id}: location needs coordinates, region or country`);
        break;
      case 'marking-definition':
        if (object.definition_type && !object.definition) out.push(`${id}: definition_type without definition`);
        if (!object.definition_type && !extensions[TLP2_EXTENSION] && !object.extensions) out.push(`${id}: marking defines nothing`);
        break;
      case 'extension-definition':
        for (const property of ['created_by_ref', 'name', 'schema', 'version', 'extension_types']) if (!(property in object)) out.push(`${id}: extension-definition needs ${property}`);
        break;
      case 'email-addr':
        if (typeof object.value !== 'string') out.push(`${id}: email-addr needs value`);
        break;
      default:
        break;
    }
  }
  return out;
}
