-- Attachments, hit follow-ups with their alert releases, and the persons, vehicles and documents
-- a request names (screened by the receiving desk).

-- A file is uploaded before the item that carries it exists: it waits, owned by its uploader,
-- until the item is sent (item_id set in the same transaction) and is never shown before.
create table if not exists exchange_attachments (
  id uuid primary key default gen_random_uuid(),
  item_id uuid references exchange_items(id) on delete cascade,
  uploaded_by uuid not null references users(id),
  file_name text not null,
  media_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  -- A random name under the files folder; never the user's file name.
  storage_key text not null unique,
  created_at timestamptz not null default now()
);
create index if not exists exchange_attachments_item_idx on exchange_attachments (item_id) where item_id is not null;
create index if not exists exchange_attachments_pending_idx on exchange_attachments (uploaded_by) where item_id is null;

-- The request that follows up a wanted hit (Prüm step 2): one per thread root.
create table if not exists exchange_hit_follow_ups (
  item_id uuid primary key references exchange_items(id) on delete cascade,
  hit_id uuid not null references wanted_hits(id),
  alert_id uuid not null references wanted_alerts(id),
  requester_organisation_id uuid not null references organisations(id),
  holding_desk_id uuid not null references desks(id),
  created_at timestamptz not null default now()
);
create index if not exists exchange_hit_follow_ups_hit_idx on exchange_hit_follow_ups (hit_id);

-- The holding desk's decision to release an alert to the requester's organisation.
create table if not exists exchange_alert_releases (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references exchange_items(id) on delete cascade,
  alert_id uuid not null references wanted_alerts(id),
  organisation_id uuid not null references organisations(id),
  released_by uuid not null references users(id),
  released_at timestamptz not null,
  unique (alert_id, organisation_id)
);

-- Persons, vehicles and documents named by a request, in the order given.
create table if not exists exchange_item_subjects (
  item_id uuid not null references exchange_items(id) on delete cascade,
  position integer not null,
  kind text not null check (kind in ('person', 'vehicle', 'document')),
  name text,
  date_of_birth date,
  plate text,
  vin text,
  document_number text,
  primary key (item_id, position),
  check ((kind = 'person') = (name is not null)),
  check (kind <> 'vehicle' or plate is not null or vin is not null),
  check ((kind = 'document') = (document_number is not null))
);
