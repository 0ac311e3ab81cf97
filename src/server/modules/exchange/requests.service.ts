import crypto from 'node:crypto';
import type { ReasonInput, ThreadView, TransitionInput } from '../../../contract/exchange';
import { auditSubjectOf } from '../../access/audit-scope';
import type { Actor } from '../../access/actor';
import { authorize } from '../../access/authorize';
import { can } from '../../access/policy';
import { ConflictProblem, ForbiddenProblem, UnprocessableProblem } from '../../platform/http/errors';
import { type ExchangeDeps, loadThread, loadVisibleItem, newReference, requireUser } from './exchange.context';
import { TRANSITION_RULES, answerPeriodMs, nextState, resumedDueAt } from './exchange.deadlines';
import { previewAudience } from './exchange.audience';
import { sideOf } from './exchange.policy';
import { noticeRecipients } from './exchange.notices';
import { markingOf } from './exchange.presenter';
import { insertEvent, insertItem, listEvents, updateItemIf } from './exchange.queries';
import { type NewItemRow, exchangeEvents } from './exchange.schema';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** What desks do to an item after it is written: state changes, release approval, retraction, acknowledgement. */
export function createRequestService(deps: ExchangeDeps) {
  const { db, audit, clock } = deps;
  const ref = (id: string) => ({ type: 'exchange_item', id });
  const answer = async (actor: Actor, threadId: string, id: string): Promise<ThreadView> => (await loadThread(db, requireUser(actor), threadId, id, clock())).view;
  const changed = () => new ConflictProblem('The item changed meanwhile; reload it and try again.');

  return {
    transition: async (actor: Actor, id: string, input: TransitionInput, ip: string): Promise<ThreadView> => {
      const user = requireUser(actor);
      const { row, access } = await loadVisibleItem(db, user, id);
      if (!row.state) throw new ConflictProblem(`${row.reference} is not a request: it has no state to change.`);
      if (row.retractedAt) throw new ConflictProblem(`${row.reference} has been retracted.`);
      if (row.release !== 'released') throw new ConflictProblem(`${row.reference} has not been released yet.`);
      const rule = TRANSITION_RULES[input.transition];
      if (!can(user, 'exchange.item.transition', access) || sideOf(user, access) !== rule.side) {
        throw new ForbiddenProblem(rule.side === 'sender' ? 'Only the requesting desk can do this.' : 'Only the receiving desk can do this.');
      }
      const to = nextState(row.state, input.transition, row.acceptedAt !== null);
      if (!to) throw new ConflictProblem(`A request that is ${row.state.replace(/_/g, ' ')} cannot be changed this way (${input.transition.replace(/_/g, ' ')}).`);
      const problems = [];
      if (rule.needsNote && input.note.length === 0) problems.push({ path: 'note', message: 'write the answer, the question or the reason' });
      if (input.transition === 'refuse' && !input.ground) problems.push({ path: 'ground', message: 'choose the ground for refusal' });
      if (input.transition !== 'refuse' && input.ground) problems.push({ path: 'ground', message: 'only a refusal has a ground' });
      if (problems.length) throw new UnprocessableProblem('The change is not complete.', problems);
      const now = clock();
      const patch: Partial<NewItemRow> = { state: to, updatedAt: now };
      if (input.transition === 'accept') patch.acceptedAt = now;
      if (input.transition === 'request_clarification') patch.pausedAt = now;
      if (input.transition === 'provide_clarification' && row.dueAt && row.pausedAt) Object.assign(patch, { dueAt: resumedDueAt(row.dueAt, row.pausedAt, now), pausedAt: null, remindedAt: null });
      if (input.transition === 'refuse') patch.refusalGround = input.ground ?? null;
      const deskId = [...access.recipientDeskIds, row.senderDeskId].find((candidate) => user.deskIds.includes(candidate)) ?? null;
      await audit.command(async (tx) => {
        if (!(await updateItemIf(tx, id, row, patch))) throw changed();
        await insertEvent(tx, { itemId: id, kind: 'transition', transition: input.transition, fromState: row.state, toState: to, ground: input.ground ?? null, note: input.note, deskId, actorId: user.userId, at: now });
        await audit.append(tx, { actor: user, ip }, { action: 'exchange.item.transition', recordType: 'exchange_item', recordId: id, details: { transition: input.transition, from: row.state, to, ground: input.ground ?? null }, subject: auditSubjectOf(row) });
      });
      return answer(user, row.threadId, id);
    },

    /** The second person releases the item: the clock of a request starts now. */
    approve: async (actor: Actor, id: string, ip: string): Promise<ThreadView> => {
      const user = requireUser(actor);
      const { row, access } = await loadVisibleItem(db, user, id);
      if (row.release !== 'awaiting_approval') throw new ConflictProblem(`${row.reference} is not waiting for approval.`);
      if (row.authorId === user.userId) throw new ForbiddenProblem('You cannot approve the release of an item you wrote; another contact point of your organisation must.');
      authorize(user, 'exchange.item.approve', access, ref(id));
      const check = await previewAudience(db, { senderDeskId: row.senderDeskId, recipientDeskIds: access.recipientDeskIds, record: access, single: false });
      if (check.problems.length) throw new UnprocessableProblem('Not every recipient desk could read this item any more: return it to its author.', check.problems);
      const now = clock();
      // An item that must pass the contact point goes there next; its clock starts when that desk forwards it.
      const routed = row.viaDeskId !== null && row.routeState === 'pending';
      await audit.command(async (tx) => {
        const dueAt = row.state && !routed ? new Date(now.getTime() + answerPeriodMs(row.urgency, row.accessibility)) : null;
        const release = routed ? 'awaiting_routing' : 'released';
        if (!(await updateItemIf(tx, id, row, { release, approvedBy: user.userId, sentAt: routed ? null : now, dueAt, updatedAt: now }))) throw changed();
        await insertEvent(tx, { itemId: id, kind: 'approval', deskId: null, actorId: user.userId, at: now });
        await noticeRecipients(tx, { ...row, sentAt: now }, routed ? [row.viaDeskId!] : access.recipientDeskIds, 'delivered', deps);
        await audit.append(tx, { actor: user, ip }, { action: 'exchange.item.approve', recordType: 'exchange_item', recordId: id, details: { recipientDeskIds: access.recipientDeskIds }, subject: auditSubjectOf(row) });
      });
      return answer(user, row.threadId, id);
    },

    /** The approver sends the item back to its author with a note; it is never delivered. */
    returnToAuthor: async (actor: Actor, id: string, input: ReasonInput, ip: string): Promise<ThreadView> => {
      const user = requireUser(actor);
      const { row, access } = await loadVisibleItem(db, user, id);
      if (row.release !== 'awaiting_approval') throw new ConflictProblem(`${row.reference} is not waiting for approval.`);
      if (row.authorId === user.userId) throw new ForbiddenProblem('The author cannot decide on the release of their own item.');
      authorize(user, 'exchange.item.approve', access, ref(id));
      const now = clock();
      await audit.command(async (tx) => {
        if (!(await updateItemIf(tx, id, row, { release: 'returned', updatedAt: now }))) throw changed();
        await insertEvent(tx, { itemId: id, kind: 'return', note: input.reason, actorId: user.userId, at: now });
        await noticeRecipients(tx, row, [row.senderDeskId], 'returned', deps);
        await audit.append(tx, { actor: user, ip }, { action: 'exchange.item.return', recordType: 'exchange_item', recordId: id, subject: auditSubjectOf(row) });
      });
      return answer(user, row.threadId, id);
    },

    /** A retraction is an item of its own to every recipient desk, each of which must acknowledge it. */
    retract: async (actor: Actor, id: string, input: ReasonInput, ip: string): Promise<ThreadView> => {
      const user = requireUser(actor);
      const { row, access } = await loadVisibleItem(db, user, id);
      if (row.kind === 'retraction') throw new ConflictProblem('A retraction cannot itself be retracted.');
      if (row.retractedAt) throw new ConflictProblem(`${row.reference} has already been retracted.`);
      if (row.release !== 'released') throw new ConflictProblem(`${row.reference} has not been delivered; there is nothing to retract.`);
      if (!can(user, 'exchange.item.retract', access)) throw new ForbiddenProblem('Only the sending desk can retract an item.');
      const now = clock();
      const retractionId = crypto.randomUUID();
      await audit.command(async (tx) => {
        if (!(await updateItemIf(tx, id, row, { retractedAt: now, retractionReason: input.reason, updatedAt: now }))) throw changed();
        const retraction = await insertItem(
          tx,
          {
            ...markingOf(row),
            id: retractionId,
            reference: newReference(user.economy),
            threadId: row.threadId,
            parentId: id,
            relation: 'retraction',
            kind: 'retraction',
            senderDeskId: row.senderDeskId,
            authorId: user.userId,
            subject: `Retraction of ${row.reference}`,
            bodyHtml: `<p>${escapeHtml(input.reason)}</p>`,
            urgency: row.urgency,
            crimeArea: row.crimeArea,
            handlingCode: row.handlingCode,
            handlingText: row.handlingText,
            evaluationSource: row.evaluationSource,
            evaluationAccuracy: row.evaluationAccuracy,
            ownerOrganisationId: row.ownerOrganisationId,
            ownerEconomy: row.ownerEconomy,
            release: 'released',
            sentAt: now,
            createdAt: now,
            updatedAt: now,
          },
          access.recipientDeskIds,
        );
        await noticeRecipients(tx, retraction, access.recipientDeskIds, 'retracted', deps);
        await audit.append(tx, { actor: user, ip }, { action: 'exchange.item.retract', recordType: 'exchange_item', recordId: id, details: { retractionId: retraction.id, recipientDeskIds: access.recipientDeskIds }, subject: auditSubjectOf(row) });
      });
      return answer(user, row.threadId, retractionId);
    },

    acknowledge: async (actor: Actor, id: string, ip: string): Promise<ThreadView> => {
      const user = requireUser(actor);
      const { row, access } = await loadVisibleItem(db, user, id);
      if (row.kind !== 'retraction') throw new ConflictProblem('Only a retraction is acknowledged.');
      authorize(user, 'exchange.item.acknowledge', access, ref(id));
      const acknowledged = new Set((await listEvents(db, [id])).filter((event) => event.kind === 'acknowledgement').map((event) => event.deskId));
      const deskId = access.recipientDeskIds.find((candidate) => user.deskIds.includes(candidate) && !acknowledged.has(candidate));
      // Acknowledging again, or twice at once, answers the same as the first time and writes nothing more.
      if (!deskId) return answer(user, row.threadId, id);
      const now = clock();
      await audit.command(async (tx) => {
        const inserted = await tx.insert(exchangeEvents).values({ itemId: id, kind: 'acknowledgement', deskId, actorId: user.userId, at: now }).onConflictDoNothing().returning({ id: exchangeEvents.id });
        if (inserted.length === 0) return;
        await audit.append(tx, { actor: user, ip }, { action: 'exchange.item.acknowledge', recordType: 'exchange_item', recordId: id, details: { deskId }, subject: auditSubjectOf(row) });
      });
      return answer(user, row.threadId, id);
    },
  };
}
