/**
 * The add path and the dashboard queries as they were before migration 0404 (decision 0038),
 * kept here only as the same-run baseline of `bench/cases.ts`: one statement per step of the
 * correlation, and the dashboard aggregated over every case with the policy as a filter.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type UserActor, hasRole } from '../src/server/access/actor';
import { visibleMarked } from '../src/server/access/scopes';
import type { Db } from '../src/server/db/client';
import { caseMarkingColumns } from '../src/server/modules/cases/cases.queries';
import { rowsOf } from '../src/server/db/migrate';
import { type EntityRow, caseCorrelations, caseEntities, caseEntityKeys, caseFlaggedValues } from '../src/server/modules/cases/cases.schema';
import type { Period } from '../src/server/modules/cases/dashboard.queries';
import { and, inArray, ne } from 'drizzle-orm';

/** The former add: entity, then its keys, then per key: flagged?, cases holding it, holders, one insert per pair. */
export async function addAndCorrelateBefore(tx: Db, values: typeof caseEntities.$inferInsert, keys: string[], cap: number, now: Date): Promise<{ added: EntityRow; others: string[] }> {
  const [entity] = await tx.insert(caseEntities).values(values).returning();
  await tx.insert(caseEntityKeys).values(keys.map((key) => ({ entityId: entity!.id, key }))).onConflictDoNothing();
  const flagged = new Set((await tx.select({ key: caseFlaggedValues.key }).from(caseFlaggedValues).where(inArray(caseFlaggedValues.key, keys))).map((row) => row.key));
  const others: string[] = [];
  for (const key of keys) {
    if (flagged.has(key)) continue;
    const [count] = rowsOf<{ n: number }>(
      await tx.execute(sql`select count(*)::int as n from (select distinct l.case_id from case_entity_keys k join case_links l on l.entity_id = k.entity_id where k.key = ${key} and l.removed_at is null limit ${cap + 1}) found`),
    );
    if (count!.n > cap) {
      await tx.insert(caseFlaggedValues).values({ key, caseCount: count!.n, flaggedAt: now }).onConflictDoNothing();
      continue;
    }
    const holders = await tx
      .select({ entityId: caseEntityKeys.entityId })
      .from(caseEntityKeys)
      .where(and(inArray(caseEntityKeys.key, [key]), ne(caseEntityKeys.entityId, entity!.id)))
      .limit(cap * 10);
    for (const holder of holders) {
      const [a, b] = entity!.id < holder.entityId ? [entity!.id, holder.entityId] : [holder.entityId, entity!.id];
      if ((await tx.insert(caseCorrelations).values({ entityA: a, entityB: b, basis: key }).onConflictDoNothing().returning({ id: caseCorrelations.id })).length) others.push(holder.entityId);
    }
  }
  return { added: entity!, others };
}

/** The former counts: every case in the period, the policy as a filter on each. */
export async function dashboardCountsBefore(db: Db, scope: SQL, period: Period) {
  return rowsOf(
    await db.execute(sql`select crime_area, owner_economy, to_char(opened_on, 'YYYY-MM') as month,
      count(*) filter (where opened_on >= ${period.from}::date)::int as current,
      count(*) filter (where opened_on < ${period.from}::date)::int as previous
    from case_records
    where ${scope} and opened_on >= ${period.previousFrom}::date and opened_on <= ${period.to}::date
    group by 1, 2, 3`),
  );
}

/** The former routes: the events of every case in the period joined to it, the policy as a filter. */
export async function dashboardRoutesBefore(db: Db, scope: SQL, period: Period, limit = 50) {
  return rowsOf(
    await db.execute(sql`with stops as (
      select e.case_id, e.economy, e.occurred_on, e.created_at, case_records.opened_on as opened_on,
        lag(e.economy) over (partition by e.case_id order by e.occurred_on, e.created_at) as before
      from case_events e join case_records on case_records.id = e.case_id
      where e.economy is not null and ${scope} and case_records.opened_on >= ${period.previousFrom}::date and case_records.opened_on <= ${period.to}::date
    ), routes as (
      select case_id, min(opened_on) as opened_on, string_agg(economy, '>' order by occurred_on, created_at) as path
      from stops where before is distinct from economy group by case_id having count(*) >= 2
    )
    select path,
      count(*) filter (where opened_on >= ${period.from}::date)::int as current,
      count(*) filter (where opened_on < ${period.from}::date)::int as previous
    from routes group by path order by current desc, path limit ${limit}`),
  );
}

/** The former policy fragment: the team as a correlated `exists`, costed by the planner once per row. */
export function visibleCasesBefore(actor: UserActor, today: string): SQL {
  const owningSide = sql`(case_records.owner_organisation_id = ${actor.organisationId}::uuid and (case_records.owner_desk_id = any(${`{${actor.deskIds.join(',')}}`}::uuid[]) or ${hasRole(actor, 'analyst')}))`;
  const onTeam = sql`exists (select 1 from case_team_members t where t.case_id = case_records.id and t.organisation_id = ${actor.organisationId}::uuid and t.left_at is null and t.starts_on <= ${today}::date and (t.ends_on is null or t.ends_on >= ${today}::date))`;
  return sql`(${visibleMarked(actor, caseMarkingColumns)} and (${owningSide} or ${onTeam}))`;
}
