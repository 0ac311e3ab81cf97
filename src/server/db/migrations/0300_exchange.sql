-- The exchange module: marked messages and requests between contact-point desks, their
-- recipients, state changes with statutory deadlines, release approval, retraction and reads.

create table if not exists exchange_items (
  id uuid primary key default gen_random_uuid(),
  -- Random, so that a reference never counts items the reader cannot see.
  reference text not null unique,
  thread_id uuid not null,
  parent_id uuid references exchange_items(id),
  relation text not null check (relation in ('new', 'reply', 'forward', 'retraction')),
  kind text not null check (kind in (
    'information', 'information_request', 'police_cooperation_request', 'mutual_legal_assistance_request',
    'joint_investigation_team', 'hit_follow_up', 'notification', 'retraction')),
  cooperation_kind text check (cooperation_kind in ('hot_pursuit', 'cross_border_surveillance', 'controlled_delivery', 'other')),
  accessibility text check (accessibility in ('direct', 'indirect')),
  hit_reference text,
  sender_desk_id uuid not null references desks(id),
  author_id uuid not null references users(id),
  subject text not null,
  body_html text not null,
  forward_note text,
  -- The subject and the plain body folded to one Latin-ASCII space (the portal's fold).
  search_folded text not null default '',
  crime_area text,
  urgency text not null check (urgency in ('urgent', 'normal')),
  handling_code text not null check (handling_code in ('H0', 'H1', 'H2', 'H3')),
  handling_text text,
  evaluation_source text not null check (evaluation_source in ('A', 'B', 'C', 'X')),
  evaluation_accuracy integer not null check (evaluation_accuracy between 1 and 4),
  -- Marking (the columns visibleMarked reads)
  classification text not null check (classification in ('PUBLIC', 'RESTRICTED', 'CONFIDENTIAL')),
  tlp text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  releasable_economies text[] not null default '{}',
  releasable_organisations uuid[] not null default '{}',
  sharing_groups uuid[] not null default '{}',
  originator_control boolean not null default false,
  owner_organisation_id uuid not null references organisations(id),
  owner_economy text not null references economies(code),
  -- Release: items that need a second person's approval wait until it is given.
  release text not null check (release in ('released', 'awaiting_approval', 'returned')),
  approved_by uuid references users(id),
  sent_at timestamptz,
  -- Requests only: state and deadline. The clock runs from delivery to the receiving desk.
  state text check (state in ('sent', 'received', 'accepted', 'clarification_requested', 'answered', 'partly_answered', 'refused', 'withdrawn')),
  due_at timestamptz,
  paused_at timestamptz,
  accepted_at timestamptz,
  -- The receiving desk was reminded of the deadline (cleared when the clock resumes).
  reminded_at timestamptz,
  refusal_ground text,
  retracted_at timestamptz,
  retraction_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (handling_code <> 'H3' or handling_text is not null),
  check ((state is null) = (kind not in ('information_request', 'police_cooperation_request', 'mutual_legal_assistance_request', 'hit_follow_up')))
);
create index if not exists exchange_items_thread_idx on exchange_items (thread_id, created_at);
create index if not exists exchange_items_sender_idx on exchange_items (sender_desk_id, created_at desc);
create index if not exists exchange_items_due_idx on exchange_items (due_at) where state in ('sent', 'received', 'accepted', 'partly_answered');
create index if not exists exchange_items_search_trgm_idx on exchange_items using gin (search_folded gin_trgm_ops);

create table if not exists exchange_recipients (
  item_id uuid not null references exchange_items(id) on delete cascade,
  desk_id uuid not null references desks(id),
  primary key (item_id, desk_id)
);
create index if not exists exchange_recipients_desk_idx on exchange_recipients (desk_id, item_id);

-- State changes, approvals, returns and acknowledgements, in order.
create table if not exists exchange_events (
  id uuid primary key default gen_random_uuid(),
  -- The order events happened in, also when they share a timestamp.
  seq bigint generated always as identity unique,
  item_id uuid not null references exchange_items(id) on delete cascade,
  kind text not null check (kind in ('transition', 'approval', 'return', 'acknowledgement')),
  transition text,
  from_state text,
  to_state text,
  ground text,
  note text not null default '',
  desk_id uuid references desks(id),
  actor_id uuid not null references users(id),
  at timestamptz not null default now()
);
create index if not exists exchange_events_item_idx on exchange_events (item_id, seq);
create unique index if not exists exchange_events_ack_idx on exchange_events (item_id, desk_id) where kind = 'acknowledgement';

-- Who read each item (the audit chain has every read; this answers "unread" and "who read it").
create table if not exists exchange_reads (
  item_id uuid not null references exchange_items(id) on delete cascade,
  user_id uuid not null references users(id),
  desk_id uuid references desks(id),
  first_read_at timestamptz not null,
  last_read_at timestamptz not null,
  reads integer not null default 1,
  primary key (item_id, user_id)
);
