import { type SQL, and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ReportStatus } from '../../../contract/cases-reports';
import { type Actor, hasRole, isUser } from '../../access/actor';
import { visibleMarked } from '../../access/scopes';
import type { Db } from '../../db/client';
import { CASE_ROLES } from './cases.policy';
import type { ReportAccess } from './reports.policy';
import { type ReportRow, caseReports } from './reports.schema';

const reports = caseReports;
const markingColumns = {
  classification: reports.classification,
  tlp: reports.tlp,
  releasableEconomies: reports.releasableEconomies,
  releasableOrganisations: reports.releasableOrganisations,
  sharingGroups: reports.sharingGroups,
  ownerOrganisationId: reports.ownerOrganisationId,
};

/** The SQL twin of canReadReport (reports.policy.ts): for the list and its total. */
export function visibleReports(actor: Actor): SQL {
  if (!isUser(actor) || !hasRole(actor, ...CASE_ROLES)) return sql`false`;
  const desks = sql`${`{${actor.deskIds.join(',')}}`}::uuid[]`;
  const authoringDesk = sql`(${reports.ownerOrganisationId} = ${actor.organisationId}::uuid and ${reports.ownerDeskId} = any(${desks}))`;
  const approver = hasRole(actor, 'contact_point')
    ? sql`(${reports.status} = 'awaiting_release' and ${reports.authorId} <> ${actor.userId}::uuid and ((${reports.approverScope} = 'economy' and ${reports.ownerEconomy} = ${actor.economy}) or (${reports.approverScope} is distinct from 'economy' and ${reports.ownerOrganisationId} = ${actor.organisationId}::uuid)))`
    : sql`false`;
  return sql`(${visibleMarked(actor, markingColumns)} and (${authoringDesk} or ${reports.status} = 'released' or ${approver}))`;
}

export async function listReports(db: Db, scope: SQL, query: { status?: ReportStatus; page: number; pageSize: number }) {
  const where = and(scope, query.status ? eq(reports.status, query.status) : undefined);
  const [rows, [total]] = await Promise.all([
    db.select().from(reports).where(where).orderBy(desc(reports.updatedAt), desc(reports.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(reports).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

export async function findReport(db: Db, id: string): Promise<ReportRow | null> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id)).limit(1);
  return row ?? null;
}

export async function insertReport(db: Db, values: typeof reports.$inferInsert): Promise<ReportRow> {
  const [row] = await db.insert(reports).values(values).returning();
  return row!;
}

/** Changes the report only while it is still in `from` and unchanged since `seen`: a concurrent change makes it return null. */
export async function updateReport(db: Db, id: string, guard: { from: ReportStatus[]; seen: Date }, values: Partial<typeof reports.$inferInsert>): Promise<ReportRow | null> {
  const [row] = await db
    .update(reports)
    .set(values)
    .where(and(eq(reports.id, id), inArray(reports.status, guard.from), eq(reports.updatedAt, guard.seen)))
    .returning();
  return row ?? null;
}

export function reportAccessOf(row: ReportRow): ReportAccess {
  return {
    classification: row.classification,
    tlp: row.tlp,
    releasableEconomies: row.releasableEconomies,
    releasableOrganisations: row.releasableOrganisations,
    sharingGroups: row.sharingGroups,
    originatorControl: row.originatorControl,
    ownerOrganisationId: row.ownerOrganisationId,
    ownerEconomy: row.ownerEconomy,
    status: row.status,
    authorId: row.authorId,
    ownerDeskId: row.ownerDeskId,
    approverScope: row.approverScope,
  };
}
