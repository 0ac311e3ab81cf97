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

/** One page of the alerts holding retrieval keys, in id order after `after` (the build at start). */
export async function loadIndexBatch(db: Db, after: string | null, size: number): Promise<IndexedAlert[]> {
  const from = after === null ? sql`` : sql`and a.id > ${after}::uuid`;
  const result = await db.execute(sql`
    select ${INDEX_COLUMNS} from wanted_alerts a
    where exists (select 1 from wanted_name_keys k where k.alert_id = a.id) ${from}
    order by a.id limit ${size}`);
  return rowsOf<IndexRow>(result).map(toAlert);
}

/** The named alerts as the index keeps them; an alert that no longer exists is absent. */
export async function loadIndexedAlerts(db: Db, alertIds: string[]): Promise<Map<string, IndexedAlert>> {
  if (alertIds.length === 0) return new Map();
  const result = await db.execute(sql`select ${INDEX_COLUMNS} from wanted_alerts a where a.id = any(${`{${alertIds.join(',')}}`}::uuid[])`);
  return new Map(rowsOf<IndexRow>(result).map((row) => [row.id, toAlert(row)]));
}
