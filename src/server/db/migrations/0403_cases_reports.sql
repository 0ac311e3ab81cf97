-- Cases, third step: marked risk-analysis reports written from a template, with chart snapshots
-- taken from the cases their author may read, released by a second person (docs/cases.md, "Reports").

create table if not exists case_reports (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  template text not null check (template in ('threat_assessment', 'situation_report')),
  title text not null,
  period_from date not null,
  period_to date not null,
  crime_areas text[] not null default '{}',
  economies text[] not null default '{}',
  -- The text of each section by its key; charts hold their figures, never case ids.
  sections jsonb not null default '{}',
  likelihood text,
  confidence text,
  charts jsonb not null default '[]',
  status text not null check (status in ('draft', 'awaiting_release', 'returned', 'released')),
  author_id uuid not null references users(id),
  owner_desk_id uuid not null references desks(id),
  -- Who may release it, frozen on submission from the author's economy's approval level.
  approver_scope text check (approver_scope in ('organisation', 'economy')),
  submitted_at timestamptz,
  decided_by uuid references users(id),
  decided_at timestamptz,
  decision text check (decision in ('approved', 'returned')),
  decision_note text not null default '',
  released_at timestamptz,
  classification text not null check (classification in ('PUBLIC', 'RESTRICTED', 'CONFIDENTIAL')),
  tlp text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  releasable_economies text[] not null default '{}',
  releasable_organisations uuid[] not null default '{}',
  sharing_groups uuid[] not null default '{}',
  originator_control boolean not null default false,
  owner_organisation_id uuid not null references organisations(id),
  owner_economy text not null references economies(code),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_from <= period_to)
);
create index if not exists case_reports_owner_idx on case_reports (owner_organisation_id, status, updated_at desc);
create index if not exists case_reports_released_idx on case_reports (released_at desc) where status = 'released';
