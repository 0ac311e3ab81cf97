import type { AlertHistory, AlertLinkInput } from '../../../contract/wanted-alerts';
import type { AlertView } from '../../../contract/wanted';
import type { Actor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { ConflictProblem, NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import {
  deleteAlertLink,
  findAlertIdByReference,
  findLink,
  findLinkBetween,
  insertAlertChange,
  insertAlertLink,
  listAlertChanges,
} from './alert-extras.queries';
import { alertRecord } from './alerts.presenter';
import type { createAlertService, WantedDeps } from './alerts.service';
import { requireUser } from './alerts.service';
import { canReadAlert } from './wanted.policy';
import { findAlert, findAlertsByIds } from './wanted.queries';

type AlertService = ReturnType<typeof createAlertService>;
type ChangeRow = Awaited<ReturnType<typeof listAlertChanges>>[number];

/** A link's history names the other alert by id; it is shown (by reference) only to those who may read it. */
const LINK_FIELD = 'link:';

/** An alert's history of changes and its links to other alerts. */
export function createAlertExtrasService(deps: WantedDeps, alerts: AlertService) {
  const { db, audit, clock } = deps;

  async function readableChanges(actor: Actor, rows: ChangeRow[]): Promise<ChangeRow[]> {
    const linkedIds = rows.flatMap((row) => row.changes.flatMap((change) => (change.field.startsWith(LINK_FIELD) ? [change.field.slice(LINK_FIELD.length)] : [])));
    const now = clock();
    const readable = new Map((await findAlertsByIds(db, [...new Set(linkedIds)])).filter((row) => canReadAlert(actor, alertRecord(row, now))).map((row) => [row.id, row.reference]));
    return rows.flatMap((row) => {
      const changes = row.changes.flatMap((change) => {
        if (!change.field.startsWith(LINK_FIELD)) return [change];
        const reference = readable.get(change.field.slice(LINK_FIELD.length));
        const shown = (relation: string) => (relation ? `${relation}: ${reference}` : '');
        return reference ? [{ field: 'links', before: shown(change.before), after: shown(change.after) }] : [];
      });
      return changes.length === 0 && row.changes.length > 0 ? [] : [{ ...row, changes }];
    });
  }

  return {
    /** Who changed what and when, before and after: for readers of the alert only (404 otherwise). */
    history: async (actor: Actor, id: string, ip: string): Promise<AlertHistory> => {
      const alert = await alerts.loadVisible(actor, id, 'wanted.alert.read');
      const rows = await readableChanges(actor, await listAlertChanges(db, id));
      await audit.record({ actor, ip }, { action: 'wanted.alert.history', recordType: 'wanted_alert', recordId: id, subject: auditSubjectOf(alert) });
      return { items: rows.map((row) => ({ id: row.id, action: row.action, changedBy: row.changedBy, changedAt: row.changedAt.toISOString(), changes: row.changes })) };
    },

    link: async (actor: Actor, id: string, input: AlertLinkInput): Promise<AlertView> => {
      const user = requireUser(actor);
      const alert = await alerts.loadVisible(actor, id, 'wanted.alert.update');
      const now = clock();
      const otherId = await findAlertIdByReference(db, input.reference);
      const other = otherId ? await findAlert(db, otherId) : null;
      // An alert the user may not read is refused exactly like one that does not exist.
      if (!other || !canReadAlert(actor, alertRecord(other, now))) {
        throw new UnprocessableProblem('There is no alert you may read with that reference.', [{ path: 'reference', message: 'not found' }]);
      }
      if (other.id === id) throw new UnprocessableProblem('An alert cannot be linked to itself.', [{ path: 'reference', message: 'the same alert' }]);
      if (await findLinkBetween(db, id, other.id)) throw new ConflictProblem('These two alerts are already linked.');
      await audit.command(async (tx) => {
        const link = await insertAlertLink(tx, { alertId: id, linkedAlertId: other.id, relation: input.relation, createdBy: user.userId, createdAt: now });
        await insertAlertChange(tx, { alertId: id, changedBy: user.userId, changedAt: now, action: 'link', changes: [{ field: `${LINK_FIELD}${other.id}`, before: '', after: input.relation }] });
        await audit.append(tx, { actor }, {
          action: 'wanted.alert.link',
          recordType: 'wanted_alert',
          recordId: id,
          details: { linkId: link.id, linkedAlertId: other.id, relation: input.relation },
          subject: auditSubjectOf(alert),
        });
      });
      return alerts.view(actor, (await findAlert(db, id))!);
    },

    unlink: async (actor: Actor, id: string, linkId: string): Promise<AlertView> => {
      const user = requireUser(actor);
      const alert = await alerts.loadVisible(actor, id, 'wanted.alert.update');
      const now = clock();
      const link = await findLink(db, id, linkId);
      const otherId = link ? (link.alertId === id ? link.linkedAlertId : link.alertId) : null;
      const other = otherId ? await findAlert(db, otherId) : null;
      if (!link || !other || !canReadAlert(actor, alertRecord(other, now))) throw new NotFoundProblem();
      await audit.command(async (tx) => {
        await deleteAlertLink(tx, link.id);
        await insertAlertChange(tx, { alertId: id, changedBy: user.userId, changedAt: now, action: 'unlink', changes: [{ field: `${LINK_FIELD}${other.id}`, before: link.relation, after: '' }] });
        await audit.append(tx, { actor }, { action: 'wanted.alert.unlink', recordType: 'wanted_alert', recordId: id, details: { linkId, linkedAlertId: other.id }, subject: auditSubjectOf(alert) });
      });
      return alerts.view(actor, (await findAlert(db, id))!);
    },
  };
}
