import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedCoreDemo } from '../../seed/core/core.seed';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { seedRegistryDemo } from './registry.seed';
import { registryActivities, registryOverlapPairs } from './registry.schema';

let test: TestApp;

beforeAll(async () => {
  test = await buildTestApp();
  await seedCoreDemo(test.deps);
  await seedRegistryDemo(test.deps);
});

afterAll(async () => {
  await test?.close();
});

it('seeds about sixty activities with the deliberate overlaps on the board', async () => {
  const rows = await test.deps.db.select().from(registryActivities);
  expect(rows.length).toBeGreaterThanOrEqual(55);
  expect(new Set(rows.map((row) => row.identifier)).size).toBe(rows.length);
  expect(rows.every((row) => row.body.description[0]!.text.includes('illustrative'))).toBe(true);
  const pairs = await test.deps.db.select().from(registryOverlapPairs);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const titles = pairs.map((pair) => [byId.get(pair.aId)!.title, byId.get(pair.bId)!.title].sort().join(' | '));
  expect(titles.some((title) => title.includes('Montenegrin police') && title.includes('firearms trafficking investigations'))).toBe(true);
  expect(titles.some((title) => title.includes('Riintegrimi') || title.includes('Reintegration of returnees'))).toBe(true);
  expect(pairs.length).toBeGreaterThanOrEqual(5);
});
