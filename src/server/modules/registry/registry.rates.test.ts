import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildOrganisation, signedInUser } from '../../test/factories';
import { type Headers, activityInput, client, saveActivity } from './registry-test-helpers';
import { rateFor, toEur } from './registry.rows';
import type { RateRow } from './registry.schema';

let test: TestApp;
let http: ReturnType<typeof client>;
let donor: Headers;
let secretariat: Headers;

type Listed = { currency: string; year: number; rate: number; source: string };

beforeAll(async () => {
  test = await buildTestApp();
  http = client(test);
  const eu = await buildOrganisation(test.deps, { economy: 'INT', kind: 'donor', name: 'Rates donor (test)' });
  const rcc = await buildOrganisation(test.deps, { economy: 'REG', kind: 'regional_body', name: 'Rates secretariat (test)' });
  donor = (await signedInUser(test.deps, { organisationId: eu.id, roles: ['donor'], clearance: 'PUBLIC' })).headers;
  secretariat = (await signedInUser(test.deps, { organisationId: rcc.id, roles: ['administrator'], clearance: 'CONFIDENTIAL' })).headers;
});

afterAll(async () => {
  await test?.close();
});

const rateRow = (currency: string, year: number, rate: number): RateRow => ({ currency, year, rate, source: 'test', updatedAt: new Date(0) });

describe('the rates table', () => {
  it('holds 2025 averages of the region’s currencies and the donors’, each with its source', async () => {
    const response = await http.get('/api/registry/rates', donor);
    expect(response.statusCode).toBe(200);
    const { items, abilities } = response.json() as { items: Listed[]; abilities: { manage: boolean } };
    expect(abilities.manage).toBe(false);
    for (const currency of ['RSD', 'MKD', 'ALL', 'BAM', 'MDL', 'TRY', 'USD', 'GBP', 'CHF', 'NOK', 'SEK']) {
      const of2025 = items.find((rate) => rate.currency === currency && rate.year === 2025);
      expect(of2025, currency).toBeDefined();
      expect(of2025!.source.length).toBeGreaterThan(10);
    }
    expect(items.find((rate) => rate.currency === 'BAM' && rate.year === 2025)?.rate).toBe(1.95583);
    expect(items.find((rate) => rate.currency === 'RSD' && rate.year === 2025)?.source).toContain('National Bank of Serbia');
    expect(items.find((rate) => rate.currency === 'EUR')).toBeUndefined();
    expect((await http.get('/api/registry/rates', secretariat)).json().abilities.manage).toBe(true);
  });

  it('refuses a rate for the euro, a rate that is not positive and a source that is missing, changing nothing', async () => {
    const before = (await http.get('/api/registry/rates', donor)).json().items as Listed[];
    for (const [url, body] of [
      ['/api/registry/rates/EUR/2025', { rate: 1, source: 'the euro itself' }],
      ['/api/registry/rates/RSD/2025', { rate: 0, source: 'National Bank of Serbia' }],
      ['/api/registry/rates/RSD/2025', { rate: 117, source: '' }],
      ['/api/registry/rates/rsd/2025', { rate: 117, source: 'National Bank of Serbia' }],
    ] as const) {
      const response = await http.put(url, secretariat, body);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await http.get('/api/registry/rates', donor)).json().items).toEqual(before);
  });

  it('converts a budget in dinars at the year’s rate, and again when the secretariat corrects it', async () => {
    const rates = (await http.get('/api/registry/rates', donor)).json().items as Listed[];
    const rsd2025 = rates.find((rate) => rate.currency === 'RSD' && rate.year === 2025)!.rate;
    const activity = activityInput({
      title: [{ lang: 'en', text: 'Mountain rescue volunteers first aid kits' }],
      recipientEconomies: [{ code: 'RS', percentage: 100 }],
      topics: [],
      targetGroups: [],
      sectors: [],
      budgets: [
        { periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 11_720_000, currency: 'RSD', valueDate: '2025-03-01' },
        { periodStart: '2026-01-01', periodEnd: '2026-12-31', value: 50_000, currency: 'EUR', valueDate: '2026-01-01' },
      ],
    });
    const id = await saveActivity(http, donor, activity);
    expect((await http.get(`/api/registry/activities/${id}`, donor)).json().budgetEur).toBe(Math.round(11_720_000 / rsd2025 + 50_000));
    const threeW = (await http.get('/api/registry/3w?economy=RS', donor)).json() as { funding: { byEconomy: { key: string; budgetEur: number }[] } };
    expect(threeW.funding.byEconomy.find((row) => row.key === 'RS')?.budgetEur).toBeGreaterThanOrEqual(Math.round(11_720_000 / rsd2025 + 50_000));
    expect((await http.put('/api/registry/rates/RSD/2025', secretariat, { rate: 117.2, source: 'National Bank of Serbia, corrected' })).statusCode).toBe(200);
    expect((await http.get(`/api/registry/activities/${id}`, donor)).json().budgetEur).toBe(Math.round(11_720_000 / 117.2 + 50_000));
  });
});

describe('rateFor', () => {
  const rates = [rateRow('RSD', 2023, 117.25), rateRow('RSD', 2025, 117.2), rateRow('USD', 2025, 1.13)];
  it('takes the year’s rate, else the nearest earlier, else the earliest; the euro is itself', () => {
    expect(rateFor(rates, 'RSD', '2025-06-30')?.rate).toBe(117.2);
    expect(rateFor(rates, 'RSD', '2024-06-30')?.rate).toBe(117.25);
    expect(rateFor(rates, 'RSD', '2019-01-01')?.rate).toBe(117.25);
    expect(rateFor(rates, 'EUR', '2025-01-01')).toBeNull();
    expect(toEur(113, 'USD', '2026-01-01', rates)).toBeCloseTo(100);
    expect(toEur(100, 'EUR', '2026-01-01', rates)).toBe(100);
  });
});
