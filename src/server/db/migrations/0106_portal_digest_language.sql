-- The UI language a saved search's e-mail digest is written in: the language the user had
-- chosen in the web app when saving the search or last changing its digest.
alter table portal_saved_searches add column if not exists language text not null default 'en'
  check (language in ('en', 'sr-Latn', 'sr-Cyrl', 'sq', 'mk'));
