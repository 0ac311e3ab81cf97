import crypto from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import type { EntityRow } from './cases.schema';

/** A text[] parameter, each element quoted (keys hold spaces, commas and colons). */
export const textArray = (values: readonly string[]) => sql`${`{${values.map((value) => `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`).join(',')}}`}::text[]`;

export type NewEntity = Omit<EntityRow, 'id' | 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };

/** The entity and its keys in one statement (one round trip); the row is what was written. */
export async function insertEntity(db: Db, values: NewEntity, keys: string[]): Promise<EntityRow> {
  const id = crypto.randomUUID();
  await db.execute(sql`with entity as (
      insert into case_entities (id, owner_organisation_id, kind, label, attributes, identity_key, date_of_birth, created_at, updated_at)
      values (${id}::uuid, ${values.ownerOrganisationId}::uuid, ${values.kind}, ${values.label}, ${JSON.stringify(values.attributes)}::jsonb, ${values.identityKey}, ${values.dateOfBirth}::date, ${values.createdAt.toISOString()}::timestamptz, ${values.updatedAt.toISOString()}::timestamptz)
    ), keys as (
      insert into case_entity_keys (entity_id, key) select ${id}::uuid, key from unnest(${textArray(keys)}) as k(key) on conflict do nothing
    ) select 1`);
  return { ...values, id };
}

export interface StoredCorrelation {
  id: string;
  otherEntityId: string;
}

/**
 * The whole exact-key correlation of one entity in one statement: per key not flagged (or
 * excluded), the distinct live cases holding it are counted up to `cap + 1`; a key over the cap
 * is flagged, the others pair the entity with each holder (at most `cap * 10` a key), each pair
 * once (smaller id first). Returns the pairs that are new.
 */
export async function correlateExactKeys(db: Db, entityId: string, keys: string[], cap: number, now: Date): Promise<StoredCorrelation[]> {
  if (keys.length === 0) return [];
  const result = await db.execute(sql`with input as (
      select key, position from unnest(${textArray(keys)}) with ordinality as k(key, position)
      where not exists (select 1 from case_flagged_values f where f.key = k.key)
    ), counted as (
      select i.key, i.position, (select count(*) from (
          select distinct l.case_id from case_entity_keys k join case_links l on l.entity_id = k.entity_id
          where k.key = i.key and l.removed_at is null limit ${cap + 1}
        ) holding)::int as cases
      from input i
    ), flagged as (
      insert into case_flagged_values (key, case_count, flagged_at) select key, cases, ${now.toISOString()}::timestamptz from counted where cases > ${cap} on conflict do nothing
    ), holders as (
      select distinct on (h.entity_id) h.entity_id, c.key from counted c
      cross join lateral (select k.entity_id from case_entity_keys k where k.key = c.key and k.entity_id <> ${entityId}::uuid limit ${cap * 10}) h
      where c.cases <= ${cap}
      order by h.entity_id, c.position
    ), stored as (
      insert into case_correlations (entity_a, entity_b, basis)
      select least(${entityId}::uuid, entity_id), greatest(${entityId}::uuid, entity_id), key from holders
      on conflict do nothing returning id, entity_a, entity_b
    )
    select id::text, (case when entity_a = ${entityId}::uuid then entity_b else entity_a end)::text as other from stored`);
  return rowsOf<{ id: string; other: string }>(result).map((row) => ({ id: row.id, otherEntityId: row.other }));
}

/** Whether the value is flagged or excluded (it correlates no further). */
export async function isFlagged(db: Db, key: string): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 from case_flagged_values where key = ${key}`)).length > 0;
}

/** Person entities sharing one of the name keys (pair keys first: they are selective): only what the rescoring needs. */
export async function personCandidates(db: Db, keys: string[], entityId: string, limit: number): Promise<{ id: string; label: string; dateOfBirth: string | null }[]> {
  if (keys.length === 0) return [];
  const result = await db.execute(sql`select e.id::text, e.label, e.date_of_birth::text as date_of_birth from case_entities e
    where e.kind = 'person' and e.id <> ${entityId}::uuid and e.id in (select k.entity_id from case_entity_keys k where k.key = any(${textArray(keys)}))
    limit ${limit}`);
  return rowsOf<{ id: string; label: string; date_of_birth: string | null }>(result).map((row) => ({ id: row.id, label: row.label, dateOfBirth: row.date_of_birth }));
}

/** Stores the pairs (entity with each other) under one basis, each once; returns the new ones. */
export async function insertCorrelations(db: Db, entityId: string, others: string[], basis: string): Promise<StoredCorrelation[]> {
  if (others.length === 0) return [];
  const ids: SQL = sql`${`{${others.join(',')}}`}::uuid[]`;
  const result = await db.execute(sql`insert into case_correlations (entity_a, entity_b, basis)
    select least(${entityId}::uuid, other), greatest(${entityId}::uuid, other), ${basis} from unnest(${ids}) as o(other)
    on conflict do nothing returning id::text, (case when entity_a = ${entityId}::uuid then entity_b else entity_a end)::text as other`);
  return rowsOf<{ id: string; other: string }>(result).map((row) => ({ id: row.id, otherEntityId: row.other }));
}
