import type { Actor } from '../../access/actor';
import { can } from '../../access/policy';
import type { ExchangeDeps } from './exchange.context';
import { createInboxService } from './inbox.service';

/** Requests due soon and overdue in the user's desks' inbox, and items awaiting the user's approval: the inbox's own scope. */
export async function listExchangeWork(deps: ExchangeDeps, actor: Actor, pageSize: number) {
  if (!can(actor, 'exchange.item.list') || actor.kind !== 'user' || actor.deskIds.length === 0) return null;
  const inbox = createInboxService(deps);
  const base = { page: 1, pageSize, box: 'inbox' as const };
  const [dueSoon, overdue, approvals] = await Promise.all([
    inbox.list(actor, { ...base, flag: 'due_soon' }),
    inbox.list(actor, { ...base, flag: 'overdue' }),
    can(actor, 'exchange.item.approve') ? inbox.list(actor, { ...base, box: 'approvals' }) : Promise.resolve(null),
  ]);
  return { dueSoon, overdue, approvals };
}
