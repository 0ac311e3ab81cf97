import crypto from 'node:crypto';
import type { HotlineAckInput, HotlineAlert, HotlineAlertList, HotlineListQuery, HotlinePreview, HotlineRecipientsInput, HotlineSendInput, HotlineTarget } from '../../../contract/hotline';
import { auditSubjectOf } from '../../access/audit-scope';
import type { Actor, UserActor } from '../../access/actor';
import { authorize } from '../../access/authorize';
import type { Db } from '../../db/client';
import { NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import { listTopicNames } from '../portal';
import { markingProblems, previewAudience, readersOfDesks } from './exchange.audience';
import { type ExchangeDeps, requireUser } from './exchange.context';
import { loadDeskRefs, loadUserNames } from './exchange.queries';
import { type FeedEntry, appendFeed } from './hotline.feed';
import { receivingDesksOf } from './hotline.policy';
import { alertAccess, presentAlert } from './hotline.presenter';
import { acknowledgeDelivery, activeDeskIdsOfArea, findAlert, findAlerts, insertAlert, listAlerts, loadDeliveries, loadEscalations, markSeen } from './hotline.queries';
import type { AlertRow, DeliveryRow, FeedKind } from './hotline.schema';

type Problem = { path: string; message: string };

/** A random reference: it never reveals how many alerts exist. */
function newAlertReference(economy: string): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  return `HL-${economy}-${Array.from(crypto.randomBytes(10), (byte) => alphabet[byte % alphabet.length]).join('')}`;
}

function assertOwnDesk(actor: UserActor, deskId: string, path = 'senderDeskId') {
  if (!actor.deskIds.includes(deskId)) {
    throw new UnprocessableProblem('You can act only on behalf of a desk you belong to.', [{ path, message: 'not one of your desks' }]);
  }
}

/** Everything needed to present these alerts to any user, loaded once (the live stream presents to many). */
export async function loadAlertPresenter(db: Db, rows: AlertRow[]) {
  const ids = rows.map((row) => row.id);
  const [deliveries, escalations] = await Promise.all([loadDeliveries(db, ids), loadEscalations(db, ids)]);
  const all = [...deliveries.values()].flat();
  const deskIds = [...rows.map((row) => row.senderDeskId), ...all.flatMap((delivery) => [delivery.deskId, ...(delivery.escalatedFor ? [delivery.escalatedFor] : [])])];
  const userIds = [...rows.map((row) => row.authorId), ...all.flatMap((delivery) => [delivery.seenBy, delivery.acknowledgedBy].filter((id): id is string => id !== null))];
  const [desks, names] = await Promise.all([loadDeskRefs(db, deskIds), loadUserNames(db, userIds)]);
  return {
    deliveriesOf: (alertId: string) => deliveries.get(alertId) ?? [],
    present: (actor: UserActor, row: AlertRow, withBody: boolean): HotlineAlert => {
      const view = presentAlert(actor, row, deliveries.get(row.id) ?? [], escalations, { desks, names });
      return withBody ? view : { ...view, body: null };
    },
  };
}

/** The alerts, presented for the actor; `withBody` only where the read is audited. */
export async function presentAlerts(db: Db, actor: UserActor, rows: AlertRow[], withBody: boolean): Promise<HotlineAlert[]> {
  const presenter = await loadAlertPresenter(db, rows);
  return rows.map((row) => presenter.present(actor, row, withBody));
}

/**
 * Appends an event to the stream of every reader of the given desks (and `update` to the
 * sending desk's readers) in the caller's transaction; returns the receiving readers.
 */
export async function fanOut(tx: Db, row: AlertRow, deliveries: DeliveryRow[], to: { deskIds: string[]; kind: FeedKind }, at: Date): Promise<string[]> {
  const access = alertAccess(row, deliveries);
  const [receivers, senders] = await Promise.all([to.deskIds.length ? readersOfDesks(tx, to.deskIds, access) : [], readersOfDesks(tx, [row.senderDeskId], access)]);
  const entries: FeedEntry[] = [...receivers.map((userId) => ({ userId, kind: to.kind })), ...senders.map((userId) => ({ userId, kind: 'update' as const }))];
  await appendFeed(tx, row.id, entries, at);
  return receivers;
}

export function createHotlineService(deps: ExchangeDeps) {
  const { db, audit, clock } = deps;

  async function targetDesks(actor: UserActor, senderDeskId: string, target: HotlineTarget): Promise<string[]> {
    if ('deskIds' in target) return [...new Set(target.deskIds)];
    return (await activeDeskIdsOfArea(db, target.area)).filter((deskId) => deskId !== senderDeskId);
  }

  async function audience(actor: UserActor, input: HotlineRecipientsInput) {
    const recipientDeskIds = await targetDesks(actor, input.senderDeskId, input.target);
    const record = { ...input.marking, ownerOrganisationId: actor.organisationId, ownerEconomy: actor.economy };
    const check = await previewAudience(db, { senderDeskId: input.senderDeskId, recipientDeskIds, record, single: false });
    const problems: Problem[] = [...(await markingProblems(db, input.marking)), ...check.problems];
    if (recipientDeskIds.length === 0) problems.push({ path: 'target', message: 'no active desk of this area to alert' });
    return { recipientDeskIds, preview: { desks: check.desks, readers: check.readers, problems } };
  }

  async function loadVisible(actor: UserActor, id: string): Promise<{ row: AlertRow; deliveries: DeliveryRow[] }> {
    const row = await findAlert(db, id);
    if (!row) throw new NotFoundProblem();
    const deliveries = (await loadDeliveries(db, [id])).get(id) ?? [];
    authorize(actor, 'hotline.alert.read', alertAccess(row, deliveries), { type: 'hotline_alert', id, subject: auditSubjectOf(row) });
    return { row, deliveries };
  }

  const present = async (actor: UserActor, id: string) => (await presentAlerts(db, actor, (await findAlerts(db, [id])), true))[0]!;

  return {
    preview: async (actor: Actor, input: HotlineRecipientsInput): Promise<HotlinePreview> => {
      const user = requireUser(actor);
      assertOwnDesk(user, input.senderDeskId);
      return (await audience(user, input)).preview;
    },

    send: async (actor: Actor, input: HotlineSendInput, ip: string): Promise<HotlineAlert> => {
      const user = requireUser(actor);
      authorize(user, 'hotline.alert.send');
      assertOwnDesk(user, input.senderDeskId);
      const { recipientDeskIds, preview } = await audience(user, input);
      const problems = [...preview.problems];
      if (input.crimeArea && !(await listTopicNames(db)).some((topic) => topic.slug === input.crimeArea)) problems.push({ path: 'crimeArea', message: 'not a known crime area' });
      if (problems.length) throw new UnprocessableProblem('This alert cannot go as it is: every recipient desk must be able to read it.', problems);
      const now = clock();
      const row = await audit.command(async (tx) => {
        const alert = await insertAlert(
          tx,
          {
            reference: newAlertReference(user.economy),
            kind: input.kind,
            subject: input.subject,
            body: input.body,
            crimeArea: input.crimeArea,
            area: 'area' in input.target ? input.target.area : null,
            senderDeskId: input.senderDeskId,
            authorId: user.userId,
            ...input.marking,
            ownerOrganisationId: user.organisationId,
            ownerEconomy: user.economy,
            sentAt: now,
          },
          recipientDeskIds,
        );
        const deliveries = (await loadDeliveries(tx, [alert.id])).get(alert.id) ?? [];
        // The live stream tells whoever is online; a notification to every member is the ladder's first step.
        const readers = await fanOut(tx, alert, deliveries, { deskIds: recipientDeskIds, kind: 'alert' }, now);
        await audit.append(tx, { actor: user, ip }, {
          action: 'hotline.alert.send',
          recordType: 'hotline_alert',
          recordId: alert.id,
          details: { kind: alert.kind, senderDeskId: alert.senderDeskId, recipientDeskIds, area: alert.area, readers: readers.length },
          subject: auditSubjectOf(alert),
        });
        return alert;
      });
      return present(user, row.id);
    },

    list: async (actor: Actor, query: HotlineListQuery): Promise<HotlineAlertList> => {
      const user = requireUser(actor);
      return { items: await presentAlerts(db, user, await listAlerts(db, user, query.box, query.open), false) };
    },

    /** Opening an alert: audited; the first opening by a member of a receiving desk marks it seen for that desk. */
    open: async (actor: Actor, id: string, ip: string): Promise<HotlineAlert> => {
      const user = requireUser(actor);
      const { row, deliveries } = await loadVisible(user, id);
      const mine = receivingDesksOf(user, alertAccess(row, deliveries));
      const now = clock();
      await audit.command(async (tx) => {
        const seen = await markSeen(tx, id, mine, user.userId, now);
        if (seen.length) await fanOut(tx, row, deliveries, { deskIds: [], kind: 'update' }, now);
        await audit.append(tx, { actor: user, ip }, { action: 'hotline.alert.read', recordType: 'hotline_alert', recordId: id, details: { seenForDeskIds: seen }, subject: auditSubjectOf(row) });
      });
      return present(user, id);
    },

    /** Idempotent: a second (or concurrent) acknowledgement for the same desk changes nothing and answers the alert. */
    acknowledge: async (actor: Actor, id: string, input: HotlineAckInput, ip: string): Promise<HotlineAlert> => {
      const user = requireUser(actor);
      const { row, deliveries } = await loadVisible(user, id);
      assertOwnDesk(user, input.deskId, 'deskId');
      const delivery = deliveries.find((entry) => entry.deskId === input.deskId);
      if (!delivery) throw new UnprocessableProblem('This alert was not delivered to that desk.', [{ path: 'deskId', message: 'not a receiving desk of this alert' }]);
      if (!delivery.acknowledgedAt) {
        const now = clock();
        await audit.command(async (tx) => {
          if (!(await acknowledgeDelivery(tx, id, input.deskId, user.userId, now))) return;
          await fanOut(tx, row, deliveries, { deskIds: [input.deskId], kind: 'update' }, now);
          await audit.append(tx, { actor: user, ip }, { action: 'hotline.alert.acknowledge', recordType: 'hotline_alert', recordId: id, details: { deskId: input.deskId }, subject: auditSubjectOf(row) });
        });
      }
      return present(user, id);
    },
  };
}
