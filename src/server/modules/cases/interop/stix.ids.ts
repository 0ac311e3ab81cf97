import crypto from 'node:crypto';
import type { Tlp } from '../../../../contract/core';

/** The namespace STIX 2.1 §2.9 gives for deterministic identifiers of cyber-observable objects. */
const SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** Mosaic's own namespace for the identifiers of exported domain objects (stable across exports). */
const MOSAIC_NAMESPACE = 'c4d1f0a2-7b3e-5c69-8e14-2a9d6b0f3e57';

/** RFC 4122 version 5 (SHA-1, name-based) UUID. */
export function uuidV5(name: string, namespace: string): string {
  const hash = crypto.createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** JSON with sorted keys: RFC 8785 canonical form for the flat string objects hashed here. */
const canonical = (value: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))));

/** An SCO's id from its ID-contributing properties (STIX 2.1 §2.9). */
export const scoId = (type: string, contributing: Record<string, unknown>) => `${type}--${uuidV5(canonical(contributing), SCO_NAMESPACE)}`;

/** A domain or relationship object's id from the Mosaic record it stands for. */
export const sdoId = (type: string, name: string) => `${type}--${uuidV5(name, MOSAIC_NAMESPACE)}`;

export const STIX_ID = /^([a-z][a-z0-9-]*[a-z0-9])--([0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/;

/** The extension definition that carries Mosaic's observable types and properties. */
export const MOSAIC_EXTENSION = 'extension-definition--3f1b6c2e-8d47-4a09-b5e2-71c9a0d4e6f8';
export const MOSAIC_IDENTITY = 'identity--6a0e4f3b-2c9d-4e71-8b5a-d3f2e1c0b9a8';

/** TLP 2.0 as published for STIX 2.1 (the OASIS CTI TC's marking definitions and their extension). */
export const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
const TLP2_AUTHOR = 'identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01';
export const TLP2_IDS: Record<Tlp, string> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};
/** TLP 1.0 definitions of STIX 2.1 §7.2.1.4, read on import (WHITE as CLEAR). */
export const TLP1_IDS: Record<string, Tlp> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'CLEAR',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'GREEN',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'AMBER',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'RED',
};

/** The TLP 2.0 marking definition object, as every bundle that references it carries it. */
export function tlp2Definition(tlp: Tlp) {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_IDS[tlp],
    created: '2022-10-01T00:00:00.000Z',
    created_by_ref: TLP2_AUTHOR,
    name: `TLP:${tlp}`,
    extensions: { [TLP2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: tlp.toLowerCase() } },
  };
}

/** A marking definition's TLP when it is one of the well-known ones, by id or by content. */
export function tlpOfDefinition(id: string, object?: Record<string, unknown>): Tlp | null {
  const byId = (Object.entries(TLP2_IDS).find(([, value]) => value === id)?.[0] as Tlp | undefined) ?? TLP1_IDS[id];
  if (byId) return byId;
  const extension = (object?.extensions as Record<string, { tlp_2_0?: unknown }> | undefined)?.[TLP2_EXTENSION]?.tlp_2_0;
  const legacy = object?.definition_type === 'tlp' ? (object.definition as { tlp?: unknown } | undefined)?.tlp : undefined;
  const level = typeof extension === 'string' ? extension : typeof legacy === 'string' ? legacy : null;
  if (!level) return null;
  const upper = level.toUpperCase();
  if (upper === 'WHITE') return 'CLEAR';
  return (['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const).find((tlp) => tlp === upper) ?? null;
}
