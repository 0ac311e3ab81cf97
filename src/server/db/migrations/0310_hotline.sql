-- The hotline: urgent alerts to desks, delivered live, acknowledged per desk, escalated when not.

create table if not exists hotline_alerts (
  id uuid primary key default gen_random_uuid(),
  -- Random, so that a reference never counts alerts the reader cannot see.
  reference text not null unique,
  kind text not null check (kind in ('wanted_person_crossed_border', 'firearms_shipment', 'missing_child', 'imminent_threat', 'other')),
  subject text not null,
  body text not null,
  crime_area text,
  -- Set when the alert went to every desk of an area.
  area text,
  sender_desk_id uuid not null references desks(id),
  author_id uuid not null references users(id),
  classification text not null check (classification in ('PUBLIC', 'RESTRICTED', 'CONFIDENTIAL')),
  tlp text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  releasable_economies text[] not null default '{}',
  releasable_organisations uuid[] not null default '{}',
  sharing_groups uuid[] not null default '{}',
  originator_control boolean not null default false,
  owner_organisation_id uuid not null references organisations(id),
  owner_economy text not null references economies(code),
  sent_at timestamptz not null
);
create index if not exists hotline_alerts_sender_idx on hotline_alerts (sender_desk_id, sent_at desc);

-- One row per receiving desk: queued at send, delivered when a browser of the desk got it live.
create table if not exists hotline_deliveries (
  alert_id uuid not null references hotline_alerts(id) on delete cascade,
  desk_id uuid not null references desks(id),
  via text not null check (via in ('addressed', 'duty')),
  escalated_for uuid references desks(id),
  queued_at timestamptz not null,
  delivered_at timestamptz,
  seen_at timestamptz,
  seen_by uuid references users(id),
  acknowledged_at timestamptz,
  acknowledged_by uuid references users(id),
  -- How many steps of the escalation ladder have run.
  escalation_step integer not null default 0,
  primary key (alert_id, desk_id),
  check ((via = 'duty') = (escalated_for is not null))
);
create index if not exists hotline_deliveries_desk_idx on hotline_deliveries (desk_id, alert_id);
create index if not exists hotline_deliveries_open_idx on hotline_deliveries (queued_at) where acknowledged_at is null and via = 'addressed';

create table if not exists hotline_escalations (
  alert_id uuid not null references hotline_alerts(id) on delete cascade,
  desk_id uuid not null references desks(id),
  step text not null check (step in ('members', 'duty_desk', 'email')),
  outcome text not null check (outcome in ('done', 'skipped')),
  -- How many people (or addresses) the step reached.
  reached integer not null default 0,
  at timestamptz not null,
  primary key (alert_id, desk_id, step)
);

-- Each user's own event sequence: stream event ids count only that user's events, and a
-- row-locked counter makes the commit order the sequence order (a catch-up misses nothing).
create table if not exists hotline_feed_heads (
  user_id uuid primary key references users(id),
  last_seq bigint not null default 0,
  -- Part of every event id, so an id of another user's stream is recognised as foreign.
  token text not null
);

create table if not exists hotline_feed (
  user_id uuid not null references users(id),
  seq bigint not null,
  alert_id uuid not null references hotline_alerts(id) on delete cascade,
  kind text not null check (kind in ('alert', 'escalation', 'update')),
  at timestamptz not null,
  primary key (user_id, seq)
);
