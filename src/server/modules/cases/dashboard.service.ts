import type { Dashboard, DashboardQuery } from '../../../contract/cases';
import { type Actor, isUser } from '../../access/actor';
import { authorize } from '../../access/authorize';
import { sql } from 'drizzle-orm';
import { UnprocessableProblem } from '../../platform/http/errors';
import { type CasesDeps, dayOf } from './cases.context';
import { visibleCases } from './cases.queries';
import { caseRecords } from './cases.schema';
import { dashboardFigures } from './dashboard.queries';

const DAY_MS = 86_400_000;
const MAX_DAYS = 3660;

/** The change against the previous period, in per cent; null when there was nothing to compare with. */
export const trendPercent = (current: number, previous: number) => (previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10);

function grouped(rows: { key: string; current: number; previous: number }[]) {
  const sums = new Map<string, { count: number; previous: number }>();
  for (const row of rows) {
    const sum = sums.get(row.key) ?? { count: 0, previous: 0 };
    sum.count += row.current;
    sum.previous += row.previous;
    sums.set(row.key, sum);
  }
  return [...sums.entries()]
    .map(([key, sum]) => ({ key, count: sum.count, previous: sum.previous, trendPercent: trendPercent(sum.count, sum.previous) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

const csvCell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function createDashboardService(deps: CasesDeps) {
  const { db, audit, clock } = deps;

  /** Counts over the cases the actor may read only (the scope is in the SQL), with the previous period of the same length. */
  async function dashboard(actor: Actor, query: DashboardQuery, ip: string, format: 'json' | 'csv'): Promise<Dashboard> {
    authorize(actor, 'cases.dashboard.read');
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    const days = Math.round((to - from) / DAY_MS) + 1;
    if (days < 1 || days > MAX_DAYS) throw new UnprocessableProblem('The period must run forwards and span at most ten years.', [{ path: 'to', message: 'bad_period' }]);
    const previousFrom = dayOf(new Date(from - days * DAY_MS));
    const visible = visibleCases(actor, dayOf(clock()));
    const scope = query.crimeArea ? sql`(${visible} and ${caseRecords.crimeArea} = ${query.crimeArea})` : visible;
    const period = { from: query.from, to: query.to, previousFrom };
    const reader = isUser(actor) ? { organisationId: actor.organisationId } : undefined;
    const { rows, routes } = await dashboardFigures(db, scope, period, reader);
    await audit.record({ actor, ip }, { action: 'cases.dashboard.read', details: { from: query.from, to: query.to, crimeArea: query.crimeArea ?? null, format } });
    const months = new Map<string, number>();
    for (const row of rows) if (row.current > 0) months.set(row.month, (months.get(row.month) ?? 0) + row.current);
    const total = rows.reduce((sum, row) => ({ current: sum.current + row.current, previous: sum.previous + row.previous }), { current: 0, previous: 0 });
    return {
      from: query.from,
      to: query.to,
      total: { key: 'total', count: total.current, previous: total.previous, trendPercent: trendPercent(total.current, total.previous) },
      byCrimeArea: grouped(rows.map((row) => ({ key: row.crime_area, current: row.current, previous: row.previous }))).filter((item) => item.count + item.previous > 0),
      byEconomy: grouped(rows.map((row) => ({ key: row.owner_economy, current: row.current, previous: row.previous }))).filter((item) => item.count + item.previous > 0),
      byMonth: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, count })),
      routes: routes.map((route) => ({ key: route.path, path: route.path.split('>'), count: route.current, previous: route.previous, trendPercent: trendPercent(route.current, route.previous) })),
    };
  }

  return {
    dashboard: (actor: Actor, query: DashboardQuery, ip: string) => dashboard(actor, query, ip, 'json'),
    csv: async (actor: Actor, query: DashboardQuery, ip: string): Promise<string> => {
      const data = await dashboard(actor, query, ip, 'csv');
      const lines = [['section', 'key', 'count', 'previous', 'trend_percent'].join(',')];
      for (const [section, items] of [['total', [data.total]], ['crime_area', data.byCrimeArea], ['economy', data.byEconomy], ['route', data.routes]] as const) {
        for (const item of items) lines.push([section, item.key, item.count, item.previous, item.trendPercent].map(csvCell).join(','));
      }
      for (const month of data.byMonth) lines.push(['month', month.key, month.count, '', ''].map(csvCell).join(','));
      return `${lines.join('\n')}\n`;
    },
  };
}
