-- Four eyes for access changes: a change that widens who reads marked records waits here
-- until a second administrator approves or rejects it (docs/access-model.md).
create table if not exists access_changes (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('user', 'desk_member', 'sharing_group', 'organisation')),
  record_type text not null,
  record_id uuid not null,
  -- The user a desk seat is for; null for the other kinds.
  member_user_id uuid references users(id) on delete cascade,
  -- { field: { from, to } }: applied only while every field still holds its `from` value.
  changes jsonb not null,
  -- Every economy the change touches: a national administrator decides only within theirs.
  economies text[] not null,
  -- Whose access widens: none of them may approve.
  beneficiary_user_ids uuid[] not null default '{}',
  beneficiary_organisation_ids uuid[] not null default '{}',
  beneficiary_economies text[] not null default '{}',
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  proposed_by uuid not null references users(id),
  proposed_at timestamptz not null,
  decided_by uuid references users(id),
  decided_at timestamptz,
  reason text,
  check (status = 'pending' or (decided_by is not null and decided_at is not null)),
  check (decided_by is null or decided_by <> proposed_by or status = 'rejected')
);
-- One waiting change per record (and per desk seat), so approvals never race each other.
create unique index if not exists access_changes_one_pending_idx
  on access_changes (record_type, record_id, coalesce(member_user_id, '00000000-0000-0000-0000-000000000000'::uuid))
  where status = 'pending';
create index if not exists access_changes_status_idx on access_changes (status, proposed_at desc);

-- Sign-in lockout per (account, source address): a stranger failing someone's password from
-- their own address locks only that address out of that account (docs/access-model.md).
create table if not exists sign_in_throttles (
  user_id uuid not null references users(id) on delete cascade,
  source text not null,
  failures integer not null default 0,
  locked_until timestamptz,
  last_failure_at timestamptz not null,
  primary key (user_id, source)
);
