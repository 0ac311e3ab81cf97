import type { AlertStatus, AlertSummary, AlertView, Recipients } from '../../../contract/wanted';
import type { Actor } from '../../access/actor';
import { abilitiesFor } from '../../access/policy';
import type { AlertRecord } from './wanted.policy';
import type { AlertWithDesk } from './wanted.queries';
import type { PhotoRow } from './wanted.schema';

/** The status as of now: an active alert past its validity reads as expired. */
export function statusAt(row: Pick<AlertWithDesk, 'status' | 'validUntil'>, now: Date): AlertStatus {
  return row.status === 'active' && row.validUntil.getTime() <= now.getTime() ? 'expired' : row.status;
}

/** The fields the policy reads. */
export function alertRecord(row: AlertWithDesk, now: Date): AlertRecord {
  return {
    classification: row.classification,
    tlp: row.tlp,
    releasableEconomies: row.releasableEconomies,
    releasableOrganisations: row.releasableOrganisations,
    sharingGroups: row.sharingGroups,
    originatorControl: row.originatorControl,
    ownerOrganisationId: row.ownerOrganisationId,
    ownerEconomy: row.ownerEconomy,
    issuingDeskId: row.issuingDeskId,
    status: statusAt(row, now),
  };
}

export function presentAlertSummary(row: AlertWithDesk, label: string, now: Date): AlertSummary {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    status: statusAt(row, now),
    label,
    issuingDesk: row.desk,
    validUntil: row.validUntil.toISOString(),
    tlp: row.tlp,
    classification: row.classification,
  };
}

export interface AlertDetails {
  names: { name: string; isAlias: boolean }[];
  identifiers: { kind: 'vin' | 'plate' | 'serial' | 'document' | 'other'; value: string; normalized: string }[];
  photos: PhotoRow[];
  recipients: Recipients;
}

export function presentAlert(actor: Actor, row: AlertWithDesk, details: AlertDetails, now: Date): AlertView {
  const label = row.primaryName ?? details.identifiers[0]?.value ?? row.attributes.description ?? row.reference;
  return {
    ...presentAlertSummary(row, label, now),
    validFrom: row.validFrom.toISOString(),
    reviewAt: row.reviewAt?.toISOString() ?? null,
    actionToTake: row.actionToTake,
    warrantReference: row.warrantReference,
    remarks: row.remarks,
    name: row.primaryName,
    aliases: details.names.filter((name) => name.isAlias).map((name) => name.name),
    dateOfBirth: row.dateOfBirth,
    nationality: row.nationality,
    attributes: row.attributes,
    identifiers: details.identifiers.map(({ kind, value, normalized }) => ({ kind, value, normalized })),
    photos: details.photos.map((photo) => ({ id: photo.id, contentType: photo.contentType, byteSize: photo.byteSize, createdAt: photo.createdAt.toISOString() })),
    marking: {
      classification: row.classification,
      tlp: row.tlp,
      releasableEconomies: row.releasableEconomies,
      releasableOrganisations: row.releasableOrganisations,
      sharingGroups: row.sharingGroups,
      originatorControl: row.originatorControl,
      ownerOrganisationId: row.ownerOrganisationId,
      ownerEconomy: row.ownerEconomy,
    },
    recipients: details.recipients,
    withdrawnReason: row.withdrawnReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: abilitiesFor(actor, ['wanted.alert.update', 'wanted.alert.extend', 'wanted.alert.withdraw'], alertRecord(row, now)),
  };
}
