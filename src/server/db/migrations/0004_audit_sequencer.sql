-- Audit: events are inserted unsealed in the change's transaction, without a lock, and the
-- sequencer (src/server/platform/audit/sequencer.ts) orders the committed ones into the hash
-- chain. See docs/audit.md.
--   seq        the insertion number, from a sequence: orders events for readers; numbers of
--              rolled-back transactions are skipped, so it may have gaps.
--   chain_seq  the event's position in the chain (1, 2, 3 … without gaps), set when sealed;
--              null while unsealed. It is the position the event's hash covers.
--   prev_hash, hash  set when sealed.
-- Events sealed before this migration keep their position: chain_seq = seq.
alter table audit_events add column if not exists chain_seq bigint;
update audit_events set chain_seq = seq where chain_seq is null;
alter table audit_events alter column prev_hash drop not null;
alter table audit_events alter column hash drop not null;
alter table audit_events add constraint audit_events_sealed_check
  check ((chain_seq is null and prev_hash is null and hash is null) or (chain_seq is not null and prev_hash is not null and hash is not null));
create sequence if not exists audit_events_seq_seq owned by audit_events.seq;
select setval('audit_events_seq_seq', coalesce((select max(seq) from audit_events), 0) + 1, false);
alter table audit_events alter column seq set default nextval('audit_events_seq_seq');
create unique index if not exists audit_events_chain_seq_idx on audit_events (chain_seq);
-- Two events sealed onto the same predecessor would be a fork: refused by the database.
create unique index if not exists audit_events_prev_hash_idx on audit_events (prev_hash);
create index if not exists audit_events_unsealed_idx on audit_events (seq) where chain_seq is null;
-- When the event was inserted and sealed (database clock; not hashed): the sealing delay, and
-- `verify`'s report of events left unsealed too long.
alter table audit_events add column if not exists inserted_at timestamptz not null default clock_timestamp();
alter table audit_events add column if not exists sealed_at timestamptz;
update audit_events set sealed_at = inserted_at where sealed_at is null;
