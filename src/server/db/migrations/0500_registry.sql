-- The coordination registry (design §3): activities of donors and agencies, IATI 2.03 core fields.
create table registry_activities (
  id uuid primary key default gen_random_uuid(),
  identifier text not null unique,
  owner_organisation_id uuid not null references organisations(id),
  owner_economy text not null,
  author_id uuid not null references users(id),
  is_public boolean not null,
  classification text not null default 'PUBLIC',
  tlp text not null default 'CLEAR',
  releasable_economies text[] not null default '{}',
  releasable_organisations uuid[] not null default '{}',
  sharing_groups uuid[] not null default '{}',
  originator_control boolean not null default false,
  status text not null,
  planned_start date not null,
  planned_end date not null,
  recipient_economies text[] not null,
  topics text[] not null default '{}',
  sectors text[] not null default '{}',
  target_groups text[] not null default '{}',
  -- Folded names of the implementing organisations, and of the funders (for the 3W views).
  implementers text[] not null default '{}',
  funders text[] not null default '{}',
  title text not null,
  reporting_org text not null,
  -- Folded, cross-language concept words of titles and descriptions (the overlap check's text signal).
  words text[] not null default '{}',
  search_folded text not null default '',
  budget_eur double precision not null default 0,
  -- The IATI fields as entered (titles, descriptions, organisations, budgets, transactions, results, …).
  body jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (planned_end >= planned_start)
);
create index registry_activities_economies on registry_activities using gin (recipient_economies);
create index registry_activities_words on registry_activities using gin (words);
create index registry_activities_topics on registry_activities using gin (topics);
create index registry_activities_public on registry_activities (is_public, planned_start);

-- Annual average rates the secretariat maintains: units of the currency per euro.
create table registry_rates (
  currency text not null,
  year integer not null,
  rate double precision not null check (rate > 0),
  source text not null,
  updated_at timestamptz not null default now(),
  primary key (currency, year)
);

-- What the author was shown before saving, and acknowledged.
create table registry_acknowledgements (
  id uuid primary key default gen_random_uuid(),
  activity_id uuid not null references registry_activities(id) on delete cascade,
  user_id uuid not null references users(id),
  shown jsonb not null,
  at timestamptz not null default now()
);
create index registry_acknowledgements_activity on registry_acknowledgements (activity_id, at);

-- Pairs above the warning threshold, kept current on every save, for the coordination board.
create table registry_overlap_pairs (
  a_id uuid not null references registry_activities(id) on delete cascade,
  b_id uuid not null references registry_activities(id) on delete cascade,
  score double precision not null,
  reasons jsonb not null,
  primary key (a_id, b_id),
  check (a_id < b_id)
);
create index registry_overlap_pairs_b on registry_overlap_pairs (b_id);
create index registry_overlap_pairs_score on registry_overlap_pairs (score desc);

-- ECB euro foreign exchange reference rates, annual averages (units per EUR).
insert into registry_rates (currency, year, rate, source) values
  ('USD', 2022, 1.0530, 'ECB euro foreign exchange reference rates, annual average 2022'),
  ('USD', 2023, 1.0813, 'ECB euro foreign exchange reference rates, annual average 2023'),
  ('USD', 2024, 1.0824, 'ECB euro foreign exchange reference rates, annual average 2024'),
  ('GBP', 2022, 0.85276, 'ECB euro foreign exchange reference rates, annual average 2022'),
  ('GBP', 2023, 0.86979, 'ECB euro foreign exchange reference rates, annual average 2023'),
  ('GBP', 2024, 0.84662, 'ECB euro foreign exchange reference rates, annual average 2024'),
  ('CHF', 2022, 1.0047, 'ECB euro foreign exchange reference rates, annual average 2022'),
  ('CHF', 2023, 0.97180, 'ECB euro foreign exchange reference rates, annual average 2023'),
  ('CHF', 2024, 0.95262, 'ECB euro foreign exchange reference rates, annual average 2024'),
  ('NOK', 2022, 10.1026, 'ECB euro foreign exchange reference rates, annual average 2022'),
  ('NOK', 2023, 11.4248, 'ECB euro foreign exchange reference rates, annual average 2023'),
  ('NOK', 2024, 11.6290, 'ECB euro foreign exchange reference rates, annual average 2024'),
  ('SEK', 2022, 10.6296, 'ECB euro foreign exchange reference rates, annual average 2022'),
  ('SEK', 2023, 11.4788, 'ECB euro foreign exchange reference rates, annual average 2023'),
  ('SEK', 2024, 11.4325, 'ECB euro foreign exchange reference rates, annual average 2024'),
  ('JPY', 2022, 138.03, 'ECB euro foreign exchange reference rates, annual average 2022'),
  ('JPY', 2023, 151.99, 'ECB euro foreign exchange reference rates, annual average 2023'),
  ('JPY', 2024, 163.85, 'ECB euro foreign exchange reference rates, annual average 2024')
on conflict do nothing;
