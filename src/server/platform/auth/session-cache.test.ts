import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createPostgresHandle } from '../../db/client';
import { sessions, users } from '../../db/schema/core';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { signedInUser } from '../../test/factories';
import { createDeps } from '../../runtime';
import { LAST_SEEN_EVERY_MS } from './sessions';

let now = new Date('2026-06-01T08:00:00Z').getTime();
let testApp: TestApp;
beforeAll(async () => {
  testApp = await buildTestApp({ clock: () => new Date(now) });
});
afterAll(async () => {
  await testApp.close();
});

async function sessionName(headers: Record<string, string>, app = testApp.app) {
  const response = await app.inject({ method: 'GET', url: '/api/auth/session', headers });
  const body = response.json() as { stage: string; user: { displayName: string } | null };
  return body.stage === 'full' ? body.user!.displayName : null;
}

describe('session cache', () => {
  it('serves a known session without reading it again until its user changes', async () => {
    const officer = await signedInUser(testApp.deps, { displayName: 'Ana Cached' });
    expect(await sessionName(officer.headers)).toBe('Ana Cached');
    // A write that bypasses the services publishes nothing, so only the cache explains the old name.
    await testApp.deps.db.update(users).set({ displayName: 'Ana Renamed' }).where(eq(users.id, officer.user.id));
    const stillCached = await sessionName(officer.headers);
    expect(stillCached).toBe('Ana Cached');
    await testApp.deps.db.transaction(async (tx) => testApp.deps.sessionCache.publish(tx as never, { userId: officer.user.id }));
    expect(await sessionName(officer.headers)).toBe('Ana Renamed');
  });

  it('forgets a session at once on sign-out and every session of a user an administrator disables', async () => {
    const officer = await signedInUser(testApp.deps);
    expect(await sessionName(officer.headers)).not.toBeNull();
    const signOut = await testApp.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: officer.headers });
    expect(signOut.statusCode).toBeLessThan(300);
    expect(await sessionName(officer.headers)).toBeNull();

    const admin = await signedInUser(testApp.deps, { roles: ['administrator'], economy: 'RS' });
    const analyst = await signedInUser(testApp.deps, { economy: 'RS' });
    expect((await testApp.app.inject({ method: 'GET', url: '/api/notifications', headers: analyst.headers })).statusCode).toBe(200);
    const disabled = await testApp.app.inject({ method: 'POST', url: `/api/admin/users/${analyst.user.id}/disable`, headers: admin.headers });
    expect(disabled.statusCode).toBe(200);
    expect((await testApp.app.inject({ method: 'GET', url: '/api/notifications', headers: analyst.headers })).statusCode).toBe(401);
  });

  it('keeps idle expiry: last seen is written at most every half minute, and an idle session ends', async () => {
    const officer = await signedInUser(testApp.deps);
    const lastSeen = async () => {
      const [row] = await testApp.deps.db.select({ lastSeenAt: sessions.lastSeenAt }).from(sessions).where(eq(sessions.userId, officer.user.id));
      return row!.lastSeenAt.getTime();
    };
    const signedInAt = await lastSeen();
    expect(await sessionName(officer.headers)).not.toBeNull();
    now += LAST_SEEN_EVERY_MS / 2;
    expect(await sessionName(officer.headers)).not.toBeNull();
    expect(await lastSeen()).toBe(signedInAt);
    // Busy for longer than the idle limit, one request every 20 minutes: still signed in.
    for (let step = 0; step < 3; step += 1) {
      now += 20 * 60_000;
      expect(await sessionName(officer.headers)).not.toBeNull();
      expect(await lastSeen()).toBe(now);
    }
    now += testApp.deps.sessionPolicy.idleMinutes * 60_000;
    expect(await sessionName(officer.headers)).toBeNull();
    expect(await testApp.deps.db.select().from(sessions).where(eq(sessions.userId, officer.user.id))).toHaveLength(0);
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('refuses a session signed out on one node on another node within a second', async () => {
    const url = (testApp.handle.db as unknown as { $client: { options: { connectionString: string } } }).$client.options.connectionString;
    const secondHandle = await createPostgresHandle(url);
    const secondDeps = createDeps(testApp.deps.config, secondHandle, testApp.deps.keys, { checkpointPath: null, filesDir: testApp.deps.filesDir, clock: testApp.deps.clock });
    const second = await buildApp(secondDeps, { logger: false, serveWeb: false });
    try {
      const officer = await signedInUser(testApp.deps);
      expect(await sessionName(officer.headers, second)).not.toBeNull();
      // Cached on the second node: a write that publishes nothing is not seen there.
      await testApp.deps.db.update(users).set({ displayName: 'Seen later' }).where(eq(users.id, officer.user.id));
      expect(await sessionName(officer.headers, second)).not.toBe('Seen later');

      const signOut = await testApp.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: officer.headers });
      expect(signOut.statusCode).toBeLessThan(300);
      const signedOutAt = Date.now();
      let name = await sessionName(officer.headers, second);
      while (name !== null && Date.now() - signedOutAt < 1000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        name = await sessionName(officer.headers, second);
      }
      expect(name).toBeNull();
    } finally {
      await second.close();
      await secondHandle.close();
    }
  });
});
