import crypto from 'node:crypto';
import type { Marking } from '../../../contract/core';
import {
  type ComposeOptions,
  type ForwardInput,
  type ItemCreateInput,
  type RecipientPreview,
  type RecipientsPreviewInput,
  type ReplyInput,
  type ThreadView,
  isRequestKind,
} from '../../../contract/exchange';
import { auditSubjectOf } from '../../access/audit-scope';
import { type Actor, type UserActor, clearedFor } from '../../access/actor';
import { authorize } from '../../access/authorize';
import { ConflictProblem, ForbiddenProblem, UnprocessableProblem } from '../../platform/http/errors';
import { foldText, htmlToText, listTopicNames, sanitizeRichText } from '../portal';
import { economiesOfOrganisations, markingProblems, previewAudience } from './exchange.audience';
import { type ExchangeDeps, type LoadedItem, loadThread, loadVisibleItem, newReference, requireUser } from './exchange.context';
import { answerPeriodMs } from './exchange.deadlines';
import { isWithinMarking } from './exchange.marking';
import { needsApprovalAt } from './approval-levels';
import { assertReplyRoute, planRoute, routeFor } from './routing.service';
import { loadEconomySettings } from './routing.queries';
import { noticeRecipients } from './exchange.notices';
import { markingOf } from './exchange.presenter';
import { insertItem, listAllDesks, loadDeskRefs, recordRead } from './exchange.queries';
import type { ItemRow, NewItemRow } from './exchange.schema';
import { type ItemExtras, writeItemExtras } from './attachments.extras';
import { loadMarkingChoices } from '../directory';

type Problem = { path: string; message: string };

function refuse(detail: string, errors: Problem[]): never {
  throw new UnprocessableProblem(detail, errors);
}

function assertOwnDesk(actor: UserActor, deskId: string, allowed?: string[]) {
  if (!actor.deskIds.includes(deskId) || (allowed && !allowed.includes(deskId))) {
    refuse('You can write only on behalf of a desk you belong to.', [{ path: 'senderDeskId', message: allowed ? 'not one of your desks on this item' : 'not one of your desks' }]);
  }
}

/** Everything about an item's content that does not depend on the thread. */
async function contentProblems(deps: ExchangeDeps, input: { bodyHtml: string; handling: ItemCreateInput['handling']; crimeArea?: string | null; marking: Marking }) {
  const problems: Problem[] = [...(await markingProblems(deps.db, input.marking))];
  if (input.handling.code === 'H3' && !input.handling.text) problems.push({ path: 'handling.text', message: 'H3 needs the restrictions written out' });
  if (input.handling.code !== 'H3' && input.handling.text) problems.push({ path: 'handling.text', message: 'only H3 carries a text' });
  if (input.crimeArea && !(await listTopicNames(deps.db)).some((topic) => topic.slug === input.crimeArea)) problems.push({ path: 'crimeArea', message: 'not a known crime area' });
  const bodyHtml = sanitizeRichText(input.bodyHtml);
  const bodyText = htmlToText(bodyHtml);
  if (bodyText.length === 0) problems.push({ path: 'bodyHtml', message: 'the body is empty' });
  return { problems, bodyHtml, bodyText };
}

export function createExchangeService(deps: ExchangeDeps) {
  const { db, audit, clock } = deps;

  async function audience(actor: UserActor, input: { senderDeskId: string; recipientDeskIds: string[]; marking: Marking; single: boolean }) {
    const record = { ...input.marking, ownerOrganisationId: actor.organisationId, ownerEconomy: actor.economy };
    return previewAudience(db, { senderDeskId: input.senderDeskId, recipientDeskIds: input.recipientDeskIds, record, single: input.single });
  }

  async function assertWithinParent(parent: ItemRow, marking: Marking) {
    const economies = await economiesOfOrganisations(db, marking.releasableOrganisations);
    if (!isWithinMarking(marking, markingOf(parent), economies)) {
      refuse(`The marking is wider than that of ${parent.reference}; it may only keep or narrow it.`, [{ path: 'marking', message: 'wider than the parent item' }]);
    }
  }

  /** Validates, writes, audits and returns the new item's thread: one transaction. */
  async function send(actor: UserActor, draft: Omit<NewItemRow, 'reference' | 'threadId' | 'release' | 'sentAt' | 'state' | 'dueAt' | 'searchFolded' | 'ownerOrganisationId' | 'ownerEconomy' | 'authorId' | 'createdAt' | 'updatedAt'> & { threadId?: string }, recipientDeskIds: string[], problems: Problem[], bodyText: string, ip: string, extras: ItemExtras = {}): Promise<ThreadView> {
    const marking = { classification: draft.classification, tlp: draft.tlp, releasableEconomies: draft.releasableEconomies ?? [], releasableOrganisations: draft.releasableOrganisations ?? [], sharingGroups: draft.sharingGroups ?? [], originatorControl: draft.originatorControl ?? false };
    const request = isRequestKind(draft.kind);
    const check = await audience(actor, { senderDeskId: draft.senderDeskId, recipientDeskIds, marking, single: request });
    const route = draft.relation === 'reply' ? { via: null, problems: [] } : await routeFor(db, { senderDeskId: draft.senderDeskId, recipientDeskIds, crimeArea: draft.crimeArea ?? null, record: { ...marking, ownerOrganisationId: actor.organisationId, ownerEconomy: actor.economy } });
    // An author may not mark above what they may read: the item would vanish from their own view.
    const authorProblems = clearedFor(actor, marking.classification) ? [] : [{ path: 'marking.classification', message: 'above your clearance' }];
    const all = [...problems, ...authorProblems, ...check.problems, ...route.problems];
    if (all.length) refuse(all.some((problem) => problem.path.startsWith('recipientDeskIds') || problem.path === 'marking') ? 'Not every recipient desk could read this item: change the recipients or the marking.' : 'The item is not complete or not valid.', all);
    const now = clock();
    const level = (await loadEconomySettings(db, actor.economy)).approval;
    const awaiting = needsApprovalAt(marking, level);
    const release = awaiting ? 'awaiting_approval' : route.via ? 'awaiting_routing' : 'released';
    const row = await audit.command(async (tx) => {
      const id = crypto.randomUUID();
      const item = await insertItem(
        tx,
        {
          ...draft,
          id,
          threadId: draft.threadId ?? id,
          reference: newReference(actor.economy),
          authorId: actor.userId,
          ownerOrganisationId: actor.organisationId,
          ownerEconomy: actor.economy,
          searchFolded: foldText(`${draft.subject} ${bodyText}`).replace(/\s+/g, ' ').trim(),
          release,
          sentAt: release === 'released' ? now : null,
          state: request ? 'sent' : null,
          dueAt: request && release === 'released' ? new Date(now.getTime() + answerPeriodMs(draft.urgency, draft.accessibility ?? null)) : null,
          viaDeskId: route.via?.id ?? null,
          routeState: route.via ? 'pending' : null,
          approverScope: level.approverScope,
          createdAt: now,
          updatedAt: now,
        },
        recipientDeskIds,
      );
      await recordRead(tx, { itemId: item.id, userId: actor.userId, deskId: draft.senderDeskId, at: now });
      const forwardedAttachmentIds = await writeItemExtras(tx, actor, item.id, extras);
      if (item.release === 'released') await noticeRecipients(tx, item, recipientDeskIds, 'delivered', deps);
      if (item.release === 'awaiting_routing' && item.viaDeskId) await noticeRecipients(tx, item, [item.viaDeskId], 'delivered', deps);
      await audit.append(tx, { actor, ip }, {
        action: 'exchange.item.send',
        recordType: 'exchange_item',
        recordId: item.id,
        details: { kind: item.kind, relation: item.relation, parentId: item.parentId, senderDeskId: item.senderDeskId, recipientDeskIds, release: item.release, viaDeskId: item.viaDeskId, ...(forwardedAttachmentIds.length ? { forwardedAttachmentIds } : {}) },
        subject: auditSubjectOf(item),
      });
      return item;
    });
    return (await loadThread(db, actor, row.threadId, row.id, clock())).view;
  }

  function contentColumns(input: { subject: string; marking: Marking; handling: ItemCreateInput['handling']; evaluation: ItemCreateInput['evaluation'] }, bodyHtml: string) {
    return {
      subject: input.subject,
      bodyHtml,
      handlingCode: input.handling.code,
      handlingText: input.handling.text ?? null,
      evaluationSource: input.evaluation.source,
      evaluationAccuracy: input.evaluation.accuracy,
      ...input.marking,
    };
  }

  return {
    options: async (actor: Actor): Promise<ComposeOptions> => {
      const user = requireUser(actor);
      const [desks, senderDesks, crimeAreas, choices] = await Promise.all([listAllDesks(db), loadDeskRefs(db, user.deskIds), listTopicNames(db), loadMarkingChoices(db)]);
      return { senderDesks: [...senderDesks.values()].sort((a, b) => a.name.localeCompare(b.name)), desks, crimeAreas, ...choices };
    },

    preview: async (actor: Actor, input: RecipientsPreviewInput): Promise<RecipientPreview> => {
      const user = requireUser(actor);
      assertOwnDesk(user, input.senderDeskId);
      const problems = await markingProblems(db, input.marking);
      if (input.parentId) {
        const parent = await loadVisibleItem(db, user, input.parentId);
        const economies = await economiesOfOrganisations(db, input.marking.releasableOrganisations);
        if (!isWithinMarking(input.marking, markingOf(parent.row), economies)) problems.push({ path: 'marking', message: 'wider than the parent item' });
      }
      const check = await audience(user, { ...input, single: false });
      const route = await routeFor(db, { senderDeskId: input.senderDeskId, recipientDeskIds: input.recipientDeskIds, crimeArea: input.crimeArea ?? null, record: { ...input.marking, ownerOrganisationId: user.organisationId, ownerEconomy: user.economy } });
      const level = (await loadEconomySettings(db, user.economy)).approval;
      return { ...check, problems: [...problems, ...check.problems, ...route.problems], needsApproval: needsApprovalAt(input.marking, level), via: input.parentId ? null : route.via };
    },

    create: async (actor: Actor, input: ItemCreateInput, ip: string, extras: Pick<ItemExtras, 'followUp'> = {}): Promise<ThreadView> => {
      const user = requireUser(actor);
      authorize(user, 'exchange.item.send');
      assertOwnDesk(user, input.senderDeskId);
      const { problems, bodyHtml, bodyText } = await contentProblems(deps, input);
      const request = isRequestKind(input.kind);
      if (request && !input.accessibility) problems.push({ path: 'accessibility', message: 'say whether the information is directly or indirectly accessible' });
      if (!request && input.accessibility) problems.push({ path: 'accessibility', message: 'only requests carry it' });
      if ((input.kind === 'police_cooperation_request') !== (input.cooperationKind !== null)) problems.push({ path: 'cooperationKind', message: 'required for police cooperation requests, and only for them' });
      const draft = {
        relation: 'new' as const,
        kind: input.kind,
        cooperationKind: input.cooperationKind,
        accessibility: request ? input.accessibility : null,
        hitReference: input.hitReference,
        senderDeskId: input.senderDeskId,
        crimeArea: input.crimeArea,
        urgency: input.urgency,
        ...contentColumns(input, bodyHtml),
      };
      return send(user, draft, [...new Set(input.recipientDeskIds)], problems, bodyText, ip, { attachmentIds: input.attachmentIds, subjects: input.subjects, ...extras });
    },

    reply: async (actor: Actor, parentId: string, input: ReplyInput, ip: string): Promise<ThreadView> => {
      const user = requireUser(actor);
      const parent = await loadVisibleItem(db, user, parentId);
      assertLive(parent);
      authorize(user, 'exchange.item.reply', parent.access, { type: 'exchange_item', id: parentId });
      const conversation = [parent.row.senderDeskId, ...parent.access.recipientDeskIds, ...(parent.row.viaDeskId ? [parent.row.viaDeskId] : [])];
      assertOwnDesk(user, input.senderDeskId, conversation);
      assertReplyRoute(await planRoute(db, { senderDeskId: input.senderDeskId, recipientDeskIds: conversation.filter((deskId) => deskId !== input.senderDeskId), crimeArea: parent.row.crimeArea }), conversation);
      await assertWithinParent(parent.row, input.marking);
      const { problems, bodyHtml, bodyText } = await contentProblems(deps, { ...input, crimeArea: parent.row.crimeArea });
      const draft = { relation: 'reply' as const, kind: input.kind, parentId, threadId: parent.row.threadId, senderDeskId: input.senderDeskId, crimeArea: parent.row.crimeArea, urgency: parent.row.urgency, ...contentColumns(input, bodyHtml) };
      return send(user, draft, [...new Set(conversation)].filter((deskId) => deskId !== input.senderDeskId), problems, bodyText, ip, { attachmentIds: input.attachmentIds });
    },

    forward: async (actor: Actor, parentId: string, input: ForwardInput, ip: string): Promise<ThreadView> => {
      const user = requireUser(actor);
      const parent = await loadVisibleItem(db, user, parentId);
      assertLive(parent);
      if (parent.row.originatorControl && parent.row.ownerOrganisationId !== user.organisationId) {
        throw new ForbiddenProblem('The originator controls onward sharing of this item: ask them to send it to the other desks.');
      }
      assertOwnDesk(user, input.senderDeskId, parent.access.recipientDeskIds);
      authorize(user, 'exchange.item.forward', parent.access, { type: 'exchange_item', id: parentId });
      await assertWithinParent(parent.row, input.marking);
      const { row } = parent;
      const problems = await markingProblems(db, input.marking);
      const draft = {
        relation: 'forward' as const,
        kind: row.kind,
        cooperationKind: row.cooperationKind,
        accessibility: row.accessibility,
        hitReference: row.hitReference,
        parentId,
        threadId: row.threadId,
        senderDeskId: input.senderDeskId,
        crimeArea: row.crimeArea,
        urgency: row.urgency,
        forwardNote: input.note || null,
        ...contentColumns({ subject: row.subject, marking: input.marking, handling: { code: row.handlingCode, text: row.handlingText ?? undefined }, evaluation: { source: row.evaluationSource, accuracy: row.evaluationAccuracy as 1 } }, row.bodyHtml),
      };
      return send(user, draft, [...new Set(input.recipientDeskIds)], problems, htmlToText(row.bodyHtml), ip, { forwardOf: parentId });
    },
  };
}

export function assertLive(item: LoadedItem) {
  if (item.row.retractedAt) throw new ConflictProblem(`${item.row.reference} has been retracted.`);
  if (item.row.release !== 'released') throw new ConflictProblem(`${item.row.reference} has not been released yet.`);
  if (item.row.kind === 'retraction') throw new ConflictProblem('A retraction is acknowledged, not answered or forwarded.');
}
