-- Identity: the second factor's moving parts that do not belong on the user row.
-- A pending secret waits here (encrypted) until the user confirms it with a code; the last
-- accepted TOTP time-step makes a code single-use.
create table if not exists second_factor_state (
  user_id uuid primary key references users(id) on delete cascade,
  pending_secret_encrypted text,
  pending_created_at timestamptz,
  last_used_step bigint
);
