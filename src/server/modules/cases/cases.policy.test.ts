import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contract/core';
import type { UserActor } from '../../access/actor';
import { can } from '../../access/policy';
import type { CaseAccess } from './cases.policy';

const OWNER = '00000000-0000-4000-8000-000000000001';
const MEMBER = '00000000-0000-4000-8000-000000000002';
const DESK = '00000000-0000-4000-8000-00000000000d';

const actor = (organisationId: string, economy: string, roles: Role[], deskIds: string[] = []): UserActor => ({
  kind: 'user', userId: 'u', email: 'u@example.test', displayName: 'U', organisationId, organisationName: 'O', economy, roles, clearance: 'CONFIDENTIAL', deskIds, sharingGroupIds: [],
});

const record = (team: CaseAccess['team'], overrides: Partial<CaseAccess> = {}): CaseAccess => ({
  classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS', 'MK'], releasableOrganisations: [], sharingGroups: [], originatorControl: false,
  ownerOrganisationId: OWNER, ownerEconomy: 'RS', ownerDeskId: DESK, team, ...overrides,
});

describe('the cases policy', () => {
  const deskMember = actor(OWNER, 'RS', ['officer'], [DESK]);
  const ownerAnalyst = actor(OWNER, 'RS', ['analyst']);
  const ownerOfficerOffDesk = actor(OWNER, 'RS', ['officer']);
  const teamMember = actor(MEMBER, 'MK', ['officer']);
  const auditor = actor(OWNER, 'RS', ['auditor'], [DESK]);

  it.each([
    ['the owning desk', deskMember, [], true, true, true],
    ['an analyst of the owner', ownerAnalyst, [], true, true, false],
    ['an officer of the owner off the desk', ownerOfficerOffDesk, [], false, false, false],
    ['a team member', teamMember, [{ organisationId: MEMBER, role: 'member' as const }], true, false, false],
    ['a team observer', teamMember, [{ organisationId: MEMBER, role: 'observer' as const }], true, false, false],
    ['an organisation off the team', teamMember, [], false, false, false],
    ['an auditor on the desk', auditor, [], false, false, false],
  ])('%s: read %s, update %s, manage the team %s', (_label, who, team, read, update, manage) => {
    const access = record(team);
    expect(can(who, 'cases.case.read', access)).toBe(read);
    expect(can(who, 'cases.case.update', access)).toBe(update);
    expect(can(who, 'cases.team.manage', access)).toBe(manage);
  });

  it('lets team members add but not observers, and only within the marking', () => {
    expect(can(teamMember, 'cases.entity.add', record([{ organisationId: MEMBER, role: 'member' }]))).toBe(true);
    expect(can(teamMember, 'cases.entity.add', record([{ organisationId: MEMBER, role: 'observer' }]))).toBe(false);
    expect(can(teamMember, 'cases.case.read', record([{ organisationId: MEMBER, role: 'lead' }], { releasableEconomies: ['RS'] }))).toBe(false);
    expect(can(teamMember, 'cases.team.leave', record([{ organisationId: MEMBER, role: 'member' }]))).toBe(true);
  });

  it('lets only the holding desk decide a follow-up, and only administrators manage flagged values', () => {
    expect(can(deskMember, 'cases.follow_up.decide', { holdingDeskId: DESK, holdingCase: record([]) })).toBe(true);
    expect(can(ownerAnalyst, 'cases.follow_up.decide', { holdingDeskId: DESK, holdingCase: record([]) })).toBe(false);
    expect(can(deskMember, 'cases.flagged_value.manage')).toBe(false);
    expect(can(actor(OWNER, 'RS', ['administrator']), 'cases.flagged_value.manage')).toBe(true);
  });
});
