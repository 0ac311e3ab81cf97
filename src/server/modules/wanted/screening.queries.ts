import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';

/** How many alerts the retrieval keys may bring back for rescoring. */
export const KEY_CANDIDATE_LIMIT = 200;
/** The trigram fallback: a few more, for spellings the keys miss. */
export const TRIGRAM_CANDIDATE_LIMIT = 30;
const TRIGRAM_MIN_SIMILARITY = 0.45;

function textArray(values: string[]) {
  return sql`${`{${values.map((value) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]`;
}

function screenable(now: Date) {
  const at = now.toISOString();
  return sql`a.status = 'active' and a.valid_from <= ${at}::timestamptz and a.valid_until > ${at}::timestamptz`;
}

/**
 * Alerts sharing retrieval keys with the query, most shared keys first. The keys are
 * grouped on the index alone before the (few) alerts are checked for being screenable.
 */
export async function candidatesByKeys(db: Db, keys: string[], now: Date, limit = KEY_CANDIDATE_LIMIT): Promise<string[]> {
  if (keys.length === 0) return [];
  const result = await db.execute(sql`
    with shared as (
      select k.alert_id, count(*) as n from wanted_name_keys k
      where k.key = any(${textArray(keys)})
      group by k.alert_id
      order by n desc
      limit ${limit * 2}
    )
    select s.alert_id from shared s join wanted_alerts a on a.id = s.alert_id
    where ${screenable(now)}
    order by s.n desc
    limit ${limit}`);
  return rowsOf<{ alert_id: string }>(result).map((row) => row.alert_id);
}

/** A bounded trigram search on the folded names: catches misspellings that change every key. */
export async function candidatesByTrigram(db: Db, folded: string, now: Date, limit = TRIGRAM_CANDIDATE_LIMIT): Promise<string[]> {
  if (folded.replace(/[^a-z]/g, '').length < 4) return [];
  const result = await db.execute(sql`
    select n.alert_id from (
      select alert_id, similarity(folded, ${folded}) as sim from wanted_names
      where folded % ${folded}
      order by sim desc
      limit ${limit * 2}
    ) n join wanted_alerts a on a.id = n.alert_id
    where n.sim >= ${TRIGRAM_MIN_SIMILARITY} and ${screenable(now)}
    limit ${limit}`);
  return rowsOf<{ alert_id: string }>(result).map((row) => row.alert_id);
}

/** Alerts carrying one of the given normalised identifiers. */
export async function candidatesByIdentifier(db: Db, pairs: { kind: string; normalized: string }[], now: Date): Promise<{ alertId: string; kind: string }[]> {
  const usable = pairs.filter((pair) => pair.normalized.length > 0);
  if (usable.length === 0) return [];
  const conditions = usable.map((pair) => sql`(i.kind = ${pair.kind} and i.normalized = ${pair.normalized})`);
  const result = await db.execute(sql`
    select distinct i.alert_id, i.kind from wanted_identifiers i join wanted_alerts a on a.id = i.alert_id
    where (${sql.join(conditions, sql` or `)}) and ${screenable(now)}
    limit 100`);
  return rowsOf<{ alert_id: string; kind: string }>(result).map((row) => ({ alertId: row.alert_id, kind: row.kind }));
}

/** The names of the candidate alerts with the fields screening rescoring reads. */
export async function loadScreeningRows(db: Db, alertIds: string[]) {
  if (alertIds.length === 0) return [];
  const result = await db.execute(sql`
    select a.id, n.name, a.date_of_birth::text as date_of_birth, a.nationality
    from wanted_alerts a join wanted_names n on n.alert_id = a.id
    where a.id = any(${sql`${`{${alertIds.join(',')}}`}::uuid[]`})`);
  return rowsOf<{ id: string; name: string; date_of_birth: string | null; nationality: string | null }>(result);
}
