import { describe, expect, it } from 'vitest';
import type { UserActor } from '../../access/actor';
import { accountAbilities, refuseAdministratorLoss } from './admin.policy';

const actor: UserActor = {
  kind: 'user',
  userId: 'me',
  email: 'me@example.test',
  displayName: 'Me',
  organisationId: 'org',
  organisationName: 'Org',
  economy: 'REG',
  roles: ['administrator'],
  clearance: 'CONFIDENTIAL',
  deskIds: [],
  sharingGroupIds: [],
};
const self = { id: 'me', roles: ['administrator' as const], disabled: false };
const otherAdmin = { id: 'other', roles: ['administrator' as const], disabled: false };

describe('administrator-loss rule', () => {
  it('refuses removing one’s own administrator role and disabling oneself', () => {
    expect(refuseAdministratorLoss(actor, self, { roles: ['auditor'] }, 5)).toMatch(/own administrator role/);
    expect(refuseAdministratorLoss(actor, self, { disable: true }, 5)).toMatch(/disable your own/);
  });
  it('allows keeping the role while changing others', () => {
    expect(refuseAdministratorLoss(actor, self, { roles: ['administrator', 'auditor'] }, 0)).toBeNull();
  });
  it('refuses losing the last active administrator, allows it when another remains', () => {
    expect(refuseAdministratorLoss(actor, otherAdmin, { roles: ['reader'] }, 0)).toMatch(/last active administrator/);
    expect(refuseAdministratorLoss(actor, otherAdmin, { disable: true }, 0)).toMatch(/last active administrator/);
    expect(refuseAdministratorLoss(actor, otherAdmin, { disable: true }, 1)).toBeNull();
  });
  it('a disabled administrator may lose the role even when no other is active', () => {
    expect(refuseAdministratorLoss(actor, { ...otherAdmin, disabled: true }, { roles: ['reader'] }, 0)).toBeNull();
  });
  it('abilities follow the rule', () => {
    expect(accountAbilities(actor, self)).toEqual({ update: true, disable: false, enable: false, resetCredentials: false, removeAdministrator: false, changeAccess: false, unlock: false });
    expect(accountAbilities(actor, { ...otherAdmin, locked: true })).toMatchObject({ unlock: true, changeAccess: true });
    expect(accountAbilities(actor, { ...otherAdmin, disabled: true })).toMatchObject({ disable: false, enable: true, resetCredentials: true });
    expect(accountAbilities({ ...actor, roles: ['officer'] }, { ...otherAdmin, locked: true })).toEqual({
      update: false,
      disable: false,
      enable: false,
      resetCredentials: false,
      removeAdministrator: false,
      changeAccess: false,
      unlock: false,
    });
  });
});
