-- API keys for machine clients (a border system's passenger lists, a hotel register): created by
-- an administrator for an organisation, approved by a second one, limited to scopes, networks
-- and a lifetime. Only the SHA-256 of the secret is kept.
--
-- Each key acts through its own service account: a users row of the key's organisation that is
-- disabled from birth (it can never sign in) and sits on no desk, so the hits it makes, the
-- notifications about them and the audit chain name it like any other screener.
create table if not exists api_keys (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  prefix text not null,
  secret_hash text not null unique,
  organisation_id uuid not null references organisations(id),
  service_user_id uuid not null unique references users(id),
  scopes text[] not null check (cardinality(scopes) > 0),
  allowed_networks text[] not null check (cardinality(allowed_networks) > 0),
  expires_at timestamptz not null,
  created_by uuid not null references users(id),
  created_at timestamptz not null,
  -- Four eyes: a key works only once another administrator has approved it.
  approved_by uuid references users(id),
  approved_at timestamptz,
  revoked_by uuid references users(id),
  revoked_at timestamptz,
  revoke_reason text,
  last_used_at timestamptz,
  last_used_ip text,
  check (approved_by is null or approved_by <> created_by),
  check ((approved_by is null) = (approved_at is null)),
  check ((revoked_at is null) = (revoked_by is null))
);
create index if not exists api_keys_organisation_idx on api_keys (organisation_id, created_at desc);
