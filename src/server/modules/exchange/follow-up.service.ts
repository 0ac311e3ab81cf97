import type { FollowUpCreated, FollowUpDecisionInput, FollowUpInput, FollowUpView } from '../../../contract/exchange-casework';
import type { HitReportInput } from '../../../contract/wanted';
import { auditSubjectOf } from '../../access/audit-scope';
import type { Actor, UserActor } from '../../access/actor';
import { authorize } from '../../access/authorize';
import { can } from '../../access/policy';
import { ConflictProblem, ForbiddenProblem, NotFoundProblem } from '../../platform/http/errors';
import { createHitService, findScreenersHit, releaseAlertToOrganisation } from '../wanted';
import { type ExchangeDeps, loadVisibleItem, requireUser } from './exchange.context';
import { createExchangeService } from './exchange.service';
import { findFollowUp, findRelease, followUpOfHit, insertRelease } from './follow-up.queries';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * Prüm's step 2 on a wanted hit: the screener opens a request to the desk holding the alert;
 * the thread carries the hit, the screener's hit report and the desk's confirm/reject (kept by
 * the wanted module, under its own rules), and the desk's decision to release the alert.
 */
export function createFollowUpService(deps: ExchangeDeps) {
  const { db, audit, clock } = deps;
  const compose = createExchangeService(deps);
  const hits = createHitService(deps);

  /** The follow-up of the thread the item belongs to; 404 when the item is hidden or no follow-up. */
  async function load(actor: Actor, itemId: string) {
    const item = await loadVisibleItem(db, actor, itemId);
    const followUp = await findFollowUp(db, item.row.threadId);
    if (!followUp) throw new NotFoundProblem();
    return { ...item, followUp };
  }

  async function view(user: UserActor, itemId: string, ip: string): Promise<FollowUpView> {
    const { access, followUp } = await load(user, itemId);
    const hit = await hits.read(user, followUp.hitId, ip);
    const release = await findRelease(db, followUp.itemId);
    const holding = can(user, 'exchange.follow_up.decide', access) && user.deskIds.includes(followUp.holdingDeskId);
    return {
      itemId: followUp.itemId,
      hit,
      release: release && { ...release, releasedAt: release.releasedAt.toISOString() },
      abilities: {
        report: can(user, 'exchange.follow_up.report', access) && hit.abilities['wanted.hit.report'],
        decide: holding && hit.abilities['wanted.hit.decide'],
        release: holding && can(user, 'exchange.follow_up.release', access) && hit.status === 'confirmed' && hit.alert !== null && release === null,
      },
    };
  }

  return {
    /** From the hit reference the screening answer gave (also a hit-only one) to a request to the holding desk. */
    open: async (actor: Actor, input: FollowUpInput, ip: string): Promise<FollowUpCreated> => {
      const user = requireUser(actor);
      authorize(user, 'exchange.follow_up.open');
      const hit = await findScreenersHit(db, user.userId, input.hitReference);
      if (!hit) throw new NotFoundProblem('No hit of yours has this reference.');
      const existing = await followUpOfHit(db, hit.id);
      if (existing) throw new ConflictProblem('This hit is already being followed up; open its thread.');
      const holdingEconomy = (await compose.options(user)).desks.find((desk) => desk.id === hit.issuingDeskId)?.economy ?? user.economy;
      const created = await compose.create(
        user,
        {
          senderDeskId: input.senderDeskId,
          recipientDeskIds: [hit.issuingDeskId],
          kind: 'hit_follow_up',
          cooperationKind: null,
          accessibility: 'direct',
          hitReference: hit.reference,
          subject: `Hit follow-up ${hit.reference}`,
          bodyHtml: input.bodyHtml.trim() || `<p>${escapeHtml(`We have a hit (${hit.reference}) on an alert your desk holds. Please confirm it and tell us what to do.`)}</p>`,
          crimeArea: null,
          urgency: input.urgency,
          marking: { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: [...new Set([user.economy, holdingEconomy])], releasableOrganisations: [], sharingGroups: [], originatorControl: false },
          handling: { code: 'H0' },
          evaluation: { source: 'B', accuracy: 2 },
        },
        ip,
        { followUp: { hitId: hit.id, alertId: hit.alertId, holdingDeskId: hit.issuingDeskId } },
      );
      return { itemId: created.item.id, threadId: created.item.threadId, reference: created.item.reference };
    },

    read: (actor: Actor, itemId: string, ip: string) => view(requireUser(actor), itemId, ip),

    /** The screener's hit report, kept with the hit (the wanted module's rules: once, by the screener). */
    report: async (actor: Actor, itemId: string, input: HitReportInput, ip: string): Promise<FollowUpView> => {
      const user = requireUser(actor);
      const { access, followUp } = await load(user, itemId);
      if (!can(user, 'exchange.follow_up.report', access)) throw new ForbiddenProblem('Only the requesting desk reports on the hit.');
      await hits.report(user, followUp.hitId, input, ip);
      return view(user, itemId, ip);
    },

    /** The holding desk confirms or rejects the hit; the screener is told by the wanted module. */
    decide: async (actor: Actor, itemId: string, input: FollowUpDecisionInput, ip: string): Promise<FollowUpView> => {
      const user = requireUser(actor);
      const { access, followUp } = await load(user, itemId);
      if (!can(user, 'exchange.follow_up.decide', access)) throw new ForbiddenProblem('Only a contact point of the holding desk decides on the hit.');
      await hits.decide(user, followUp.hitId, input, ip);
      return view(user, itemId, ip);
    },

    /** An audited decision of the holding desk: the requester's organisation may read the alert from now on. */
    release: async (actor: Actor, itemId: string, ip: string): Promise<FollowUpView> => {
      const user = requireUser(actor);
      const current = await view(user, itemId, ip);
      const { row, access, followUp } = await load(user, itemId);
      if (!can(user, 'exchange.follow_up.release', access)) throw new ForbiddenProblem('Only a contact point of the holding desk releases the alert.');
      if (!user.deskIds.includes(followUp.holdingDeskId) || current.hit.alert === null) throw new NotFoundProblem();
      if (current.hit.status !== 'confirmed') throw new ConflictProblem('Confirm the hit before releasing the alert.');
      const now = clock();
      await audit.command(async (tx) => {
        if (!(await insertRelease(tx, { itemId: followUp.itemId, alertId: followUp.alertId, organisationId: followUp.requesterOrganisationId, releasedBy: user.userId, releasedAt: now }))) {
          throw new ConflictProblem('The alert has already been released to this organisation.');
        }
        await releaseAlertToOrganisation(tx, followUp.alertId, followUp.requesterOrganisationId);
        await audit.append(tx, { actor: user, ip }, {
          action: 'exchange.alert.release',
          recordType: 'wanted_alert',
          recordId: followUp.alertId,
          details: { itemId: followUp.itemId, hitId: followUp.hitId, organisationId: followUp.requesterOrganisationId },
          subject: auditSubjectOf(row),
        });
      });
      return view(user, itemId, ip);
    },
  };
}
