import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../contract/actions';
import type { UserActor } from './actor';
import { can } from './policy';

const person: UserActor = {
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  email: 'everything@example.test',
  displayName: 'Holds every role',
  organisationId: '00000000-0000-4000-8000-000000000002',
  organisationName: 'Border police',
  economy: 'HR',
  roles: ['administrator', 'editor', 'contact_point', 'analyst', 'officer', 'donor', 'auditor', 'reader'],
  clearance: 'CONFIDENTIAL',
  deskIds: [],
  sharingGroupIds: [],
};

describe('an API key’s actor', () => {
  it('may take only the actions of its scopes, whatever its roles allow', () => {
    const keyActor: UserActor = { ...person, apiKey: { id: '00000000-0000-4000-8000-000000000003', scopes: ['wanted.screen'] } };
    const allowed = ACTIONS.filter((action) => can(keyActor, action));
    expect(allowed).toEqual(['wanted.screen']);
    // The same roles without a key reach far more: the scopes, not the roles, are the limit.
    expect(ACTIONS.filter((action) => can(person, action)).length).toBeGreaterThan(5);
  });

  it('gains nothing from a scope its roles do not allow', () => {
    const reader: UserActor = { ...person, roles: ['reader'], apiKey: { id: '00000000-0000-4000-8000-000000000004', scopes: ['wanted.screen', 'wanted.hit.read'] } };
    expect(ACTIONS.filter((action) => can(reader, action))).toEqual([]);
  });
});
