import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createPostgresHandle } from '../../db/client';
import { createDeps } from '../../runtime';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { buildDesk, signedInUser } from '../../test/factories';
import { notifyUser } from './index';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await buildTestApp();
});
afterAll(async () => {
  await testApp.close();
});

type Page = { items: { title: string; readAt: string | null; desk: { name: string } | null }[]; total: number; unreadCount: number };
async function page(headers: Record<string, string>, app = testApp.app): Promise<Page> {
  const response = await app.inject({ method: 'GET', url: '/api/notifications', headers });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.json() as Page;
}

/** A module's own insert statement, as the wanted screening writes its desk notifications. */
const rawInsert = (userId: string, title: string) =>
  testApp.deps.db.execute(sql`insert into notifications (user_id, kind, title) values (${userId}, 'test.raw', ${title})`);

describe('notification page cache', () => {
  it('serves a page again until any statement changes notifications, whoever writes it', async () => {
    const officer = await signedInUser(testApp.deps);
    expect(await page(officer.headers)).toMatchObject({ items: [], total: 0, unreadCount: 0 });
    await rawInsert(officer.user.id, 'Written by a statement of its own');
    const after = await page(officer.headers);
    expect(after).toMatchObject({ total: 1, unreadCount: 1 });
    expect(after.items.map((item) => item.title)).toEqual(['Written by a statement of its own']);
    await testApp.deps.db.execute(sql`update notifications set read_at = now() where user_id = ${officer.user.id}`);
    expect(await page(officer.headers)).toMatchObject({ total: 1, unreadCount: 0 });
    // With triggers switched off nothing is notified: only the cache explains the old answer.
    await testApp.deps.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from notifications where user_id = ${officer.user.id}`);
    });
    expect(await page(officer.headers)).toMatchObject({ total: 1, unreadCount: 0 });
  });

  it('shows a renamed desk and the answer of mark-read at once', async () => {
    const desk = await buildDesk(testApp.deps, { economy: 'RS', area: 'wanted_persons' });
    const member = await signedInUser(testApp.deps, { economy: 'RS', roles: ['contact_point'], deskIds: [desk.id] });
    await testApp.deps.db.transaction((tx) => notifyUser(tx, { userId: member.user.id, kind: 'test.one', title: 'Mine' }));
    await testApp.deps.db.execute(sql`insert into notifications (desk_id, kind, title) values (${desk.id}, 'test.desk', 'For the desk')`);
    const before = await page(member.headers);
    expect(before.unreadCount).toBe(2);
    await testApp.deps.db.execute(sql`update desks set name = 'Renamed desk' where id = ${desk.id}`);
    expect((await page(member.headers)).items.find((item) => item.desk)?.desk?.name).toBe('Renamed desk');
    const marked = await testApp.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: member.headers });
    expect(marked.json()).toEqual({ marked: 2 });
    expect((await page(member.headers)).unreadCount).toBe(0);
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('another node sees a change within a second', async () => {
    const url = (testApp.handle.db as unknown as { $client: { options: { connectionString: string } } }).$client.options.connectionString;
    const secondHandle = await createPostgresHandle(url);
    const secondDeps = createDeps(testApp.deps.config, secondHandle, testApp.deps.keys, { checkpointPath: null, filesDir: testApp.deps.filesDir, clock: testApp.deps.clock });
    const second = await buildApp(secondDeps, { logger: false, serveWeb: false });
    try {
      const officer = await signedInUser(testApp.deps);
      expect((await page(officer.headers, second)).total).toBe(0);
      expect((await page(officer.headers, second)).total).toBe(0);
      await rawInsert(officer.user.id, 'Seen on the other node');
      const insertedAt = Date.now();
      let total = (await page(officer.headers, second)).total;
      while (total === 0 && Date.now() - insertedAt < 1000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        total = (await page(officer.headers, second)).total;
      }
      expect(total).toBe(1);
    } finally {
      await second.close();
      await secondDeps.audit.stop();
      await secondHandle.close();
    }
  });
});
