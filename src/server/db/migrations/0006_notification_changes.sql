-- Every node keeps recent notification pages in process (modules/notifications/notifications.cache.ts).
-- Any statement that changes notifications, or the desk names they show, tells every node once it
-- commits, whoever wrote it (a module's own insert statement or a hand-run one included).
create or replace function mosaic_notification_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('mosaic_notification_changes', '*');
  return null;
end;
$$;

drop trigger if exists notifications_changed on notifications;
create trigger notifications_changed after insert or update or delete or truncate on notifications
  for each statement execute function mosaic_notification_changed();

drop trigger if exists desks_changed_for_notifications on desks;
create trigger desks_changed_for_notifications after update or delete or truncate on desks
  for each statement execute function mosaic_notification_changed();
