-- Core of Mosaic: economies, organisations, users, contact-point desks, sessions, audit chain.
create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists fuzzystrmatch;

create table if not exists economies (
  code text primary key,
  name text not null,
  kind text not null check (kind in ('economy', 'regional', 'international')),
  sort_order integer not null default 0
);

create table if not exists organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  acronym text,
  kind text not null,
  economy_code text not null references economies(code),
  website text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (economy_code, name)
);

create table if not exists users (
  id uuid primary key default gen_random_uuid(),
  email text not null unique,
  display_name text not null,
  organisation_id uuid not null references organisations(id),
  roles text[] not null,
  clearance text not null default 'RESTRICTED' check (clearance in ('PUBLIC', 'RESTRICTED', 'CONFIDENTIAL')),
  password_hash text not null,
  password_changed_at timestamptz not null default now(),
  totp_secret_encrypted text,
  totp_enrolled_at timestamptz,
  recovery_code_hashes text[] not null default '{}',
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists users_organisation_idx on users (organisation_id);

create table if not exists desks (
  id uuid primary key default gen_random_uuid(),
  economy_code text not null references economies(code),
  area text not null,
  name text not null,
  email text,
  created_at timestamptz not null default now(),
  unique (economy_code, area)
);

create table if not exists desk_members (
  desk_id uuid not null references desks(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  primary key (desk_id, user_id)
);

create table if not exists sharing_groups (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  description text,
  economy_codes text[] not null default '{}',
  organisation_ids uuid[] not null default '{}',
  created_at timestamptz not null default now()
);

create table if not exists sessions (
  token_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  stage text not null check (stage in ('second_factor', 'enrolment', 'full')),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index if not exists sessions_user_idx on sessions (user_id);

-- The audit chain: append-only, each event carries the hash of the one before it.
create table if not exists audit_events (
  seq bigint primary key,
  id uuid not null unique default gen_random_uuid(),
  occurred_at timestamptz not null,
  actor_user_id uuid,
  actor_label text not null,
  actor_economy text,
  action text not null,
  record_type text,
  record_id text,
  outcome text not null check (outcome in ('success', 'denied', 'failure')),
  ip text,
  details jsonb not null default '{}',
  prev_hash text not null,
  hash text not null
);
create index if not exists audit_events_actor_idx on audit_events (actor_user_id, seq);
create index if not exists audit_events_record_idx on audit_events (record_type, record_id, seq);
create index if not exists audit_events_time_idx on audit_events (occurred_at);

-- Notifications that a desk or a user sees on their next page (hits, reminders, alerts).
create table if not exists notifications (
  id uuid primary key default gen_random_uuid(),
  desk_id uuid references desks(id) on delete cascade,
  user_id uuid references users(id) on delete cascade,
  kind text not null,
  title text not null,
  body text not null default '',
  link text,
  record_type text,
  record_id text,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  check (desk_id is not null or user_id is not null)
);
create index if not exists notifications_desk_idx on notifications (desk_id, created_at desc);
create index if not exists notifications_user_idx on notifications (user_id, created_at desc);
