import { type SQL, and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import { type Actor, hasRole } from '../../access/actor';
import { visibleMarked } from '../../access/scopes';
import type { Db } from '../../db/client';
import { organisations, users } from '../../db/schema/core';
import type { OverlapFeatures } from './overlap.scoring';
import { REGISTRY_ROLES, asMarkingReader } from './registry.policy';
import { type ActivityRow, type NewActivityRow, registryAcknowledgements, registryActivities, registryOverlapPairs, registryRates } from './registry.schema';

const activities = registryActivities;
const markingColumns = {
  classification: activities.classification,
  tlp: activities.tlp,
  releasableEconomies: activities.releasableEconomies,
  releasableOrganisations: activities.releasableOrganisations,
  sharingGroups: activities.sharingGroups,
  ownerOrganisationId: activities.ownerOrganisationId,
};

/** A PostgreSQL text[] literal, quoted so that commas and quotes in values stay inside them. */
export const textArray = (values: readonly string[]) => sql`${`{${values.map((value) => `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`).join(',')}}`}::text[]`;

/** The SQL twin of canSeeActivity (registry.policy.ts): public activities, and marked ones the marking lets the user read. */
export function visibleActivities(actor: Actor, table: ReturnType<typeof columnsOf> = { isPublic: activities.isPublic, ...markingColumns }): SQL {
  if (!hasRole(actor, ...REGISTRY_ROLES)) return sql`${table.isPublic}`;
  return sql`(${table.isPublic} or ${visibleMarked(asMarkingReader(actor), table)})`;
}

export const publicOnly = sql`${activities.isPublic}`;

export async function insertActivity(db: Db, values: NewActivityRow): Promise<ActivityRow> {
  const [row] = await db.insert(activities).values(values).returning();
  return row!;
}

export async function updateActivityRow(db: Db, id: string, values: Partial<NewActivityRow>): Promise<ActivityRow> {
  const [row] = await db.update(activities).set(values).where(eq(activities.id, id)).returning();
  return row!;
}

export async function findActivity(db: Db, id: string): Promise<ActivityRow | null> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  return row ?? null;
}

export async function findIdentifiers(db: Db, identifiers: string[]): Promise<Map<string, string>> {
  if (identifiers.length === 0) return new Map();
  const rows = await db.select({ id: activities.id, identifier: activities.identifier }).from(activities).where(inArray(activities.identifier, identifiers));
  return new Map(rows.map((row) => [row.identifier, row.id]));
}

export interface ActivityFilters {
  economies?: string[];
  topics?: string[];
  statuses?: string[];
  organisation?: string;
  q?: string;
}

function filterWhere(scope: SQL, filters: ActivityFilters): SQL {
  const parts: SQL[] = [scope];
  if (filters.economies?.length) parts.push(sql`${activities.recipientEconomies} && ${textArray(filters.economies)}`);
  if (filters.topics?.length) parts.push(sql`${activities.topics} && ${textArray(filters.topics)}`);
  if (filters.statuses?.length) parts.push(inArray(activities.status, filters.statuses as ActivityRow['status'][]));
  if (filters.organisation) parts.push(sql`(${activities.reportingOrg} = ${filters.organisation} or ${filters.organisation} = any(${activities.funders}) or ${filters.organisation} = any(${activities.implementers}))`);
  if (filters.q) parts.push(sql`${activities.searchFolded} like ${`%${filters.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`}`);
  return and(...parts)!;
}

const ownerName = sql<string>`(select o.name from organisations o where o.id = ${activities.ownerOrganisationId})`;

export async function listActivities(db: Db, scope: SQL, filters: ActivityFilters, page: { page: number; pageSize: number }) {
  const where = filterWhere(scope, filters);
  const [rows, [count]] = await Promise.all([
    db
      .select({ row: activities, ownerName })
      .from(activities)
      .where(where)
      .orderBy(desc(activities.plannedStart), asc(activities.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(activities).where(where),
  ]);
  return { rows, total: count?.total ?? 0 };
}

/** Every activity of the filter the scope lets through, for the 3W views and exports (at most `limit`). */
export async function listAllActivities(db: Db, scope: SQL, filters: ActivityFilters, limit = 5000) {
  return db.select({ row: activities, ownerName }).from(activities).where(filterWhere(scope, filters)).orderBy(asc(activities.plannedStart), asc(activities.id)).limit(limit);
}

export async function organisationName(db: Db, id: string): Promise<string> {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row?.name ?? '';
}

const keysOf = (prefix: string, values: readonly string[]) => textArray(values.map((value) => `${prefix}:${value}`));

/** What the scoring needs of a candidate; the full rows are loaded only for those that warn. */
const candidateColumns = {
  id: activities.id,
  recipientEconomies: activities.recipientEconomies,
  economyPercentages: activities.economyPercentages,
  plannedStart: activities.plannedStart,
  plannedEnd: activities.plannedEnd,
  topics: activities.topics,
  targetGroups: activities.targetGroups,
  sectors: activities.sectors,
  implementers: activities.implementers,
  words: activities.words,
};
export type OverlapCandidate = { [K in keyof typeof candidateColumns]: (typeof candidateColumns)[K]['_']['data'] };

/**
 * Activities that could be the same work as the draft: they share an economy and a topic, a target
 * group, an implementer or a concept word, and their period meets the draft's. Both conditions are
 * answered by the one GIN index on overlap_keys, so the heap is read only for real candidates.
 * Ordered by a rough count of what they share; the caller scores the shortlist precisely.
 */
export async function overlapCandidates(db: Db, draft: OverlapFeatures, scope: SQL | null, excludeId: string | null, limit = 300): Promise<OverlapCandidate[]> {
  const shares = [
    sql`${activities.topics} && ${textArray(draft.topics)}`,
    sql`${activities.targetGroups} && ${textArray(draft.targetGroups)}`,
    sql`${activities.implementers} && ${textArray(draft.implementers)}`,
    sql`${activities.words} && ${textArray(draft.words)}`,
  ];
  const shareKeys = [...draft.topics.map((v) => `t:${v}`), ...draft.targetGroups.map((v) => `g:${v}`), ...draft.implementers.map((v) => `i:${v}`), ...draft.words.map((v) => `w:${v}`)];
  // Without a shared economy a pair scores at most half, below the threshold: the economy is the filter.
  const parts: SQL[] = [sql`${activities.overlapKeys} && ${keysOf('e', draft.economies.map((economy) => economy.code))}`, sql`${activities.overlapKeys} && ${textArray(shareKeys)}`];
  if (scope) parts.push(scope);
  if (excludeId) parts.push(sql`${activities.id} <> ${excludeId}::uuid`);
  if (draft.start && draft.end) parts.push(sql`${activities.plannedStart} <= ${draft.end}::date and ${activities.plannedEnd} >= ${draft.start}::date`);
  const rough = sql.join(
    shares.map((share) => sql`(case when ${share} then 1 else 0 end)`),
    sql` + `,
  );
  const rows = await db
    .select(candidateColumns)
    .from(activities)
    .where(and(...parts))
    .orderBy(sql`${rough} desc`, desc(activities.updatedAt))
    .limit(limit);
  return rows as OverlapCandidate[];
}

export async function replacePairs(db: Db, id: string, pairs: { otherId: string; score: number; reasons: unknown[] }[]) {
  await db.delete(registryOverlapPairs).where(sql`${registryOverlapPairs.aId} = ${id}::uuid or ${registryOverlapPairs.bId} = ${id}::uuid`);
  if (pairs.length === 0) return;
  await db
    .insert(registryOverlapPairs)
    .values(pairs.map((pair) => ({ aId: id < pair.otherId ? id : pair.otherId, bId: id < pair.otherId ? pair.otherId : id, score: pair.score, reasons: pair.reasons as never })))
    .onConflictDoNothing();
}

const columnsOf = (table: Record<'isPublic' | keyof typeof markingColumns, AnyPgColumn>) => ({
  isPublic: table.isPublic,
  classification: table.classification,
  tlp: table.tlp,
  releasableEconomies: table.releasableEconomies,
  releasableOrganisations: table.releasableOrganisations,
  sharingGroups: table.sharingGroups,
  ownerOrganisationId: table.ownerOrganisationId,
});

/** The highest-overlap pairs of which the actor may read both activities. */
export async function boardPairs(db: Db, actor: Actor, limit = 50) {
  const a = alias(activities, 'a');
  const b = alias(activities, 'b');
  const pairs = registryOverlapPairs;
  return db
    .select({ aId: pairs.aId, bId: pairs.bId, score: pairs.score, reasons: pairs.reasons })
    .from(pairs)
    .innerJoin(a, eq(a.id, pairs.aId))
    .innerJoin(b, eq(b.id, pairs.bId))
    .where(and(visibleActivities(actor, columnsOf(a)), visibleActivities(actor, columnsOf(b))))
    .orderBy(desc(pairs.score), asc(pairs.aId), asc(pairs.bId))
    .limit(limit);
}

export async function loadActivities(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ row: activities, ownerName }).from(activities).where(inArray(activities.id, ids));
}

export async function listRates(db: Db) {
  return db.select().from(registryRates).orderBy(asc(registryRates.currency), asc(registryRates.year));
}

export async function upsertRate(db: Db, values: { currency: string; year: number; rate: number; source: string; updatedAt: Date }) {
  await db
    .insert(registryRates)
    .values(values)
    .onConflictDoUpdate({ target: [registryRates.currency, registryRates.year], set: { rate: values.rate, source: values.source, updatedAt: values.updatedAt } });
}

export async function insertAcknowledgement(db: Db, values: { activityId: string; userId: string; shown: { id: string; score: number }[]; at: Date }) {
  await db.insert(registryAcknowledgements).values(values);
}

export async function listAcknowledgements(db: Db, activityId: string) {
  return db
    .select({ at: registryAcknowledgements.at, by: users.displayName, shown: registryAcknowledgements.shown })
    .from(registryAcknowledgements)
    .innerJoin(users, eq(users.id, registryAcknowledgements.userId))
    .where(eq(registryAcknowledgements.activityId, activityId))
    .orderBy(asc(registryAcknowledgements.at));
}

export async function activitiesBudgetedIn(db: Db, currency: string) {
  return db.select({ id: activities.id, body: activities.body }).from(activities).where(sql`${activities.body}->'budgets' @> ${JSON.stringify([{ currency }])}::jsonb`);
}

export async function setBudgetEur(db: Db, id: string, budgetEur: number) {
  await db.update(activities).set({ budgetEur }).where(eq(activities.id, id));
}
