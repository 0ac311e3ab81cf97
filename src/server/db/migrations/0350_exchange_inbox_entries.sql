-- Each desk's inbox as rows of its own (decision 0035): one row per (desk, item) while the item is in
-- that desk's inbox — released and addressed to it, or waiting at it as the contact-point desk — with
-- the delivery time and the item's marking. The inbox page is then a range scan of the desk's index in
-- delivery order, and its total a sum over the desk's per-marking counters, evaluated with the same
-- marking rule as the items. Triggers keep both in step with exchange_items and exchange_recipients, so
-- every write path (send, approval, routing, forward, a hand-run statement) keeps them correct.

create table if not exists exchange_inbox_entries (
  desk_id uuid not null references desks(id),
  item_id uuid not null references exchange_items(id) on delete cascade,
  delivered_at timestamptz not null,
  kind text not null,
  crime_area text,
  owner_economy text not null,
  -- The item's marking, copied: the columns visibleMarked reads.
  classification text not null,
  tlp text not null,
  releasable_economies text[] not null,
  releasable_organisations uuid[] not null,
  sharing_groups uuid[] not null,
  owner_organisation_id uuid not null,
  primary key (desk_id, item_id)
);
create index if not exists exchange_inbox_entries_order_idx on exchange_inbox_entries (desk_id, delivered_at desc, item_id desc);
create index if not exists exchange_inbox_entries_item_idx on exchange_inbox_entries (item_id);

-- How many entries each desk holds per facet value and marking: the exact total a reader may see is the
-- sum over the rows whose marking admits the reader (a few hundred rows, not the desk's items).
create table if not exists exchange_inbox_counts (
  desk_id uuid not null,
  kind text not null,
  crime_area text not null, -- '' for none (a key column cannot be null)
  owner_economy text not null,
  classification text not null,
  tlp text not null,
  releasable_economies text[] not null,
  releasable_organisations uuid[] not null,
  sharing_groups uuid[] not null,
  owner_organisation_id uuid not null,
  items integer not null,
  primary key (desk_id, kind, crime_area, owner_economy, classification, tlp, releasable_economies, releasable_organisations, sharing_groups, owner_organisation_id)
);

create or replace function exchange_inbox_counted() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into exchange_inbox_counts as c
      select desk_id, kind, coalesce(crime_area, ''), owner_economy, classification, tlp, releasable_economies, releasable_organisations, sharing_groups, owner_organisation_id, count(*)
      from added group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
      on conflict (desk_id, kind, crime_area, owner_economy, classification, tlp, releasable_economies, releasable_organisations, sharing_groups, owner_organisation_id)
      do update set items = c.items + excluded.items;
  else
    update exchange_inbox_counts c set items = c.items - gone.n
      from (select desk_id, kind, coalesce(crime_area, '') as crime_area, owner_economy, classification, tlp, releasable_economies, releasable_organisations, sharing_groups, owner_organisation_id, count(*) as n
            from removed group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10) gone
      where c.desk_id = gone.desk_id and c.kind = gone.kind and c.crime_area = gone.crime_area and c.owner_economy = gone.owner_economy
        and c.classification = gone.classification and c.tlp = gone.tlp and c.releasable_economies = gone.releasable_economies
        and c.releasable_organisations = gone.releasable_organisations and c.sharing_groups = gone.sharing_groups and c.owner_organisation_id = gone.owner_organisation_id;
    delete from exchange_inbox_counts where items <= 0;
  end if;
  return null;
end;
$$;

drop trigger if exists exchange_inbox_entries_added on exchange_inbox_entries;
create trigger exchange_inbox_entries_added after insert on exchange_inbox_entries
  referencing new table as added for each statement execute function exchange_inbox_counted();
drop trigger if exists exchange_inbox_entries_removed on exchange_inbox_entries;
create trigger exchange_inbox_entries_removed after delete on exchange_inbox_entries
  referencing old table as removed for each statement execute function exchange_inbox_counted();

-- Rebuilds the entries of these items from the items and their recipients.
create or replace function exchange_inbox_resync(ids uuid[]) returns void language plpgsql as $$
begin
  if cardinality(ids) = 0 then return; end if;
  delete from exchange_inbox_entries where item_id = any(ids);
  insert into exchange_inbox_entries (desk_id, item_id, delivered_at, kind, crime_area, owner_economy, classification, tlp,
      releasable_economies, releasable_organisations, sharing_groups, owner_organisation_id)
    select d.desk_id, i.id, coalesce(i.sent_at, i.created_at), i.kind, i.crime_area, i.owner_economy, i.classification, i.tlp,
      i.releasable_economies, i.releasable_organisations, i.sharing_groups, i.owner_organisation_id
    from exchange_items i
    join lateral (
      select r.desk_id from exchange_recipients r where r.item_id = i.id and i.release = 'released'
      union select i.via_desk_id where i.release = 'awaiting_routing' and i.via_desk_id is not null
    ) d on true
    where i.id = any(ids)
    order by 1, 2;
end;
$$;

create or replace function exchange_inbox_recipients_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform exchange_inbox_resync(array(select distinct item_id from added));
  else
    perform exchange_inbox_resync(array(select distinct item_id from removed));
  end if;
  return null;
end;
$$;

drop trigger if exists exchange_recipients_inbox_added on exchange_recipients;
create trigger exchange_recipients_inbox_added after insert on exchange_recipients
  referencing new table as added for each statement execute function exchange_inbox_recipients_changed();
drop trigger if exists exchange_recipients_inbox_removed on exchange_recipients;
create trigger exchange_recipients_inbox_removed after delete on exchange_recipients
  referencing old table as removed for each statement execute function exchange_inbox_recipients_changed();

create or replace function exchange_inbox_items_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform exchange_inbox_resync(array(select id from added where release in ('released', 'awaiting_routing')));
  else
    -- Only a change of what decides the inbox (release, routing desk, delivery time, marking, facets).
    perform exchange_inbox_resync(array(
      select a.id from added a join removed b on b.id = a.id
      where (a.release, a.via_desk_id, a.sent_at, a.created_at, a.kind, a.crime_area, a.owner_economy, a.classification, a.tlp,
             a.releasable_economies, a.releasable_organisations, a.sharing_groups, a.owner_organisation_id)
        is distinct from (b.release, b.via_desk_id, b.sent_at, b.created_at, b.kind, b.crime_area, b.owner_economy, b.classification, b.tlp,
             b.releasable_economies, b.releasable_organisations, b.sharing_groups, b.owner_organisation_id)));
  end if;
  return null;
end;
$$;

drop trigger if exists exchange_items_inbox_added on exchange_items;
create trigger exchange_items_inbox_added after insert on exchange_items
  referencing new table as added for each statement execute function exchange_inbox_items_changed();
drop trigger if exists exchange_items_inbox_changed on exchange_items;
create trigger exchange_items_inbox_changed after update on exchange_items
  referencing old table as removed new table as added for each statement execute function exchange_inbox_items_changed();

-- The inboxes as they are now (the counters follow through the trigger above).
insert into exchange_inbox_entries (desk_id, item_id, delivered_at, kind, crime_area, owner_economy, classification, tlp,
    releasable_economies, releasable_organisations, sharing_groups, owner_organisation_id)
  select d.desk_id, i.id, coalesce(i.sent_at, i.created_at), i.kind, i.crime_area, i.owner_economy, i.classification, i.tlp,
    i.releasable_economies, i.releasable_organisations, i.sharing_groups, i.owner_organisation_id
  from exchange_items i
  join lateral (
    select r.desk_id from exchange_recipients r where r.item_id = i.id and i.release = 'released'
    union select i.via_desk_id where i.release = 'awaiting_routing' and i.via_desk_id is not null
  ) d on true
  on conflict do nothing;
