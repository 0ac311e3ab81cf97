import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';

/** Entities of the economy's organisations that hold the flagged value `f.key` (an identifier key, or a person's basis). */
const heldByEconomy = (economy: string) => sql`from case_entities e join organisations o on o.id = e.owner_organisation_id and o.economy_code = ${economy}
  where e.id in (select k.entity_id from case_entity_keys k where k.key = f.key) or (e.kind = 'person' and 'person:' || e.identity_key = f.key)`;

export interface FlaggedRow {
  key: string;
  flagged_at: Date | string;
  excluded: boolean;
  own_cases: number;
}

/**
 * The flagged values that the economy's own entities hold, with how many of the economy's own
 * cases link them: an administrator never learns a value, or a count, from another economy's cases.
 */
export async function listFlaggedValuesOfEconomy(db: Db, economy: string): Promise<FlaggedRow[]> {
  const result = await db.execute(sql`select f.key, f.flagged_at, f.excluded_at is not null as excluded,
      (select count(distinct l.case_id)::int from case_links l where l.removed_at is null and l.entity_id in (select e.id ${heldByEconomy(economy)})) as own_cases
    from case_flagged_values f
    where exists (select 1 ${heldByEconomy(economy)})
    order by f.flagged_at limit 500`);
  return rowsOf<FlaggedRow>(result);
}

export async function economyHoldsValue(db: Db, key: string, economy: string): Promise<boolean> {
  const result = await db.execute(sql`select exists (select 1 from (select ${key}::text as key) f, lateral (select 1 ${heldByEconomy(economy)}) held) as held`);
  return rowsOf<{ held: boolean }>(result)[0]?.held === true;
}
