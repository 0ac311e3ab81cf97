import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ApprovalLevel, RoutingMode, RoutingRule } from '../../../contract/exchange-routing';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { deskMembers, desks, users } from '../../db/schema/core';
import { DEFAULT_APPROVAL_LEVEL } from './approval-levels';
import { exchangeItems as items, exchangeRecipients } from './exchange.schema';

export interface EconomySettingsRow {
  contactDeskId: string | null;
  approval: ApprovalLevel;
  updatedAt: Date | null;
}

export async function loadEconomySettings(db: Db, economy: string): Promise<EconomySettingsRow> {
  const result = await db.execute(sql`select contact_desk_id, approval_classification, approval_tlp, approver_scope, updated_at from exchange_economy_settings where economy_code = ${economy}`);
  const row = rowsOf<{ contact_desk_id: string | null; approval_classification: ApprovalLevel['classification']; approval_tlp: ApprovalLevel['tlp']; approver_scope: ApprovalLevel['approverScope']; updated_at: string | Date }>(result)[0];
  if (!row) return { contactDeskId: null, approval: DEFAULT_APPROVAL_LEVEL, updatedAt: null };
  return {
    contactDeskId: row.contact_desk_id,
    approval: { classification: row.approval_classification, tlp: row.approval_tlp, approverScope: row.approver_scope },
    updatedAt: new Date(row.updated_at),
  };
}

export async function loadRoutingRules(db: Db, economy: string): Promise<RoutingRule[]> {
  const result = await db.execute(sql`select crime_area as "crimeArea", mode from exchange_routing_rules where economy_code = ${economy} order by (crime_area = '*') desc, crime_area`);
  return rowsOf<RoutingRule>(result);
}

/** The mode for an area: its own rule, else the economy's `*` rule, else direct. */
export async function routingModeFor(db: Db, economy: string, crimeArea: string | null): Promise<RoutingMode> {
  const result = await db.execute(sql`select mode from exchange_routing_rules where economy_code = ${economy} and crime_area in ('*', ${crimeArea ?? '*'}) order by (crime_area = '*') limit 1`);
  return rowsOf<{ mode: RoutingMode }>(result)[0]?.mode ?? 'direct';
}

/** The economy's national contact-point desk: the one chosen, else its police cooperation desk. */
export async function contactDeskIdOf(db: Db, economy: string, chosen: string | null): Promise<string | null> {
  if (chosen) return chosen;
  const [row] = await db.select({ id: desks.id }).from(desks).where(and(eq(desks.economyCode, economy), eq(desks.area, 'police_cooperation'))).limit(1);
  return row?.id ?? null;
}

export async function deskEconomies(db: Db, deskIds: string[]): Promise<Map<string, string>> {
  if (deskIds.length === 0) return new Map();
  const rows = await db.select({ id: desks.id, economy: desks.economyCode }).from(desks).where(inArray(desks.id, [...new Set(deskIds)]));
  return new Map(rows.map((row) => [row.id, row.economy]));
}

export async function hasActiveMembers(db: Db, deskId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: deskMembers.userId })
    .from(deskMembers)
    .innerJoin(users, eq(users.id, deskMembers.userId))
    .where(and(eq(deskMembers.deskId, deskId), isNull(users.disabledAt)))
    .limit(1);
  return row !== undefined;
}

export async function saveEconomySettings(db: Db, economy: string, input: { contactDeskId: string | null; approval: ApprovalLevel; rules: RoutingRule[]; userId: string; at: Date }) {
  const at = input.at.toISOString();
  await db.execute(sql`insert into exchange_economy_settings (economy_code, contact_desk_id, approval_classification, approval_tlp, approver_scope, updated_by, updated_at)
    values (${economy}, ${input.contactDeskId}, ${input.approval.classification}, ${input.approval.tlp}, ${input.approval.approverScope}, ${input.userId}, ${at})
    on conflict (economy_code) do update set contact_desk_id = excluded.contact_desk_id, approval_classification = excluded.approval_classification,
      approval_tlp = excluded.approval_tlp, approver_scope = excluded.approver_scope, updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
  await db.execute(sql`delete from exchange_routing_rules where economy_code = ${economy}`);
  for (const rule of input.rules) {
    await db.execute(sql`insert into exchange_routing_rules (economy_code, crime_area, mode, updated_by, updated_at) values (${economy}, ${rule.crimeArea}, ${rule.mode}, ${input.userId}, ${at})`);
  }
}

/** Released onward forwards in a thread: which desk sent which item on to which desks, and when. */
export async function listThreadForwards(db: Db, threadId: string) {
  const rows = await db
    .select({ id: items.id, parentId: items.parentId, senderDeskId: items.senderDeskId, sentAt: items.sentAt, deskId: exchangeRecipients.deskId })
    .from(items)
    .innerJoin(exchangeRecipients, eq(exchangeRecipients.itemId, items.id))
    .where(and(eq(items.threadId, threadId), eq(items.relation, 'forward'), eq(items.release, 'released')))
    .orderBy(asc(items.sentAt), asc(items.id));
  const byId = new Map<string, { id: string; parentId: string | null; senderDeskId: string; sentAt: Date; to: string[] }>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? { id: row.id, parentId: row.parentId, senderDeskId: row.senderDeskId, sentAt: row.sentAt ?? new Date(0), to: [] };
    entry.to.push(row.deskId);
    byId.set(row.id, entry);
  }
  return [...byId.values()];
}

/** Items waiting at one of these contact-point desks for its decision (their inbox). */
export const awaitingRoutingAt = (deskIds: readonly string[]) =>
  sql`(${items.release} = 'awaiting_routing' and ${items.viaDeskId} = any(${`{${deskIds.join(',')}}`}::uuid[]))`;

/** Items these contact-point desks forwarded on (they stay in the desk's sent items). */
export const passedThrough = (deskIds: readonly string[]) =>
  sql`(${items.routeState} = 'forwarded' and ${items.viaDeskId} = any(${`{${deskIds.join(',')}}`}::uuid[]))`;
