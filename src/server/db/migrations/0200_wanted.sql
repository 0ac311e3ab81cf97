-- The wanted module: alerts on wanted and missing persons and objects, their names and
-- retrieval keys, normalised identifiers, encrypted photos, hits and review reminders.

create table if not exists wanted_alerts (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  kind text not null check (kind in (
    'person_arrest', 'person_missing_adult', 'person_missing_minor', 'person_locate', 'person_check',
    'vehicle', 'firearm', 'document', 'object')),
  issuing_desk_id uuid not null references desks(id),
  created_by uuid not null references users(id),
  -- Only 'active' and 'withdrawn' are decided by people; 'expired' is set by the expiry job,
  -- and an active alert past valid_until is read as expired at query time anyway.
  status text not null default 'active' check (status in ('active', 'withdrawn', 'expired')),
  withdrawn_reason text,
  withdrawn_at timestamptz,
  valid_from timestamptz not null,
  valid_until timestamptz not null,
  review_at timestamptz,
  review_reminded_at timestamptz,
  action_to_take text not null,
  warrant_reference text,
  remarks text not null default '',
  -- Person alerts
  primary_name text,
  date_of_birth date,
  nationality text,
  -- Object alerts: the attributes as entered (identifiers normalised in wanted_identifiers)
  attributes jsonb not null default '{}',
  -- Marking (the columns visibleMarked reads)
  classification text not null check (classification in ('PUBLIC', 'RESTRICTED', 'CONFIDENTIAL')),
  tlp text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  releasable_economies text[] not null default '{}',
  releasable_organisations uuid[] not null default '{}',
  sharing_groups uuid[] not null default '{}',
  originator_control boolean not null default false,
  owner_organisation_id uuid not null references organisations(id),
  owner_economy text not null references economies(code),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (valid_until > valid_from)
);
create index if not exists wanted_alerts_kind_status_idx on wanted_alerts (kind, status);
create index if not exists wanted_alerts_desk_idx on wanted_alerts (issuing_desk_id);
create index if not exists wanted_alerts_valid_until_idx on wanted_alerts (valid_until) where status = 'active';
create index if not exists wanted_alerts_review_idx on wanted_alerts (review_at) where status = 'active';

-- Every name of a person alert (the primary name and the aliases) as entered, with its folded form.
create table if not exists wanted_names (
  id bigint generated always as identity primary key,
  alert_id uuid not null references wanted_alerts(id) on delete cascade,
  name text not null,
  folded text not null,
  is_alias boolean not null default false
);
create index if not exists wanted_names_alert_idx on wanted_names (alert_id);
create index if not exists wanted_names_folded_trgm_idx on wanted_names using gin (folded gin_trgm_ops);

-- The name engine's coarse, script-independent retrieval keys (a variant shares at least one):
-- single keys (n:, g:) and pair keys (p:, two words of a name together). Screening reads them
-- index-only from (key, alert_id), a bounded number per key.
create table if not exists wanted_name_keys (
  alert_id uuid not null references wanted_alerts(id) on delete cascade,
  key text not null
);
create index if not exists wanted_name_keys_key_idx on wanted_name_keys (key, alert_id);
create index if not exists wanted_name_keys_alert_idx on wanted_name_keys (alert_id);

-- Object identifiers (and a person's document numbers), normalised by the engine.
create table if not exists wanted_identifiers (
  alert_id uuid not null references wanted_alerts(id) on delete cascade,
  kind text not null check (kind in ('vin', 'plate', 'serial', 'document', 'other')),
  value text not null,
  normalized text not null
);
create index if not exists wanted_identifiers_lookup_idx on wanted_identifiers (kind, normalized);
create index if not exists wanted_identifiers_alert_idx on wanted_identifiers (alert_id);

-- Photos: the bytes are encrypted on disk under the files folder; this row says where.
create table if not exists wanted_photos (
  id uuid primary key default gen_random_uuid(),
  alert_id uuid not null references wanted_alerts(id) on delete cascade,
  content_type text not null check (content_type in ('image/jpeg', 'image/png')),
  byte_size integer not null,
  sha256 text not null,
  storage_name text not null unique,
  uploaded_by uuid not null references users(id),
  created_at timestamptz not null default now()
);
create index if not exists wanted_photos_alert_idx on wanted_photos (alert_id);

-- A screening that matched an alert: who, when, what was screened, which alert, how well.
create table if not exists wanted_hits (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  alert_id uuid not null references wanted_alerts(id),
  issuing_desk_id uuid not null references desks(id),
  screened_by uuid not null references users(id),
  screener_economy text not null,
  screener_organisation_id uuid not null references organisations(id),
  query jsonb not null,
  score real not null,
  decision text not null check (decision in ('match', 'possible')),
  -- Whether the screener could read the alert in full when the hit was made.
  screener_could_read boolean not null,
  status text not null default 'pending' check (status in ('pending', 'confirmed', 'rejected')),
  decision_note text,
  decided_by uuid references users(id),
  decided_at timestamptz,
  created_at timestamptz not null default now()
);
create index if not exists wanted_hits_desk_idx on wanted_hits (issuing_desk_id, created_at desc);
create index if not exists wanted_hits_screener_idx on wanted_hits (screened_by, created_at desc);
create index if not exists wanted_hits_alert_idx on wanted_hits (alert_id, created_at desc);
