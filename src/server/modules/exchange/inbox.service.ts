import type { ItemListQuery, ItemPage, ThreadView } from '../../../contract/exchange';
import { auditSubjectOf } from '../../access/audit-scope';
import type { Actor } from '../../access/actor';
import { UnprocessableProblem } from '../../platform/http/errors';
import { foldText } from '../portal';
import { type ExchangeDeps, buildLookups, loadThread, loadVisibleItem, requireUser } from './exchange.context';
import { sideOf } from './exchange.policy';
import { presentSummary } from './exchange.presenter';
import { insertEvent, listThreadItems, loadRecipients, recordRead, updateItemIf, visibleItems } from './exchange.queries';
import { countInboxFlags } from './inbox.counters';
import { countFacets, listInbox } from './inbox.queries';

/** The inbox of the user's desks, and reading an item with its thread. */
export function createInboxService(deps: ExchangeDeps) {
  const { db, audit, clock } = deps;

  return {
    list: async (actor: Actor, query: ItemListQuery): Promise<ItemPage> => {
      const user = requireUser(actor);
      if (query.deskId && !user.deskIds.includes(query.deskId)) {
        throw new UnprocessableProblem('You can open only the inbox of a desk you belong to.', [{ path: 'deskId', message: 'not one of your desks' }]);
      }
      const deskIds = query.deskId ? [query.deskId] : user.deskIds;
      const words = query.q ? foldText(query.q).split(/\s+/).filter((word) => word.length > 0).slice(0, 8) : [];
      const now = clock();
      const filter = { actor: user, deskIds, query, words, now };
      const [{ rows, total }, facets, counts] = await Promise.all([listInbox(db, filter), countFacets(db, filter), countInboxFlags(db, user, deskIds, now)]);
      const lookups = await buildLookups(db, user, rows, [], now);
      return { items: rows.map((row) => presentSummary(user, row, lookups)), total, page: query.page, pageSize: query.pageSize, counts, facets };
    },

    /**
     * Reading shows the whole visible thread, so every item shown counts as read and is audited.
     * The first opening by the receiving desk marks a request received.
     */
    read: async (actor: Actor, id: string, ip: string): Promise<ThreadView> => {
      const user = requireUser(actor);
      const focus = await loadVisibleItem(db, user, id);
      const now = clock();
      const rows = await listThreadItems(db, focus.row.threadId, visibleItems(user));
      const recipients = await loadRecipients(db, rows.map((row) => row.id));
      const readingDesk = (itemId: string, senderDeskId: string) =>
        [senderDeskId, ...(recipients.get(itemId) ?? [])].find((deskId) => user.deskIds.includes(deskId)) ?? null;
      await audit.command(async (tx) => {
        for (const row of rows) await recordRead(tx, { itemId: row.id, userId: user.userId, deskId: readingDesk(row.id, row.senderDeskId), at: now });
        if (focus.row.state === 'sent' && focus.row.release === 'released' && sideOf(user, focus.access) === 'recipient') {
          const deskId = focus.access.recipientDeskIds.find((desk) => user.deskIds.includes(desk)) ?? null;
          if (await updateItemIf(tx, id, focus.row, { state: 'received', updatedAt: now })) {
            await insertEvent(tx, { itemId: id, kind: 'transition', fromState: 'sent', toState: 'received', deskId, actorId: user.userId, at: now });
          }
        }
        await audit.appendMany(
          tx,
          { actor: user, ip },
          rows.map((row) => ({ action: 'exchange.item.read', recordType: 'exchange_item', recordId: row.id, subject: auditSubjectOf(row) })),
        );
      });
      return (await loadThread(db, user, focus.row.threadId, id, clock())).view;
    },
  };
}
