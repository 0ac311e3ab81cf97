-- Wanted screening: references that reveal nothing, grouped repeat hits, hit reports, the
-- screening purpose, and the flags raised on a screener probing one alert.

-- Alert references were numbered per economy and year (W-RS-2026-00013): the gaps counted the
-- alerts another economy may not read. Every such reference becomes a random one.
update wanted_alerts
set reference = 'W-' || owner_economy || '-' || upper(substr(md5(id::text || random()::text || clock_timestamp()::text), 1, 10))
where reference ~ '^W-[A-Z]{2}-[0-9]{4}-[0-9]+$';

-- A repeat of the same screening (same screener, subject and alert) within the grouping
-- window adds to one hit: how many times, and when.
alter table wanted_hits add column if not exists subject_key text not null default '';
alter table wanted_hits add column if not exists purpose text not null default '';
alter table wanted_hits add column if not exists screen_count integer not null default 1;
alter table wanted_hits add column if not exists screened_times timestamptz[] not null default '{}';
alter table wanted_hits add column if not exists last_screened_at timestamptz;
update wanted_hits set last_screened_at = created_at, screened_times = array[created_at] where last_screened_at is null;
create index if not exists wanted_hits_repeat_idx on wanted_hits (screened_by, alert_id, last_screened_at desc);

-- The follow-up of a hit: the screener's hit report and the holding desk's decision, in order.
-- One thread per hit (the exchange module may carry it later).
create table if not exists wanted_hit_messages (
  id uuid primary key default gen_random_uuid(),
  -- The order of the thread, also when two entries share a timestamp.
  seq bigint generated always as identity,
  hit_id uuid not null references wanted_hits(id) on delete cascade,
  author_id uuid not null references users(id),
  kind text not null check (kind in ('report', 'decision')),
  content jsonb not null,
  created_at timestamptz not null default now()
);
create index if not exists wanted_hit_messages_hit_idx on wanted_hit_messages (hit_id, seq);

-- A screener who screened one alert with many different details in a short time: the holding
-- desk was told once, and further varied screenings are refused until the window has passed.
create table if not exists wanted_probe_flags (
  id uuid primary key default gen_random_uuid(),
  alert_id uuid not null references wanted_alerts(id) on delete cascade,
  screened_by uuid not null references users(id),
  variants integer not null,
  flagged_at timestamptz not null
);
create index if not exists wanted_probe_flags_lookup_idx on wanted_probe_flags (screened_by, alert_id, flagged_at desc);
