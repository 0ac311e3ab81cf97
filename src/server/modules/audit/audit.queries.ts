import { type SQL, and, count, desc, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { AuditEventQuery } from '../../../contract/audit';
import type { Actor } from '../../access/actor';
import { auditViewSql } from '../../access/audit-scope';
import type { Db } from '../../db/client';
import { auditEvents, users } from '../../db/schema/core';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A bare day is a whole UTC day: `from` starts it, `to` includes it. */
function instantOf(value: string, edge: 'start' | 'end'): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = new Date(`${value}T00:00:00.000Z`);
    return edge === 'start' ? start : new Date(start.getTime() + 86_400_000);
  }
  return new Date(value);
}

const scopeColumns = { actorEconomy: auditEvents.actorEconomy, subjectEconomy: auditEvents.subjectEconomy, subjectReleasedTo: auditEvents.subjectReleasedTo };

/**
 * The viewer's scope comes first; filters on the record apply only to events the viewer sees
 * in full, so a masked event cannot be found by guessing its record.
 */
function filtersOf(viewer: Actor, query: Omit<AuditEventQuery, 'page' | 'pageSize'>): SQL {
  const scope = auditViewSql(viewer, scopeColumns);
  const conditions: SQL[] = [scope.visible];
  if (query.user) {
    if (UUID_PATTERN.test(query.user)) {
      conditions.push(eq(auditEvents.actorUserId, query.user));
    } else {
      // The label keeps the e-mail at the time; the user's id finds events after an e-mail change.
      const byEmail = sql`${auditEvents.actorUserId} in (select ${users.id} from ${users} where lower(${users.email}) = ${query.user})`;
      conditions.push(or(sql`lower(${auditEvents.actorLabel}) = ${query.user}`, byEmail)!);
    }
  }
  if (query.action) {
    conditions.push(or(eq(auditEvents.action, query.action), sql`${auditEvents.action} like ${`${escapeLike(query.action)}.%`}`)!);
  }
  if (query.recordType) conditions.push(eq(auditEvents.recordType, query.recordType), scope.full);
  if (query.recordId) conditions.push(eq(auditEvents.recordId, query.recordId), scope.full);
  if (query.outcome) conditions.push(eq(auditEvents.outcome, query.outcome));
  if (query.from) conditions.push(gte(auditEvents.occurredAt, instantOf(query.from, 'start').toISOString()));
  if (query.to) conditions.push(lt(auditEvents.occurredAt, instantOf(query.to, 'end').toISOString()));
  return and(...conditions)!;
}

const maskedOf = (viewer: Actor) => sql<boolean>`not ${auditViewSql(viewer, scopeColumns).full}`;

const summaryColumns = {
  id: auditEvents.id,
  occurredAt: auditEvents.occurredAt,
  actorUserId: auditEvents.actorUserId,
  actorLabel: auditEvents.actorLabel,
  actorEconomy: auditEvents.actorEconomy,
  action: auditEvents.action,
  recordType: auditEvents.recordType,
  recordId: auditEvents.recordId,
  outcome: auditEvents.outcome,
  subjectEconomy: auditEvents.subjectEconomy,
};

/** One page of the events the viewer may see, newest first, and how many of them match in all. */
export async function listAuditEvents(db: Db, viewer: Actor, query: AuditEventQuery) {
  const where = filtersOf(viewer, query);
  const rows = await db
    .select({ ...summaryColumns, masked: maskedOf(viewer) })
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.seq))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [totalRow] = await db.select({ total: count() }).from(auditEvents).where(where);
  return { rows, total: Number(totalRow?.total ?? 0) };
}

/** One event, or null when it does not exist or the viewer may not see it. */
export async function findAuditEvent(db: Db, viewer: Actor, id: string) {
  const [row] = await db
    .select({ event: auditEvents, masked: maskedOf(viewer) })
    .from(auditEvents)
    .where(and(eq(auditEvents.id, id), auditViewSql(viewer, scopeColumns).visible))
    .limit(1);
  return row ?? null;
}

/** At most this many events go into one CSV export; the file says when the filter matched more. */
export const EXPORT_LIMIT = 10_000;

/** The filtered events the viewer may see, newest first, for the CSV export. */
export async function exportAuditEvents(db: Db, viewer: Actor, query: Omit<AuditEventQuery, 'page' | 'pageSize'>) {
  const rows = await db
    .select({ ...summaryColumns, masked: maskedOf(viewer) })
    .from(auditEvents)
    .where(filtersOf(viewer, query))
    .orderBy(desc(auditEvents.seq))
    .limit(EXPORT_LIMIT + 1);
  return { rows: rows.slice(0, EXPORT_LIMIT), truncated: rows.length > EXPORT_LIMIT };
}
