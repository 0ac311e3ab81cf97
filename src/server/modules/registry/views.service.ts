import type { ActivityListQuery, Board, Rate, RateInput, RateList, ThreeW } from '../../../contract/registry';
import { can } from '../../access/policy';
import type { Actor } from '../../access/actor';
import type { RegistryDeps } from './registry.service';
import { filtersOf } from './registry.service';
import { presentSummary } from './registry.presenter';
import { activitiesBudgetedIn, boardPairs, listAllActivities, listRates, loadActivities, setBudgetEur, upsertRate, visibleActivities } from './registry.queries';
import { budgetInEur } from './registry.rows';
import type { ActivityRow } from './registry.schema';

const NO_TOPIC = '-';
const addTo = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
const sorted = (map: Map<string, number>) => [...map].map(([key, budgetEur]) => ({ key, budgetEur: Math.round(budgetEur) })).sort((a, b) => b.budgetEur - a.budgetEur || a.key.localeCompare(b.key));

/** Who does what where, from the activities the actor may read: each activity once, its budget split by its economies' shares. */
export function threeWOf(rows: ActivityRow[]): ThreeW {
  const matrix = new Map<string, number>();
  const economies = new Map<string, { count: number; budgetEur: number }>();
  const byDonor = new Map<string, number>();
  const byTopic = new Map<string, number>();
  const byEconomy = new Map<string, number>();
  for (const row of rows) {
    const organisations = row.body.participatingOrgs.filter((org) => org.role === 'implementing').map((org) => org.name);
    const topics = row.topics.length ? row.topics : [NO_TOPIC];
    for (const organisation of new Set(organisations.length ? organisations : [row.reportingOrg])) {
      for (const economy of row.recipientEconomies) for (const topic of topics) addTo(matrix, JSON.stringify([organisation, economy, topic]), 1);
    }
    for (const share of row.body.recipientEconomies) {
      const entry = economies.get(share.code) ?? { count: 0, budgetEur: 0 };
      entry.count += 1;
      entry.budgetEur += (row.budgetEur * share.percentage) / 100;
      economies.set(share.code, entry);
      addTo(byEconomy, share.code, (row.budgetEur * share.percentage) / 100);
    }
    const donors = row.funders.length ? row.funders : [row.reportingOrg];
    for (const donor of donors) addTo(byDonor, donor, row.budgetEur / donors.length);
    for (const topic of topics) addTo(byTopic, topic, row.budgetEur / topics.length);
  }
  return {
    matrix: [...matrix].map(([key, count]) => {
      const [organisation, economy, topic] = JSON.parse(key) as [string, string, string];
      return { organisation, economy, topic, count };
    }),
    byEconomy: [...economies].map(([economy, entry]) => ({ economy, count: entry.count, budgetEur: Math.round(entry.budgetEur) })).sort((a, b) => a.economy.localeCompare(b.economy)),
    funding: { byDonor: sorted(byDonor), byTopic: sorted(byTopic), byEconomy: sorted(byEconomy) },
    timeline: rows.slice(0, 500).map((row) => ({ id: row.id, title: row.title, organisation: row.reportingOrg, start: row.plannedStart, end: row.plannedEnd, status: row.status })),
    total: rows.length,
  };
}

export function createViewsService(deps: RegistryDeps) {
  const { db, audit, clock } = deps;
  return {
    async threeW(actor: Actor, query: Omit<ActivityListQuery, 'page' | 'pageSize'>, publicOnly = false): Promise<ThreeW> {
      const rows = await listAllActivities(db, visibleActivities(publicOnly ? { kind: 'anonymous' } : actor), filtersOf(query));
      return threeWOf(rows.map((entry) => entry.row));
    },

    async board(actor: Actor): Promise<Board> {
      const pairs = await boardPairs(db, actor);
      const loaded = new Map((await loadActivities(db, [...new Set(pairs.flatMap((pair) => [pair.aId, pair.bId]))])).map((entry) => [entry.row.id, entry]));
      return {
        pairs: pairs.flatMap((pair) => {
          const a = loaded.get(pair.aId);
          const b = loaded.get(pair.bId);
          return a && b ? [{ a: presentSummary(a.row, a.ownerName), b: presentSummary(b.row, b.ownerName), score: pair.score, reasons: pair.reasons }] : [];
        }),
      };
    },

    async rates(actor: Actor): Promise<RateList> {
      const items = (await listRates(db)).map(({ currency, year, rate, source, updatedAt }) => ({ currency, year, rate, source, updatedAt: updatedAt.toISOString() }));
      return { items, abilities: { manage: can(actor, 'registry.rate.manage') } };
    },

    /** A changed rate recomputes, in the same transaction, the EUR total of every activity budgeted in that currency. */
    async setRate(actor: Actor, currency: string, year: number, input: RateInput, ip: string): Promise<Rate> {
      const updatedAt = clock();
      await audit.command(async (tx) => {
        await upsertRate(tx, { currency, year, rate: input.rate, source: input.source, updatedAt });
        const rates = await listRates(tx);
        const affected = await activitiesBudgetedIn(tx, currency);
        for (const activity of affected) await setBudgetEur(tx, activity.id, budgetInEur(activity.body, rates));
        await audit.append(tx, { actor, ip }, { action: 'registry.rate.manage', recordType: 'registry_rate', recordId: `${currency}-${year}`, details: { currency, year, recomputed: affected.length } });
      });
      return { currency, year, rate: input.rate, source: input.source, updatedAt: updatedAt.toISOString() };
    },
  };
}
