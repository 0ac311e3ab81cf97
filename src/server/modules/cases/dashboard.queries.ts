import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';

export interface Period {
  from: string;
  to: string;
  previousFrom: string;
}

/** Whose cases: a readable case is owned by the reader's organisation or has it on its team. */
export interface DashboardReader {
  organisationId: string;
}

export interface DashboardRow {
  crime_area: string;
  owner_economy: string;
  month: string;
  current: number;
  previous: number;
}

export interface RouteRow {
  /** Economy codes joined by `>`: origin, transits, destination. */
  path: string;
  current: number;
  previous: number;
}

export interface DashboardFigures {
  rows: DashboardRow[];
  routes: RouteRow[];
}

const COLUMNS = sql.raw('case_records.crime_area, case_records.owner_economy, case_records.opened_on, case_records.route');

/**
 * The cases of the period that `scope` admits. With a reader, only the two branches of
 * `visibleCases` are read: the organisation's own cases by the (owner, opened on) index that
 * covers what the policy and the counts read (migration 0404), and the cases it is on the team
 * of by their ids (an array, so the planner probes the key instead of scanning every case).
 * `scope`, the full policy, still filters every row of both, so the set is exactly the visible
 * one (decision 0038). Without a reader, every case of the period is filtered by `scope`.
 */
function casesOfPeriod(scope: SQL, period: Period, reader?: DashboardReader): SQL {
  const inPeriod = sql`case_records.opened_on >= ${period.previousFrom}::date and case_records.opened_on <= ${period.to}::date`;
  if (!reader) return sql`(select ${COLUMNS} from case_records where ${inPeriod} and ${scope})`;
  const organisation = sql`${reader.organisationId}::uuid`;
  return sql`(
    select ${COLUMNS} from case_records where case_records.owner_organisation_id = ${organisation} and ${inPeriod} and ${scope}
    union all
    select ${COLUMNS} from case_records
    where case_records.id = any(array(select t.case_id from case_team_members t where t.organisation_id = ${organisation} and t.left_at is null))
      and case_records.owner_organisation_id <> ${organisation} and ${inPeriod} and ${scope}
  )`;
}

type Sets = 'both' | 'counts' | 'routes';

const GROUPING: Record<Sets, SQL> = {
  both: sql.raw(`grouping(route) = 0 as by_route, route, crime_area, owner_economy, to_char(month, 'YYYY-MM') as month`),
  counts: sql.raw(`false as by_route, null::text as route, crime_area, owner_economy, to_char(month, 'YYYY-MM') as month`),
  routes: sql.raw('true as by_route, route, null::text as crime_area, null::text as owner_economy, null::text as month'),
};
const GROUP_BY: Record<Sets, SQL> = {
  both: sql.raw('grouping sets ((crime_area, owner_economy, month), (route))'),
  counts: sql.raw('crime_area, owner_economy, month'),
  routes: sql.raw('route'),
};

async function aggregate(db: Db, scope: SQL, period: Period, reader: DashboardReader | undefined, sets: Sets, routeLimit: number): Promise<DashboardFigures> {
  const result = await db.execute(sql`select ${GROUPING[sets]},
      count(*) filter (where opened_on >= ${period.from}::date)::int as current,
      count(*) filter (where opened_on < ${period.from}::date)::int as previous
    from (select crime_area, owner_economy, opened_on, route, date_trunc('month', opened_on) as month from ${casesOfPeriod(scope, period, reader)} cases) cases
    group by ${GROUP_BY[sets]}`);
  const rows: DashboardRow[] = [];
  const routes: RouteRow[] = [];
  for (const row of rowsOf<DashboardRow & { by_route: boolean; route: string | null }>(result)) {
    if (!row.by_route) rows.push({ crime_area: row.crime_area, owner_economy: row.owner_economy, month: row.month, current: row.current, previous: row.previous });
    else if (row.route !== null) routes.push({ path: row.route, current: row.current, previous: row.previous });
  }
  routes.sort((a, b) => b.current - a.current || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { rows, routes: routes.slice(0, routeLimit) };
}

/**
 * The visible cases opened in [from, to] and in the period of the same length before it, counted
 * in one pass: by crime area, economy and month, and by route (kept on the case with each event:
 * the economies of its timeline in date order, a stop repeated in a row once, at least two
 * stops). Only visible cases enter, so no hidden case changes a number. The `routeLimit` routes
 * of most cases in the period are kept.
 */
export function dashboardFigures(db: Db, scope: SQL, period: Period, reader?: DashboardReader, routeLimit = 50): Promise<DashboardFigures> {
  return aggregate(db, scope, period, reader, 'both', routeLimit);
}

/** The counts alone (by crime area, economy and month) of `dashboardFigures`. */
export async function dashboardCounts(db: Db, scope: SQL, period: Period, reader?: DashboardReader): Promise<DashboardRow[]> {
  return (await aggregate(db, scope, period, reader, 'counts', 0)).rows;
}

/** The routes alone of `dashboardFigures`. */
export async function dashboardRoutes(db: Db, scope: SQL, period: Period, reader?: DashboardReader, limit = 50): Promise<RouteRow[]> {
  return (await aggregate(db, scope, period, reader, 'routes', limit)).routes;
}

/** Rebuilds the route of the cases (all, without ids) from their events: after each event written. */
export async function refreshCaseRoutes(db: Db, caseIds?: string[]): Promise<void> {
  const which = caseIds ? sql`c.id = any(${`{${caseIds.join(',')}}`}::uuid[])` : sql`exists (select 1 from case_events e where e.case_id = c.id)`;
  await db.execute(sql`update case_records c set route = (
      select case when count(*) >= 2 then string_agg(s.economy, '>' order by s.occurred_on, s.created_at) end
      from (
        select e.economy, e.occurred_on, e.created_at, lag(e.economy) over (order by e.occurred_on, e.created_at) as before
        from case_events e where e.case_id = c.id and e.economy is not null
      ) s where s.before is distinct from s.economy
    ) where ${which}`);
}
