import { sql } from 'drizzle-orm';
import { anonymousActor } from '../../access/actor';
import { type AuditSubject, auditSubjectOf } from '../../access/audit-scope';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import type { AuditService } from '../../platform/audit/audit.service';
import { notifyDesk } from '../notifications';
import { notifyAlertChange } from './screening.index.queries';

interface MarkingColumns {
  owner_economy: string;
  tlp: AuditSubjectInput['tlp'];
  releasable_economies: string[];
  releasable_organisations: string[];
  sharing_groups: string[];
}
type AuditSubjectInput = Parameters<typeof auditSubjectOf>[0];
const MARKING_RETURNING = sql.raw('owner_economy, tlp, releasable_economies, releasable_organisations::text[] as releasable_organisations, sharing_groups::text[] as sharing_groups');

function subjectOf(row: MarkingColumns): AuditSubject {
  return auditSubjectOf({
    ownerEconomy: row.owner_economy,
    tlp: row.tlp,
    releasableEconomies: row.releasable_economies,
    releasableOrganisations: row.releasable_organisations,
    sharingGroups: row.sharing_groups,
  });
}

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
    const expired = rowsOf<{ id: string; reference: string; issuing_desk_id: string } & MarkingColumns>(
      await tx.execute(sql`update wanted_alerts set status = 'expired', updated_at = ${at}::timestamptz
        where status = 'active' and valid_until <= ${at}::timestamptz returning id, reference, issuing_desk_id, ${MARKING_RETURNING}`),
    );
    for (const alert of expired) {
      await notifyAlertChange(tx, alert.id);
      await notifyDesk(tx, {
        deskId: alert.issuing_desk_id,
        kind: 'wanted.alert.expired',
        title: `Alert ${alert.reference} has expired`,
        body: 'Its validity has ended; screening no longer hits it. Extend it if it is still needed.',
        link: `/wanted/alerts/${alert.id}`,
        recordType: 'wanted_alert',
        recordId: alert.id,
      });
      await deps.audit.append(tx, context, { action: 'wanted.alert.expire', actorLabel: 'system', recordType: 'wanted_alert', recordId: alert.id, subject: subjectOf(alert) });
    }
    const due = rowsOf<{ id: string; reference: string; issuing_desk_id: string; review_at: string | Date } & MarkingColumns>(
      await tx.execute(sql`update wanted_alerts set review_reminded_at = ${at}::timestamptz
        where status = 'active' and valid_until > ${at}::timestamptz and review_at is not null
          and review_at <= ${horizon}::timestamptz and review_reminded_at is null
        returning id, reference, issuing_desk_id, review_at, ${MARKING_RETURNING}`),
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
      await deps.audit.append(tx, context, { action: 'wanted.alert.review_reminder', actorLabel: 'system', recordType: 'wanted_alert', recordId: alert.id, details: { reviewAt: reviewDate }, subject: subjectOf(alert) });
    }
    return { expired: expired.map((row) => row.reference), reminded: due.map((row) => row.reference) };
  });
}
