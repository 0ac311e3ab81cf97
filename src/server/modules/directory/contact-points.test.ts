import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desks, users } from '../../db/schema/core';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildUser, signedInUser } from '../../test/factories';

let test: TestApp;
const ids = { rs: '', empty: '' };

beforeAll(async () => {
  test = await buildTestApp();
  const { deps } = test;
  ids.rs = (await buildDesk(deps, { economy: 'RS', area: 'police_cooperation', name: 'RS police cooperation' })).id;
  ids.empty = (await buildDesk(deps, { economy: 'RS', area: 'customs', name: 'RS customs' })).id;
  await deps.db.update(desks).set({ email: 'pc.rs@desks.example' }).where(eq(desks.id, ids.rs));
  await deps.db.execute(sql`update desks set duty_phone = '+381 11 555 0101' where id = ${ids.rs}`);
  const member = await buildUser(deps, { economy: 'RS', roles: ['contact_point'], displayName: 'Mirela Test', deskIds: [ids.rs] });
  await deps.db.execute(sql`update users set languages = '{sr,en}' where id = ${member.id}`);
  const gone = await buildUser(deps, { economy: 'RS', roles: ['officer'], displayName: 'Gone Test', deskIds: [ids.empty] });
  await deps.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id));
});
afterAll(async () => {
  await test.close();
});

const get = (url: string, headers?: Record<string, string>) => test.app.inject({ method: 'GET', url, headers });

describe('contact-point directory', () => {
  it('shows every operational user each economy’s desks with members, languages and duty phone', async () => {
    const officer = await signedInUser(test.deps, { economy: 'AL', roles: ['officer'] });
    const response = await get('/api/directory/contact-points?economy=RS', officer.headers);
    expect(response.statusCode).toBe(200);
    const [economy] = response.json().economies;
    expect(economy).toMatchObject({ code: 'RS', name: expect.any(String) });
    const byId = new Map(economy.desks.map((desk: { id: string }) => [desk.id, desk]));
    expect(byId.get(ids.rs)).toMatchObject({ dutyPhone: '+381 11 555 0101', email: 'pc.rs@desks.example', active: true, members: [{ name: 'Mirela Test', languages: ['sr', 'en'] }] });
    // A disabled member is not listed, and the desk shows as inactive.
    expect(byId.get(ids.empty)).toMatchObject({ active: false, members: [] });
  });

  it('filters by language and area, and refuses bad input', async () => {
    const analyst = await signedInUser(test.deps, { economy: 'ME', roles: ['analyst'] });
    const sq = (await get('/api/directory/contact-points?economy=RS&language=sq', analyst.headers)).json();
    expect(sq.economies).toEqual([]);
    const sr = (await get('/api/directory/contact-points?economy=RS&language=sr&area=police_cooperation', analyst.headers)).json();
    expect(sr.economies[0].desks.map((desk: { id: string }) => desk.id)).toEqual([ids.rs]);
    expect((await get('/api/directory/contact-points?language=klingon', analyst.headers)).statusCode).toBe(400);
    expect((await get('/api/directory/contact-points?economy=rs', analyst.headers)).statusCode).toBe(400);
  });

  it('is for operational users only', async () => {
    expect((await get('/api/directory/contact-points')).statusCode).toBe(401);
    for (const role of ['reader', 'donor', 'auditor'] as const) {
      const user = await signedInUser(test.deps, { roles: [role] });
      expect((await get('/api/directory/contact-points', user.headers)).statusCode).toBe(403);
    }
  });
});
