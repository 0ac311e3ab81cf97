-- Audit: the scope of the record an event concerns, so the auditor's view can apply the
-- record's marking to its events. Both columns are part of the event's hash (see
-- src/server/platform/audit/chain.ts); events written before this migration have neither.
--   subject_economy     the economy that owns (originated) the marked record; null when the
--                       event concerns no marked record.
--   subject_released_to the economies the record is released to as a whole ('*' = every
--                       economy); releases to single organisations or sharing groups are not
--                       listed, so their economies' auditors see only their own users' events.
alter table audit_events add column if not exists subject_economy text;
alter table audit_events add column if not exists subject_released_to text[];
create index if not exists audit_events_subject_idx on audit_events (subject_economy, seq);
