import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, buildUser, signedInUser } from '../../test/factories';

let testApp: TestApp;
let deskId: string;

beforeAll(async () => {
  testApp = await buildTestApp();
  await buildOrganisation(testApp.deps, { economy: 'BA', kind: 'border', name: 'Granična policija Test' });
  await buildOrganisation(testApp.deps, { economy: 'BA', kind: 'police', name: 'State Investigation Test Agency' });
  await buildOrganisation(testApp.deps, { economy: 'RS', kind: 'customs', name: 'Customs Test Administration' });
  const desk = await buildDesk(testApp.deps, { economy: 'BA', area: 'police_cooperation', name: 'BA police cooperation' });
  deskId = desk.id;
  await buildUser(testApp.deps, { economy: 'BA', displayName: 'Amra Test', deskIds: [desk.id] });
  await buildUser(testApp.deps, { economy: 'BA', displayName: 'Edin Test', deskIds: [desk.id] });
});
afterAll(async () => {
  await testApp.close();
});

describe('directory', () => {
  it('lists economies publicly', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/directory/economies' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((economy: { code: string }) => economy.code)).toEqual(expect.arrayContaining(['AL', 'RS', 'XK', 'REG', 'INT']));
  });

  it('refuses the rest to anonymous visitors and readers', async () => {
    const reader = await signedInUser(testApp.deps, { roles: ['reader'] });
    for (const url of ['/api/directory/organisations', '/api/directory/desks', '/api/directory/sharing-groups']) {
      expect((await testApp.app.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await testApp.app.inject({ method: 'GET', url, headers: reader.headers })).statusCode).toBe(403);
    }
  });

  it('filters organisations by economy, kind and accent-insensitive name, paged', async () => {
    const officer = await signedInUser(testApp.deps, { economy: 'RS', roles: ['officer'] });
    const get = (query: string) => testApp.app.inject({ method: 'GET', url: `/api/directory/organisations?${query}`, headers: officer.headers });
    const byKind = (await get('economy=BA&kind=border')).json();
    expect(byKind.items.map((item: { name: string }) => item.name)).toEqual(['Granična policija Test']);
    expect(byKind.items[0].abilities).toEqual({ 'admin.organisation.manage': false });
    expect((await get('q=granicna')).json().items).toHaveLength(1);
    expect((await get('q=%25')).json().items).toHaveLength(0);
    const paged = (await get('economy=BA&pageSize=1&page=2')).json();
    expect(paged).toMatchObject({ page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
    expect((await get('kind=spies')).statusCode).toBe(400);
    expect((await get('unknown=1')).statusCode).toBe(400);
  });

  it('shows desk member names to contact points and administrators, counts to others', async () => {
    const officer = await signedInUser(testApp.deps, { economy: 'RS', roles: ['officer'] });
    const contactPoint = await signedInUser(testApp.deps, { economy: 'AL', roles: ['contact_point'] });
    const asOfficer = (await testApp.app.inject({ method: 'GET', url: '/api/directory/desks?economy=BA', headers: officer.headers })).json();
    expect(asOfficer.items).toEqual([expect.objectContaining({ id: deskId, memberCount: 2, members: null })]);
    const asContactPoint = (await testApp.app.inject({ method: 'GET', url: '/api/directory/desks?area=police_cooperation', headers: contactPoint.headers })).json();
    expect(asContactPoint.items[0].members.map((member: { displayName: string }) => member.displayName)).toEqual(['Amra Test', 'Edin Test']);
    expect((await testApp.app.inject({ method: 'GET', url: '/api/directory/desks?area=nonsense', headers: officer.headers })).statusCode).toBe(400);
  });
});
