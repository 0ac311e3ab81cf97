import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/core';
import { seedDemoData } from '../../seed';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { actorFor } from '../../test/factories';
import { createInboxService } from './inbox.service';

let test: TestApp;

beforeAll(async () => {
  test = await buildTestApp();
  await seedDemoData(test.deps, { signInsPath: null });
});

afterAll(async () => {
  await test?.close();
});

async function inboxOf(email: string) {
  const [user] = await test.deps.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const actor = await actorFor(test.deps, user!.id);
  return createInboxService(test.deps).list(actor, { box: 'all', page: 1, pageSize: 50 });
}

describe('the exchange demo data', () => {
  it('gives each demo desk its conversations, and the others nothing', async () => {
    const al = await inboxOf('cp.al@mosaic.demo');
    expect(al.items.map((item) => [item.kind, item.state])).toEqual(
      expect.arrayContaining([
        ['police_cooperation_request', 'accepted'],
        ['information', null],
      ]),
    );
    const hr = await inboxOf('cp.hr@mosaic.demo');
    expect(hr.items.map((item) => item.state)).toEqual(['clarification_requested']);
    expect(hr.items[0]!.deadline).toMatchObject({ paused: true });
    const officer = await inboxOf('officer.rs@mosaic.demo');
    expect(officer.total).toBe(0);
  });
});
