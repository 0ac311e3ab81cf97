import { type SQL, and, count, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { desks, economies, organisations, sharingGroups, users } from '../../db/schema/core';
import { type AccessChangeRow, accessChanges } from './admin.schema';

export type NewAccessChange = Omit<typeof accessChanges.$inferInsert, 'id' | 'status' | 'decidedBy' | 'decidedAt' | 'reason'>;

export async function insertAccessChange(tx: Db, values: NewAccessChange): Promise<AccessChangeRow> {
  const [row] = await tx.insert(accessChanges).values(values).returning();
  return row!;
}

/** The waiting change of this record (or desk seat), if any. */
export async function findPendingFor(tx: Db, recordType: string, recordId: string, memberUserId: string | null) {
  const [row] = await tx
    .select({ id: accessChanges.id })
    .from(accessChanges)
    .where(
      and(
        eq(accessChanges.status, 'pending'),
        eq(accessChanges.recordType, recordType),
        eq(accessChanges.recordId, recordId),
        memberUserId ? eq(accessChanges.memberUserId, memberUserId) : isNull(accessChanges.memberUserId),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function listAccessChanges(db: Db, filter: { status: AccessChangeRow['status']; page: number; pageSize: number }) {
  const where = eq(accessChanges.status, filter.status);
  const rows = await db
    .select()
    .from(accessChanges)
    .where(where)
    .orderBy(desc(filter.status === 'pending' ? accessChanges.proposedAt : accessChanges.decidedAt), desc(accessChanges.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [total] = await db.select({ total: count() }).from(accessChanges).where(where);
  return { rows, total: total?.total ?? 0 };
}

/** With `lock`, the row stays locked until the deciding transaction ends: two approvals cannot both apply. */
export async function findAccessChange(db: Db, id: string, lock = false): Promise<AccessChangeRow | null> {
  const query = db.select().from(accessChanges).where(eq(accessChanges.id, id)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function markDecided(tx: Db, id: string, decision: { status: 'approved' | 'rejected'; decidedBy: string; decidedAt: Date; reason: string | null }) {
  const [row] = await tx
    .update(accessChanges)
    .set(decision)
    .where(and(eq(accessChanges.id, id), eq(accessChanges.status, 'pending')))
    .returning();
  return row!;
}

export async function isNationalEconomy(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ kind: economies.kind }).from(economies).where(eq(economies.code, code)).limit(1);
  return row?.kind === 'economy';
}

/** Names for the ids a list of changes mentions, in three queries. */
export async function loadLabels(db: Db, ids: { users: string[]; organisations: string[]; desks: string[]; groups: string[] }) {
  const [people, agencies, deskRows, groupRows] = await Promise.all([
    ids.users.length
      ? db.select({ id: users.id, displayName: users.displayName, email: users.email }).from(users).where(inArray(users.id, ids.users))
      : Promise.resolve([]),
    ids.organisations.length
      ? db.select({ id: organisations.id, name: organisations.name, economy: organisations.economyCode }).from(organisations).where(inArray(organisations.id, ids.organisations))
      : Promise.resolve([]),
    ids.desks.length ? db.select({ id: desks.id, name: desks.name }).from(desks).where(inArray(desks.id, ids.desks)) : Promise.resolve([]),
    ids.groups.length ? db.select({ id: sharingGroups.id, name: sharingGroups.name }).from(sharingGroups).where(inArray(sharingGroups.id, ids.groups)) : Promise.resolve([]),
  ]);
  return {
    users: new Map(people.map((row) => [row.id, row])),
    organisations: new Map(agencies.map((row) => [row.id, `${row.name} (${row.economy})`])),
    desks: new Map(deskRows.map((row) => [row.id, row.name])),
    groups: new Map(groupRows.map((row) => [row.id, row.name])),
  };
}

/** Enabled accounts that read more once the change applies: the account, the organisation's staff, or the new members' staff. */
export async function countAffectedUsers(db: Db, change: AccessChangeRow): Promise<number> {
  const conditions: SQL[] = [];
  if (change.beneficiaryUserIds.length) conditions.push(inArray(users.id, change.beneficiaryUserIds));
  if (change.beneficiaryOrganisationIds.length) conditions.push(inArray(users.organisationId, change.beneficiaryOrganisationIds));
  if (change.beneficiaryEconomies.length) conditions.push(inArray(organisations.economyCode, change.beneficiaryEconomies));
  if (conditions.length === 0) return 0;
  const [row] = await db
    .select({ total: count() })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(isNull(users.disabledAt), or(...conditions)));
  return row?.total ?? 0;
}

export async function economiesOfOrganisations(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectDistinct({ economy: organisations.economyCode }).from(organisations).where(inArray(organisations.id, ids));
  return rows.map((row) => row.economy);
}

