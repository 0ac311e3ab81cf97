import crypto from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { ChartFigure, ChartInput } from '../../../contract/cases-reports';
import type { Marking } from '../../../contract/core';
import type { UserActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { UnprocessableProblem } from '../../platform/http/errors';
import { dayOf } from './cases.context';
import { visibleCases } from './cases.queries';
import { caseRecords } from './cases.schema';
import { type DashboardRow, dashboardCounts, dashboardRoutes } from './dashboard.queries';
import { trendPercent } from './dashboard.service';
import { casesCoveredBy } from './reports.marking';
import type { StoredChart } from './reports.schema';

const DAY_MS = 86_400_000;
const MAX_DAYS = 3660;

function sumBy(rows: DashboardRow[], key: (row: DashboardRow) => string): ChartFigure[] {
  const sums = new Map<string, { count: number; previous: number }>();
  for (const row of rows) {
    const sum = sums.get(key(row)) ?? { count: 0, previous: 0 };
    sum.count += row.current;
    sum.previous += row.previous;
    sums.set(key(row), sum);
  }
  return [...sums.entries()]
    .filter(([, sum]) => sum.count + sum.previous > 0)
    .map(([name, sum]) => ({ key: name, count: sum.count, previous: sum.previous, trendPercent: trendPercent(sum.count, sum.previous) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * A chart's figures taken now, through the dashboard's own queries, over the cases the author
 * may read (`visibleCases`) that the report's marking covers (`casesCoveredBy`). Cases the
 * author reads but the marking does not cover are only counted as `leftOut`, for the author.
 */
export async function takeChart(db: Db, author: UserActor, input: ChartInput, marking: Marking, economyOfOrganisation: Map<string, string>, now: Date, id: string = crypto.randomUUID()): Promise<StoredChart> {
  const from = Date.parse(input.from);
  const days = Math.round((Date.parse(input.to) - from) / DAY_MS) + 1;
  if (days < 1 || days > MAX_DAYS) throw new UnprocessableProblem('The period must run forwards and span at most ten years.', [{ path: 'to', message: 'bad_period' }]);
  const period = { from: input.from, to: input.to, previousFrom: dayOf(new Date(from - days * DAY_MS)) };
  const filters: SQL[] = [visibleCases(author, dayOf(now))];
  if (input.crimeArea) filters.push(sql`${caseRecords.crimeArea} = ${input.crimeArea}`);
  if (input.economy) filters.push(sql`${caseRecords.ownerEconomy} = ${input.economy}`);
  const covered = casesCoveredBy(marking, economyOfOrganisation);
  const scope = sql`(${sql.join([...filters, covered], sql` and `)})`;
  // The dashboard's fast path over the author's organisation's and team cases; the full policy still filters every row.
  const reader = { organisationId: author.organisationId };
  const outside = sql`(${sql.join([...filters, sql`not ${covered}`], sql` and `)})`;
  const [rows, left, routes] = await Promise.all([dashboardCounts(db, scope, period, reader), dashboardCounts(db, outside, period, reader), input.view === 'route' ? dashboardRoutes(db, scope, period, reader) : Promise.resolve([])]);
  const figures = (() => {
    switch (input.view) {
      case 'crime_area':
        return sumBy(rows, (row) => row.crime_area);
      case 'economy':
        return sumBy(rows, (row) => row.owner_economy);
      case 'month':
        return sumBy(rows.filter((row) => row.current > 0), (row) => row.month)
          .map((figure) => ({ ...figure, previous: null, trendPercent: null }))
          .sort((a, b) => a.key.localeCompare(b.key));
      case 'route':
        return routes
          .filter((route) => route.current + route.previous > 0)
          .map((route) => ({ key: route.path, path: route.path.split('>'), count: route.current, previous: route.previous, trendPercent: trendPercent(route.current, route.previous) }));
    }
  })();
  return {
    id,
    view: input.view,
    title: input.title,
    filters: { from: input.from, to: input.to, crimeArea: input.crimeArea ?? null, economy: input.economy ?? null },
    figures,
    total: rows.reduce((sum, row) => sum + row.current, 0),
    takenAt: now.toISOString(),
    takenBy: author.userId,
    marking,
    leftOut: left.reduce((sum, row) => sum + row.current, 0),
  };
}

/** The chart's request again, to re-take it under a new marking. */
export const chartInputOf = (chart: StoredChart): ChartInput => ({
  view: chart.view,
  title: chart.title,
  from: chart.filters.from,
  to: chart.filters.to,
  ...(chart.filters.crimeArea ? { crimeArea: chart.filters.crimeArea as ChartInput['crimeArea'] } : {}),
  ...(chart.filters.economy ? { economy: chart.filters.economy } : {}),
});
