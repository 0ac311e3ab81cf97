-- Alerts as officers need them: the coded action on a hit (SIS/SIRENE style) with a free-text
-- addition, the person's description, the misused-identity flag, links between alerts and the
-- history of every change.

alter table wanted_alerts
  add column if not exists action_code text check (action_code in (
    'arrest_surrender_extradition', 'arrest_surrender_eaw', 'locate_report_residence', 'establish_whereabouts',
    'discreet_check', 'specific_check', 'inquiry_check', 'protect_place_in_safety', 'prevent_travel',
    'seize_object', 'seize_evidence', 'report_to_desk')),
  add column if not exists sex text,
  add column if not exists physical_description text,
  add column if not exists languages text[] not null default '{}',
  add column if not exists identity_misused boolean not null default false;

-- Existing alerts get the code of their kind; their free text stays as the addition, except the
-- demo seed's stock sentences, which the code now says.
update wanted_alerts set action_code = case kind
    when 'person_arrest' then 'arrest_surrender_extradition'
    when 'person_missing_minor' then 'protect_place_in_safety'
    when 'person_missing_adult' then 'establish_whereabouts'
    when 'person_locate' then 'locate_report_residence'
    when 'person_check' then 'discreet_check'
    else 'seize_object' end
  where action_code is null;
update wanted_alerts set action_code = 'report_to_desk'
  where kind = 'document' and action_to_take = 'Retain the document and inform the issuing desk.';
update wanted_alerts set action_to_take = '' where action_to_take in (
  'Arrest and hold the person; inform the issuing desk at once.',
  'Do not detain. Record where and with whom the person was seen and inform the issuing desk.',
  'Keep the person safe, ask whether they agree that their whereabouts are shared, inform the issuing desk.',
  'Discreet check: note travel route, vehicle and companions; do not alert the person.',
  'Seize the object, secure evidence and inform the issuing desk.');
alter table wanted_alerts alter column action_code set not null;
alter table wanted_alerts add constraint wanted_alerts_sex_known_check check (sex is null or sex in ('female', 'male'));
alter table wanted_alerts alter column action_to_take set default '';

-- Every change of an alert: who, when, which fields, before and after. Readable only by those
-- who may read the alert (the audit chain holds the field names only).
create table if not exists wanted_alert_changes (
  id bigint generated always as identity primary key,
  alert_id uuid not null references wanted_alerts(id) on delete cascade,
  changed_by uuid not null references users(id),
  changed_at timestamptz not null default now(),
  action text not null check (action in ('create', 'update', 'extend', 'withdraw', 'photo', 'link', 'unlink')),
  -- [{ field, before, after }]
  changes jsonb not null default '[]'
);
create index if not exists wanted_alert_changes_alert_idx on wanted_alert_changes (alert_id, id);

-- Links between alerts (associates, vehicles used…). A link is shown from both ends, and only
-- to a viewer who may read both alerts.
create table if not exists wanted_alert_links (
  id uuid primary key default gen_random_uuid(),
  alert_id uuid not null references wanted_alerts(id) on delete cascade,
  linked_alert_id uuid not null references wanted_alerts(id) on delete cascade,
  relation text not null check (relation in ('associate', 'vehicle_used', 'object_used', 'same_case')),
  created_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  check (alert_id <> linked_alert_id),
  unique (alert_id, linked_alert_id)
);
create index if not exists wanted_alert_links_linked_idx on wanted_alert_links (linked_alert_id);
