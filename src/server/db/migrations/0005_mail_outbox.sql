-- E-mail leaves through an outbox: a message is written in the same transaction as the change
-- that causes it (so a rolled-back change sends nothing and a crash loses nothing), and a
-- sender delivers it afterwards, retrying with back-off. Messages say only that something is
-- waiting; they never carry the content of a marked record.
create table if not exists mail_outbox (
  id uuid primary key default gen_random_uuid(),
  recipient text not null check (length(recipient) between 3 and 320),
  subject text not null check (length(subject) between 1 and 300),
  body_text text not null,
  -- What caused it (e.g. 'exchange.item', 'hotline.escalation', 'portal.digest'): for metrics and tests.
  reason text not null,
  created_at timestamptz not null,
  next_attempt_at timestamptz not null,
  attempts integer not null default 0,
  sent_at timestamptz,
  failed_at timestamptz,
  last_error text
);
create index if not exists mail_outbox_pending on mail_outbox (next_attempt_at) where sent_at is null and failed_at is null;
