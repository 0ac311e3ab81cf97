-- Public Security Web Portal: topics, articles, documents, events, initiatives, indicators,
-- revision history and one search table over every public item.

create table if not exists portal_topics (
  slug text primary key,
  names jsonb not null,
  description text not null default '',
  sort_order integer not null default 0
);

create table if not exists portal_articles (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique,
  kind text not null check (kind in ('news', 'analysis', 'interview', 'statement')),
  author text not null,
  lead_image_url text,
  topics text[] not null default '{}',
  economies text[] not null default '{}',
  original_language text not null,
  status text not null default 'draft' check (status in ('draft', 'in_review', 'published', 'archived')),
  publish_at timestamptz,
  submitted_by uuid references users(id),
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists portal_articles_public_idx on portal_articles (status, publish_at desc);

create table if not exists portal_article_translations (
  article_id uuid not null references portal_articles(id) on delete cascade,
  language text not null,
  title text not null,
  lead text not null default '',
  body_html text not null default '',
  lead_image_alt text,
  primary key (article_id, language)
);

create table if not exists portal_documents (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique,
  kind text not null check (kind in ('study', 'strategy', 'action_plan', 'report')),
  title text not null,
  summary text not null default '',
  publisher text not null,
  published_on date not null,
  language text not null,
  topics text[] not null default '{}',
  economies text[] not null default '{}',
  format text not null check (format in ('pdf', 'docx', 'odt')),
  media_type text not null,
  file_name text not null,
  size_bytes integer not null,
  page_count integer,
  storage_key text not null unique,
  sha256 text not null,
  extracted_text text not null default '',
  status text not null default 'draft' check (status in ('draft', 'in_review', 'published', 'archived')),
  publish_at timestamptz,
  submitted_by uuid references users(id),
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists portal_documents_public_idx on portal_documents (status, publish_at desc);

create table if not exists portal_events (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique,
  kind text not null check (kind in ('conference', 'training', 'meeting')),
  title text not null,
  summary text not null default '',
  agenda_html text not null default '',
  starts_local text not null,
  ends_local text not null,
  time_zone text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  online boolean not null default false,
  venue text,
  city text,
  economy text references economies(code),
  online_url text,
  organiser text not null,
  language text not null default 'en',
  topics text[] not null default '{}',
  economies text[] not null default '{}',
  document_slugs text[] not null default '{}',
  status text not null default 'draft' check (status in ('draft', 'in_review', 'published', 'archived')),
  publish_at timestamptz,
  submitted_by uuid references users(id),
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at >= starts_at)
);
create index if not exists portal_events_public_idx on portal_events (status, starts_at);

create table if not exists portal_event_registrations (
  event_id uuid not null references portal_events(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  registered_at timestamptz not null default now(),
  primary key (event_id, user_id)
);
create index if not exists portal_event_registrations_user_idx on portal_event_registrations (user_id);

create table if not exists portal_initiatives (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique,
  name text not null,
  acronym text,
  founded integer,
  ended integer,
  seat text,
  mandate text not null default '',
  website text,
  other_members text,
  member_economies text[] not null default '{}',
  topics text[] not null default '{}',
  parent_slug text,
  successor_slug text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists portal_indicators (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique,
  name text not null,
  description text not null default '',
  unit text not null,
  source_name text not null,
  source_url text,
  illustrative boolean not null default false,
  topics text[] not null default '{}',
  status text not null default 'draft' check (status in ('draft', 'in_review', 'published', 'archived')),
  publish_at timestamptz,
  submitted_by uuid references users(id),
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists portal_indicator_values (
  indicator_id uuid not null references portal_indicators(id) on delete cascade,
  economy text not null references economies(code),
  year integer not null,
  value double precision not null,
  primary key (indicator_id, economy, year)
);

-- Who changed what: one row per create, edit and transition, with the full snapshot.
create table if not exists portal_revisions (
  id uuid primary key default gen_random_uuid(),
  item_type text not null,
  item_id uuid not null,
  number integer not null,
  change text not null,
  status text not null,
  author_id uuid references users(id),
  author_name text not null,
  at timestamptz not null default now(),
  note text,
  changed_fields text[] not null default '{}',
  snapshot jsonb not null,
  unique (item_type, item_id, number)
);

-- One row per item of every type, maintained by the service with each write. The search is
-- done on a folded Latin-ASCII copy of the text computed in TypeScript (Cyrillic and Greek
-- transliterated, diacritics removed, đ → dj, lower case); queries are folded the same way.
-- The row is kept narrow (a position-free tsvector and the facet columns) so that matching and
-- facet counts read few pages; the texts themselves live in portal_search_text.
create table if not exists portal_search (
  type text not null check (type in ('article', 'document', 'event', 'initiative', 'indicator')),
  item_id uuid not null,
  slug text not null,
  title text not null,
  title_folded text not null,
  tsv tsvector not null,
  topics text[] not null default '{}',
  economies text[] not null default '{}',
  languages text[] not null default '{}',
  year integer,
  item_date timestamptz,
  status text not null,
  publish_at timestamptz,
  -- Compact facet columns, set by a trigger from the arrays above (one bit per value, see
  -- portal_search_codes): facet counts group these integers instead of comparing text arrays.
  type_bits bigint not null default 0,
  topic_bits bigint not null default 0,
  economy_bits bigint not null default 0,
  language_bits bigint not null default 0,
  primary key (type, item_id)
);
create index if not exists portal_search_tsv_idx on portal_search using gin (tsv);
create index if not exists portal_search_title_trgm_idx on portal_search using gin (title_folded gin_trgm_ops);
create index if not exists portal_search_date_idx on portal_search (item_date desc);

-- The original text (for highlighted snippets) and its fold, one row per search row.
create table if not exists portal_search_text (
  type text not null,
  item_id uuid not null,
  body text not null,
  folded text not null,
  primary key (type, item_id),
  foreign key (type, item_id) references portal_search (type, item_id) on delete cascade
);

-- Vocabulary of folded words, for one-typo tolerance: a query word is widened to the known
-- words within one edit before the full-text match.
create table if not exists portal_search_words (
  word text primary key
);
create index if not exists portal_search_words_trgm_idx on portal_search_words using gin (word gin_trgm_ops);

-- The managed taxonomy (reference data; editors may rename and describe topics).
insert into portal_topics (slug, sort_order, names, description) values
  ('violent-extremism', 10, '{"en":"Violent extremism and foreign terrorist fighters","sr-Latn":"Nasilni ekstremizam i strani teroristički borci","sr-Cyrl":"Насилни екстремизам и страни терористички борци","sq":"Ekstremizmi i dhunshëm dhe luftëtarët e huaj terroristë","mk":"Насилен екстремизам и странски терористички борци"}', 'Prevention and countering of violent extremism; foreign terrorist fighters and returnees.'),
  ('radicalisation-reintegration', 20, '{"en":"Radicalisation, rehabilitation and reintegration","sr-Latn":"Radikalizacija, rehabilitacija i reintegracija","sr-Cyrl":"Радикализација, рехабилитација и реинтеграција","sq":"Radikalizimi, rehabilitimi dhe riintegrimi","mk":"Радикализација, рехабилитација и реинтеграција"}', 'Pathways into radicalisation and programmes that bring people back into society.'),
  ('organised-crime', 30, '{"en":"Organised crime","sr-Latn":"Organizovani kriminal","sr-Cyrl":"Организовани криминал","sq":"Krimi i organizuar","mk":"Организиран криминал"}', 'Serious and organised crime groups operating across borders.'),
  ('corruption', 40, '{"en":"Corruption","sr-Latn":"Korupcija","sr-Cyrl":"Корупција","sq":"Korrupsioni","mk":"Корупција"}', 'Prevention, detection and prosecution of corruption.'),
  ('money-laundering', 50, '{"en":"Money laundering and terrorist financing","sr-Latn":"Pranje novca i finansiranje terorizma","sr-Cyrl":"Прање новца и финансирање тероризма","sq":"Pastrimi i parave dhe financimi i terrorizmit","mk":"Перење пари и финансирање тероризам"}', 'Financial investigations, asset recovery, AML/CFT standards.'),
  ('drugs', 60, '{"en":"Drugs","sr-Latn":"Droge","sr-Cyrl":"Дроге","sq":"Drogat","mk":"Дроги"}', 'Drug trafficking routes, markets and demand reduction.'),
  ('trafficking-smuggling', 70, '{"en":"Trafficking in human beings and migrant smuggling","sr-Latn":"Trgovina ljudima i krijumčarenje migranata","sr-Cyrl":"Трговина људима и кријумчарење миграната","sq":"Trafikimi i qenieve njerëzore dhe kontrabanda e migrantëve","mk":"Трговија со луѓе и криумчарење мигранти"}', 'Trafficking in human beings, migrant smuggling and protection of victims.'),
  ('small-arms', 80, '{"en":"Small arms and light weapons","sr-Latn":"Malo i lako oružje","sr-Cyrl":"Мало и лако оружје","sq":"Armët e vogla dhe të lehta","mk":"Мало и лесно оружје"}', 'Control of small arms and light weapons, stockpiles and illicit trafficking of firearms.'),
  ('border-security', 90, '{"en":"Border security and migration","sr-Latn":"Bezbednost granica i migracije","sr-Cyrl":"Безбедност граница и миграције","sq":"Siguria kufitare dhe migracioni","mk":"Гранична безбедност и миграција"}', 'Integrated border management and migration.'),
  ('hybrid-threats', 100, '{"en":"Hybrid threats and disinformation","sr-Latn":"Hibridne pretnje i dezinformacije","sr-Cyrl":"Хибридне претње и дезинформације","sq":"Kërcënimet hibride dhe dezinformimi","mk":"Хибридни закани и дезинформации"}', 'Hybrid threats, foreign information manipulation and disinformation.'),
  ('cyber-security', 110, '{"en":"Cyber security","sr-Latn":"Sajber bezbednost","sr-Cyrl":"Сајбер безбедност","sq":"Siguria kibernetike","mk":"Сајбер безбедност"}', 'Cyber resilience, incident response and cybercrime.'),
  ('critical-infrastructure', 120, '{"en":"Critical infrastructure and energy security","sr-Latn":"Kritična infrastruktura i energetska bezbednost","sr-Cyrl":"Критична инфраструктура и енергетска безбедност","sq":"Infrastruktura kritike dhe siguria energjetike","mk":"Критична инфраструктура и енергетска безбедност"}', 'Protection of critical infrastructure and security of energy supply.'),
  ('disasters', 130, '{"en":"Disasters and natural hazards","sr-Latn":"Katastrofe i prirodne opasnosti","sr-Cyrl":"Катастрофе и природне опасности","sq":"Fatkeqësitë dhe rreziqet natyrore","mk":"Катастрофи и природни опасности"}', 'Disaster risk reduction, preparedness and civil protection.'),
  ('gender-based-violence', 140, '{"en":"Gender-based violence","sr-Latn":"Rodno zasnovano nasilje","sr-Cyrl":"Родно засновано насиље","sq":"Dhuna me bazë gjinore","mk":"Родово базирано насилство"}', 'Prevention of and response to gender-based violence.'),
  ('security-sector-reform', 150, '{"en":"Security sector reform","sr-Latn":"Reforma sektora bezbednosti","sr-Cyrl":"Реформа сектора безбедности","sq":"Reforma e sektorit të sigurisë","mk":"Реформа на безбедносниот сектор"}', 'Governance, oversight and reform of the security sector.')
on conflict (slug) do nothing;

-- Facet codes: each value of a multi-valued facet gets a bit (0..62) of a bigint mask, assigned
-- on first use. A facet can thus hold at most 63 values (the taxonomy has 15 topics, 15
-- economies, 15 languages, 5 types); the 64th raises an error instead of miscounting.
create table if not exists portal_search_codes (
  facet text not null check (facet in ('type', 'topic', 'economy', 'language')),
  value text not null,
  bit smallint not null check (bit between 0 and 62),
  primary key (facet, value),
  unique (facet, bit)
);

create or replace function portal_search_bits(p_facet text, p_values text[]) returns bigint
language plpgsql as $$
declare
  mask bigint;
  known integer;
  v text;
begin
  select coalesce(bit_or(1::bigint << c.bit), 0), count(*) into mask, known
    from portal_search_codes c where c.facet = p_facet and c.value = any(p_values);
  if known < cardinality(p_values) then
    foreach v in array p_values loop
      insert into portal_search_codes (facet, value, bit)
        select p_facet, v, coalesce(max(c.bit) + 1, 0) from portal_search_codes c where c.facet = p_facet
        on conflict (facet, value) do nothing;
    end loop;
    select coalesce(bit_or(1::bigint << c.bit), 0) into mask
      from portal_search_codes c where c.facet = p_facet and c.value = any(p_values);
  end if;
  return mask;
end $$;

create or replace function portal_search_set_bits() returns trigger language plpgsql as $$
begin
  new.type_bits := portal_search_bits('type', array[new.type]);
  new.topic_bits := portal_search_bits('topic', new.topics);
  new.economy_bits := portal_search_bits('economy', new.economies);
  new.language_bits := portal_search_bits('language', new.languages);
  return new;
end $$;

drop trigger if exists portal_search_bits_trg on portal_search;
create trigger portal_search_bits_trg before insert or update of type, topics, economies, languages on portal_search
  for each row execute function portal_search_set_bits();

-- A narrow copy of each search row's visibility, order and facet columns (about 100 bytes a
-- row): the listing without words (empty query, facet filters only) scans and orders this
-- instead of the wide row that carries the tsvector.
create table if not exists portal_search_facets (
  type text not null,
  item_id uuid not null,
  published boolean not null,
  publish_at timestamptz,
  item_date timestamptz,
  year integer,
  type_bits bigint not null,
  topic_bits bigint not null,
  economy_bits bigint not null,
  language_bits bigint not null,
  primary key (type, item_id)
);
create index if not exists portal_search_facets_latest_idx on portal_search_facets (item_date desc nulls last, item_id) where published;
create index if not exists portal_search_facets_scheduled_idx on portal_search_facets (publish_at) where published;

-- Facet counts of every published row, kept in the same transaction as each change to
-- portal_search: (dimension, key) where key is the row's mask (type, topic, economy, language),
-- its year, or 0 for the total. The unfiltered listing reads these and subtracts the published
-- rows whose publish_at has not come yet (few, found through the scheduled index).
create table if not exists portal_search_totals (
  dimension text not null,
  key bigint not null,
  count integer not null,
  primary key (dimension, key)
);

create or replace function portal_search_count(r portal_search, delta integer) returns void
language sql as $$
  insert into portal_search_totals as t (dimension, key, count)
  select v.dimension, v.key, delta
  from (values ('all', 0::bigint), ('economy', r.economy_bits), ('language', r.language_bits), ('topic', r.topic_bits),
               ('type', r.type_bits), ('year', r.year::bigint)) as v(dimension, key)
  where v.key is not null
  order by v.dimension, v.key
  on conflict (dimension, key) do update set count = t.count + excluded.count
$$;

create or replace function portal_search_sync() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status = 'published' then perform portal_search_count(old, -1); end if;
    delete from portal_search_facets where type = old.type and item_id = old.item_id;
    return old;
  end if;
  if tg_op = 'INSERT' or (old.status = 'published') is distinct from (new.status = 'published')
     or (old.type_bits, old.topic_bits, old.economy_bits, old.language_bits, old.year)
        is distinct from (new.type_bits, new.topic_bits, new.economy_bits, new.language_bits, new.year) then
    if tg_op = 'UPDATE' and old.status = 'published' then perform portal_search_count(old, -1); end if;
    if new.status = 'published' then perform portal_search_count(new, 1); end if;
  end if;
  insert into portal_search_facets (type, item_id, published, publish_at, item_date, year, type_bits, topic_bits, economy_bits, language_bits)
  values (new.type, new.item_id, new.status = 'published', new.publish_at, new.item_date, new.year, new.type_bits, new.topic_bits, new.economy_bits, new.language_bits)
  on conflict (type, item_id) do update set published = excluded.published, publish_at = excluded.publish_at, item_date = excluded.item_date,
    year = excluded.year, type_bits = excluded.type_bits, topic_bits = excluded.topic_bits, economy_bits = excluded.economy_bits,
    language_bits = excluded.language_bits;
  return new;
end $$;

drop trigger if exists portal_search_sync_trg on portal_search;
create trigger portal_search_sync_trg after insert or update or delete on portal_search
  for each row execute function portal_search_sync();

insert into portal_search_codes (facet, value, bit)
select 'type', v, (o - 1)::smallint from unnest(array['article', 'document', 'event', 'initiative', 'indicator']) with ordinality as t(v, o)
union all
select 'topic', slug, (row_number() over (order by sort_order, slug) - 1)::smallint from portal_topics
union all
select 'economy', code, (row_number() over (order by sort_order, code) - 1)::smallint from economies
on conflict do nothing;

-- Rebuilds the narrow table and the totals from portal_search (repair, and bulk loads that run
-- with the row triggers disabled). The masks themselves are set by portal_search_bits_trg.
create or replace function portal_search_rebuild_derived() returns void language sql as $$
  delete from portal_search_facets;
  insert into portal_search_facets (type, item_id, published, publish_at, item_date, year, type_bits, topic_bits, economy_bits, language_bits)
  select type, item_id, status = 'published', publish_at, item_date, year, type_bits, topic_bits, economy_bits, language_bits from portal_search;
  delete from portal_search_totals;
  insert into portal_search_totals (dimension, key, count)
  select case when grouping(type_bits) = 0 then 'type' when grouping(topic_bits) = 0 then 'topic'
           when grouping(economy_bits) = 0 then 'economy' when grouping(language_bits) = 0 then 'language'
           when grouping(year) = 0 then 'year' else 'all' end,
         case when grouping(type_bits) = 0 then type_bits when grouping(topic_bits) = 0 then topic_bits
           when grouping(economy_bits) = 0 then economy_bits when grouping(language_bits) = 0 then language_bits
           when grouping(year) = 0 then year::bigint else 0 end,
         count(*)
  from portal_search where status = 'published'
  group by grouping sets ((), (type_bits), (topic_bits), (economy_bits), (language_bits), (year))
  having grouping(year) = 1 or year is not null;
$$;
