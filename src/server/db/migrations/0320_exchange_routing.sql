-- Routing through the economy's own contact point, release approval levels per economy, and
-- what the contact-point directory shows (a desk's duty phone, the languages of its members).

create table if not exists exchange_economy_settings (
  economy_code text primary key references economies(code),
  -- The national contact-point desk that routed items pass; null: the economy's police cooperation desk.
  contact_desk_id uuid references desks(id),
  -- The lowest classification / TLP that needs a second person's release; null: none does.
  approval_classification text check (approval_classification in ('RESTRICTED', 'CONFIDENTIAL')),
  approval_tlp text check (approval_tlp in ('AMBER', 'AMBER+STRICT', 'RED')),
  -- Who may approve: a contact point of the author's organisation, or of the author's economy.
  approver_scope text not null default 'organisation' check (approver_scope in ('organisation', 'economy')),
  updated_by uuid references users(id),
  updated_at timestamptz not null default now()
);

-- Per crime area (a portal topic slug, '*' for every area without a rule of its own).
create table if not exists exchange_routing_rules (
  economy_code text not null references economies(code),
  crime_area text not null,
  mode text not null check (mode in ('via_contact_point', 'direct')),
  updated_by uuid references users(id),
  updated_at timestamptz not null default now(),
  primary key (economy_code, crime_area)
);

alter table exchange_items drop constraint if exists exchange_items_release_check;
alter table exchange_items add constraint exchange_items_release_check check (release in ('released', 'awaiting_approval', 'awaiting_routing', 'returned'));
-- The contact-point desk the item passes (null: it went direct), and its decision.
alter table exchange_items add column if not exists via_desk_id uuid references desks(id);
alter table exchange_items add column if not exists route_state text check (route_state in ('pending', 'forwarded', 'returned'));
alter table exchange_items add column if not exists route_note text;
alter table exchange_items add column if not exists routed_by uuid references users(id);
alter table exchange_items add column if not exists routed_at timestamptz;
-- Frozen at sending: who may approve the release (the economy's setting at that time).
alter table exchange_items add column if not exists approver_scope text not null default 'organisation' check (approver_scope in ('organisation', 'economy'));
create index if not exists exchange_items_via_idx on exchange_items (via_desk_id) where via_desk_id is not null;

alter table desks add column if not exists duty_phone text;
-- BCP 47 tags of the languages a user works in (sr-Latn, sq, mk, en, …).
alter table users add column if not exists languages text[] not null default '{}';
