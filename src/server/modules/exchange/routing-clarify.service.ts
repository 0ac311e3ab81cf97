import type { ThreadView } from '../../../contract/exchange';
import type { RouteAnswerInput } from '../../../contract/exchange-routing';
import { auditSubjectOf } from '../../access/audit-scope';
import { type Actor, hasRole } from '../../access/actor';
import { authorize } from '../../access/authorize';
import { ConflictProblem, ForbiddenProblem, UnprocessableProblem } from '../../platform/http/errors';
import { type ExchangeDeps, loadThread, loadVisibleItem, requireUser } from './exchange.context';
import { noticeRecipients } from './exchange.notices';
import { DESK_ROLES } from './exchange.policy';
import { insertEvent, updateItemIf } from './exchange.queries';
import { mayRoute } from './routing.policy';

const changed = () => new ConflictProblem('The item changed meanwhile; reload it and try again.');

/**
 * The contact-point desk holding a routed item asks its sender a question before it forwards or
 * returns it; the sending desk answers. The item keeps waiting (no clock runs before delivery);
 * question and answer are events of the item shown to those two desks only, each with a notice
 * and an e-mail that name no content.
 */
export function createRouteClarificationService(deps: ExchangeDeps) {
  const { db, audit, clock } = deps;

  return {
    ask: async (actor: Actor, id: string, question: string, ip: string): Promise<ThreadView> => {
      const user = requireUser(actor);
      const { row, access } = await loadVisibleItem(db, user, id);
      if (row.release !== 'awaiting_routing') throw new ConflictProblem(`${row.reference} is not waiting at a contact-point desk.`);
      if (!mayRoute(user, access)) throw new ForbiddenProblem('Only the contact-point desk the item passes can ask its sender.');
      authorize(user, 'exchange.item.route', access, { type: 'exchange_item', id });
      if (row.routeState === 'clarification_requested') throw new ConflictProblem(`A question on ${row.reference} already waits for the sender's answer.`);
      if (question.length === 0) throw new UnprocessableProblem('Write the question for the sender.', [{ path: 'note', message: 'write the question' }]);
      const now = clock();
      await audit.command(async (tx) => {
        if (!(await updateItemIf(tx, id, row, { routeState: 'clarification_requested', routeNote: question, routedBy: user.userId, routedAt: now, updatedAt: now }))) throw changed();
        await insertEvent(tx, { itemId: id, kind: 'route_question', note: question, actorId: user.userId, deskId: row.viaDeskId, at: now });
        await noticeRecipients(tx, row, [row.senderDeskId], 'clarification', deps);
        await audit.append(tx, { actor: user, ip }, {
          action: 'exchange.item.route',
          recordType: 'exchange_item',
          recordId: id,
          details: { decision: 'clarify', viaDeskId: row.viaDeskId },
          subject: auditSubjectOf(row),
        });
      });
      return (await loadThread(db, user, row.threadId, id, clock())).view;
    },

    answer: async (actor: Actor, id: string, input: RouteAnswerInput, ip: string): Promise<ThreadView> => {
      const user = requireUser(actor);
      const { row } = await loadVisibleItem(db, user, id);
      if (!user.deskIds.includes(row.senderDeskId) || !hasRole(user, ...DESK_ROLES)) throw new ForbiddenProblem('Only the sending desk answers the contact-point desk.');
      if (row.release !== 'awaiting_routing' || row.routeState !== 'clarification_requested') throw new ConflictProblem(`No question of the contact-point desk waits on ${row.reference}.`);
      const now = clock();
      await audit.command(async (tx) => {
        if (!(await updateItemIf(tx, id, row, { routeState: 'pending', routeNote: input.note, updatedAt: now }))) throw changed();
        await insertEvent(tx, { itemId: id, kind: 'route_answer', note: input.note, actorId: user.userId, deskId: row.senderDeskId, at: now });
        if (row.viaDeskId) await noticeRecipients(tx, row, [row.viaDeskId], 'clarified', deps);
        await audit.append(tx, { actor: user, ip }, {
          action: 'exchange.item.route_answer',
          recordType: 'exchange_item',
          recordId: id,
          details: { viaDeskId: row.viaDeskId },
          subject: auditSubjectOf(row),
        });
      });
      return (await loadThread(db, user, row.threadId, id, clock())).view;
    },
  };
}
