import { type SQL, and, count, desc, eq, isNotNull, isNull, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { type ApiKeyRow, apiKeys } from '../../db/schema/api-keys';
import { organisations, users } from '../../db/schema/core';

export type ApiKeyStatusFilter = 'pending' | 'active' | 'expired' | 'revoked';

const creators = alias(users, 'creators');
const approvers = alias(users, 'approvers');
const revokers = alias(users, 'revokers');

const keySelection = {
  key: apiKeys,
  organisation: { id: organisations.id, name: organisations.name, economy: organisations.economyCode },
  clearance: users.clearance,
  createdByName: creators.displayName,
  approvedByName: approvers.displayName,
  revokedByName: revokers.displayName,
};

export type ApiKeyWithContext = {
  key: ApiKeyRow;
  organisation: { id: string; name: string; economy: string };
  clearance: string;
  createdByName: string;
  approvedByName: string | null;
  revokedByName: string | null;
};

function baseKeyQuery(db: Db) {
  return db
    .select(keySelection)
    .from(apiKeys)
    .innerJoin(organisations, eq(organisations.id, apiKeys.organisationId))
    .innerJoin(users, eq(users.id, apiKeys.serviceUserId))
    .innerJoin(creators, eq(creators.id, apiKeys.createdBy))
    .leftJoin(approvers, eq(approvers.id, apiKeys.approvedBy))
    .leftJoin(revokers, eq(revokers.id, apiKeys.revokedBy));
}

function statusCondition(status: ApiKeyStatusFilter, now: Date): SQL {
  switch (status) {
    case 'revoked':
      return isNotNull(apiKeys.revokedAt);
    case 'expired':
      return and(isNull(apiKeys.revokedAt), sql`${apiKeys.expiresAt} <= ${now}`)!;
    case 'pending':
      return and(isNull(apiKeys.revokedAt), sql`${apiKeys.expiresAt} > ${now}`, isNull(apiKeys.approvedAt))!;
    case 'active':
      return and(isNull(apiKeys.revokedAt), sql`${apiKeys.expiresAt} > ${now}`, isNotNull(apiKeys.approvedAt))!;
  }
}

export async function listApiKeys(db: Db, filter: { organisationId?: string; status?: ApiKeyStatusFilter; page: number; pageSize: number; now: Date }) {
  const conditions: SQL[] = [];
  if (filter.organisationId) conditions.push(eq(apiKeys.organisationId, filter.organisationId));
  if (filter.status) conditions.push(statusCondition(filter.status, filter.now));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows: ApiKeyWithContext[] = await baseKeyQuery(db)
    .where(where)
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [totalRow] = await db.select({ total: count() }).from(apiKeys).where(where);
  return { rows, total: totalRow?.total ?? 0 };
}

export async function findApiKey(db: Db, id: string): Promise<ApiKeyWithContext | null> {
  const [row] = await baseKeyQuery(db).where(eq(apiKeys.id, id)).limit(1);
  return row ?? null;
}

/** Roles and clearances of the organisation's active people (not its keys' service accounts). */
export async function organisationPeople(db: Db, organisationId: string): Promise<{ roles: string[]; clearance: string }[]> {
  return db
    .select({ roles: users.roles, clearance: users.clearance })
    .from(users)
    .where(
      and(
        eq(users.organisationId, organisationId),
        isNull(users.disabledAt),
        notExists(db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.serviceUserId, users.id))),
      ),
    );
}

/** The condition that leaves keys' service accounts out of the people an administrator manages. */
export function isPerson(): SQL {
  return sql`not exists (select 1 from api_keys where api_keys.service_user_id = ${users.id})`;
}
