import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { desks } from '../../db/schema/core';
import { wantedAlerts, wantedNames } from './wanted.schema';

/** How many alerts the retrieval keys bring back for rescoring (more when the last ones tie). */
export const KEY_CANDIDATE_LIMIT = 50;
/** Tied candidates are all kept (homonyms), up to this many. */
export const KEY_CANDIDATE_MAX = 200;
/**
 * A key shared by more alerts than this is too common to retrieve by (the cognate group of a
 * very frequent given name): it is dropped for the query, and the other keys decide (design §8:
 * cap what matches too much). Reading and ranking the postings is the cost of a screening.
 */
export const KEY_FREQUENCY_CAP = 8_000;
/**
 * The selective first step reads each pair key and each single key up to this many alerts: a
 * key held by more is "common" and waits for the second step, which is only run when the
 * first finds too few.
 */
export const SELECTIVE_KEY_CAP = 300;
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

export interface KeyCandidates {
  alertIds: string[];
  /** Homonyms beyond the cap on tied candidates, in rank order: not rescored. */
  droppedIds: string[];
  /** Keys held by more alerts than the step's cap: not used for ranking in that step. */
  commonKeys: string[];
  /** Keys held by at least one alert (counted up to the cap + 1). */
  foundKeys: string[];
}

/**
 * Keeps at most `tiedCap` of the candidates that share every usable key (homonyms: they tie),
 * in the order given (the screened date of birth first, then the rarer name); the others stay.
 */
export function capTied(ranked: { id: string; tied: boolean }[], tiedCap = KEY_CANDIDATE_MAX): Pick<KeyCandidates, 'alertIds' | 'droppedIds'> {
  const alertIds: string[] = [];
  const droppedIds: string[] = [];
  let ties = 0;
  for (const item of ranked) {
    if (item.tied && (ties += 1) > tiedCap) droppedIds.push(item.id);
    else alertIds.push(item.id);
  }
  return { alertIds, droppedIds };
}

/**
 * Alerts sharing retrieval keys with the query, ranked by the rarity of what they share: each
 * shared key weighs ln(10·KEY_FREQUENCY_CAP / alerts with that key), so a shared pair of words
 * outweighs a shared surname, which outweighs a shared common given name. Each key's alerts are
 * read from the (key, alert_id) index at most cap + 1 times; a key reaching the cap is dropped
 * (and reported as common). The best are then checked for being screenable.
 */
export async function candidatesByKeys(db: Db, keys: string[], now: Date, options: { dateOfBirth?: string; limit?: number; cap?: number; tiedCap?: number } = {}): Promise<KeyCandidates> {
  if (keys.length === 0) return { alertIds: [], droppedIds: [], commonKeys: [], foundKeys: [] };
  const limit = options.limit ?? KEY_CANDIDATE_LIMIT;
  const cap = options.cap ?? KEY_FREQUENCY_CAP;
  // Among equally ranked alerts (homonyms), those born on the screened date of birth come first.
  const sameBirth = options.dateOfBirth ? sql`, (a.date_of_birth = ${options.dateOfBirth}::date) desc` : sql``;
  const result = await db.execute(sql`
    with postings as materialized (
      select q.key, k.alert_id from unnest(${textArray(keys)}) as q(key)
      cross join lateral (select alert_id from wanted_name_keys where key = q.key limit ${cap + 1}) k
    ),
    counted as (select key, count(*) as alerts from postings group by key),
    frequency as (
      select key, ln(${10 * KEY_FREQUENCY_CAP}::float8 / alerts) as weight from counted where alerts <= ${cap}
    ),
    shared as (
      select p.alert_id, sum(f.weight) as score from postings p join frequency f on f.key = p.key
      group by p.alert_id
    ),
    best as (
      (select * from shared order by score desc limit ${limit * 2})
      union
      (select * from shared where score >= (select sum(weight) from frequency) - 1e-9 limit ${KEY_CANDIDATE_MAX})
    )
    select b.alert_id::text as alert_id, b.score >= (select sum(weight) from frequency) - 1e-9 as shares_all,
      row_number() over (order by b.score desc${sameBirth}) as rank, null::text as found_key, null::boolean as common
    from best b join wanted_alerts a on a.id = b.alert_id
    where ${screenable(now)}
    union all
    select null, null, null, key, alerts > ${cap} from counted`);
  const rows = rowsOf<{ alert_id: string | null; shares_all: boolean | null; rank: string | number | null; found_key: string | null; common: boolean | null }>(result);
  const commonKeys = rows.flatMap((row) => (row.found_key && row.common ? [row.found_key] : []));
  const foundKeys = rows.flatMap((row) => (row.found_key ? [row.found_key] : []));
  const ranked = rows.filter((row) => row.alert_id !== null).sort((a, b) => Number(a.rank) - Number(b.rank));
  // The best K, and every alert sharing every usable key (homonyms), up to the maximum.
  const eligible = ranked.filter((row, i) => i < limit || row.shares_all).slice(0, KEY_CANDIDATE_MAX);
  return { ...capTied(eligible.map((row) => ({ id: row.alert_id!, tied: Boolean(row.shares_all) })), options.tiedCap), commonKeys, foundKeys };
}

/**
 * A bounded trigram search on the folded names: catches misspellings that change every key.
 * The index is searched at the similarity the answer needs (not pg_trgm's default 0.3): with a
 * higher threshold the GIN scan is driven by the rarer trigrams of the name, not by "vic".
 */
export async function candidatesByTrigram(db: Db, folded: string, now: Date, limit = TRIGRAM_CANDIDATE_LIMIT): Promise<string[]> {
  if (folded.replace(/[^a-z]/g, '').length < 4) return [];
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local pg_trgm.similarity_threshold = ${TRIGRAM_MIN_SIMILARITY}`));
    const result = await tx.execute(sql`
      select n.alert_id from (
        select alert_id, similarity(folded, ${folded}) as sim from wanted_names
        where folded % ${folded}
        order by sim desc
        limit ${limit * 2}
      ) n join wanted_alerts a on a.id = n.alert_id
      where ${screenable(now)}
      limit ${limit}`);
    return rowsOf<{ alert_id: string }>(result).map((row) => row.alert_id);
  });
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

function prepareScreeningRows(db: Db) {
  return db
    .select({
      id: sql<string>`${wantedAlerts.id}::text`,
      name: wantedNames.name,
      date_of_birth: sql<string | null>`${wantedAlerts.dateOfBirth}::text`,
      nationality: wantedAlerts.nationality,
      sex: wantedAlerts.sex,
      documents: sql<string[] | null>`array(select i.normalized from wanted_identifiers i where i.alert_id = ${wantedAlerts.id} and i.kind = 'document')`,
      // The marking, so that the policy decides before the answer's read which cards it reads.
      classification: wantedAlerts.classification, tlp: wantedAlerts.tlp, releasableEconomies: wantedAlerts.releasableEconomies,
      releasableOrganisations: wantedAlerts.releasableOrganisations, sharingGroups: wantedAlerts.sharingGroups, originatorControl: wantedAlerts.originatorControl,
      ownerOrganisationId: wantedAlerts.ownerOrganisationId, ownerEconomy: wantedAlerts.ownerEconomy, issuingDeskId: wantedAlerts.issuingDeskId,
      status: wantedAlerts.status, validUntil: wantedAlerts.validUntil,
    })
    .from(wantedAlerts)
    .innerJoin(wantedNames, eq(wantedNames.alertId, wantedAlerts.id))
    .where(sql`${wantedAlerts.id} = any(${sql.placeholder('ids')}::uuid[])`)
    .prepare('mosaic_wanted_screening_rows');
}

const screeningRowStatements = new WeakMap<Db, ReturnType<typeof prepareScreeningRows>>();

/** The names of the shortlisted alerts with the fields rescoring reads and the marking, by primary key (prepared once per database). */
export async function loadScreeningRows(db: Db, alertIds: string[]) {
  if (alertIds.length === 0) return [];
  let statement = screeningRowStatements.get(db);
  if (!statement) {
    statement = prepareScreeningRows(db);
    screeningRowStatements.set(db, statement);
  }
  return statement.execute({ ids: `{${alertIds.join(',')}}` });
}

/** How to reach each holding desk: the directory's e-mail (the directory keeps no duty phone yet). */
export async function deskContacts(db: Db, deskIds: string[]): Promise<Map<string, { email: string | null; phone: string | null }>> {
  if (deskIds.length === 0) return new Map();
  const rows = await db.select({ id: desks.id, email: desks.email }).from(desks).where(inArray(desks.id, deskIds));
  return new Map(rows.map((row) => [row.id, { email: row.email, phone: null }]));
}

/** The identifiers and first photos of alerts the screener may read, for the answer's card: one statement. */
export interface CandidateExtras {
  identifiers: { kind: 'vin' | 'plate' | 'serial' | 'document' | 'other'; value: string }[];
  photoIds: string[];
}

export async function candidateExtras(db: Db, alertIds: string[]): Promise<Map<string, CandidateExtras>> {
  if (alertIds.length === 0) return new Map();
  const result = await db.execute(sql`
    select a.id::text as id,
      array(select p.id::text from wanted_photos p where p.alert_id = a.id order by p.created_at, p.id limit 3) as photo_ids,
      coalesce((select json_agg(json_build_object('kind', i.kind, 'value', i.value) order by i.kind, i.value) from wanted_identifiers i where i.alert_id = a.id), '[]'::json) as identifiers
    from unnest(${`{${alertIds.join(',')}}`}::uuid[]) as a(id)`);
  const rows = rowsOf<{ id: string; photo_ids: string[]; identifiers: CandidateExtras['identifiers'] | string }>(result);
  return new Map(rows.map((row) => [row.id, { photoIds: row.photo_ids, identifiers: typeof row.identifiers === 'string' ? JSON.parse(row.identifiers) : row.identifiers }]));
}
