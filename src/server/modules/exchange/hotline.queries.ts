import { type SQL, and, asc, desc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { DeskArea } from '../../../contract/core';
import { type Actor, hasRole, isUser } from '../../access/actor';
import { visibleMarked } from '../../access/scopes';
import type { Db } from '../../db/client';
import { deskMembers, desks, users } from '../../db/schema/core';
import { DESK_ROLES } from './exchange.policy';
import { type AlertRow, type DeliveryRow, type EscalationRow, type NewAlertRow, hotlineAlerts, hotlineDeliveries, hotlineEscalations } from './hotline.schema';

const alerts = hotlineAlerts;
const deliveries = hotlineDeliveries;
const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

const alertMarkingColumns = {
  classification: alerts.classification,
  tlp: alerts.tlp,
  releasableEconomies: alerts.releasableEconomies,
  releasableOrganisations: alerts.releasableOrganisations,
  sharingGroups: alerts.sharingGroups,
  ownerOrganisationId: alerts.ownerOrganisationId,
};

const sentFrom = (deskIds: readonly string[]) => sql`${alerts.senderDeskId} = any(${uuidArray(deskIds)})`;
const deliveredTo = (deskIds: readonly string[], open = false) =>
  sql`exists (select 1 from hotline_deliveries d where d.alert_id = ${alerts.id} and d.desk_id = any(${uuidArray(deskIds)})${open ? sql` and d.acknowledged_at is null` : sql``})`;

/** The SQL twin of canSeeAlert (hotline.policy.ts), for every list and count. */
export function visibleAlerts(actor: Actor): SQL {
  if (!isUser(actor) || !hasRole(actor, ...DESK_ROLES)) return sql`false`;
  return sql`(${visibleMarked(actor, alertMarkingColumns)} and (${sentFrom(actor.deskIds)} or ${deliveredTo(actor.deskIds)}))`;
}

export async function insertAlert(tx: Db, values: NewAlertRow, deskIds: string[]): Promise<AlertRow> {
  const [row] = await tx.insert(alerts).values(values).returning();
  await tx.insert(deliveries).values(deskIds.map((deskId) => ({ alertId: row!.id, deskId, via: 'addressed' as const, queuedAt: values.sentAt })));
  return row!;
}

export async function findAlert(db: Db, id: string): Promise<AlertRow | null> {
  const [row] = await db.select().from(alerts).where(eq(alerts.id, id)).limit(1);
  return row ?? null;
}

export function findAlerts(db: Db, ids: string[]): Promise<AlertRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(alerts).where(inArray(alerts.id, ids));
}

/** The user's desks' alerts, newest first: received, sent or both; `open` keeps those a desk of the user has still to acknowledge. */
export function listAlerts(db: Db, actor: Actor & { deskIds: string[] }, box: 'received' | 'sent' | 'all', open: boolean): Promise<AlertRow[]> {
  const mine = box === 'sent' ? sentFrom(actor.deskIds) : box === 'received' ? deliveredTo(actor.deskIds) : sql`true`;
  return db
    .select()
    .from(alerts)
    .where(and(visibleAlerts(actor), mine, open ? deliveredTo(actor.deskIds, true) : undefined))
    .orderBy(desc(alerts.sentAt), desc(alerts.id))
    .limit(100);
}

export async function loadDeliveries(db: Db, alertIds: string[]): Promise<Map<string, DeliveryRow[]>> {
  const byAlert = new Map<string, DeliveryRow[]>();
  if (alertIds.length === 0) return byAlert;
  const rows = await db.select().from(deliveries).where(inArray(deliveries.alertId, alertIds)).orderBy(asc(deliveries.queuedAt));
  for (const row of rows) byAlert.set(row.alertId, [...(byAlert.get(row.alertId) ?? []), row]);
  return byAlert;
}

export async function loadEscalations(db: Db, alertIds: string[]): Promise<EscalationRow[]> {
  if (alertIds.length === 0) return [];
  return db.select().from(hotlineEscalations).where(inArray(hotlineEscalations.alertId, alertIds)).orderBy(asc(hotlineEscalations.at));
}

/** Every desk of an area, in every economy, that has an enabled member with a desk role (an empty desk cannot acknowledge). */
export async function activeDeskIdsOfArea(db: Db, area: DeskArea): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: desks.id, economy: desks.economyCode })
    .from(desks)
    .innerJoin(deskMembers, eq(deskMembers.deskId, desks.id))
    .innerJoin(users, eq(users.id, deskMembers.userId))
    .where(and(eq(desks.area, area), isNull(users.disabledAt), sql`${users.roles} && ${`{${DESK_ROLES.join(',')}}`}::text[]`))
    .orderBy(asc(desks.economyCode));
  return rows.map((row) => row.id);
}

const stampOnce = (tx: Db, alertId: string, deskIds: string[], set: Partial<DeliveryRow>, unset: SQL) =>
  deskIds.length === 0
    ? Promise.resolve([])
    : tx
        .update(deliveries)
        .set(set)
        .where(and(eq(deliveries.alertId, alertId), inArray(deliveries.deskId, deskIds), unset))
        .returning({ deskId: deliveries.deskId });

/** The first live delivery to each desk; returns the desks stamped now. */
export async function markDelivered(tx: Db, alertId: string, deskIds: string[], at: Date): Promise<string[]> {
  return (await stampOnce(tx, alertId, deskIds, { deliveredAt: at }, isNull(deliveries.deliveredAt))).map((row) => row.deskId);
}

/** The first time a member of each desk saw it (seen implies delivered). */
export async function markSeen(tx: Db, alertId: string, deskIds: string[], userId: string, at: Date): Promise<string[]> {
  const stamped = await stampOnce(tx, alertId, deskIds, { seenAt: at, seenBy: userId }, isNull(deliveries.seenAt));
  await stampOnce(tx, alertId, deskIds, { deliveredAt: at }, isNull(deliveries.deliveredAt));
  return stamped.map((row) => row.deskId);
}

/** One acknowledgement per desk: the row lock makes a concurrent second one find it done (false). */
export async function acknowledgeDelivery(tx: Db, alertId: string, deskId: string, userId: string, at: Date): Promise<boolean> {
  const stamped = await stampOnce(tx, alertId, [deskId], { acknowledgedAt: at, acknowledgedBy: userId }, isNull(deliveries.acknowledgedAt));
  if (stamped.length === 1) await stampOnce(tx, alertId, [deskId], { seenAt: at, seenBy: userId }, isNull(deliveries.seenAt));
  return stamped.length === 1;
}

/** Addressed deliveries not acknowledged whose next escalation step is due. */
export function listDueEscalations(db: Db, now: Date, afterMs: number, steps: number): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(deliveries)
    .where(
      and(
        eq(deliveries.via, 'addressed'),
        isNull(deliveries.acknowledgedAt),
        sql`${deliveries.escalationStep} < ${steps}`,
        lte(deliveries.queuedAt, new Date(now.getTime() - afterMs)),
        sql`${deliveries.queuedAt} + (${deliveries.escalationStep} + 1) * ${`${afterMs} milliseconds`}::interval <= ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(deliveries.queuedAt))
    .limit(200);
}

/** Claims the next step (false when another node took it or the desk acknowledged meanwhile). */
export async function claimEscalationStep(tx: Db, row: DeliveryRow): Promise<boolean> {
  const claimed = await tx
    .update(deliveries)
    .set({ escalationStep: row.escalationStep + 1 })
    .where(and(eq(deliveries.alertId, row.alertId), eq(deliveries.deskId, row.deskId), eq(deliveries.escalationStep, row.escalationStep), isNull(deliveries.acknowledgedAt)))
    .returning({ deskId: deliveries.deskId });
  return claimed.length === 1;
}

export async function insertEscalation(tx: Db, values: EscalationRow): Promise<void> {
  await tx.insert(hotlineEscalations).values(values).onConflictDoNothing();
}

/** The duty desk of an economy: its police-cooperation contact-point desk (never the desk itself). */
export async function findDutyDesk(db: Db, deskId: string): Promise<{ id: string; economy: string } | null> {
  const [desk] = await db.select({ economy: desks.economyCode }).from(desks).where(eq(desks.id, deskId));
  if (!desk) return null;
  const [duty] = await db
    .select({ id: desks.id, economy: desks.economyCode })
    .from(desks)
    .where(and(eq(desks.economyCode, desk.economy), eq(desks.area, 'police_cooperation'), ne(desks.id, deskId)));
  return duty ?? null;
}

/** Adds the duty desk as a recipient; false when it already was one. */
export async function insertDutyDelivery(tx: Db, alertId: string, deskId: string, escalatedFor: string, at: Date): Promise<boolean> {
  const rows = await tx.insert(deliveries).values({ alertId, deskId, via: 'duty', escalatedFor, queuedAt: at }).onConflictDoNothing().returning({ deskId: deliveries.deskId });
  return rows.length === 1;
}

export async function loadEmails(db: Db, userIds: string[], deskId: string): Promise<string[]> {
  const [people, [desk]] = await Promise.all([
    userIds.length ? db.select({ email: users.email }).from(users).where(inArray(users.id, userIds)) : Promise.resolve([]),
    db.select({ email: desks.email }).from(desks).where(eq(desks.id, deskId)),
  ]);
  return [...new Set([...people.map((row) => row.email), ...(desk?.email ? [desk.email] : [])])];
}
