import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { desks } from '../../db/schema/core';
import { wantedAlerts } from './wanted.schema';

/** What the answer of a screening reads of a hit alert: the card, the marking, the validity, the desk. */
export interface ScreenedAlert {
  id: string;
  reference: string;
  kind: (typeof wantedAlerts.$inferSelect)['kind'];
  issuingDeskId: string;
  status: (typeof wantedAlerts.$inferSelect)['status'];
  validUntil: Date;
  actionCode: (typeof wantedAlerts.$inferSelect)['actionCode'];
  actionToTake: string;
  primaryName: string | null;
  dateOfBirth: string | null;
  nationality: string | null;
  sex: 'female' | 'male' | null;
  physicalDescription: string | null;
  languages: string[];
  identityMisused: boolean;
  attributes: Record<string, string>;
  classification: (typeof wantedAlerts.$inferSelect)['classification'];
  tlp: (typeof wantedAlerts.$inferSelect)['tlp'];
  releasableEconomies: string[];
  releasableOrganisations: string[];
  sharingGroups: string[];
  originatorControl: boolean;
  ownerOrganisationId: string;
  ownerEconomy: string;
  desk: { id: string; economy: string; area: string; name: string };
}

export interface RecentHit {
  id: string;
  alertId: string;
  subjectKey: string;
  reference: string;
  screenCount: number;
  lastScreenedAt: Date | null;
}

export interface CandidateExtras {
  identifiers: { kind: 'vin' | 'plate' | 'serial' | 'document' | 'other'; value: string }[];
  photoIds: string[];
}

export interface ScreeningContextRows {
  alerts: Map<string, ScreenedAlert>;
  /** The desks' contacts (the directory keeps an e-mail, no duty phone yet). */
  contacts: Map<string, { email: string | null; phone: string | null }>;
  /** The screener's hits on these alerts since `hitsSince`: the repeats to group and the variants that probe. */
  recentHits: RecentHit[];
  /** The alerts on which the screener was flagged for probing since `flagsSince`. */
  flagged: Set<string>;
  /** The card's identifiers and first photos, of the `readable` alerts only. */
  extras: Map<string, CandidateExtras>;
}

const a = wantedAlerts;

function prepareContext(db: Db) {
  const readable = sql`${a.id} = any(${sql.placeholder('readable')}::uuid[])`;
  return db
    .select({
      id: sql<string>`${a.id}::text`, reference: a.reference, kind: a.kind, issuingDeskId: a.issuingDeskId, status: a.status, validUntil: a.validUntil,
      actionCode: a.actionCode, actionToTake: a.actionToTake, primaryName: a.primaryName, dateOfBirth: a.dateOfBirth, nationality: a.nationality, sex: a.sex,
      physicalDescription: a.physicalDescription, languages: a.languages, identityMisused: a.identityMisused, attributes: a.attributes,
      classification: a.classification, tlp: a.tlp, releasableEconomies: a.releasableEconomies, releasableOrganisations: a.releasableOrganisations,
      sharingGroups: a.sharingGroups, originatorControl: a.originatorControl, ownerOrganisationId: a.ownerOrganisationId, ownerEconomy: a.ownerEconomy,
      deskEconomy: desks.economyCode, deskArea: desks.area, deskName: desks.name, deskEmail: desks.email,
      recent: sql<RecentHit[] | string | null>`(select json_agg(json_build_object('id', h.id, 'subjectKey', h.subject_key, 'reference', h.reference,
          'screenCount', h.screen_count, 'lastScreenedAt', h.last_screened_at))
        from wanted_hits h where h.screened_by = ${sql.placeholder('screener')}::uuid and h.alert_id = ${a.id}
          and h.last_screened_at >= ${sql.placeholder('hitsSince')}::timestamptz)`,
      flagged: sql<boolean>`exists (select 1 from wanted_probe_flags f where f.screened_by = ${sql.placeholder('screener')}::uuid and f.alert_id = ${a.id}
        and f.flagged_at >= ${sql.placeholder('flagsSince')}::timestamptz)`,
      photoIds: sql<string[] | null>`case when ${readable} then array(select p.id::text from wanted_photos p where p.alert_id = ${a.id} order by p.created_at, p.id limit 3) end`,
      identifiers: sql<CandidateExtras['identifiers'] | string | null>`case when ${readable} then coalesce((select json_agg(json_build_object('kind', i.kind, 'value', i.value) order by i.kind, i.value)
        from wanted_identifiers i where i.alert_id = ${a.id}), '[]'::json) end`,
    })
    .from(a)
    .innerJoin(desks, sql`${desks.id} = ${a.issuingDeskId}`)
    .where(sql`${a.id} = any(${sql.placeholder('ids')}::uuid[])`)
    .prepare('mosaic_wanted_screening_context');
}

const statements = new WeakMap<Db, ReturnType<typeof prepareContext>>();
const uuidArray = (ids: Iterable<string>) => `{${[...ids].join(',')}}`;
const parsed = <T>(value: T | string | null): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * Everything the answer of a screening (or a batch of them) reads about its hit alerts, in one
 * prepared statement: the alerts' card and marking columns with their desk's contact, the
 * screener's recent hits and probe flags on them, and — for the alerts the screener may read
 * (`readable`, decided by the policy before the read), and only those — the card's identifiers
 * and photo ids.
 */
export async function loadScreeningContext(
  db: Db,
  params: { ids: string[]; readable: string[]; screener: string; hitsSince: Date; flagsSince: Date },
): Promise<ScreeningContextRows> {
  const empty: ScreeningContextRows = { alerts: new Map(), contacts: new Map(), recentHits: [], flagged: new Set(), extras: new Map() };
  if (params.ids.length === 0) return empty;
  let statement = statements.get(db);
  if (!statement) {
    statement = prepareContext(db);
    statements.set(db, statement);
  }
  const rows = await statement.execute({
    ids: uuidArray(params.ids), readable: uuidArray(params.readable), screener: params.screener,
    hitsSince: params.hitsSince.toISOString(), flagsSince: params.flagsSince.toISOString(),
  });
  for (const row of rows) {
    const { deskEconomy, deskArea, deskName, deskEmail, recent, flagged, photoIds, identifiers, ...alert } = row;
    empty.alerts.set(row.id, { ...alert, validUntil: new Date(alert.validUntil), desk: { id: alert.issuingDeskId, economy: deskEconomy, area: deskArea, name: deskName } });
    empty.contacts.set(alert.issuingDeskId, { email: deskEmail, phone: null });
    for (const hit of parsed(recent) ?? []) {
      empty.recentHits.push({ ...hit, alertId: row.id, lastScreenedAt: hit.lastScreenedAt ? new Date(hit.lastScreenedAt) : null });
    }
    if (flagged) empty.flagged.add(row.id);
    if (photoIds) empty.extras.set(row.id, { photoIds, identifiers: parsed(identifiers) ?? [] });
  }
  return empty;
}
