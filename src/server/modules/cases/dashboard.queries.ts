import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { caseEvents, caseRecords } from './cases.schema';

const cases = caseRecords;

export interface Period {
  from: string;
  to: string;
  previousFrom: string;
}

export interface DashboardRow {
  crime_area: string;
  owner_economy: string;
  month: string;
  current: number;
  previous: number;
}

/** Counts of the visible cases opened in [from, to] and in the period of the same length before it. */
export async function dashboardCounts(db: Db, scope: SQL, period: Period): Promise<DashboardRow[]> {
  const result = await db.execute(sql`select ${cases.crimeArea} as crime_area, ${cases.ownerEconomy} as owner_economy, to_char(${cases.openedOn}, 'YYYY-MM') as month,
      count(*) filter (where ${cases.openedOn} >= ${period.from}::date)::int as current,
      count(*) filter (where ${cases.openedOn} < ${period.from}::date)::int as previous
    from ${cases}
    where ${scope} and ${cases.openedOn} >= ${period.previousFrom}::date and ${cases.openedOn} <= ${period.to}::date
    group by 1, 2, 3`);
  return rowsOf<DashboardRow>(result);
}

export interface RouteRow {
  /** Economy codes joined by `>`: origin, transits, destination. */
  path: string;
  current: number;
  previous: number;
}

/**
 * The route of each visible case: the economies of its timeline events in date order, a stop
 * repeated in a row counted once, kept when it has at least two stops. Counted per path, in the period and the one before. Only visible cases enter (`scope`), so no
 * hidden case changes a number.
 */
export async function dashboardRoutes(db: Db, scope: SQL, period: Period, limit = 50): Promise<RouteRow[]> {
  const result = await db.execute(sql`with stops as (
      select e.case_id, e.economy, e.occurred_on, e.created_at, ${cases.openedOn} as opened_on,
        lag(e.economy) over (partition by e.case_id order by e.occurred_on, e.created_at) as before
      from ${caseEvents} e join ${cases} on ${cases.id} = e.case_id
      where e.economy is not null and ${scope} and ${cases.openedOn} >= ${period.previousFrom}::date and ${cases.openedOn} <= ${period.to}::date
    ), routes as (
      select case_id, min(opened_on) as opened_on, string_agg(economy, '>' order by occurred_on, created_at) as path
      from stops where before is distinct from economy group by case_id having count(*) >= 2
    )
    select path,
      count(*) filter (where opened_on >= ${period.from}::date)::int as current,
      count(*) filter (where opened_on < ${period.from}::date)::int as previous
    from routes group by path order by current desc, path limit ${limit}`);
  return rowsOf<RouteRow>(result);
}
