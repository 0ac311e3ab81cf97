import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications } from '../../db/schema/core';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { buildDesk, signedInUser } from '../../test/factories';
import { notifyDesk, notifyUser } from './index';

let testApp: TestApp;
let rsDeskId: string;
let rsMember: Awaited<ReturnType<typeof signedInUser>>;
let rsColleague: Awaited<ReturnType<typeof signedInUser>>;
let rsNonMember: Awaited<ReturnType<typeof signedInUser>>;
let alUser: Awaited<ReturnType<typeof signedInUser>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  testApp = await buildTestApp();
  const { deps } = testApp;
  rsDeskId = (await buildDesk(deps, { economy: 'RS', area: 'wanted_persons' })).id;
  rsMember = await signedInUser(deps, { economy: 'RS', roles: ['contact_point'], deskIds: [rsDeskId] });
  rsColleague = await signedInUser(deps, { economy: 'RS', roles: ['contact_point'], deskIds: [rsDeskId] });
  rsNonMember = await signedInUser(deps, { economy: 'RS', roles: ['officer'] });
  alUser = await signedInUser(deps, { economy: 'AL', roles: ['contact_point'] });
  await deps.db.transaction(async (tx) => {
    ids.desk = await notifyDesk(tx, { deskId: rsDeskId, kind: 'wanted.hit', title: 'Possible hit', body: 'Screening matched alert R-1', link: '/wanted/hits/1', recordType: 'wanted_hit', recordId: '1' });
    ids.personal = await notifyUser(tx, { userId: rsMember.user.id, kind: 'reminder', title: 'Review due' });
    ids.albanian = await notifyUser(tx, { userId: alUser.user.id, kind: 'reminder', title: 'Albanian only' });
  });
});
afterAll(async () => {
  await testApp.close();
});

const list = (headers: Record<string, string>, query = '') => testApp.app.inject({ method: 'GET', url: `/api/notifications${query}`, headers });

describe('notifications', () => {
  it('a desk member sees their own and their desk’s notifications, with the unread count', async () => {
    const body = (await list(rsMember.headers)).json();
    expect(body.items.map((item: { id: string }) => item.id).sort()).toEqual([ids.desk, ids.personal].sort());
    expect(body).toMatchObject({ total: 2, unreadCount: 2 });
    expect(body.items.find((item: { id: string }) => item.id === ids.desk)).toMatchObject({ desk: { id: rsDeskId }, link: '/wanted/hits/1', readAt: null });
  });

  it('others see none of them: same economy without the desk, another economy, anonymous', async () => {
    expect((await list(rsNonMember.headers)).json()).toMatchObject({ items: [], total: 0, unreadCount: 0 });
    const albanian = (await list(alUser.headers)).json();
    expect(albanian.items.map((item: { id: string }) => item.id)).toEqual([ids.albanian]);
    expect((await list({})).statusCode).toBe(401);
  });

  it('marking someone else’s notification read answers 404 and changes nothing', async () => {
    for (const [who, id] of [
      [alUser, ids.desk],
      [alUser, ids.personal],
      [rsNonMember, ids.desk],
      [rsColleague, ids.personal],
    ] as const) {
      const response = await testApp.app.inject({ method: 'POST', url: `/api/notifications/${id}/read`, headers: who.headers });
      expect(response.statusCode).toBe(404);
    }
    const rows = await testApp.deps.db.select().from(notifications).where(eq(notifications.userId, rsMember.user.id));
    expect(rows.every((row) => row.readAt === null)).toBe(true);
    expect((await testApp.app.inject({ method: 'POST', url: '/api/notifications/not-a-uuid/read', headers: alUser.headers })).statusCode).toBe(400);
  });

  it('a desk notification read by one member is read for the desk, audited', async () => {
    const response = await testApp.app.inject({ method: 'POST', url: `/api/notifications/${ids.desk}/read`, headers: rsColleague.headers });
    expect(response.statusCode).toBe(200);
    expect(response.json().readAt).not.toBeNull();
    expect((await list(rsMember.headers)).json().unreadCount).toBe(1);
    expect((await list(rsMember.headers, '?unread=true')).json().items.map((item: { id: string }) => item.id)).toEqual([ids.personal]);
    const events = await testApp.deps.db.select().from(auditEvents).where(eq(auditEvents.recordId, ids.desk!)).orderBy(auditEvents.seq);
    expect(events.map((event) => event.action)).toEqual(['notifications.notification.read']);
  });

  it('marks all visible notifications read, and only those', async () => {
    const response = await testApp.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: rsMember.headers });
    expect(response.json()).toEqual({ marked: 1 });
    expect((await list(alUser.headers)).json().unreadCount).toBe(1);
  });

  it('refuses content that would link outside Mosaic', async () => {
    await expect(
      testApp.deps.db.transaction((tx) => notifyUser(tx, { userId: alUser.user.id, kind: 'x.y', title: 'Bad', link: '//evil.example/x' })),
    ).rejects.toThrow();
    await expect(
      testApp.deps.db.transaction((tx) => notifyUser(tx, { userId: alUser.user.id, kind: 'x.y', title: 'Bad', link: 'javascript:alert(1)' })),
    ).rejects.toThrow();
  });
});
