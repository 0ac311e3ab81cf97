-- The inbox counters of decision 0037 without a pass over the desk's items.
--  * Unread: the desk's visible entries (exchange_inbox_counts) minus the entries this user has read,
--    kept per (desk, user, marking) in exchange_inbox_read_counts, summed with the same marking rule.
--  * Due soon / overdue depend on the clock, so they are not kept as numbers: exchange_inbox_deadlines
--    holds one row per (desk, request) while the request's clock runs (an open state, a deadline, not
--    retracted), for the desks whose inbox holds it and its sending desk. Counting is then a range scan
--    of (desk, deadline) up to a day ahead: the open requests only, never the desk's whole history.
-- Triggers keep both in step with the items, the inbox entries and the reads.

create table if not exists exchange_inbox_read_counts (
  desk_id uuid not null,
  user_id uuid not null,
  classification text not null,
  tlp text not null,
  releasable_economies text[] not null,
  releasable_organisations uuid[] not null,
  sharing_groups uuid[] not null,
  owner_organisation_id uuid not null,
  items integer not null,
  primary key (desk_id, user_id, classification, tlp, releasable_economies, releasable_organisations, sharing_groups, owner_organisation_id)
);

-- Adds (sign 1) or takes away (sign -1) read (entry, user) pairs, given as rows of the entry's desk and marking.
create or replace function exchange_inbox_reads_bump(pairs jsonb, sign integer) returns void language plpgsql as $$
begin
  insert into exchange_inbox_read_counts as c
    select p.desk_id, p.user_id, p.classification, p.tlp, p.releasable_economies, p.releasable_organisations, p.sharing_groups, p.owner_organisation_id, sign * count(*)
    from jsonb_populate_recordset(null::exchange_inbox_read_counts, pairs) p
    group by 1, 2, 3, 4, 5, 6, 7, 8 order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (desk_id, user_id, classification, tlp, releasable_economies, releasable_organisations, sharing_groups, owner_organisation_id)
    do update set items = c.items + excluded.items;
  if sign < 0 then
    delete from exchange_inbox_read_counts c using (select distinct p.desk_id, p.user_id from jsonb_populate_recordset(null::exchange_inbox_read_counts, pairs) p) k
      where c.desk_id = k.desk_id and c.user_id = k.user_id and c.items <= 0;
  end if;
end;
$$;

create or replace function exchange_inbox_entries_read() returns trigger language plpgsql as $$
declare
  pairs jsonb;
begin
  if tg_op = 'INSERT' then
    select jsonb_agg(to_jsonb(e) || jsonb_build_object('user_id', r.user_id)) into pairs from added e join exchange_reads r on r.item_id = e.item_id;
  else
    select jsonb_agg(to_jsonb(e) || jsonb_build_object('user_id', r.user_id)) into pairs from removed e join exchange_reads r on r.item_id = e.item_id;
  end if;
  if pairs is not null then perform exchange_inbox_reads_bump(pairs, case when tg_op = 'INSERT' then 1 else -1 end); end if;
  return null;
end;
$$;

create or replace function exchange_reads_inbox() returns trigger language plpgsql as $$
declare
  pairs jsonb;
begin
  if tg_op = 'INSERT' then
    select jsonb_agg(to_jsonb(e) || jsonb_build_object('user_id', r.user_id)) into pairs from added r join exchange_inbox_entries e on e.item_id = r.item_id;
  else
    select jsonb_agg(to_jsonb(e) || jsonb_build_object('user_id', r.user_id)) into pairs from removed r join exchange_inbox_entries e on e.item_id = r.item_id;
  end if;
  if pairs is not null then perform exchange_inbox_reads_bump(pairs, case when tg_op = 'INSERT' then 1 else -1 end); end if;
  return null;
end;
$$;

-- Whichever of an entry and a read goes first (an item deleted with both), the other's trigger no longer
-- finds its partner, so each pair is taken away exactly once.
drop trigger if exists exchange_inbox_entries_read_added on exchange_inbox_entries;
create trigger exchange_inbox_entries_read_added after insert on exchange_inbox_entries
  referencing new table as added for each statement execute function exchange_inbox_entries_read();
drop trigger if exists exchange_inbox_entries_read_removed on exchange_inbox_entries;
create trigger exchange_inbox_entries_read_removed after delete on exchange_inbox_entries
  referencing old table as removed for each statement execute function exchange_inbox_entries_read();
drop trigger if exists exchange_reads_inbox_added on exchange_reads;
create trigger exchange_reads_inbox_added after insert on exchange_reads
  referencing new table as added for each statement execute function exchange_reads_inbox();
drop trigger if exists exchange_reads_inbox_removed on exchange_reads;
create trigger exchange_reads_inbox_removed after delete on exchange_reads
  referencing old table as removed for each statement execute function exchange_reads_inbox();

create table if not exists exchange_inbox_deadlines (
  desk_id uuid not null,
  item_id uuid not null references exchange_items(id) on delete cascade,
  due_at timestamptz not null,
  -- What the due-soon window depends on (exchange.deadlines.ts computes it).
  urgency text not null,
  accessibility text,
  classification text not null,
  tlp text not null,
  releasable_economies text[] not null,
  releasable_organisations uuid[] not null,
  sharing_groups uuid[] not null,
  owner_organisation_id uuid not null,
  primary key (desk_id, item_id)
);
create index if not exists exchange_inbox_deadlines_due_idx on exchange_inbox_deadlines (desk_id, due_at);
create index if not exists exchange_inbox_deadlines_item_idx on exchange_inbox_deadlines (item_id);

-- The states are OPEN_STATES of exchange.deadlines.ts: the clock runs only in them.
create or replace function exchange_inbox_deadlines_resync(ids uuid[]) returns void language plpgsql as $$
begin
  if cardinality(ids) = 0 then return; end if;
  delete from exchange_inbox_deadlines where item_id = any(ids);
  insert into exchange_inbox_deadlines (desk_id, item_id, due_at, urgency, accessibility, classification, tlp,
      releasable_economies, releasable_organisations, sharing_groups, owner_organisation_id)
    select d.desk_id, i.id, i.due_at, i.urgency, i.accessibility, i.classification, i.tlp,
      i.releasable_economies, i.releasable_organisations, i.sharing_groups, i.owner_organisation_id
    from exchange_items i
    join lateral (select e.desk_id from exchange_inbox_entries e where e.item_id = i.id union select i.sender_desk_id) d on true
    where i.id = any(ids) and i.due_at is not null and i.retracted_at is null and i.state in ('sent', 'received', 'accepted', 'partly_answered')
    order by 1, 2;
end;
$$;

create or replace function exchange_inbox_entries_deadlines() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform exchange_inbox_deadlines_resync(array(select distinct item_id from added));
  else
    perform exchange_inbox_deadlines_resync(array(select distinct item_id from removed));
  end if;
  return null;
end;
$$;

drop trigger if exists exchange_inbox_entries_deadlines_added on exchange_inbox_entries;
create trigger exchange_inbox_entries_deadlines_added after insert on exchange_inbox_entries
  referencing new table as added for each statement execute function exchange_inbox_entries_deadlines();
drop trigger if exists exchange_inbox_entries_deadlines_removed on exchange_inbox_entries;
create trigger exchange_inbox_entries_deadlines_removed after delete on exchange_inbox_entries
  referencing old table as removed for each statement execute function exchange_inbox_entries_deadlines();

create or replace function exchange_items_deadlines() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform exchange_inbox_deadlines_resync(array(select id from added where due_at is not null));
  else
    perform exchange_inbox_deadlines_resync(array(
      select a.id from added a join removed b on b.id = a.id
      where (a.state, a.due_at, a.retracted_at, a.urgency, a.accessibility, a.sender_desk_id, a.classification, a.tlp,
             a.releasable_economies, a.releasable_organisations, a.sharing_groups, a.owner_organisation_id)
        is distinct from (b.state, b.due_at, b.retracted_at, b.urgency, b.accessibility, b.sender_desk_id, b.classification, b.tlp,
             b.releasable_economies, b.releasable_organisations, b.sharing_groups, b.owner_organisation_id)));
  end if;
  return null;
end;
$$;

drop trigger if exists exchange_items_deadlines_added on exchange_items;
create trigger exchange_items_deadlines_added after insert on exchange_items
  referencing new table as added for each statement execute function exchange_items_deadlines();
drop trigger if exists exchange_items_deadlines_changed on exchange_items;
create trigger exchange_items_deadlines_changed after update on exchange_items
  referencing old table as removed new table as added for each statement execute function exchange_items_deadlines();

-- Items waiting for a contact point's approval, by the organisation or economy that approves them.
create index if not exists exchange_items_awaiting_approval_org_idx on exchange_items (owner_organisation_id) where release = 'awaiting_approval';
create index if not exists exchange_items_awaiting_approval_economy_idx on exchange_items (owner_economy) where release = 'awaiting_approval' and approver_scope = 'economy';

-- What is there now.
insert into exchange_inbox_read_counts (desk_id, user_id, classification, tlp, releasable_economies, releasable_organisations, sharing_groups, owner_organisation_id, items)
  select e.desk_id, r.user_id, e.classification, e.tlp, e.releasable_economies, e.releasable_organisations, e.sharing_groups, e.owner_organisation_id, count(*)
  from exchange_inbox_entries e join exchange_reads r on r.item_id = e.item_id
  group by 1, 2, 3, 4, 5, 6, 7, 8
  on conflict do nothing;
insert into exchange_inbox_deadlines (desk_id, item_id, due_at, urgency, accessibility, classification, tlp,
    releasable_economies, releasable_organisations, sharing_groups, owner_organisation_id)
  select d.desk_id, i.id, i.due_at, i.urgency, i.accessibility, i.classification, i.tlp,
    i.releasable_economies, i.releasable_organisations, i.sharing_groups, i.owner_organisation_id
  from exchange_items i
  join lateral (select e.desk_id from exchange_inbox_entries e where e.item_id = i.id union select i.sender_desk_id) d on true
  where i.due_at is not null and i.retracted_at is null and i.state in ('sent', 'received', 'accepted', 'partly_answered')
  on conflict do nothing;
