import { type SQL, and, asc, count, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor';
import { can } from '../../access/policy';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/core';
import type { AuditService } from '../../platform/audit/audit.service';
import type { SessionCache } from '../../platform/auth/session-cache';
import { isPerson } from './api-keys.queries';
import { createAccessChangeService } from './access-changes.service';

async function accountsWhere(db: Db, condition: SQL, limit: number) {
  const where = and(isPerson(), isNull(users.disabledAt), condition);
  const rows = await db.select({ id: users.id, email: users.email, displayName: users.displayName, createdAt: users.createdAt }).from(users).where(where).orderBy(asc(users.displayName)).limit(limit);
  const [total] = await db.select({ total: count() }).from(users).where(where);
  return { rows, total: total?.total ?? 0 };
}

/**
 * Enabled people whose sign-in is locked (for the account or one of its source addresses),
 * those who still have to enrol a second factor (every role but reader needs one), and the
 * access changes waiting for a second administrator.
 */
export async function listAdminWork(deps: { db: Db; audit: AuditService; clock: () => Date; sessionCache: SessionCache }, actor: Actor, limit: number) {
  if (actor.kind !== 'user') return null;
  const now = deps.clock().toISOString();
  const accounts = can(actor, 'admin.user.manage')
    ? {
        locked: await accountsWhere(deps.db, sql`(${users.lockedUntil} > ${now}::timestamptz or exists (select 1 from sign_in_throttles t where t.user_id = ${users.id} and t.locked_until > ${now}::timestamptz))`, limit),
        enrolment: await accountsWhere(deps.db, sql`${users.totpEnrolledAt} is null and exists (select 1 from unnest(${users.roles}) as r(role) where r.role <> 'reader')`, limit),
      }
    : null;
  const changes = can(actor, 'admin.access_change.review') ? await createAccessChangeService(deps).list(actor, { status: 'pending', page: 1, pageSize: limit }) : null;
  return { accounts, changes };
}
