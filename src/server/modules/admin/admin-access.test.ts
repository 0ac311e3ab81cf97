import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../../contract/actions';
import type { Role } from '../../../contract/core';
import { sharingGroups } from '../../db/schema/core';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, buildUser, signedInUser } from '../../test/factories';
import { deniedEvents, writtenState } from './admin.test-support';

let testApp: TestApp;
let routes: { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; action: Action; body?: unknown }[];
const headersByRole = new Map<string, { cookie: string; 'x-csrf-token': string }>();

beforeAll(async () => {
  testApp = await buildTestApp();
  const { deps } = testApp;
  const organisation = await buildOrganisation(deps, { economy: 'RS' });
  const target = await buildUser(deps, { organisationId: organisation.id, roles: ['officer'] });
  const desk = await buildDesk(deps, { economy: 'RS', area: 'border' });
  await buildUser(deps, { organisationId: organisation.id, roles: ['officer'], deskIds: [desk.id] });
  const [group] = await deps.db
    .insert(sharingGroups)
    .values({ name: 'Access test group', economyCodes: ['RS'] })
    .returning();
  for (const role of ['officer', 'editor', 'reader', 'contact_point', 'auditor'] as Role[]) {
    headersByRole.set(role, (await signedInUser(deps, { economy: 'RS', roles: [role] })).headers);
  }
  routes = [
    { method: 'POST', url: '/api/admin/organisations', action: 'admin.organisation.manage', body: { name: 'Denied agency', kind: 'police', economy: 'RS' } },
    { method: 'PATCH', url: `/api/admin/organisations/${organisation.id}`, action: 'admin.organisation.manage', body: { name: 'Renamed' } },
    { method: 'DELETE', url: `/api/admin/organisations/${organisation.id}`, action: 'admin.organisation.manage' },
    { method: 'GET', url: '/api/admin/users', action: 'admin.user.manage' },
    { method: 'GET', url: `/api/admin/users/${target.id}`, action: 'admin.user.manage' },
    {
      method: 'POST',
      url: '/api/admin/users',
      action: 'admin.user.manage',
      body: { email: 'denied@example.test', displayName: 'Denied Person', organisationId: organisation.id, roles: ['officer'], clearance: 'RESTRICTED' },
    },
    { method: 'PATCH', url: `/api/admin/users/${target.id}`, action: 'admin.user.manage', body: { roles: ['administrator'] } },
    { method: 'POST', url: `/api/admin/users/${target.id}/disable`, action: 'admin.user.manage' },
    { method: 'POST', url: `/api/admin/users/${target.id}/enable`, action: 'admin.user.manage' },
    { method: 'POST', url: `/api/admin/users/${target.id}/reset-credentials`, action: 'admin.user.manage' },
    { method: 'POST', url: `/api/admin/users/${target.id}/unlock`, action: 'admin.user.manage' },
    { method: 'GET', url: '/api/admin/access-changes', action: 'admin.access_change.review' },
    { method: 'GET', url: `/api/admin/access-changes/${target.id}`, action: 'admin.access_change.review' },
    { method: 'POST', url: `/api/admin/access-changes/${target.id}/approve`, action: 'admin.access_change.review' },
    { method: 'POST', url: `/api/admin/access-changes/${target.id}/reject`, action: 'admin.access_change.review', body: { reason: 'Denied anyway' } },
    { method: 'POST', url: '/api/admin/desks', action: 'admin.desk.manage', body: { economy: 'RS', area: 'salw', name: 'Denied desk' } },
    { method: 'PATCH', url: `/api/admin/desks/${desk.id}`, action: 'admin.desk.manage', body: { name: 'Renamed desk' } },
    { method: 'DELETE', url: `/api/admin/desks/${desk.id}`, action: 'admin.desk.manage' },
    { method: 'POST', url: `/api/admin/desks/${desk.id}/members`, action: 'admin.desk.manage', body: { userId: target.id } },
    { method: 'DELETE', url: `/api/admin/desks/${desk.id}/members/${target.id}`, action: 'admin.desk.manage' },
    { method: 'POST', url: '/api/admin/sharing-groups', action: 'admin.sharing_group.manage', body: { name: 'Denied group', economies: ['RS'] } },
    { method: 'PATCH', url: `/api/admin/sharing-groups/${group!.id}`, action: 'admin.sharing_group.manage', body: { name: 'Renamed group' } },
    { method: 'DELETE', url: `/api/admin/sharing-groups/${group!.id}`, action: 'admin.sharing_group.manage' },
  ];
});
afterAll(async () => {
  await testApp.close();
});

describe('administration routes deny everyone but administrators', () => {
  for (const role of ['officer', 'editor', 'reader', 'contact_point', 'auditor', 'anonymous']) {
    it(`${role}: every admin route is refused, nothing is written and each denial is audited`, async () => {
      const { app, deps } = testApp;
      const before = await writtenState(deps);
      for (const route of routes) {
        const deniedBefore = (await deniedEvents(deps, route.action)).length;
        const headers = role === 'anonymous' ? {} : headersByRole.get(role)!;
        const response = await app.inject({ method: route.method, url: route.url, headers, payload: route.body as object | undefined });
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(role === 'anonymous' ? 401 : 403);
        expect(response.headers['content-type']).toContain('application/problem+json');
        const denied = await deniedEvents(deps, route.action);
        expect(denied.length, `${route.method} ${route.url} audited`).toBe(deniedBefore + 1);
      }
      expect(await writtenState(deps)).toEqual(before);
    });
  }

  it('refuses a state-changing admin request without the CSRF token, writing nothing', async () => {
    const { app, deps } = testApp;
    const admin = await signedInUser(deps, { economy: 'REG', roles: ['administrator'] });
    const before = await writtenState(deps);
    const response = await app.inject({
      method: 'POST',
      url: '/api/admin/organisations',
      headers: { cookie: admin.headers.cookie },
      payload: { name: 'No CSRF agency', kind: 'police', economy: 'RS' },
    });
    expect(response.statusCode).toBe(403);
    expect(await writtenState(deps)).toEqual(before);
  });
});
