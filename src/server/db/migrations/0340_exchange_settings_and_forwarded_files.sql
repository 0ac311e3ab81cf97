-- Issue 11: four eyes on settings that widen who reads; files carried on by forwards.
-- A change of an economy's routing rules, contact-point desk or release approval level that lets
-- more people read marked items waits here for a second person (one waiting change per economy).
create table if not exists exchange_settings_proposals (
  economy_code text primary key references economies(code),
  -- The whole proposed settings (EconomySettingsInput) and the parts of it that widen.
  proposal jsonb not null,
  widens text[] not null,
  proposed_by uuid not null references users(id),
  proposed_at timestamptz not null,
  -- The settings' last change when proposed: approval applies only while they are unchanged.
  base_updated_at timestamptz
);

-- A forward carries its parent's files: its rows point at the same sealed file (files are never
-- deleted), so a stored file may now back several rows.
alter table exchange_attachments drop constraint if exists exchange_attachments_storage_key_key;
create index if not exists exchange_attachments_storage_idx on exchange_attachments (storage_key);

-- The contact-point desk holding a routed item may ask its sender a question before it decides.
alter table exchange_items drop constraint if exists exchange_items_route_state_check;
alter table exchange_items add constraint exchange_items_route_state_check check (route_state in ('pending', 'clarification_requested', 'forwarded', 'returned'));
alter table exchange_events drop constraint if exists exchange_events_kind_check;
alter table exchange_events add constraint exchange_events_kind_check check (kind in ('transition', 'approval', 'return', 'acknowledgement', 'route_question', 'route_answer'));
