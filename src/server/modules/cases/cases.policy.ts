import type { CASES_ACTIONS } from '../../../contract/actions';
import type { TeamRole } from '../../../contract/cases';
import { type Actor, hasRole, isUser } from '../../access/actor';
import { type MarkedRecord, canReadMarked } from '../../access/marking';
import type { Rule } from '../../access/rule';

type CasesAction = (typeof CASES_ACTIONS)[number];

/** What the policy needs to know about a case: its marking, owning desk and active team. */
export interface CaseAccess extends MarkedRecord {
  ownerDeskId: string;
  /** Organisations of the joint investigation team whose membership runs today. */
  team: { organisationId: string; role: TeamRole }[];
}

/** The roles that work on cases. */
export const CASE_ROLES = ['analyst', 'officer', 'contact_point'] as const;
const caseWorker: Rule = (actor) => hasRole(actor, ...CASE_ROLES);

/** The owning side: the owning desk's members, and the owning organisation's analysts. */
export function onOwningSide(actor: Actor, record: CaseAccess): boolean {
  return isUser(actor) && actor.organisationId === record.ownerOrganisationId && (actor.deskIds.includes(record.ownerDeskId) || hasRole(actor, 'analyst'));
}

export function teamRoleOf(actor: Actor, record: CaseAccess): TeamRole | null {
  if (!isUser(actor)) return null;
  return record.team.find((member) => member.organisationId === actor.organisationId)?.role ?? null;
}

/**
 * Who reads a case: the marking must admit the user, and the user must be on the owning side
 * or of an organisation of the case's active joint investigation team. The SQL twin is
 * `visibleCases` in cases.queries.ts.
 */
export function canReadCase(actor: Actor, record: CaseAccess): boolean {
  if (!caseWorker(actor) || !canReadMarked(actor, record)) return false;
  return onOwningSide(actor, record) || teamRoleOf(actor, record) !== null;
}

/** Adding entities, relationships and events: the owning side, and team leads and members (not observers). */
export function canAddToCase(actor: Actor, record: CaseAccess): boolean {
  if (!canReadCase(actor, record)) return false;
  const role = teamRoleOf(actor, record);
  return onOwningSide(actor, record) || role === 'lead' || role === 'member';
}

/** A follow-up on a hit is decided by the holding desk, whose members may read the holding case. */
export interface FollowUpAccess {
  holdingDeskId: string;
  holdingCase: CaseAccess;
}

const read: Rule<CaseAccess> = (actor, record) => caseWorker(actor) && (record === undefined || canReadCase(actor, record));
const update: Rule<CaseAccess> = (actor, record) => caseWorker(actor) && (record === undefined || (canReadCase(actor, record) && onOwningSide(actor, record)));
const add: Rule<CaseAccess> = (actor, record) => caseWorker(actor) && (record === undefined || canAddToCase(actor, record));
const create: Rule = (actor) => caseWorker(actor) && isUser(actor) && actor.deskIds.length > 0;
const manageTeam: Rule<CaseAccess> = (actor, record) =>
  caseWorker(actor) && (record === undefined || (canReadCase(actor, record) && isUser(actor) && actor.organisationId === record.ownerOrganisationId && actor.deskIds.includes(record.ownerDeskId)));
const leaveTeam: Rule<CaseAccess> = (actor, record) => caseWorker(actor) && (record === undefined || (canReadCase(actor, record) && teamRoleOf(actor, record) !== null && !onOwningSide(actor, record)));
const decide: Rule<FollowUpAccess> = (actor, record) =>
  caseWorker(actor) && (record === undefined || (isUser(actor) && actor.deskIds.includes(record.holdingDeskId) && canReadCase(actor, record.holdingCase)));

export const casesRules: Record<CasesAction, Rule<never>> = {
  'cases.case.list': caseWorker,
  'cases.case.read': read,
  'cases.case.create': create,
  'cases.case.update': update,
  'cases.entity.add': add,
  'cases.team.manage': manageTeam,
  'cases.team.leave': leaveTeam,
  'cases.follow_up.request': caseWorker,
  'cases.follow_up.decide': decide,
  'cases.dashboard.read': caseWorker,
  'cases.flagged_value.manage': (actor) => hasRole(actor, 'administrator'),
};
