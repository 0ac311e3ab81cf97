-- Cases, the risk dashboard (decision 0038). A case's route (the economies of its timeline
-- events in date order, a repeated stop once, at least two stops) is kept on the case, written
-- with each event, instead of being rebuilt from every event on every dashboard read. A
-- reader's visible cases are those their organisation owns or is on the team of, so the
-- dashboard reaches its own cases by the owning organisation and the opening day, with
-- everything the policy and the counts read in the index (an index-only scan), and its team
-- cases by their ids, instead of aggregating every case and filtering each by the policy.
alter table case_records add column if not exists route text;

update case_records c set route = (
  select case when count(*) >= 2 then string_agg(s.economy, '>' order by s.occurred_on, s.created_at) end
  from (
    select e.economy, e.occurred_on, e.created_at, lag(e.economy) over (order by e.occurred_on, e.created_at) as before
    from case_events e where e.case_id = c.id and e.economy is not null
  ) s where s.before is distinct from s.economy
) where exists (select 1 from case_events e where e.case_id = c.id and e.economy is not null);

create index if not exists case_records_reader_idx on case_records (owner_organisation_id, opened_on)
  include (id, crime_area, owner_economy, owner_desk_id, classification, tlp, releasable_economies, releasable_organisations, sharing_groups, route);
