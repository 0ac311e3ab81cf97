-- The cases module: joint operational case records, typed entities (one record per
-- organisation, shared by its cases), links of entities to cases with their own marking,
-- relationships, correlations between entities, joint investigation teams, follow-up
-- requests on hits and release decisions.

create table if not exists case_records (
  id uuid primary key default gen_random_uuid(),
  -- Random, so that a reference never counts cases the reader cannot see.
  reference text not null unique,
  title text not null,
  summary text not null default '',
  crime_area text not null,
  status text not null check (status in ('open', 'dormant', 'closed')),
  opened_on date not null,
  status_changed_at timestamptz not null default now(),
  closed_on date,
  owner_desk_id uuid not null references desks(id),
  created_by uuid not null references users(id),
  classification text not null check (classification in ('PUBLIC', 'RESTRICTED', 'CONFIDENTIAL')),
  tlp text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  releasable_economies text[] not null default '{}',
  releasable_organisations uuid[] not null default '{}',
  sharing_groups uuid[] not null default '{}',
  originator_control boolean not null default false,
  owner_organisation_id uuid not null references organisations(id),
  owner_economy text not null references economies(code),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists case_records_owner_idx on case_records (owner_organisation_id, opened_on desc);
create index if not exists case_records_opened_idx on case_records (opened_on);

create table if not exists case_events (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references case_records(id),
  occurred_on date not null,
  place text not null default '',
  description text not null,
  created_by uuid not null references users(id),
  created_at timestamptz not null default now()
);
create index if not exists case_events_case_idx on case_events (case_id, occurred_on);

-- One entity per organisation and identity: two cases of an organisation share it.
create table if not exists case_entities (
  id uuid primary key default gen_random_uuid(),
  owner_organisation_id uuid not null references organisations(id),
  kind text not null,
  label text not null,
  attributes jsonb not null default '{}',
  -- The organisation's own identity of the entity (normalised), for reuse across its cases.
  identity_key text not null,
  date_of_birth date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (owner_organisation_id, kind, identity_key)
);

-- Normalised identifiers and name retrieval keys of each entity: correlation looks here.
create table if not exists case_entity_keys (
  entity_id uuid not null references case_entities(id),
  key text not null,
  primary key (key, entity_id)
);
create index if not exists case_entity_keys_entity_idx on case_entity_keys (entity_id);

create table if not exists case_links (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references case_records(id),
  entity_id uuid not null references case_entities(id),
  role text not null default '',
  added_by uuid not null references users(id),
  classification text not null check (classification in ('PUBLIC', 'RESTRICTED', 'CONFIDENTIAL')),
  tlp text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  releasable_economies text[] not null default '{}',
  releasable_organisations uuid[] not null default '{}',
  sharing_groups uuid[] not null default '{}',
  originator_control boolean not null default false,
  owner_organisation_id uuid not null references organisations(id),
  owner_economy text not null references economies(code),
  created_at timestamptz not null default now(),
  unique (case_id, entity_id)
);
create index if not exists case_links_entity_idx on case_links (entity_id);

create table if not exists case_relationships (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references case_records(id),
  from_entity_id uuid not null references case_entities(id),
  to_entity_id uuid not null references case_entities(id),
  kind text not null check (kind in ('member_of', 'owns', 'uses', 'called', 'travelled_with', 'paid', 'located_at')),
  valid_from date,
  valid_to date,
  source text not null default '',
  created_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  check (from_entity_id <> to_entity_id)
);
create index if not exists case_relationships_case_idx on case_relationships (case_id);

-- Entity to entity, stored once per pair (entity_a < entity_b): grows with entities, not with their square.
create table if not exists case_correlations (
  id uuid primary key default gen_random_uuid(),
  entity_a uuid not null references case_entities(id),
  entity_b uuid not null references case_entities(id),
  basis text not null,
  created_at timestamptz not null default now(),
  check (entity_a < entity_b),
  unique (entity_a, entity_b)
);
create index if not exists case_correlations_b_idx on case_correlations (entity_b);

-- Values that matched too many cases (the over-correlation cap), and those an administrator excluded.
create table if not exists case_flagged_values (
  key text primary key,
  case_count integer not null,
  flagged_at timestamptz not null default now(),
  excluded_at timestamptz,
  excluded_by uuid references users(id)
);

create table if not exists case_team_members (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references case_records(id),
  organisation_id uuid not null references organisations(id),
  role text not null check (role in ('lead', 'member', 'observer')),
  starts_on date not null,
  ends_on date,
  left_at timestamptz,
  added_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  check (ends_on is null or ends_on >= starts_on)
);
create unique index if not exists case_team_active_idx on case_team_members (case_id, organisation_id) where left_at is null;
create index if not exists case_team_org_idx on case_team_members (organisation_id) where left_at is null;

create table if not exists case_follow_ups (
  id uuid primary key default gen_random_uuid(),
  correlation_id uuid not null references case_correlations(id),
  holding_link_id uuid not null references case_links(id),
  holding_desk_id uuid not null references desks(id),
  requester_user_id uuid not null references users(id),
  requester_organisation_id uuid not null references organisations(id),
  state text not null check (state in ('open', 'released', 'declined')),
  decided_by uuid references users(id),
  decided_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index if not exists case_follow_ups_open_idx on case_follow_ups (holding_link_id, requester_organisation_id) where state = 'open';

-- A holding desk's decision: this link's entity may be read by that organisation.
create table if not exists case_releases (
  link_id uuid not null references case_links(id),
  organisation_id uuid not null references organisations(id),
  follow_up_id uuid references case_follow_ups(id),
  decided_by uuid not null references users(id),
  decided_at timestamptz not null default now(),
  primary key (link_id, organisation_id)
);
