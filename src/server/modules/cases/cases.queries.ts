import { type SQL, and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Actor, hasRole, isUser } from '../../access/actor';
import { visibleMarked } from '../../access/scopes';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { deskMembers, desks, organisations, users } from '../../db/schema/core';
import { actorMembershipColumns, toActor } from '../../platform/auth/sessions';
import { CASE_ROLES, type CaseAccess, canReadCase } from './cases.policy';
import { refreshCaseRoutes } from './dashboard.queries';
import { type CaseRow, type TeamRow, caseEvents, caseRecords, caseRelationships, caseTeamMembers } from './cases.schema';

const cases = caseRecords;
export const caseMarkingColumns = {
  classification: cases.classification,
  tlp: cases.tlp,
  releasableEconomies: cases.releasableEconomies,
  releasableOrganisations: cases.releasableOrganisations,
  sharingGroups: cases.sharingGroups,
  ownerOrganisationId: cases.ownerOrganisationId,
};

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** A membership that runs on `today`: started, not ended, not left. */
export const activeTeamSql = (today: string) =>
  sql`${caseTeamMembers.leftAt} is null and ${caseTeamMembers.startsOn} <= ${today}::date and (${caseTeamMembers.endsOn} is null or ${caseTeamMembers.endsOn} >= ${today}::date)`;

/** The SQL twin of canReadCase (cases.policy.ts): for every list, count, dashboard and export. */
export function visibleCases(actor: Actor, today: string): SQL {
  if (!isUser(actor) || !hasRole(actor, ...CASE_ROLES)) return sql`false`;
  const analyst = hasRole(actor, 'analyst');
  const owningSide = sql`(${cases.ownerOrganisationId} = ${actor.organisationId}::uuid and (${cases.ownerDeskId} = any(${uuidArray(actor.deskIds)}) or ${analyst}))`;
  // Uncorrelated, so the planner hashes the organisation's team cases once; a correlated
  // exists is costed per row, which pushed plans over the JIT threshold (decision 0038).
  const onTeam = sql`${cases.id} in (select ${caseTeamMembers.caseId} from ${caseTeamMembers} where ${caseTeamMembers.organisationId} = ${actor.organisationId}::uuid and ${activeTeamSql(today)})`;
  return sql`(${visibleMarked(actor, caseMarkingColumns)} and (${owningSide} or ${onTeam}))`;
}

export async function insertCase(db: Db, values: typeof cases.$inferInsert): Promise<CaseRow> {
  const [row] = await db.insert(cases).values(values).returning();
  return row!;
}

export async function findCase(db: Db, id: string): Promise<CaseRow | null> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id)).limit(1);
  return row ?? null;
}

export async function findCases(db: Db, ids: string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(cases).where(inArray(cases.id, [...new Set(ids)]));
}

export async function listCases(db: Db, scope: SQL, filters: { crimeArea?: string; status?: string; page: number; pageSize: number }) {
  const where = and(scope, filters.crimeArea ? eq(cases.crimeArea, filters.crimeArea as CaseRow['crimeArea']) : undefined, filters.status ? eq(cases.status, filters.status as CaseRow['status']) : undefined);
  const [rows, [total]] = await Promise.all([
    db.select().from(cases).where(where).orderBy(desc(cases.openedOn), asc(cases.id)).limit(filters.pageSize).offset((filters.page - 1) * filters.pageSize),
    db.select({ value: count() }).from(cases).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

export async function updateCase(db: Db, id: string, values: Partial<typeof cases.$inferInsert>): Promise<void> {
  await db.update(cases).set(values).where(eq(cases.id, id));
}

/** Every team membership of the cases (past ones included), oldest first. */
export async function loadTeams(db: Db, caseIds: string[]): Promise<TeamRow[]> {
  if (caseIds.length === 0) return [];
  return db.select().from(caseTeamMembers).where(inArray(caseTeamMembers.caseId, caseIds)).orderBy(asc(caseTeamMembers.createdAt));
}

export const isActiveMember = (member: TeamRow, today: string) => member.leftAt === null && member.startsOn <= today && (member.endsOn === null || member.endsOn >= today);

export function caseAccessOf(row: CaseRow, team: TeamRow[], today: string): CaseAccess {
  return {
    classification: row.classification,
    tlp: row.tlp,
    releasableEconomies: row.releasableEconomies,
    releasableOrganisations: row.releasableOrganisations,
    sharingGroups: row.sharingGroups,
    originatorControl: row.originatorControl,
    ownerOrganisationId: row.ownerOrganisationId,
    ownerEconomy: row.ownerEconomy,
    ownerDeskId: row.ownerDeskId,
    team: team.filter((member) => member.caseId === row.id && isActiveMember(member, today)).map((member) => ({ organisationId: member.organisationId, role: member.role })),
  };
}

export async function insertTeamMember(db: Db, values: typeof caseTeamMembers.$inferInsert): Promise<TeamRow> {
  const [row] = await db.insert(caseTeamMembers).values(values).returning();
  return row!;
}

export async function endTeamMembership(db: Db, id: string, at: Date): Promise<boolean> {
  const changed = await db.update(caseTeamMembers).set({ leftAt: at }).where(and(eq(caseTeamMembers.id, id), isNull(caseTeamMembers.leftAt))).returning({ id: caseTeamMembers.id });
  return changed.length === 1;
}

export function listEvents(db: Db, caseId: string) {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.occurredOn), asc(caseEvents.createdAt));
}

/** An event of the case's timeline; the case's route (kept for the dashboard) is rebuilt with it. */
export async function insertEvent(db: Db, values: typeof caseEvents.$inferInsert): Promise<string> {
  const [row] = await db.insert(caseEvents).values(values).returning({ id: caseEvents.id });
  if (values.economy) await refreshCaseRoutes(db, [values.caseId]);
  return row!.id;
}

export function listRelationships(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db.select().from(caseRelationships).where(inArray(caseRelationships.caseId, caseIds)).orderBy(asc(caseRelationships.createdAt));
}

export async function insertRelationship(db: Db, values: typeof caseRelationships.$inferInsert): Promise<string> {
  const [row] = await db.insert(caseRelationships).values(values).returning({ id: caseRelationships.id });
  return row!.id;
}

export async function loadDesks(db: Db, ids: string[]): Promise<Map<string, { id: string; name: string; economy: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: desks.id, name: desks.name, economy: desks.economyCode }).from(desks).where(inArray(desks.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function loadOrganisations(db: Db, ids: string[]): Promise<Map<string, { id: string; name: string; economy: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: organisations.id, name: organisations.name, economy: organisations.economyCode }).from(organisations).where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function loadUserNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The sharing groups an organisation belongs to (by itself or by its economy). */
export async function sharingGroupsOfOrganisation(db: Db, organisationId: string, economy: string): Promise<string[]> {
  const result = await db.execute(sql`select id::text from sharing_groups where ${economy} = any(economy_codes) or ${organisationId}::uuid = any(organisation_ids)`);
  return rowsOf<{ id: string }>(result).map((row) => row.id);
}

/** The enabled members of a desk whom the case's policy lets read it: notices go only to them. */
export async function readersOfCaseDesk(db: Db, deskId: string, access: CaseAccess): Promise<string[]> {
  const rows = await db
    .select({ user: users, organisation: organisations, ...actorMembershipColumns() })
    .from(deskMembers)
    .innerJoin(users, eq(users.id, deskMembers.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(deskMembers.deskId, deskId), isNull(users.disabledAt)));
  return rows
    .map((row) => toActor(row.user, row.organisation, { deskIds: row.deskIds, sharingGroupIds: row.sharingGroupIds }))
    .filter((actor) => canReadCase(actor, access))
    .map((actor) => actor.userId);
}
