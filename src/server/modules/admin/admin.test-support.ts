import { count, eq, ne } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { auditEvents, deskMembers, desks, organisations, sharingGroups, users } from '../../db/schema/core';
import type { AppDeps } from '../../platform/deps';
import type { TestApp } from '../../test/build-test-app';
import { accessChanges } from './admin.schema';

async function tally(deps: AppDeps, table: PgTable): Promise<number> {
  const [row] = await deps.db.select({ total: count() }).from(table);
  return row!.total;
}

/** A fingerprint of everything the admin module writes, and of audit events that are not denials. */
export async function writtenState(deps: AppDeps) {
  const [changes] = await deps.db.select({ total: count() }).from(auditEvents).where(ne(auditEvents.outcome, 'denied'));
  const accounts = await deps.db
    .select({ id: users.id, updatedAt: users.updatedAt, disabledAt: users.disabledAt, passwordHash: users.passwordHash, roles: users.roles })
    .from(users)
    .orderBy(users.id);
  return {
    organisations: await tally(deps, organisations),
    users: await tally(deps, users),
    desks: await tally(deps, desks),
    deskMembers: await tally(deps, deskMembers),
    sharingGroups: await tally(deps, sharingGroups),
    accessChanges: JSON.stringify(await deps.db.select({ id: accessChanges.id, status: accessChanges.status }).from(accessChanges).orderBy(accessChanges.id)),
    auditChanges: changes!.total,
    accounts: JSON.stringify(accounts),
  };
}

export async function deniedEvents(deps: AppDeps, action: string) {
  const rows = await deps.db.select().from(auditEvents).where(eq(auditEvents.action, action));
  return rows.filter((row) => row.outcome === 'denied');
}

type Headers = { cookie: string; 'x-csrf-token': string };

/** A second administrator approves a waiting change; the answer is returned for checks. */
export function approveChange(testApp: TestApp, headers: Headers, changeId: string) {
  return testApp.app.inject({ method: 'POST', url: `/api/admin/access-changes/${changeId}/approve`, headers });
}

export function rejectChange(testApp: TestApp, headers: Headers, changeId: string, reason: string) {
  return testApp.app.inject({ method: 'POST', url: `/api/admin/access-changes/${changeId}/reject`, headers, payload: { reason } });
}
