import type { ApprovalLevel, EconomySettingsInput, RoutingMode, RoutingRule, SettingsApprovalRefusal, SettingsWidening } from '../../../contract/exchange-routing';
import { type UserActor, hasRole } from '../../access/actor';

/** The settings as they apply: the contact desk resolved (the police cooperation desk when none is chosen). */
export interface EffectiveSettings {
  contactDeskId: string | null;
  approval: ApprovalLevel;
  rules: RoutingRule[];
}

const CLASSIFICATION_STEPS = ['RESTRICTED', 'CONFIDENTIAL'] as const;
const TLP_STEPS = ['AMBER', 'AMBER+STRICT', 'RED'] as const;

function modeOf(rules: readonly RoutingRule[], area: string): RoutingMode {
  return rules.find((rule) => rule.crimeArea === area)?.mode ?? rules.find((rule) => rule.crimeArea === '*')?.mode ?? 'direct';
}

/** A lower threshold makes more items wait for approval, and the approvers read them: that widens. */
function thresholdLowered<T extends string>(steps: readonly T[], before: T | null, after: T | null): boolean {
  if (after === null) return false;
  return before === null || steps.indexOf(after) < steps.indexOf(before);
}

/**
 * Which parts of a change let more people read marked items: an area that went direct now passes
 * the contact-point desk (its members read what waits there), another contact-point desk while
 * anything is routed, a lower approval threshold (the approvers read what waits for them), or
 * approvers from the whole economy instead of the author's organisation.
 */
export function settingsWidenings(before: EffectiveSettings, after: EffectiveSettings): SettingsWidening[] {
  const widens: SettingsWidening[] = [];
  const areas = new Set(['*', ...before.rules.map((rule) => rule.crimeArea), ...after.rules.map((rule) => rule.crimeArea)]);
  const routedAfter = [...areas].filter((area) => modeOf(after.rules, area) === 'via_contact_point');
  if (routedAfter.length > 0 && after.contactDeskId !== before.contactDeskId) widens.push('contactDeskId');
  if (routedAfter.some((area) => modeOf(before.rules, area) === 'direct')) widens.push('rules');
  if (thresholdLowered(CLASSIFICATION_STEPS, before.approval.classification, after.approval.classification)) widens.push('approval.classification');
  if (thresholdLowered(TLP_STEPS, before.approval.tlp, after.approval.tlp)) widens.push('approval.tlp');
  if (before.approval.approverScope === 'organisation' && after.approval.approverScope === 'economy') widens.push('approval.approverScope');
  return widens;
}

/** The economy's own administrators and contact points set its routing and approval level. */
export function maySetSettings(actor: UserActor, economy: string): boolean {
  return actor.economy === economy && hasRole(actor, 'administrator', 'contact_point');
}

/** They, and the administrators of the regional and international bodies, see the settings and decide waiting changes. */
export function mayReviewSettings(actor: UserActor, economy: string, regional: boolean): boolean {
  return maySetSettings(actor, economy) || (regional && hasRole(actor, 'administrator'));
}

export interface WaitingChange {
  proposal: EconomySettingsInput;
  widens: SettingsWidening[];
  proposedBy: string;
  /** The contact-point desk the change would put in place. */
  contactDeskId: string | null;
}

/** Why this person may not approve the waiting change (null: they may). Nobody widens access alone, nor their own. */
export function settingsApprovalRefusal(actor: UserActor, economy: string, change: WaitingChange): SettingsApprovalRefusal | null {
  if (change.proposedBy === actor.userId) return 'proposer';
  const routing = change.widens.includes('contactDeskId') || change.widens.includes('rules');
  if (routing && change.contactDeskId && actor.deskIds.includes(change.contactDeskId)) {
    return 'own_desk';
  }
  const approvals = change.widens.some((part) => part.startsWith('approval.'));
  if (approvals && actor.economy === economy && hasRole(actor, 'contact_point')) {
    return 'contact_point';
  }
  return null;
}

export const SETTINGS_REFUSAL_MESSAGES: Record<SettingsApprovalRefusal, string> = {
  proposer: 'You proposed this change; a second person must approve it.',
  own_desk: 'This change lets your own desk read items it does not read today; someone it does not concern must approve it.',
  contact_point: 'This change lets contact points read items waiting for release; an administrator must approve it.',
};
