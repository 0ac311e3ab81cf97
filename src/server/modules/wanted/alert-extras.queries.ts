import { and, desc, eq, or } from 'drizzle-orm';
import type { LinkRelation } from '../../../contract/wanted-actions';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/core';
import type { FieldChange } from './alert-history';
import { wantedAlertChanges, wantedAlertLinks, wantedAlerts } from './wanted.schema';

export async function insertAlertChange(
  db: Db,
  values: { alertId: string; changedBy: string; changedAt: Date; action: typeof wantedAlertChanges.$inferInsert['action']; changes: FieldChange[] },
) {
  await db.insert(wantedAlertChanges).values(values);
}

export function listAlertChanges(db: Db, alertId: string) {
  return db
    .select({
      id: wantedAlertChanges.id,
      action: wantedAlertChanges.action,
      changedAt: wantedAlertChanges.changedAt,
      changes: wantedAlertChanges.changes,
      changedBy: users.displayName,
    })
    .from(wantedAlertChanges)
    .innerJoin(users, eq(users.id, wantedAlertChanges.changedBy))
    .where(eq(wantedAlertChanges.alertId, alertId))
    .orderBy(desc(wantedAlertChanges.id));
}

/** Links of an alert from either end, with the id of the alert at the other end. */
export async function listAlertLinks(db: Db, alertId: string) {
  const rows = await db
    .select({ id: wantedAlertLinks.id, relation: wantedAlertLinks.relation, alertId: wantedAlertLinks.alertId, linkedAlertId: wantedAlertLinks.linkedAlertId })
    .from(wantedAlertLinks)
    .where(or(eq(wantedAlertLinks.alertId, alertId), eq(wantedAlertLinks.linkedAlertId, alertId)));
  return rows.map((row) => ({ id: row.id, relation: row.relation, otherId: row.alertId === alertId ? row.linkedAlertId : row.alertId }));
}

export async function findLinkBetween(db: Db, a: string, b: string) {
  const [row] = await db
    .select({ id: wantedAlertLinks.id })
    .from(wantedAlertLinks)
    .where(or(and(eq(wantedAlertLinks.alertId, a), eq(wantedAlertLinks.linkedAlertId, b)), and(eq(wantedAlertLinks.alertId, b), eq(wantedAlertLinks.linkedAlertId, a))))
    .limit(1);
  return row ?? null;
}

export async function findLink(db: Db, alertId: string, linkId: string) {
  const [row] = await db
    .select()
    .from(wantedAlertLinks)
    .where(and(eq(wantedAlertLinks.id, linkId), or(eq(wantedAlertLinks.alertId, alertId), eq(wantedAlertLinks.linkedAlertId, alertId))))
    .limit(1);
  return row ?? null;
}

export async function insertAlertLink(db: Db, values: { alertId: string; linkedAlertId: string; relation: LinkRelation; createdBy: string; createdAt: Date }) {
  const [row] = await db.insert(wantedAlertLinks).values(values).returning({ id: wantedAlertLinks.id });
  return row!;
}

export async function deleteAlertLink(db: Db, id: string) {
  await db.delete(wantedAlertLinks).where(eq(wantedAlertLinks.id, id));
}

export async function findAlertIdByReference(db: Db, reference: string): Promise<string | null> {
  const [row] = await db.select({ id: wantedAlerts.id }).from(wantedAlerts).where(eq(wantedAlerts.reference, reference.toUpperCase())).limit(1);
  return row?.id ?? null;
}
