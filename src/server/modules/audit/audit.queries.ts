import { type SQL, and, count, desc, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { AuditEventQuery } from '../../../contract/audit';
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

function filtersOf(query: Omit<AuditEventQuery, 'page' | 'pageSize'>): SQL | undefined {
  const conditions: SQL[] = [];
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
  if (query.recordType) conditions.push(eq(auditEvents.recordType, query.recordType));
  if (query.recordId) conditions.push(eq(auditEvents.recordId, query.recordId));
  if (query.outcome) conditions.push(eq(auditEvents.outcome, query.outcome));
  if (query.from) conditions.push(gte(auditEvents.occurredAt, instantOf(query.from, 'start').toISOString()));
  if (query.to) conditions.push(lt(auditEvents.occurredAt, instantOf(query.to, 'end').toISOString()));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

const summaryColumns = {
  seq: auditEvents.seq,
  id: auditEvents.id,
  occurredAt: auditEvents.occurredAt,
  actorUserId: auditEvents.actorUserId,
  actorLabel: auditEvents.actorLabel,
  actorEconomy: auditEvents.actorEconomy,
  action: auditEvents.action,
  recordType: auditEvents.recordType,
  recordId: auditEvents.recordId,
  outcome: auditEvents.outcome,
};

/** One page of events, newest first, and how many match in all. */
export async function listAuditEvents(db: Db, query: AuditEventQuery) {
  const where = filtersOf(query);
  const rows = await db
    .select(summaryColumns)
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.seq))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [totalRow] = await db.select({ total: count() }).from(auditEvents).where(where);
  return { rows, total: Number(totalRow?.total ?? 0) };
}

export async function findAuditEvent(db: Db, seq: number) {
  const [row] = await db.select().from(auditEvents).where(eq(auditEvents.seq, seq)).limit(1);
  return row ?? null;
}
