import { type EconomySettings, type EconomySettingsInput, SETTINGS_PROBLEM_PREFIX, type SettingsFieldCode, type SettingsProblemCode, type SettingsProposal } from '../../../contract/exchange-routing';
import type { UserActor } from '../../access/actor';
import type { Actor } from '../../access/actor';
import { authorize } from '../../access/authorize';
import type { Db } from '../../db/client';
import { ConflictProblem, ForbiddenProblem, type HttpProblem, UnprocessableProblem } from '../../platform/http/errors';
import { listTopicNames } from '../portal';
import { type ExchangeDeps, requireUser } from './exchange.context';
import { loadDeskRefs } from './exchange.queries';
import { type EffectiveSettings, SETTINGS_REFUSAL_MESSAGES, mayReviewSettings, maySetSettings, settingsApprovalRefusal, settingsWidenings } from './routing-settings.policy';
import { deleteProposal, insertProposal, isNationalEconomyCode, isRegionalEconomy, listEconomyDesks, loadProposal } from './routing-settings.queries';
import { contactDeskIdOf, deskEconomies, hasActiveMembers, loadEconomySettings, loadRoutingRules, saveEconomySettings } from './routing.queries';

type Problem = { path: string; message: string; code: SettingsFieldCode };
const coded = <T extends HttpProblem>(problem: T, code: SettingsProblemCode) => problem.withCode(`${SETTINGS_PROBLEM_PREFIX}${code}`);

async function settingsProblems(db: Db, economy: string, input: EconomySettingsInput): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (input.contactDeskId) {
    const economyOfDesk = (await deskEconomies(db, [input.contactDeskId])).get(input.contactDeskId);
    if (!economyOfDesk) problems.push({ path: 'contactDeskId', message: 'this desk does not exist', code: 'desk_unknown' });
    else if (economyOfDesk !== economy) problems.push({ path: 'contactDeskId', message: `the desk is not one of ${economy}`, code: 'desk_foreign' });
    else if (!(await hasActiveMembers(db, input.contactDeskId))) problems.push({ path: 'contactDeskId', message: 'the desk is inactive: it has no active members', code: 'desk_inactive' });
  }
  const topics = new Set((await listTopicNames(db)).map((topic) => topic.slug));
  const seen = new Set<string>();
  input.rules.forEach((rule, index) => {
    if (rule.crimeArea !== '*' && !topics.has(rule.crimeArea)) problems.push({ path: `rules.${index}.crimeArea`, message: 'not a known crime area', code: 'area_unknown' });
    if (seen.has(rule.crimeArea)) problems.push({ path: `rules.${index}.crimeArea`, message: 'this area has a rule already', code: 'area_duplicate' });
    seen.add(rule.crimeArea);
  });
  return problems;
}

async function effectiveOf(db: Db, economy: string, settings: Pick<EconomySettingsInput, 'contactDeskId' | 'approval' | 'rules'>): Promise<EffectiveSettings> {
  return { contactDeskId: await contactDeskIdOf(db, economy, settings.contactDeskId), approval: settings.approval, rules: settings.rules };
}

/**
 * An economy's routing rules, contact-point desk and release approval level. A change that lets
 * more people read marked items waits for a second person (decision 0029); one that only narrows
 * applies at once. Both are audited with ids and counts only.
 */
export function createRoutingSettingsService(deps: ExchangeDeps) {
  const { db, audit, clock } = deps;

  async function assertReviewer(actor: Actor, economy: string): Promise<UserActor> {
    const user = requireUser(actor);
    authorize(user, 'exchange.settings.manage');
    if (!mayReviewSettings(user, economy, await isRegionalEconomy(db, user.economy))) {
      throw coded(new ForbiddenProblem(`Only the administrators and contact points of ${economy} manage its routing rules and approval levels.`), 'not_reviewer');
    }
    return user;
  }

  async function view(user: UserActor, economy: string): Promise<EconomySettings> {
    const [settings, rules, proposal, economyDesks, crimeAreas] = await Promise.all([
      loadEconomySettings(db, economy),
      loadRoutingRules(db, economy),
      loadProposal(db, economy),
      listEconomyDesks(db, economy),
      listTopicNames(db),
    ]);
    const deskId = await contactDeskIdOf(db, economy, settings.contactDeskId);
    const proposedDeskId = proposal ? await contactDeskIdOf(db, economy, proposal.proposal.contactDeskId) : null;
    const refs = await loadDeskRefs(db, [deskId, proposedDeskId].filter((id): id is string => id !== null));
    let pending: SettingsProposal | null = null;
    if (proposal) {
      const refusal = settingsApprovalRefusal(user, economy, { ...proposal, contactDeskId: proposedDeskId });
      pending = {
        proposal: proposal.proposal,
        contactDesk: proposedDeskId ? (refs.get(proposedDeskId) ?? null) : null,
        widens: proposal.widens,
        proposedBy: { id: proposal.proposedBy, name: proposal.proposedByName },
        proposedAt: proposal.proposedAt.toISOString(),
        abilities: { approve: refusal === null, reject: true },
        approvalRefusal: refusal,
      };
    }
    return {
      economy,
      contactDesk: deskId ? (refs.get(deskId) ?? null) : null,
      contactDeskChosen: settings.contactDeskId !== null,
      approval: settings.approval,
      rules,
      updatedAt: settings.updatedAt?.toISOString() ?? null,
      pending,
      abilities: { update: maySetSettings(user, economy) },
      choices: { desks: economyDesks, crimeAreas },
    };
  }

  return {
    settings: async (actor: Actor, economy: string) => view(await assertReviewer(actor, economy), economy),

    /** Applies the change (`applied`) or saves it to wait for a second person (`pending`). */
    update: async (actor: Actor, economy: string, input: EconomySettingsInput, ip: string): Promise<{ status: 'applied' | 'pending'; settings: EconomySettings }> => {
      const user = await assertReviewer(actor, economy);
      if (!maySetSettings(user, economy) || !(await isNationalEconomyCode(db, economy))) {
        throw coded(new ForbiddenProblem(`Only the administrators and contact points of ${economy} change its routing rules and approval levels.`), 'not_manager');
      }
      const problems = await settingsProblems(db, economy, input);
      if (problems.length) throw coded(new UnprocessableProblem('The settings are not valid; nothing was changed.', problems), 'invalid');
      const current = await loadEconomySettings(db, economy);
      const before = await effectiveOf(db, economy, { ...current, rules: await loadRoutingRules(db, economy) });
      const widens = settingsWidenings(before, await effectiveOf(db, economy, input));
      const now = clock();
      await audit.command(async (tx) => {
        if (await loadProposal(tx, economy, true)) throw coded(new ConflictProblem(`A change of ${economy}'s settings already waits for approval; decide or withdraw it first.`), 'proposal_waiting');
        if (widens.length === 0) {
          await saveEconomySettings(tx, economy, { ...input, userId: user.userId, at: now });
          await audit.append(tx, { actor: user, ip }, {
            action: 'exchange.settings.update',
            recordType: 'exchange_economy_settings',
            recordId: economy,
            details: { contactDeskId: input.contactDeskId, approval: input.approval, rules: input.rules.length },
          });
          return;
        }
        if (!(await insertProposal(tx, economy, { proposal: input, widens, userId: user.userId, at: now, baseUpdatedAt: current.updatedAt }))) {
          throw coded(new ConflictProblem(`A change of ${economy}'s settings already waits for approval; decide or withdraw it first.`), 'proposal_waiting');
        }
        await audit.append(tx, { actor: user, ip }, {
          action: 'exchange.settings.propose',
          recordType: 'exchange_economy_settings',
          recordId: economy,
          details: { widens, contactDeskId: input.contactDeskId, approval: input.approval, rules: input.rules.length },
        });
      });
      return { status: widens.length === 0 ? 'applied' : 'pending', settings: await view(user, economy) };
    },

    /** A second person applies the waiting change, while the settings are still those it was proposed against. */
    approve: async (actor: Actor, economy: string, ip: string): Promise<EconomySettings> => {
      const user = await assertReviewer(actor, economy);
      await audit.command(async (tx) => {
        const proposal = await loadProposal(tx, economy, true);
        if (!proposal) throw coded(new ConflictProblem(`No change of ${economy}'s settings waits for approval.`), 'no_proposal');
        const refusal = settingsApprovalRefusal(user, economy, { ...proposal, contactDeskId: await contactDeskIdOf(tx, economy, proposal.proposal.contactDeskId) });
        if (refusal) throw coded(new ForbiddenProblem(SETTINGS_REFUSAL_MESSAGES[refusal]), `refused_${refusal}`);
        const current = await loadEconomySettings(tx, economy);
        if ((current.updatedAt?.getTime() ?? null) !== (proposal.baseUpdatedAt?.getTime() ?? null)) {
          throw coded(new ConflictProblem('The settings changed after this change was proposed; it must be proposed again.'), 'changed_since_proposal');
        }
        const problems = await settingsProblems(tx, economy, proposal.proposal);
        if (problems.length) throw coded(new UnprocessableProblem('The waiting change is no longer valid; reject it and propose again.', problems), 'proposal_invalid');
        await saveEconomySettings(tx, economy, { ...proposal.proposal, userId: user.userId, at: clock() });
        await deleteProposal(tx, economy);
        const details = { proposedBy: proposal.proposedBy, approvedBy: user.userId, widens: proposal.widens };
        await audit.append(tx, { actor: user, ip }, { action: 'exchange.settings.approve', recordType: 'exchange_economy_settings', recordId: economy, details });
        await audit.append(tx, { actor: user, ip }, {
          action: 'exchange.settings.update',
          recordType: 'exchange_economy_settings',
          recordId: economy,
          details: { ...details, contactDeskId: proposal.proposal.contactDeskId, approval: proposal.proposal.approval, rules: proposal.proposal.rules.length },
        });
      });
      return view(user, economy);
    },

    /** The proposer withdraws it, or another of those who decide rejects it. */
    reject: async (actor: Actor, economy: string, ip: string): Promise<EconomySettings> => {
      const user = await assertReviewer(actor, economy);
      await audit.command(async (tx) => {
        const proposal = await loadProposal(tx, economy, true);
        if (!proposal || !(await deleteProposal(tx, economy))) throw coded(new ConflictProblem(`No change of ${economy}'s settings waits for approval.`), 'no_proposal');
        await audit.append(tx, { actor: user, ip }, {
          action: 'exchange.settings.reject',
          recordType: 'exchange_economy_settings',
          recordId: economy,
          details: { proposedBy: proposal.proposedBy, withdrawn: proposal.proposedBy === user.userId },
        });
      });
      return view(user, economy);
    },
  };
}
