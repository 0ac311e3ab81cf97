import { describe, expect, it } from 'vitest';
import type { ReportStatus } from '../../../contract/cases-reports';
import type { Role } from '../../../contract/core';
import type { UserActor } from '../../access/actor';
import { can } from '../../access/policy';
import type { ReportAccess } from './reports.policy';

const OWNER = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const DESK = '00000000-0000-4000-8000-00000000000d';
const AUTHOR = '00000000-0000-4000-8000-0000000000a1';

const actor = (userId: string, organisationId: string, economy: string, roles: Role[], deskIds: string[] = []): UserActor => ({
  kind: 'user', userId, email: 'u@example.test', displayName: 'U', organisationId, organisationName: 'O', economy, roles, clearance: 'CONFIDENTIAL', deskIds, sharingGroupIds: [],
});

const report = (status: ReportStatus, overrides: Partial<ReportAccess> = {}): ReportAccess => ({
  classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS', 'ME'], releasableOrganisations: [], sharingGroups: [], originatorControl: false,
  ownerOrganisationId: OWNER, ownerEconomy: 'RS', status, authorId: AUTHOR, ownerDeskId: DESK, approverScope: status === 'awaiting_release' ? 'organisation' : null, ...overrides,
});

describe('the reports policy', () => {
  const author = actor(AUTHOR, OWNER, 'RS', ['analyst'], [DESK]);
  const deskMate = actor('u2', OWNER, 'RS', ['officer'], [DESK]);
  const contactPoint = actor('u3', OWNER, 'RS', ['contact_point']);
  const economyContactPoint = actor('u4', OTHER, 'RS', ['contact_point']);
  const meAnalyst = actor('u5', OTHER, 'ME', ['analyst']);
  const alAnalyst = actor('u6', OTHER, 'AL', ['analyst']);
  const auditor = actor('u7', OWNER, 'RS', ['auditor'], [DESK]);

  // [who, status, read, write, approve, export]
  it.each([
    ['the author, draft', author, 'draft', true, true, false, false],
    ['a desk mate, draft', deskMate, 'draft', true, false, false, false],
    ['the contact point, draft', contactPoint, 'draft', false, false, false, false],
    ['the contact point, awaiting', contactPoint, 'awaiting_release', true, false, true, false],
    ['the author, awaiting', author, 'awaiting_release', true, false, false, false],
    ['another organisation’s contact point, awaiting', economyContactPoint, 'awaiting_release', false, false, false, false],
    ['a reader in the marking, awaiting', meAnalyst, 'awaiting_release', false, false, false, false],
    ['a reader in the marking, released', meAnalyst, 'released', true, false, false, true],
    ['a reader outside the marking, released', alAnalyst, 'released', false, false, false, false],
    ['an auditor on the desk, released', auditor, 'released', false, false, false, false],
    ['the author, returned', author, 'returned', true, true, false, false],
  ] as const)('%s', (_label, who, status, read, write, approve, exportPdf) => {
    const access = report(status);
    expect(can(who, 'cases.report.read', access)).toBe(read);
    expect(can(who, 'cases.report.write', access)).toBe(write);
    expect(can(who, 'cases.report.approve', access)).toBe(approve);
    expect(can(who, 'cases.report.export', access)).toBe(exportPdf);
  });

  it('lets contact points of the author’s economy release when the economy’s level says so, never the author', () => {
    const access = report('awaiting_release', { approverScope: 'economy' });
    expect(can(economyContactPoint, 'cases.report.approve', access)).toBe(true);
    expect(can(actor(AUTHOR, OWNER, 'RS', ['contact_point'], [DESK]), 'cases.report.approve', access)).toBe(false);
  });
});
