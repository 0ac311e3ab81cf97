-- Saved portal searches of signed-in users, with an optional e-mail digest of new matching
-- public items, and lead images uploaded for articles.

create table if not exists portal_saved_searches (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  name text not null,
  query jsonb not null,
  frequency text not null default 'none' check (frequency in ('none', 'daily', 'weekly')),
  email text,
  -- The one-time part of the unsubscribe link; replaced when the link is used or the digest renewed.
  unsubscribe_nonce text,
  last_digest_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists portal_saved_searches_user_idx on portal_saved_searches (user_id, created_at desc);
create index if not exists portal_saved_searches_due_idx on portal_saved_searches (frequency, last_digest_at) where frequency <> 'none';

create table if not exists portal_lead_images (
  id uuid primary key default gen_random_uuid(),
  article_id uuid not null references portal_articles(id) on delete cascade,
  storage_key text not null unique,
  media_type text not null,
  width integer not null,
  height integer not null,
  size_bytes integer not null,
  uploaded_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index if not exists portal_lead_images_article_idx on portal_lead_images (article_id, created_at desc);
