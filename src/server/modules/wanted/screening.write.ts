import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import type { UnsealedEvent } from '../../platform/audit/chain';
import type { deskNotificationRow } from '../notifications';

/** How many screening times a grouped hit keeps (the count goes on). */
const SCREENED_TIMES_KEPT = 50;

export interface NewHitRow {
  id: string;
  reference: string;
  alertId: string;
  issuingDeskId: string;
  screenedBy: string;
  screenerEconomy: string;
  screenerOrganisationId: string;
  query: Record<string, string>;
  purpose: string;
  subjectKey: string;
  score: number;
  decision: 'match' | 'possible';
  screenerCouldRead: boolean;
  /** When it was made, then each repeat of it in the same batch (the count is their number). */
  screenedTimes: Date[];
}

export interface ScreeningWrites {
  hits: NewHitRow[];
  /** Earlier hits screened again: one entry per repeat (the same hit may be repeated twice in a batch). */
  repeats: { id: string; at: Date }[];
  flags: { id: string; alertId: string; screenedBy: string; variants: number; flaggedAt: Date }[];
  notifications: (ReturnType<typeof deskNotificationRow> & { at: Date })[];
  events: UnsealedEvent[];
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * Everything a screening (or a batch of them) writes — its new hits, the repeats added to earlier hits, probe flags,
 * one notification per holding desk and the audit events — in one statement: each table's rows
 * travel as one JSON parameter and are inserted by a data-modifying CTE, so a screening costs
 * one round trip whatever its number of hits. The statement text never changes (plan cached).
 */
export async function writeScreening(tx: Db, writes: ScreeningWrites): Promise<void> {
  const hits = writes.hits.map((hit) => ({
    id: hit.id, reference: hit.reference, alert_id: hit.alertId, issuing_desk_id: hit.issuingDeskId, screened_by: hit.screenedBy,
    screener_economy: hit.screenerEconomy, screener_organisation_id: hit.screenerOrganisationId, query: hit.query, purpose: hit.purpose,
    subject_key: hit.subjectKey, score: hit.score, decision: hit.decision, screener_could_read: hit.screenerCouldRead, screen_count: hit.screenedTimes.length,
    screened_times: hit.screenedTimes.slice(-SCREENED_TIMES_KEPT).map((at) => at.toISOString()),
    last_screened_at: hit.screenedTimes.at(-1)!.toISOString(), created_at: hit.screenedTimes[0]!.toISOString(),
  }));
  const repeatTimes = new Map<string, string[]>();
  for (const repeat of writes.repeats) repeatTimes.set(repeat.id, [...(repeatTimes.get(repeat.id) ?? []), repeat.at.toISOString()]);
  const repeats = [...repeatTimes].map(([id, times]) => ({ id, times }));
  const flags = writes.flags.map((flag) => ({ id: flag.id, alert_id: flag.alertId, screened_by: flag.screenedBy, variants: flag.variants, flagged_at: flag.flaggedAt.toISOString() }));
  const notes = writes.notifications.map((note) => ({ desk_id: note.deskId, kind: note.kind, title: note.title, body: note.body, link: note.link, record_type: note.recordType, record_id: note.recordId, created_at: note.at.toISOString() }));
  const events = writes.events.map((event) => ({
    id: event.id, occurred_at: event.occurredAt, actor_user_id: event.actorUserId, actor_label: event.actorLabel, actor_economy: event.actorEconomy,
    action: event.action, record_type: event.recordType, record_id: event.recordId, outcome: event.outcome, ip: event.ip, details: event.details,
    subject_economy: event.subjectEconomy, subject_released_to: event.subjectReleasedTo,
  }));
  const result = await tx.execute(sql`
    with new_hits as (
      insert into wanted_hits (id, reference, alert_id, issuing_desk_id, screened_by, screener_economy, screener_organisation_id, query, purpose,
        subject_key, score, decision, screener_could_read, screen_count, screened_times, last_screened_at, created_at)
      select id, reference, alert_id, issuing_desk_id, screened_by, screener_economy, screener_organisation_id, query, purpose,
        subject_key, score, decision, screener_could_read, screen_count, screened_times, last_screened_at, created_at
      from jsonb_populate_recordset(null::wanted_hits, ${json(hits)})
      returning 1
    ), repeats as (
      update wanted_hits h set screen_count = h.screen_count + r.n,
        screened_times = (h.screened_times || r.times)[greatest(1, cardinality(h.screened_times) + r.n + 1 - ${SCREENED_TIMES_KEPT}):],
        last_screened_at = r.times[r.n]
      from (select x.id, x.times, cardinality(x.times) as n from jsonb_to_recordset(${json(repeats)}) as x(id uuid, times timestamptz[])) r
      where h.id = r.id
      returning 1
    ), new_flags as (
      insert into wanted_probe_flags (id, alert_id, screened_by, variants, flagged_at)
      select id, alert_id, screened_by, variants, flagged_at from jsonb_populate_recordset(null::wanted_probe_flags, ${json(flags)})
      returning 1
    ), new_notes as (
      insert into notifications (desk_id, kind, title, body, link, record_type, record_id, created_at)
      select desk_id, kind, title, body, link, record_type, record_id, created_at from jsonb_populate_recordset(null::notifications, ${json(notes)})
      returning 1
    ), new_events as (
      insert into audit_events (id, occurred_at, actor_user_id, actor_label, actor_economy, action, record_type, record_id, outcome, ip, details, subject_economy, subject_released_to)
      select id, occurred_at, actor_user_id, actor_label, actor_economy, action, record_type, record_id, outcome, ip, coalesce(details, '{}'::jsonb), subject_economy, subject_released_to
      from jsonb_populate_recordset(null::audit_events, ${json(events)})
      returning 1
    )
    select (select count(*) from new_hits) as hits, (select count(*) from repeats) as repeats, (select count(*) from new_events) as events`);
  const [counts] = rowsOf<{ hits: string | number; repeats: string | number; events: string | number }>(result);
  if (Number(counts?.hits) !== hits.length || Number(counts?.repeats) !== repeats.length || Number(counts?.events) !== events.length) {
    throw new Error('The screening write did not write every row it was given.');
  }
}
