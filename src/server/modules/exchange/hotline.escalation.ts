import type { EscalationStep } from '../../../contract/hotline';
import { anonymousActor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import type { Db } from '../../db/client';
import type { AppDeps } from '../../platform/deps';
import { notifyUser } from '../notifications';
import { readersOfDesks } from './exchange.audience';
import { fanOut } from './hotline.service';
import { alertAccess } from './hotline.presenter';
import { claimEscalationStep, findAlerts, findDutyDesk, insertDutyDelivery, insertEscalation, listDueEscalations, loadDeliveries, loadEmails } from './hotline.queries';
import type { AlertRow, DeliveryRow } from './hotline.schema';

export type EscalationDeps = Pick<AppDeps, 'db' | 'audit' | 'clock' | 'mailer' | 'config'>;

const notice = (tx: Db, userIds: string[], row: AlertRow, title: string) =>
  Promise.all(userIds.map((userId) => notifyUser(tx, { userId, kind: 'hotline.escalation', title, link: `/exchange/hotline?alert=${row.id}`, recordType: 'hotline_alert', recordId: row.id })));

/** Runs one step for one desk inside the transaction; returns how many it reached (0: skipped). */
async function runStep(deps: EscalationDeps, tx: Db, step: EscalationStep, row: AlertRow, delivery: DeliveryRow, now: Date): Promise<number> {
  const deliveries = (await loadDeliveries(tx, [row.id])).get(row.id) ?? [];
  const access = alertAccess(row, deliveries);
  switch (step) {
    case 'members': {
      const readers = await fanOut(tx, row, deliveries, { deskIds: [delivery.deskId], kind: 'escalation' }, now);
      await notice(tx, readers, row, `Urgent alert ${row.reference} still waits for your desk's acknowledgement`);
      return readers.length;
    }
    case 'duty_desk': {
      const duty = await findDutyDesk(tx, delivery.deskId);
      if (!duty) return 0;
      const readers = await readersOfDesks(tx, [duty.id], access);
      if (readers.length === 0) return 0;
      await insertDutyDelivery(tx, row.id, duty.id, delivery.deskId, now);
      const withDuty = (await loadDeliveries(tx, [row.id])).get(row.id) ?? [];
      await fanOut(tx, row, withDuty, { deskIds: [duty.id], kind: 'escalation' }, now);
      await notice(tx, readers, row, `Urgent alert ${row.reference}: a desk of your economy has not acknowledged it`);
      return readers.length;
    }
    case 'email': {
      const readers = await readersOfDesks(tx, [delivery.deskId], access);
      const addresses = await loadEmails(tx, readers, delivery.deskId);
      const link = `${deps.config.publicUrl}/exchange/hotline?alert=${row.id}`;
      await deps.mailer.enqueue(
        tx,
        addresses.map((to) => ({
          to,
          subject: 'Mosaic: an urgent alert waits for your desk',
          text: `An urgent alert in Mosaic is waiting for your desk's acknowledgement.\n\nSign in to see it: ${link}\n`,
          reason: 'hotline.escalation',
        })),
      );
      return addresses.length;
    }
  }
}

/**
 * Climbs the ladder for every addressed desk that has not acknowledged: step n runs once n
 * periods have passed since the alert was queued. Each step is claimed by a guarded update, so
 * two app nodes never run the same one; recorded, audited and sent to the sender's stream.
 */
export async function runHotlineEscalation(deps: EscalationDeps): Promise<number> {
  const steps = deps.config.HOTLINE_ESCALATION_STEPS;
  if (steps.length === 0) return 0;
  const now = deps.clock();
  const due = await listDueEscalations(deps.db, now, deps.config.HOTLINE_ESCALATE_AFTER_SECONDS * 1000, steps.length);
  const alerts = new Map((await findAlerts(deps.db, [...new Set(due.map((delivery) => delivery.alertId))])).map((row) => [row.id, row]));
  let ran = 0;
  for (const delivery of due) {
    const row = alerts.get(delivery.alertId);
    const step = steps[delivery.escalationStep];
    if (!row || !step) continue;
    await deps.audit.command(async (tx) => {
      if (!(await claimEscalationStep(tx, delivery))) return;
      const reached = await runStep(deps, tx, step, row, delivery, now);
      await insertEscalation(tx, { alertId: row.id, deskId: delivery.deskId, step, outcome: reached > 0 ? 'done' : 'skipped', reached, at: now });
      const deliveries = (await loadDeliveries(tx, [row.id])).get(row.id) ?? [];
      await fanOut(tx, row, deliveries, { deskIds: [], kind: 'update' }, now);
      await deps.audit.append(tx, { actor: anonymousActor }, {
        action: 'hotline.alert.escalate',
        actorLabel: 'system',
        recordType: 'hotline_alert',
        recordId: row.id,
        details: { deskId: delivery.deskId, step, reached },
        subject: auditSubjectOf(row),
      });
      ran += 1;
    });
  }
  return ran;
}
