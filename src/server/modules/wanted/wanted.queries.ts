import crypto from 'node:crypto';
import { type SQL, and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { desks } from '../../db/schema/core';
import { notifyAlertChange } from './screening.index.queries';
import type { AlertDraft } from './wanted.fields';
import { type AlertRow, wantedAlerts, wantedIdentifiers, wantedNameKeys, wantedNames, wantedPhotos } from './wanted.schema';

export const alertMarkingColumns = {
  classification: wantedAlerts.classification,
  tlp: wantedAlerts.tlp,
  releasableEconomies: wantedAlerts.releasableEconomies,
  releasableOrganisations: wantedAlerts.releasableOrganisations,
  sharingGroups: wantedAlerts.sharingGroups,
  ownerOrganisationId: wantedAlerts.ownerOrganisationId,
};

/** The status as read now: an active alert past its validity is expired. */
export function effectiveStatusSql(now: Date): SQL<'active' | 'withdrawn' | 'expired'> {
  return sql<'active' | 'withdrawn' | 'expired'>`(case when ${wantedAlerts.status} = 'active' and ${wantedAlerts.validUntil} <= ${now.toISOString()}::timestamptz then 'expired' else ${wantedAlerts.status} end)`;
}

/** Alerts that screening may hit: active and inside their validity. */
export function screenableSql(now: Date): SQL {
  const at = now.toISOString();
  return sql`(${wantedAlerts.status} = 'active' and ${wantedAlerts.validFrom} <= ${at}::timestamptz and ${wantedAlerts.validUntil} > ${at}::timestamptz)`;
}

const deskColumns = { id: desks.id, economy: desks.economyCode, area: desks.area, name: desks.name };

export type AlertWithDesk = AlertRow & { desk: { id: string; economy: string; area: string; name: string } };

function withDesk(row: { alert: AlertRow; desk: AlertWithDesk['desk'] }): AlertWithDesk {
  return { ...row.alert, desk: row.desk };
}

export async function insertAlert(db: Db, values: typeof wantedAlerts.$inferInsert): Promise<AlertRow> {
  const [row] = await db.insert(wantedAlerts).values(values).returning();
  return row!;
}

/** Writes the names, retrieval keys and identifiers of an alert, replacing what was there (and tells the screening index). */
export async function replaceAlertChildren(db: Db, alertId: string, draft: AlertDraft) {
  await db.delete(wantedNames).where(eq(wantedNames.alertId, alertId));
  await db.delete(wantedNameKeys).where(eq(wantedNameKeys.alertId, alertId));
  await db.delete(wantedIdentifiers).where(eq(wantedIdentifiers.alertId, alertId));
  if (draft.names.length) await db.insert(wantedNames).values(draft.names.map((name) => ({ alertId, ...name })));
  if (draft.keys.length) await db.insert(wantedNameKeys).values(draft.keys.map((key) => ({ alertId, key })));
  if (draft.identifiers.length) await db.insert(wantedIdentifiers).values(draft.identifiers.map((item) => ({ alertId, ...item })));
  await notifyAlertChange(db, alertId);
}

export async function updateAlertRow(db: Db, id: string, values: Partial<typeof wantedAlerts.$inferInsert>): Promise<void> {
  await db.update(wantedAlerts).set(values).where(eq(wantedAlerts.id, id));
  await notifyAlertChange(db, id);
}

export async function findAlert(db: Db, id: string): Promise<AlertWithDesk | null> {
  const [row] = await db
    .select({ alert: wantedAlerts, desk: deskColumns })
    .from(wantedAlerts)
    .innerJoin(desks, eq(desks.id, wantedAlerts.issuingDeskId))
    .where(eq(wantedAlerts.id, id))
    .limit(1);
  return row ? withDesk(row) : null;
}

export async function findAlertsByIds(db: Db, ids: string[]): Promise<AlertWithDesk[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ alert: wantedAlerts, desk: deskColumns })
    .from(wantedAlerts)
    .innerJoin(desks, eq(desks.id, wantedAlerts.issuingDeskId))
    .where(inArray(wantedAlerts.id, ids));
  return rows.map(withDesk);
}

export function listNames(db: Db, alertIds: string[]) {
  if (alertIds.length === 0) return Promise.resolve([]);
  return db
    .select({ alertId: wantedNames.alertId, name: wantedNames.name, isAlias: wantedNames.isAlias })
    .from(wantedNames)
    .where(inArray(wantedNames.alertId, alertIds))
    .orderBy(asc(wantedNames.id));
}

export function listIdentifiers(db: Db, alertIds: string[]) {
  if (alertIds.length === 0) return Promise.resolve([]);
  return db.select().from(wantedIdentifiers).where(inArray(wantedIdentifiers.alertId, alertIds));
}

export function listPhotos(db: Db, alertId: string) {
  return db.select().from(wantedPhotos).where(eq(wantedPhotos.alertId, alertId)).orderBy(asc(wantedPhotos.createdAt));
}

export async function findPhoto(db: Db, alertId: string, photoId: string) {
  const [row] = await db
    .select()
    .from(wantedPhotos)
    .where(and(eq(wantedPhotos.alertId, alertId), eq(wantedPhotos.id, photoId)))
    .limit(1);
  return row ?? null;
}

export async function insertPhoto(db: Db, values: typeof wantedPhotos.$inferInsert) {
  const [row] = await db.insert(wantedPhotos).values(values).returning();
  return row!;
}

export interface AlertListParams {
  visible: SQL;
  now: Date;
  kind?: string;
  status?: string;
  /** Folded name text and a normalised identifier to look for. */
  folded?: string;
  /** Name retrieval keys: any shared key finds the alert (across scripts). */
  keys?: string[];
  identifier?: string;
  reference?: string;
  page: number;
  pageSize: number;
}

export async function listAlerts(db: Db, params: AlertListParams) {
  const conditions: SQL[] = [params.visible];
  if (params.kind) conditions.push(eq(wantedAlerts.kind, params.kind as AlertRow['kind']));
  if (params.status) conditions.push(sql`${effectiveStatusSql(params.now)} = ${params.status}`);
  const search: SQL[] = [];
  if (params.folded) {
    search.push(sql`exists (select 1 from wanted_names wn where wn.alert_id = ${wantedAlerts.id} and wn.folded like ${`%${params.folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})`);
  }
  if (params.keys?.length) {
    search.push(sql`exists (select 1 from wanted_name_keys wk where wk.alert_id = ${wantedAlerts.id} and wk.key = any(${`{${params.keys.map((key) => `"${key.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]))`);
  }
  if (params.identifier) {
    search.push(sql`exists (select 1 from wanted_identifiers wi where wi.alert_id = ${wantedAlerts.id} and wi.normalized = ${params.identifier})`);
  }
  if (params.reference) search.push(sql`upper(${wantedAlerts.reference}) = ${params.reference.toUpperCase()}`);
  if (search.length) conditions.push(sql`(${sql.join(search, sql` or `)})`);
  const where = and(...conditions);
  const rows = await db
    .select({ alert: wantedAlerts, desk: deskColumns })
    .from(wantedAlerts)
    .innerJoin(desks, eq(desks.id, wantedAlerts.issuingDeskId))
    .where(where)
    .orderBy(desc(wantedAlerts.createdAt), asc(wantedAlerts.reference))
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize);
  const [totalRow] = await db.select({ total: count() }).from(wantedAlerts).where(where);
  return { rows: rows.map(withDesk), total: totalRow?.total ?? 0 };
}

/** Desks of the given ids in the given economy (the ones a user may issue alerts from). */
export function listDesksIn(db: Db, ids: string[], economy: string) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select(deskColumns)
    .from(desks)
    .where(and(inArray(desks.id, ids), eq(desks.economyCode, economy)))
    .orderBy(asc(desks.area));
}

/** Crockford's base 32: no I, L, O or U to misread when a reference is read out on the phone. */
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const REFERENCE_LENGTH = 10;

export function randomReferenceCode(length = REFERENCE_LENGTH): string {
  return [...crypto.randomBytes(length)].map((byte) => REFERENCE_ALPHABET[byte % 32]).join('');
}

/**
 * A new alert reference, W-RS-7K2M9QX4TD: random, so that it counts nothing (a number per
 * economy and year told other economies how many alerts they could not read were issued
 * between two they could). 50 bits make a clash unlikely; one is checked for anyway.
 */
export async function newAlertReference(db: Db, economy: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const reference = `W-${economy}-${randomReferenceCode()}`;
    const [taken] = await db.select({ id: wantedAlerts.id }).from(wantedAlerts).where(eq(wantedAlerts.reference, reference)).limit(1);
    if (!taken) return reference;
  }
  throw new Error('Could not draw a free alert reference in five attempts.');
}
