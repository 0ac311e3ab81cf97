import type { Marking } from '../../../contract/core';
import type { AlertFields } from '../../../contract/wanted';

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** An alert as the history compares it: every field an officer can change, as text. */
export type AlertSnapshot = Record<string, string>;

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join('; ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function markingText(marking: Marking): string {
  const to = [
    ...marking.releasableEconomies,
    ...marking.releasableOrganisations.map((id) => `org:${id}`),
    ...marking.sharingGroups.map((id) => `group:${id}`),
  ];
  return `${marking.classification} TLP:${marking.tlp}${to.length ? ` → ${to.join(', ')}` : ''}${marking.originatorControl ? ' (ORCON)' : ''}`;
}

export function snapshotOf(fields: AlertFields, extra: { marking?: Marking; validFrom?: Date; validUntil?: Date; status?: string }): AlertSnapshot {
  const snapshot: AlertSnapshot = {};
  for (const [key, value] of Object.entries(fields)) snapshot[key] = asText(value);
  if (extra.marking) snapshot.marking = markingText(extra.marking);
  if (extra.validFrom) snapshot.validFrom = extra.validFrom.toISOString();
  if (extra.validUntil) snapshot.validUntil = extra.validUntil.toISOString();
  if (extra.status) snapshot.status = extra.status;
  return snapshot;
}

/** The fields whose text differs, in a stable order. */
export function diffSnapshots(before: AlertSnapshot, after: AlertSnapshot): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .map((field) => ({ field, before: before[field] ?? '', after: after[field] ?? '' }))
    .filter((change) => change.before !== change.after);
}
