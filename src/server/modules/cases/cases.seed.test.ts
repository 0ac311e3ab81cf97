import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/core';
import { seedDemoData } from '../../seed';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { actorFor } from '../../test/factories';
import { casesDepsOf } from './cases.context';
import { createCaseService } from './cases.service';
import { createHitService } from './hits.service';

let test: TestApp;

beforeAll(async () => {
  test = await buildTestApp();
  await seedDemoData(test.deps, { signInsPath: null });
  // The whole demo data (every module's part) is seeded through the services.
}, 240_000);

afterAll(async () => {
  await test?.close();
});

async function actorOf(email: string) {
  const [user] = await test.deps.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return actorFor(test.deps, user!.id);
}

describe('the cases demo data', () => {
  it('gives RS, AL and MK a case each, with cross-border hits and an MK team member on the RS case', async () => {
    const cases = createCaseService(casesDepsOf(test.deps));
    const al = await actorOf('cp.al@mosaic.demo');
    const mk = await actorOf('cp.mk@mosaic.demo');
    const alCases = await cases.list(al, { page: 1, pageSize: 25 });
    expect(alCases.items.map((item) => item.ownerEconomy)).toEqual(['AL']);
    const hits = await createHitService(casesDepsOf(test.deps)).correlations(al, alCases.items[0]!.id, '127.0.0.1');
    expect(hits.items.map((item) => [item.kind, item.visibility, item.holdingDesk.economy]).sort()).toEqual([
      ['person', 'hit', 'RS'],
      ['phone', 'hit', 'RS'],
    ]);
    // MK reads its own case and, as a team member, the RS one.
    expect((await cases.list(mk, { page: 1, pageSize: 25 })).items.map((item) => item.ownerEconomy).sort()).toEqual(['MK', 'RS']);
    expect((await cases.list(await actorOf('analyst.ba@mosaic.demo'), { page: 1, pageSize: 25 })).total).toBe(0);
  });
});
