import type { Marking } from '../../../contract/core';
import type { DeskRef, ThreadView } from '../../../contract/exchange';
import type { RouteDecisionInput } from '../../../contract/exchange-routing';
import { auditSubjectOf } from '../../access/audit-scope';
import type { Actor } from '../../access/actor';
import { authorize } from '../../access/authorize';
import type { Db } from '../../db/client';
import { ConflictProblem, ForbiddenProblem, UnprocessableProblem } from '../../platform/http/errors';
import type { MarkedRecord } from '../../access/marking';
import { economiesOfOrganisations, markingProblems, previewAudience, readersOfDesks } from './exchange.audience';
import { type ExchangeDeps, loadThread, loadVisibleItem, requireUser } from './exchange.context';
import { answerPeriodMs } from './exchange.deadlines';
import { isWithinMarking } from './exchange.marking';
import { noticeRecipients } from './exchange.notices';
import { markingOf } from './exchange.presenter';
import { loadDeskRefs, updateItemIf } from './exchange.queries';
import { createRouteClarificationService } from './routing-clarify.service';
import { mayRoute } from './routing.policy';
import { contactDeskIdOf, deskEconomies, loadEconomySettings, routingModeFor } from './routing.queries';

/**
 * The desk an item must pass first: the sender economy's contact-point desk, when the item goes
 * to a desk of another economy, the economy's rule for the crime area says so, and the sender
 * is not that desk already. Null: the item goes direct.
 */
export async function planRoute(db: Db, input: { senderDeskId: string; recipientDeskIds: string[]; crimeArea: string | null }): Promise<DeskRef | null> {
  const economies = await deskEconomies(db, [input.senderDeskId, ...input.recipientDeskIds]);
  const home = economies.get(input.senderDeskId);
  if (!home || !input.recipientDeskIds.some((deskId) => economies.has(deskId) && economies.get(deskId) !== home)) return null;
  if ((await routingModeFor(db, home, input.crimeArea)) !== 'via_contact_point') return null;
  const viaId = await contactDeskIdOf(db, home, (await loadEconomySettings(db, home)).contactDeskId);
  if (!viaId || viaId === input.senderDeskId) return null;
  return (await loadDeskRefs(db, [viaId])).get(viaId) ?? null;
}

/** A reply cannot reach another economy around the contact point: it must be a party of the conversation. */
export function assertReplyRoute(via: DeskRef | null, conversation: string[]): void {
  if (via && !conversation.includes(via.id)) {
    throw new UnprocessableProblem(`Items of your economy in this area pass through ${via.name}; a reply cannot go around it. Write a new item instead.`, [
      { path: 'senderDeskId', message: `must pass through ${via.name}` },
    ]);
  }
}

export function createRoutingService(deps: ExchangeDeps) {
  const { db, audit, clock } = deps;
  const clarifications = createRouteClarificationService(deps);

  return {
    /** The contact-point desk forwards the item to its recipients (the clock starts) or returns it to the sender with a note. */
    decide: async (actor: Actor, id: string, input: RouteDecisionInput, ip: string): Promise<ThreadView> => {
      const user = requireUser(actor);
      const { row, access } = await loadVisibleItem(db, user, id);
      if (row.release !== 'awaiting_routing') throw new ConflictProblem(`${row.reference} is not waiting at a contact-point desk.`);
      if (!mayRoute(user, access)) throw new ForbiddenProblem('Only the contact-point desk the item passes can forward or return it.');
      authorize(user, 'exchange.item.route', access, { type: 'exchange_item', id });
      const now = clock();
      if (input.decision === 'clarify') return clarifications.ask(user, id, input.note, ip);
      const patch: Record<string, unknown> = { routedBy: user.userId, routedAt: now, updatedAt: now };
      let marking: Marking = markingOf(row);
      if (input.decision === 'return') {
        if (input.note.length === 0) throw new UnprocessableProblem('Say what the sender should change.', [{ path: 'note', message: 'write a note for the sender' }]);
        Object.assign(patch, { release: 'returned', routeState: 'returned', routeNote: input.note });
      } else {
        if (input.marking) {
          const economies = await economiesOfOrganisations(db, input.marking.releasableOrganisations);
          const problems = await markingProblems(db, input.marking);
          if (!isWithinMarking(input.marking, marking, economies)) problems.push({ path: 'marking', message: 'wider than the item as sent' });
          if (problems.length) throw new UnprocessableProblem(`The marking may only keep or narrow that of ${row.reference}.`, problems);
          marking = input.marking;
        }
        const record = { ...marking, ownerOrganisationId: row.ownerOrganisationId, ownerEconomy: row.ownerEconomy };
        const check = await previewAudience(db, { senderDeskId: row.senderDeskId, recipientDeskIds: access.recipientDeskIds, record, single: false });
        if (check.problems.length) throw new UnprocessableProblem('Not every recipient desk could read this item: return it to the sender.', check.problems);
        const dueAt = row.state ? new Date(now.getTime() + answerPeriodMs(row.urgency, row.accessibility)) : null;
        Object.assign(patch, { ...marking, release: 'released', routeState: 'forwarded', routeNote: input.note || null, sentAt: now, dueAt });
      }
      await audit.command(async (tx) => {
        if (!(await updateItemIf(tx, id, row, patch))) throw new ConflictProblem('The item changed meanwhile; reload it and try again.');
        const updated = { ...row, ...marking, sentAt: now };
        if (input.decision === 'forward') await noticeRecipients(tx, updated, access.recipientDeskIds, 'delivered', deps);
        else await noticeRecipients(tx, updated, [row.senderDeskId], 'returned', deps);
        await audit.append(tx, { actor: user, ip }, {
          action: 'exchange.item.route',
          recordType: 'exchange_item',
          recordId: id,
          details: { decision: input.decision, viaDeskId: row.viaDeskId, recipientDeskIds: access.recipientDeskIds, narrowed: input.marking !== undefined },
          subject: auditSubjectOf(updated),
        });
      });
      return (await loadThread(db, user, row.threadId, id, clock())).view;
    },
  };
}

/** The desk a new item or forward passes, and why it could not (nobody there may read it under the marking). */
export async function routeFor(db: Db, input: { senderDeskId: string; recipientDeskIds: string[]; crimeArea: string | null; record: MarkedRecord }) {
  const via = await planRoute(db, input);
  const problems: { path: string; message: string }[] = [];
  if (via && (await readersOfDesks(db, [via.id], input.record)).length === 0) {
    problems.push({ path: 'marking', message: `nobody at ${via.name}, which this item must pass, may read it with this marking` });
  }
  return { via, problems };
}
