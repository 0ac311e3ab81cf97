import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharingGroups } from '../../db/schema/core';
import { buildDesk, buildUser } from '../../test/factories';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { createSession, loadSession } from './sessions';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await buildTestApp();
});
afterAll(async () => {
  await testApp.close();
});

const policy = { idleMinutes: 30, absoluteHours: 12 };

describe('sessions', () => {
  it('loads the actor with desks and sharing groups in one go', async () => {
    const { deps } = testApp;
    const desk = await buildDesk(deps, { economy: 'AL', area: 'police_cooperation' });
    const user = await buildUser(deps, { economy: 'AL', roles: ['contact_point'], deskIds: [desk.id] });
    const [group] = await deps.db.insert(sharingGroups).values({ name: 'Adriatic', economyCodes: ['AL', 'ME'] }).returning();
    await deps.db.insert(sharingGroups).values({ name: 'Danube', economyCodes: ['RO', 'BG'] });
    const { token } = await createSession(deps.db, { userId: user.id, stage: 'full' }, policy);
    const session = await loadSession(deps.db, token, policy);
    expect(session?.actor).toMatchObject({ economy: 'AL', roles: ['contact_point'], deskIds: [desk.id], sharingGroupIds: [group!.id] });
  });

  it('ends a session after its idle time and after its absolute lifetime', async () => {
    const { deps } = testApp;
    const user = await buildUser(deps);
    const start = new Date('2026-03-01T08:00:00Z');
    const idle = await createSession(deps.db, { userId: user.id, stage: 'full' }, policy, start);
    expect(await loadSession(deps.db, idle.token, policy, new Date(start.getTime() + 29 * 60_000))).not.toBeNull();
    expect(await loadSession(deps.db, idle.token, policy, new Date(start.getTime() + 29 * 60_000 + 31 * 60_000))).toBeNull();

    const busy = await createSession(deps.db, { userId: user.id, stage: 'full' }, policy, start);
    let now = start.getTime();
    for (let step = 0; step < 12 * 3; step += 1) {
      now += 20 * 60_000;
      const alive = await loadSession(deps.db, busy.token, policy, new Date(now));
      if (now - start.getTime() < 12 * 3_600_000) expect(alive).not.toBeNull();
      else expect(alive).toBeNull();
    }
  });

  it('treats a malformed or unknown token as no session', async () => {
    expect(await loadSession(testApp.deps.db, "'; drop table sessions; --", policy)).toBeNull();
    expect(await loadSession(testApp.deps.db, 'A'.repeat(43), policy)).toBeNull();
  });
});
