import type { AlertStatus, AlertSummary, AlertView, Recipients } from '../../../contract/wanted';
import type { Actor } from '../../access/actor';
import { abilitiesFor } from '../../access/policy';
import type { AlertRecord } from './wanted.policy';
import type { AlertWithDesk } from './wanted.queries';
import { labelFor } from './wanted.fields';
import type { PhotoRow } from './wanted.schema';

/** The status as of now: an active alert past its validity reads as expired. */
export const statusAt = (row: Pick<AlertWithDesk, 'status' | 'validUntil'>, now: Date): AlertStatus =>
  row.status === 'active' && row.validUntil.getTime() <= now.getTime() ? 'expired' : row.status;

type MarkingFields = 'classification' | 'tlp' | 'releasableEconomies' | 'releasableOrganisations' | 'sharingGroups' | 'originatorControl' | 'ownerOrganisationId' | 'ownerEconomy';

/** The fields the policy reads. */
export function alertRecord<T extends Pick<AlertWithDesk, MarkingFields | 'issuingDeskId' | 'status' | 'validUntil'>>(row: T, now: Date): AlertRecord {
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

export function presentAlertSummary(row: Pick<AlertWithDesk, 'id' | 'reference' | 'kind' | 'status' | 'validUntil' | 'desk' | 'tlp' | 'classification' | 'releasableEconomies'>, label: string, now: Date): AlertSummary {
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
    releasableEconomies: row.releasableEconomies,
  };
}

export interface AlertDetails {
  names: { name: string; isAlias: boolean }[];
  identifiers: { kind: 'vin' | 'plate' | 'serial' | 'document' | 'other'; value: string; normalized: string }[];
  photos: PhotoRow[];
  recipients: Recipients;
  links: AlertView['links'];
}

export function presentAlert(actor: Actor, row: AlertWithDesk, details: AlertDetails, now: Date): AlertView {
  return {
    ...presentAlertSummary(row, labelFor(row, details.identifiers), now),
    validFrom: row.validFrom.toISOString(),
    reviewAt: row.reviewAt?.toISOString() ?? null,
    actionCode: row.actionCode,
    actionToTake: row.actionToTake,
    warrantReference: row.warrantReference,
    remarks: row.remarks,
    name: row.primaryName,
    aliases: details.names.filter((name) => name.isAlias).map((name) => name.name),
    ...(({ dateOfBirth, nationality, sex, physicalDescription, languages, identityMisused }) => ({ dateOfBirth, nationality, sex, physicalDescription, languages, identityMisused }))(row),
    links: details.links,
    attributes: row.attributes,
    identifiers: details.identifiers.map(({ kind, value, normalized }) => ({ kind, value, normalized })),
    photos: details.photos.map(({ id, contentType, byteSize, createdAt }) => ({ id, contentType, byteSize, createdAt: createdAt.toISOString() })),
    marking: (({ classification, tlp, releasableEconomies, releasableOrganisations, sharingGroups, originatorControl, ownerOrganisationId, ownerEconomy }) => ({
      classification, tlp, releasableEconomies, releasableOrganisations, sharingGroups, originatorControl, ownerOrganisationId, ownerEconomy,
    }))(row),
    recipients: details.recipients,
    withdrawnReason: row.withdrawnReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: abilitiesFor(actor, ['wanted.alert.update', 'wanted.alert.extend', 'wanted.alert.withdraw'], alertRecord(row, now)),
  };
}
