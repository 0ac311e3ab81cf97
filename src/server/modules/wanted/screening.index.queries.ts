import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import type { IndexedAlert } from './screening.index';

/** The channel on which the alert write path names changed alerts (an id, or `*` for all). */
export const SCREENING_CHANGES_CHANNEL = 'wanted_screening_changes';

/** Tells every node's screening index, once the transaction commits, that an alert changed. */
export async function notifyAlertChange(db: Db, alertId: string | '*'): Promise<void> {
  await db.execute(sql`select pg_notify(${SCREENING_CHANGES_CHANNEL}, ${alertId})`);
}

interface IndexRow {
  id: string;
  active: boolean;
  valid_from: string | Date;
  valid_until: string | Date;
  date_of_birth: string | null;
  keys: string;
}

const INDEX_COLUMNS = sql.raw(`a.id::text as id, a.status = 'active' as active, a.valid_from, a.valid_until, a.date_of_birth::text as date_of_birth,
  (select string_agg(k.key, ' ') from wanted_name_keys k where k.alert_id = a.id) as keys`);

function toAlert(row: IndexRow): IndexedAlert {
  return {
    id: row.id,
    keys: row.keys ? row.keys.split(' ') : [],
    active: row.active,
    validFrom: new Date(row.valid_from).getTime(),
    validUntil: new Date(row.valid_until).getTime(),
    dateOfBirth: row.date_of_birth,
  };
}

const STREAM_PAGE = 50_000;

/**
 * Everything the index is built from, in two sequential scans through cursors (one
 * transaction): the alerts' columns (times as numbers), then the key rows in table order. An
 * index range per page of alerts would touch a quarter of the key table's blocks per page at a
 * million alerts (the table is in insertion order, the ids are random).
 */
export async function streamIndexRows(db: Db, onAlert: (alert: Omit<IndexedAlert, 'keys'>) => void, onKey: (alertId: string, key: string) => void): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`declare wanted_index_alerts no scroll cursor for
      select a.id::text as id, a.status = 'active' as active, (extract(epoch from a.valid_from) * 1000)::float8 as valid_from,
        (extract(epoch from a.valid_until) * 1000)::float8 as valid_until, a.date_of_birth::text as date_of_birth
      from wanted_alerts a`));
    for (;;) {
      const rows = rowsOf<{ id: string; active: boolean; valid_from: number; valid_until: number; date_of_birth: string | null }>(await tx.execute(sql.raw(`fetch ${STREAM_PAGE} from wanted_index_alerts`)));
      for (const row of rows) onAlert({ id: row.id, active: row.active, validFrom: Number(row.valid_from), validUntil: Number(row.valid_until), dateOfBirth: row.date_of_birth });
      if (rows.length < STREAM_PAGE) break;
    }
    await tx.execute(sql.raw('close wanted_index_alerts'));
    await tx.execute(sql.raw('declare wanted_index_keys no scroll cursor for select alert_id::text as alert_id, key from wanted_name_keys'));
    for (;;) {
      const rows = rowsOf<{ alert_id: string; key: string }>(await tx.execute(sql.raw(`fetch ${STREAM_PAGE} from wanted_index_keys`)));
      for (const row of rows) onKey(row.alert_id, row.key);
      if (rows.length < STREAM_PAGE) break;
    }
    await tx.execute(sql.raw('close wanted_index_keys'));
  });
}

/** The named alerts as the index keeps them; an alert that no longer exists is absent. */
export async function loadIndexedAlerts(db: Db, alertIds: string[]): Promise<Map<string, IndexedAlert>> {
  if (alertIds.length === 0) return new Map();
  const result = await db.execute(sql`select ${INDEX_COLUMNS} from wanted_alerts a where a.id = any(${`{${alertIds.join(',')}}`}::uuid[])`);
  return new Map(rowsOf<IndexRow>(result).map((row) => [row.id, toAlert(row)]));
}
