import { anonymousActor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { formatDeadlineForNotice } from './exchange.deadlines';
import { readersOfDesks } from './exchange.audience';
import type { ExchangeDeps } from './exchange.context';
import { itemAccess } from './exchange.presenter';
import { listRequestsToRemind, loadRecipients, markReminded } from './exchange.queries';
import { notifyUser } from '../notifications';
import { mailDeskReaders } from './exchange.mail';

/**
 * Reminds the receiving desk of each open request once its deadline is near (the "due soon"
 * window) or past: every member who may read it gets a notice that names only the reference
 * and the deadline, never the content. Once per request and clock; safe to run as often as wanted.
 */
export async function runExchangeReminders(deps: ExchangeDeps): Promise<string[]> {
  const now = deps.clock();
  const rows = await listRequestsToRemind(deps.db, now);
  const recipients = await loadRecipients(deps.db, rows.map((row) => row.id));
  const reminded: string[] = [];
  for (const row of rows) {
    const deskIds = recipients.get(row.id) ?? [];
    const readers = await readersOfDesks(deps.db, deskIds, itemAccess(row, deskIds));
    await deps.audit.command(async (tx) => {
      if (!(await markReminded(tx, row.id, now))) return;
      for (const userId of readers) {
        await notifyUser(tx, {
          userId,
          kind: 'exchange.request.due',
          title: `Request ${row.reference}: answer due ${formatDeadlineForNotice(row.dueAt!)}`,
          link: `/exchange/items/${row.id}`,
          recordType: 'exchange_item',
          recordId: row.id,
        });
      }
      await mailDeskReaders(tx, deps, row, deskIds, 'due');
      await deps.audit.append(tx, { actor: anonymousActor }, { action: 'exchange.request.remind', actorLabel: 'system', recordType: 'exchange_item', recordId: row.id, details: { notified: readers.length }, subject: auditSubjectOf(row) });
      reminded.push(row.id);
    });
  }
  return reminded;
}
