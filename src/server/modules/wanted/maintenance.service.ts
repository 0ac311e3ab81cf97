import { sql } from 'drizzle-orm';
import { anonymousActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import type { AuditService } from '../../platform/audit/audit.service';
import { notifyDesk } from '../notifications';

/** How long before a review date the issuing desk is reminded. */
export const REVIEW_REMINDER_DAYS = 14;

export interface MaintenanceReport {
  expired: string[];
  reminded: string[];
}

/**
 * Marks alerts past their validity as expired (they already read as expired, this makes it
 * stored and tells the desk) and reminds desks of reviews due within REVIEW_REMINDER_DAYS,
 * once per review date. Safe to run as often as wanted.
 */
export async function runWantedMaintenance(deps: { db: Db; audit: AuditService; clock: () => Date }, reminderDays = REVIEW_REMINDER_DAYS): Promise<MaintenanceReport> {
  const now = deps.clock();
  const at = now.toISOString();
  const horizon = new Date(now.getTime() + reminderDays * 86_400_000).toISOString();
  const context = { actor: anonymousActor };
  return deps.audit.command(async (tx) => {
    const expired = rowsOf<{ id: string; reference: string; issuing_desk_id: string }>(
      await tx.execute(sql`update wanted_alerts set status = 'expired', updated_at = ${at}::timestamptz
        where status = 'active' and valid_until <= ${at}::timestamptz returning id, reference, issuing_desk_id`),
    );
    for (const alert of expired) {
      await notifyDesk(tx, {
        deskId: alert.issuing_desk_id,
        kind: 'wanted.alert.expired',
        title: `Alert ${alert.reference} has expired`,
        body: 'Its validity has ended; screening no longer hits it. Extend it if it is still needed.',
        link: `/wanted/alerts/${alert.id}`,
        recordType: 'wanted_alert',
        recordId: alert.id,
      });
      await deps.audit.append(tx, context, { action: 'wanted.alert.expire', actorLabel: 'system', recordType: 'wanted_alert', recordId: alert.id, details: { reference: alert.reference } });
    }
    const due = rowsOf<{ id: string; reference: string; issuing_desk_id: string; review_at: string | Date }>(
      await tx.execute(sql`update wanted_alerts set review_reminded_at = ${at}::timestamptz
        where status = 'active' and valid_until > ${at}::timestamptz and review_at is not null
          and review_at <= ${horizon}::timestamptz and review_reminded_at is null
        returning id, reference, issuing_desk_id, review_at`),
    );
    for (const alert of due) {
      const reviewDate = new Date(alert.review_at).toISOString().slice(0, 10);
      await notifyDesk(tx, {
        deskId: alert.issuing_desk_id,
        kind: 'wanted.alert.review',
        title: `Review alert ${alert.reference} by ${reviewDate}`,
        body: 'Check that the alert is still needed and correct; extend or withdraw it.',
        link: `/wanted/alerts/${alert.id}`,
        recordType: 'wanted_alert',
        recordId: alert.id,
      });
      await deps.audit.append(tx, context, { action: 'wanted.alert.review_reminder', actorLabel: 'system', recordType: 'wanted_alert', recordId: alert.id, details: { reference: alert.reference, reviewAt: reviewDate } });
    }
    return { expired: expired.map((row) => row.reference), reminded: due.map((row) => row.reference) };
  });
}
