-- Cases, second step: where a timeline event took place (the economy, for routes), case
-- documents (sealed files with their own marking), the exchange request a follow-up opened,
-- and unlinking entities from a case.

alter table case_events add column if not exists economy text references economies(code);
create index if not exists case_events_route_idx on case_events (case_id, occurred_on, created_at) where economy is not null;

-- A linked document of a case: the bytes are sealed on disk (AES-256-GCM) under a random key;
-- its marking is never wider than the case's.
create table if not exists case_documents (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references case_records(id),
  file_name text not null,
  media_type text not null,
  size_bytes integer not null,
  sha256 text not null,
  storage_key text not null,
  uploaded_by uuid not null references users(id),
  classification text not null check (classification in ('PUBLIC', 'RESTRICTED', 'CONFIDENTIAL')),
  tlp text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  releasable_economies text[] not null default '{}',
  releasable_organisations uuid[] not null default '{}',
  sharing_groups uuid[] not null default '{}',
  originator_control boolean not null default false,
  owner_organisation_id uuid not null references organisations(id),
  owner_economy text not null references economies(code),
  created_at timestamptz not null default now(),
  deleted_at timestamptz,
  deleted_by uuid references users(id)
);
create index if not exists case_documents_case_idx on case_documents (case_id) where deleted_at is null;

-- The exchange request a follow-up opened to the holding economy's contact point.
alter table case_follow_ups add column if not exists exchange_item_id uuid;

-- An unlinked entity stays (other cases may hold it); the link row is kept, marked removed, for the audit.
alter table case_links add column if not exists removed_at timestamptz;
alter table case_links add column if not exists removed_by uuid references users(id);
alter table case_links drop constraint if exists case_links_case_id_entity_id_key;
create unique index if not exists case_links_live_idx on case_links (case_id, entity_id) where removed_at is null;
