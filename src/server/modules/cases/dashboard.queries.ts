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

/**
 * The cases of the period that `scope` admits, as a derived table of `columns`. With a reader,
 * only the two branches of `visibleCases` are read — the organisation's own cases by the
 * (owner, opened on) index that covers what the policy and the counts read (migration 0404),
 * and its team cases — instead of every case; `scope`, the full policy, still filters every row
 * of both, so the set is exactly the visible one (decision 0037). Without one, every case of
 * the period is filtered by `scope`.
 */
function casesOfPeriod(scope: SQL, period: Period, columns: SQL, reader?: DashboardReader): SQL {
  const inPeriod = sql`case_records.opened_on >= ${period.previousFrom}::date and case_records.opened_on <= ${period.to}::date`;
  if (!reader) return sql`(select ${columns} from case_records where ${inPeriod} and ${scope})`;
  const organisation = sql`${reader.organisationId}::uuid`;
  return sql`(
    select ${columns} from case_records where case_records.owner_organisation_id = ${organisation} and ${inPeriod} and ${scope}
    union all
    select ${columns} from case_records
    where case_records.id in (select t.case_id from case_team_members t where t.organisation_id = ${organisation} and t.left_at is null)
      and case_records.owner_organisation_id <> ${organisation} and ${inPeriod} and ${scope}
  )`;
}

/** Counts of the visible cases opened in [from, to] and in the period of the same length before it. */
export async function dashboardCounts(db: Db, scope: SQL, period: Period, reader?: DashboardReader): Promise<DashboardRow[]> {
  const cases = casesOfPeriod(scope, period, sql`case_records.crime_area, case_records.owner_economy, case_records.opened_on`, reader);
  const result = await db.execute(sql`select crime_area, owner_economy, to_char(month, 'YYYY-MM') as month, current, previous from (
      select crime_area, owner_economy, date_trunc('month', opened_on) as month,
        count(*) filter (where opened_on >= ${period.from}::date)::int as current,
        count(*) filter (where opened_on < ${period.from}::date)::int as previous
      from ${cases} cases group by 1, 2, 3
    ) grouped`);
  return rowsOf<DashboardRow>(result);
}

export interface RouteRow {
  /** Economy codes joined by `>`: origin, transits, destination. */
  path: string;
  current: number;
  previous: number;
}

/**
 * Visible cases per route (kept on the case with each event: the economies of its timeline in
 * date order, a stop repeated in a row once, at least two stops), in the period and the one
 * before. Only visible cases enter, so no hidden case changes a number.
 */
export async function dashboardRoutes(db: Db, scope: SQL, period: Period, reader?: DashboardReader, limit = 50): Promise<RouteRow[]> {
  const cases = casesOfPeriod(scope, period, sql`case_records.route, case_records.opened_on`, reader);
  const result = await db.execute(sql`select route as path,
      count(*) filter (where opened_on >= ${period.from}::date)::int as current,
      count(*) filter (where opened_on < ${period.from}::date)::int as previous
    from ${cases} cases where route is not null
    group by route order by current desc, route limit ${limit}`);
  return rowsOf<RouteRow>(result);
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
