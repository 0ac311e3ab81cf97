import { eq } from 'drizzle-orm';
import type { Marking } from '../../../contract/core';
import type {
  AlertCreateInput,
  AlertExtendInput,
  AlertFields,
  AlertListQuery,
  AlertPage,
  AlertUpdateInput,
  AlertView,
  AlertWithdrawInput,
  Recipients,
} from '../../../contract/wanted';
import { type Actor, type UserActor, isUser } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { authorize } from '../../access/authorize';
import { visibleMarked } from '../../access/scopes';
import type { Db } from '../../db/client';
import { organisations } from '../../db/schema/core';
import { foldToAscii, nameIndexKeys, normalizeSerial } from '../../../matching';
import type { AuditService } from '../../platform/audit/audit.service';
import { ConflictProblem, NotFoundProblem, UnauthorizedProblem, UnprocessableProblem } from '../../platform/http/errors';
import { createDuplicateService } from './alert-duplicates.service';
import { insertAlertChange, listAlertLinks } from './alert-extras.queries';
import { diffSnapshots, snapshotOf } from './alert-history';
import { alertRecord, presentAlert, presentAlertSummary, statusAt } from './alerts.presenter';
import { assertUsableMarking, describeRecipients } from './recipients';
import { type AlertDraft, draftAlert, labelFor } from './wanted.fields';
import { canReadAlert } from './wanted.policy';
import {
  type AlertWithDesk,
  alertMarkingColumns,
  findAlert,
  findAlertsByIds,
  insertAlert,
  listAlerts,
  listDesksIn,
  listIdentifiers,
  listNames,
  listPhotos,
  newAlertReference,
  replaceAlertChildren,
  updateAlertRow,
} from './wanted.queries';

export interface WantedDeps {
  db: Db;
  audit: AuditService;
  clock: () => Date;
}

export function requireUser(actor: Actor): UserActor {
  if (!isUser(actor)) throw new UnauthorizedProblem();
  return actor;
}

function draftOrThrow(kind: AlertCreateInput['kind'], fields: AlertFields, now: Date): AlertDraft {
  const result = draftAlert(kind, fields, now);
  if ('problems' in result) throw new UnprocessableProblem('The alert is not complete or not valid for its kind.', result.problems);
  return result.draft;
}

function checkValidity(validFrom: Date, validUntil: Date, reviewAt: Date | null, now: Date) {
  const errors: { path: string; message: string }[] = [];
  if (validUntil <= validFrom) errors.push({ path: 'validUntil', message: 'the end of validity must be after its start' });
  if (validUntil <= now) errors.push({ path: 'validUntil', message: 'the end of validity must be in the future' });
  if (reviewAt && reviewAt > validUntil) errors.push({ path: 'reviewAt', message: 'the review date must be within the validity' });
  if (errors.length) throw new UnprocessableProblem('The validity period is not consistent.', errors);
}

/** The columns an alert's draft sets. */
function draftColumns(draft: AlertDraft) {
  return {
    actionCode: draft.actionCode,
    actionToTake: draft.actionNote,
    primaryName: draft.primaryName,
    dateOfBirth: draft.dateOfBirth,
    nationality: draft.nationality,
    sex: draft.sex,
    physicalDescription: draft.physicalDescription,
    languages: draft.languages,
    identityMisused: draft.identityMisused,
    attributes: draft.attributes,
  };
}

function markingOf(row: AlertWithDesk): Marking {
  const { classification, tlp, releasableEconomies, releasableOrganisations, sharingGroups, originatorControl } = row;
  return { classification, tlp, releasableEconomies, releasableOrganisations, sharingGroups, originatorControl };
}

function markingColumns(marking: Marking) {
  return {
    classification: marking.classification,
    tlp: marking.tlp,
    releasableEconomies: marking.releasableEconomies,
    releasableOrganisations: marking.releasableOrganisations,
    sharingGroups: marking.sharingGroups,
    originatorControl: marking.originatorControl,
  };
}

/** The issuing desk must be one of the user's desks, in the user's economy. */
export async function assertIssuingDesk(db: Db, actor: UserActor, deskId: string) {
  const [desk] = await listDesksIn(db, actor.deskIds.filter((id) => id === deskId), actor.economy);
  if (!desk) {
    throw new UnprocessableProblem('The issuing desk must be a desk of your economy that you belong to.', [
      { path: 'issuingDeskId', message: 'not one of your desks' },
    ]);
  }
  return desk;
}

/** Writes a new alert and its children; the caller audits. Shared by create and import. */
export async function insertDraftedAlert(
  tx: Db,
  actor: UserActor,
  input: { kind: AlertCreateInput['kind']; issuingDeskId: string; marking: Marking; validFrom: Date; validUntil: Date; reviewAt: Date | null; fields: AlertFields },
  draft: AlertDraft,
  now: Date,
) {
  const reference = await newAlertReference(tx, actor.economy);
  const row = await insertAlert(tx, {
    reference,
    kind: input.kind,
    issuingDeskId: input.issuingDeskId,
    createdBy: actor.userId,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    reviewAt: input.reviewAt,
    warrantReference: input.fields.warrantReference?.trim() || null,
    remarks: input.fields.remarks ?? '',
    ...draftColumns(draft),
    ...markingColumns(input.marking),
    ownerOrganisationId: actor.organisationId,
    ownerEconomy: actor.economy,
    createdAt: now,
    updatedAt: now,
  });
  await replaceAlertChildren(tx, row.id, draft);
  await insertAlertChange(tx, { alertId: row.id, changedBy: actor.userId, changedAt: now, action: 'create', changes: [] });
  return row;
}

/** Fields of a stored alert, as an input that an update merges into. */
function fieldsOf(row: AlertWithDesk, names: { name: string; isAlias: boolean }[], identifiers: { kind: string; value: string }[]): AlertFields {
  const of = (kind: string) => identifiers.find((item) => item.kind === kind)?.value;
  const attributes = row.attributes;
  return {
    actionCode: row.actionCode,
    actionToTake: row.actionToTake || undefined,
    sex: row.sex ?? undefined,
    physicalDescription: row.physicalDescription ?? undefined,
    languages: row.languages,
    identityMisused: row.identityMisused,
    warrantReference: row.warrantReference ?? undefined,
    remarks: row.remarks,
    reviewAt: row.reviewAt?.toISOString(),
    name: row.primaryName ?? undefined,
    aliases: names.filter((name) => name.isAlias).map((name) => name.name),
    dateOfBirth: row.dateOfBirth ?? undefined,
    nationality: row.nationality ?? undefined,
    documentNumber: of('document'),
    vin: of('vin'),
    plate: of('plate'),
    serial: of('serial'),
    identifiers: identifiers.filter((item) => item.kind === 'other').map((item) => item.value),
    make: attributes.make,
    model: attributes.model,
    colour: attributes.colour,
    calibre: attributes.calibre,
    firearmType: attributes.firearmType,
    documentType: attributes.documentType,
    issuingEconomy: attributes.issuingEconomy,
    description: attributes.description,
  };
}

export function createAlertService(deps: WantedDeps) {
  const { db, audit, clock } = deps;
  const duplicates = createDuplicateService(deps);

  /** Links from either end whose other alert the viewer may read too. */
  async function readableLinks(actor: Actor, alertId: string, now: Date) {
    const links = await listAlertLinks(db, alertId);
    const others = new Map((await findAlertsByIds(db, links.map((link) => link.otherId))).map((row) => [row.id, row]));
    const visible = links.flatMap((link) => {
      const other = others.get(link.otherId);
      return other && canReadAlert(actor, alertRecord(other, now)) ? [{ link, other }] : [];
    });
    const identifiers = await listIdentifiers(db, visible.map(({ other }) => other.id));
    return visible.map(({ link, other }) => ({
      id: link.id,
      relation: link.relation,
      alert: presentAlertSummary(other, labelFor(other, identifiers.filter((item) => item.alertId === other.id)), now),
    }));
  }

  async function loadVisible(actor: Actor, id: string, action: 'wanted.alert.read' | 'wanted.alert.update' | 'wanted.alert.extend' | 'wanted.alert.withdraw') {
    const row = await findAlert(db, id);
    const ref = { type: 'wanted_alert', id };
    if (!row) throw new NotFoundProblem();
    // A record the actor may not read answers 404 for every action, never 403.
    authorize(actor, 'wanted.alert.read', alertRecord(row, clock()), ref);
    if (action !== 'wanted.alert.read') authorize(actor, action, alertRecord(row, clock()), ref);
    return row;
  }

  async function view(actor: Actor, row: AlertWithDesk): Promise<AlertView> {
    const now = clock();
    const [names, identifiers, photos, owner, links] = await Promise.all([
      listNames(db, [row.id]),
      listIdentifiers(db, [row.id]),
      listPhotos(db, row.id),
      db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, row.ownerOrganisationId)),
      readableLinks(actor, row.id, now),
    ]);
    const recipients = await describeRecipients(db, row, owner[0] ?? { id: row.ownerOrganisationId, name: '—' });
    return presentAlert(actor, row, { names, identifiers, photos, recipients, links }, now);
  }

  return {
    loadVisible,
    view,

    create: async (actor: Actor, input: AlertCreateInput): Promise<AlertView> => {
      const user = requireUser(actor);
      const now = clock();
      await assertIssuingDesk(db, user, input.issuingDeskId);
      await assertUsableMarking(db, input.marking);
      const validFrom = input.validFrom ? new Date(input.validFrom) : now;
      const validUntil = new Date(input.validUntil);
      const reviewAt = input.reviewAt ? new Date(input.reviewAt) : null;
      checkValidity(validFrom, validUntil, reviewAt, now);
      const draft = draftOrThrow(input.kind, input, now);
      await duplicates.assertNoConflict(user, { kind: input.kind, name: draft.primaryName ?? undefined, dateOfBirth: draft.dateOfBirth ?? undefined, documentNumber: input.documentNumber, identifiers: draft.identifiers });
      const { kind, issuingDeskId, marking } = input;
      const row = await audit.command(async (tx) => {
        const created = await insertDraftedAlert(tx, user, { kind, issuingDeskId, marking, validFrom, validUntil, reviewAt, fields: input }, draft, now);
        await audit.append(tx, { actor }, {
          action: 'wanted.alert.create',
          recordType: 'wanted_alert',
          recordId: created.id,
          details: { kind, tlp: marking.tlp, classification: marking.classification },
          subject: auditSubjectOf({ ownerEconomy: user.economy, ...marking }),
        });
        return created;
      });
      return view(actor, (await findAlert(db, row.id))!);
    },

    read: async (actor: Actor, id: string, ip: string): Promise<AlertView> => {
      const row = await loadVisible(actor, id, 'wanted.alert.read');
      await audit.record({ actor, ip }, { action: 'wanted.alert.read', recordType: 'wanted_alert', recordId: id, subject: auditSubjectOf(row) });
      return view(actor, row);
    },

    list: async (actor: Actor, query: AlertListQuery): Promise<AlertPage> => {
      const now = clock();
      const q = query.q?.replace(/\p{Cc}/gu, ' ').trim();
      const { rows, total } = await listAlerts(db, {
        visible: visibleMarked(actor, alertMarkingColumns),
        now,
        kind: query.kind,
        status: query.status,
        folded: q ? foldToAscii(q) || undefined : undefined,
        keys: q ? nameIndexKeys(q) : undefined,
        identifier: q ? normalizeSerial(q) || undefined : undefined,
        reference: q,
        page: query.page,
        pageSize: query.pageSize,
      });
      const identifiers = await listIdentifiers(db, rows.map((row) => row.id));
      const items = rows.map((row) => presentAlertSummary(row, labelFor(row, identifiers.filter((item) => item.alertId === row.id)), now));
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    update: async (actor: Actor, id: string, input: AlertUpdateInput): Promise<AlertView> => {
      const user = requireUser(actor);
      const row = await loadVisible(actor, id, 'wanted.alert.update');
      const now = clock();
      const [names, identifiers] = await Promise.all([listNames(db, [id]), listIdentifiers(db, [id])]);
      const { marking, ...changes } = input;
      const previous = fieldsOf(row, names, identifiers);
      const fields: AlertFields = { ...previous, ...changes };
      const draft = draftOrThrow(row.kind, fields, now);
      if (marking) await assertUsableMarking(db, marking);
      const reviewAt = fields.reviewAt ? new Date(fields.reviewAt) : null;
      if (reviewAt && reviewAt > row.validUntil) {
        throw new UnprocessableProblem('The review date must be within the validity.', [{ path: 'reviewAt', message: 'after the end of validity' }]);
      }
      await audit.command(async (tx) => {
        await updateAlertRow(tx, id, {
          ...draftColumns(draft),
          ...(marking ? markingColumns(marking) : {}),
          actionToTake: fields.actionToTake,
          warrantReference: fields.warrantReference?.trim() || null,
          remarks: fields.remarks ?? '',
          reviewAt,
          reviewRemindedAt: reviewAt?.getTime() === row.reviewAt?.getTime() ? row.reviewRemindedAt : null,
          updatedAt: now,
        });
        await replaceAlertChildren(tx, id, draft);
        const stored = { ...fields, actionCode: draft.actionCode, actionToTake: draft.actionNote || undefined };
        const changed = diffSnapshots(snapshotOf(previous, { marking: markingOf(row) }), snapshotOf(stored, { marking: marking ?? markingOf(row) }));
        await insertAlertChange(tx, { alertId: id, changedBy: user.userId, changedAt: now, action: 'update', changes: changed });
        // The audit chain holds the names of the changed fields only; the values are in the history.
        await audit.append(tx, { actor }, {
          action: 'wanted.alert.update',
          recordType: 'wanted_alert',
          recordId: id,
          details: { fields: changed.map((change) => change.field), ...(marking ? { tlp: marking.tlp, classification: marking.classification } : {}) },
          subject: auditSubjectOf({ ...row, ...(marking ? markingColumns(marking) : {}) }),
        });
      });
      return view(actor, (await findAlert(db, id))!);
    },

    extend: async (actor: Actor, id: string, input: AlertExtendInput): Promise<AlertView> => {
      const row = await loadVisible(actor, id, 'wanted.alert.extend');
      const now = clock();
      const validUntil = new Date(input.validUntil);
      const reviewAt = input.reviewAt ? new Date(input.reviewAt) : row.reviewAt;
      if (validUntil <= row.validUntil) {
        throw new UnprocessableProblem('An extension must end later than the current validity.', [{ path: 'validUntil', message: 'not later than now' }]);
      }
      checkValidity(row.validFrom, validUntil, reviewAt, now);
      await audit.command(async (tx) => {
        await updateAlertRow(tx, id, { validUntil, reviewAt, reviewRemindedAt: null, status: 'active', updatedAt: now });
        await insertAlertChange(tx, {
          alertId: id, changedBy: requireUser(actor).userId, changedAt: now, action: 'extend',
          changes: diffSnapshots({ validUntil: row.validUntil.toISOString(), reviewAt: row.reviewAt?.toISOString() ?? '' }, { validUntil: validUntil.toISOString(), reviewAt: reviewAt?.toISOString() ?? '' }),
        });
        await audit.append(tx, { actor }, {
          action: 'wanted.alert.extend',
          recordType: 'wanted_alert',
          recordId: id,
          details: { from: row.validUntil.toISOString(), to: validUntil.toISOString(), wasStatus: statusAt(row, now) },
          subject: auditSubjectOf(row),
        });
      });
      return view(actor, (await findAlert(db, id))!);
    },

    withdraw: async (actor: Actor, id: string, input: AlertWithdrawInput): Promise<AlertView> => {
      const row = await loadVisible(actor, id, 'wanted.alert.withdraw');
      if (row.status === 'withdrawn') throw new ConflictProblem('The alert is already withdrawn.');
      const now = clock();
      await audit.command(async (tx) => {
        await updateAlertRow(tx, id, { status: 'withdrawn', withdrawnReason: input.reason, withdrawnAt: now, updatedAt: now });
        await insertAlertChange(tx, {
          alertId: id, changedBy: requireUser(actor).userId, changedAt: now, action: 'withdraw',
          changes: [{ field: 'status', before: statusAt(row, now), after: 'withdrawn' }, { field: 'withdrawnReason', before: '', after: input.reason }],
        });
        // The reason is the alert's content: it stays on the alert, the chain names the field.
        await audit.append(tx, { actor }, { action: 'wanted.alert.withdraw', recordType: 'wanted_alert', recordId: id, details: { fields: ['reason'] }, subject: auditSubjectOf(row) });
      });
      return view(actor, (await findAlert(db, id))!);
    },

    recipients: async (actor: Actor, marking: Marking): Promise<Recipients> => {
      const user = requireUser(actor);
      await assertUsableMarking(db, marking);
      return describeRecipients(db, marking, { id: user.organisationId, name: user.organisationName });
    },
  };
}
