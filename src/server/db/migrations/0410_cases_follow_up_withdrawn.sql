-- Cases: a follow-up whose entity has been taken out of the holding case is closed as
-- "withdrawn": there is nothing left to release, and the requester is told so.
alter table case_follow_ups drop constraint if exists case_follow_ups_state_check;
alter table case_follow_ups add constraint case_follow_ups_state_check check (state in ('open', 'released', 'declined', 'withdrawn'));
