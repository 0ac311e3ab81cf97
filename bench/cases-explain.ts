/**
 * The plans of the cases bench's hot statements on a kept bench database, before and after
 * decision 0037: `EXPLAIN (ANALYZE, BUFFERS)` of the dashboard's counts and routes (with the
 * policy) and of the exact-key correlation of one added entity (rolled back).
 *   npx tsx bench/cases-explain.ts --database postgres://…/mosaic_bench_cases_kept
 */
import { parseArgs } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { UserActor } from '../src/server/access/actor';
import { type Db, createPostgresHandle } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { visibleCases } from '../src/server/modules/cases/cases.queries';
import { correlateExactKeys } from '../src/server/modules/cases/correlation.queries';
import { dashboardCounts, dashboardRoutes } from '../src/server/modules/cases/dashboard.queries';
import { dashboardCountsBefore, dashboardRoutesBefore, visibleCasesBefore } from './cases-before';

/** A stand-in database that keeps the statements a query function would send. */
function capturing(): { db: Db; statements: SQL[] } {
  const statements: SQL[] = [];
  const db = { execute: async (statement: SQL) => (statements.push(statement), { rows: [] }) } as unknown as Db;
  return { db, statements };
}

const { values } = parseArgs({ options: { database: { type: 'string' }, 'no-jit': { type: 'boolean' } } });
const handle = await createPostgresHandle(values.database!);
await migrate(handle);
await handle.close();
const client = new pg.Client({ connectionString: values.database });
await client.connect();
if (values['no-jit']) await client.query('set jit = off');
const dialect = new PgDialect();
const explain = async (title: string, statement: SQL) => {
  const query = dialect.sqlToQuery(statement);
  const plan = await client.query(`explain (analyze, buffers) ${query.sql}`, query.params);
  console.log(`\n== ${title}\n${plan.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n')}`);
};
const { rows: [me] } = await client.query(`select u.id as user_id, o.id as organisation_id, d.id as desk_id from users u join organisations o on o.id = u.organisation_id join desks d on d.economy_code = o.economy_code where u.email = 'an.rs@bench.test'`);
const actor: UserActor = { kind: 'user', userId: me.user_id, email: 'an.rs@bench.test', displayName: 'RS', organisationId: me.organisation_id, organisationName: 'Police of RS', economy: 'RS', roles: ['analyst'], clearance: 'RESTRICTED', deskIds: [me.desk_id], sharingGroupIds: [] };
const period = { from: '2026-01-01', to: '2026-12-31', previousFrom: '2025-01-01' };
const scope = visibleCases(actor, '2026-06-01');
const before = capturing();
await dashboardCountsBefore(before.db, visibleCasesBefore(actor, '2026-06-01'), period);
await dashboardRoutesBefore(before.db, visibleCasesBefore(actor, '2026-06-01'), period);
const after = capturing();
await dashboardCounts(after.db, scope, period, { organisationId: actor.organisationId });
await dashboardRoutes(after.db, scope, period, { organisationId: actor.organisationId });
await explain('dashboard counts, before (every case, the policy as a filter)', before.statements[0]!);
await explain('dashboard routes, before', before.statements[1]!);
await explain('dashboard counts, after (the readable branches by index)', after.statements[0]!);
await explain('dashboard routes, after', after.statements[1]!);
const { rows: [sample] } = await client.query(`select e.id, e.label from case_entities e where e.owner_organisation_id = $1 and e.label like 'phone:+38161%' limit 1`, [actor.organisationId]);
const correlate = capturing();
await correlateExactKeys(correlate.db, sample.id, [sample.label], 100, new Date());
await client.query('begin');
await explain('exact-key correlation of one entity, one statement (rolled back)', correlate.statements[0]!);
await client.query('rollback');
await client.end();
