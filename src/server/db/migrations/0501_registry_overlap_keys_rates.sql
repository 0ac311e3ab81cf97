-- The overlap check's shortlist in one index (decision 0028). The candidate query needs activities
-- that share an economy AND a topic, target group, implementer or concept word with the draft.
-- With one GIN index per column, PostgreSQL took the economy index alone and then read the heap
-- page of every activity in that economy (a thirteenth of the registry) to test the rest. All keys
-- in one prefixed array let one GIN scan intersect both conditions, so only real candidates are read.
create function registry_overlap_keys(economies text[], topics text[], groups text[], implementers text[], words text[])
returns text[] language sql immutable parallel safe as $$
  select array(select 'e:' || x from unnest(economies) x)
      || array(select 't:' || x from unnest(topics) x)
      || array(select 'g:' || x from unnest(groups) x)
      || array(select 'i:' || x from unnest(implementers) x)
      || array(select 'w:' || x from unnest(words) x)
$$;

-- The economies' percentages, in the order of recipient_economies, so the shortlist need not read the body.
create function registry_economy_percentages(body jsonb)
returns double precision[] language sql immutable parallel safe as $$
  select coalesce(array(select (e->>'percentage')::double precision from jsonb_array_elements(coalesce(body->'recipientEconomies', '[]'::jsonb)) e), '{}')
$$;

alter table registry_activities
  add column overlap_keys text[] generated always as (registry_overlap_keys(recipient_economies, topics, target_groups, implementers, words)) stored,
  add column economy_percentages double precision[] generated always as (registry_economy_percentages(body)) stored;

-- Without the pending list of GIN's fast update, every read saw the entries inserted since the last
-- vacuum scanned one by one (11 ms of a 23 ms query after a bulk load); registry writes are rare.
create index registry_activities_overlap_keys on registry_activities using gin (overlap_keys) with (fastupdate = off);
alter index registry_activities_economies set (fastupdate = off);
alter index registry_activities_words set (fastupdate = off);
alter index registry_activities_topics set (fastupdate = off);
select gin_clean_pending_list('registry_activities_economies'::regclass), gin_clean_pending_list('registry_activities_words'::regclass), gin_clean_pending_list('registry_activities_topics'::regclass);

-- 2025 averages of the currencies the ECB quotes, Turkish lira, and the currencies of the region the
-- ECB does not quote, from their central banks (units per EUR; the secretariat corrects them on the
-- rates page). The convertible mark is fixed to the euro by law.
insert into registry_rates (currency, year, rate, source) values
  ('USD', 2025, 1.1293, 'ECB euro foreign exchange reference rates, annual average 2025 (approximate: check against the publisher)'),
  ('GBP', 2025, 0.8568, 'ECB euro foreign exchange reference rates, annual average 2025 (approximate: check against the publisher)'),
  ('CHF', 2025, 0.937, 'ECB euro foreign exchange reference rates, annual average 2025 (approximate: check against the publisher)'),
  ('NOK', 2025, 11.72, 'ECB euro foreign exchange reference rates, annual average 2025 (approximate: check against the publisher)'),
  ('SEK', 2025, 11.06, 'ECB euro foreign exchange reference rates, annual average 2025 (approximate: check against the publisher)'),
  ('JPY', 2025, 169.0, 'ECB euro foreign exchange reference rates, annual average 2025 (approximate: check against the publisher)'),
  ('TRY', 2022, 17.409, 'ECB euro foreign exchange reference rates, annual average 2022'),
  ('TRY', 2023, 25.76, 'ECB euro foreign exchange reference rates, annual average 2023'),
  ('TRY', 2024, 35.573, 'ECB euro foreign exchange reference rates, annual average 2024'),
  ('TRY', 2025, 44.7, 'ECB euro foreign exchange reference rates, annual average 2025 (approximate: check against the publisher)'),
  ('BAM', 2022, 1.95583, 'Central Bank of Bosnia and Herzegovina, fixed parity of the convertible mark (currency board), 2022'),
  ('BAM', 2023, 1.95583, 'Central Bank of Bosnia and Herzegovina, fixed parity of the convertible mark (currency board), 2023'),
  ('BAM', 2024, 1.95583, 'Central Bank of Bosnia and Herzegovina, fixed parity of the convertible mark (currency board), 2024'),
  ('BAM', 2025, 1.95583, 'Central Bank of Bosnia and Herzegovina, fixed parity of the convertible mark (currency board), 2025'),
  ('RSD', 2022, 117.46, 'National Bank of Serbia, official middle rate of the dinar, annual average 2022 (approximate: check against the publisher)'),
  ('RSD', 2023, 117.25, 'National Bank of Serbia, official middle rate of the dinar, annual average 2023 (approximate: check against the publisher)'),
  ('RSD', 2024, 117.09, 'National Bank of Serbia, official middle rate of the dinar, annual average 2024 (approximate: check against the publisher)'),
  ('RSD', 2025, 117.2, 'National Bank of Serbia, official middle rate of the dinar, annual average 2025 (approximate: check against the publisher)'),
  ('MKD', 2022, 61.62, 'National Bank of the Republic of North Macedonia, middle rate of the denar, annual average 2022 (approximate: check against the publisher)'),
  ('MKD', 2023, 61.56, 'National Bank of the Republic of North Macedonia, middle rate of the denar, annual average 2023 (approximate: check against the publisher)'),
  ('MKD', 2024, 61.53, 'National Bank of the Republic of North Macedonia, middle rate of the denar, annual average 2024 (approximate: check against the publisher)'),
  ('MKD', 2025, 61.55, 'National Bank of the Republic of North Macedonia, middle rate of the denar, annual average 2025 (approximate: check against the publisher)'),
  ('ALL', 2022, 119.0, 'Bank of Albania, official rate of the lek, annual average 2022 (approximate: check against the publisher)'),
  ('ALL', 2023, 108.8, 'Bank of Albania, official rate of the lek, annual average 2023 (approximate: check against the publisher)'),
  ('ALL', 2024, 100.7, 'Bank of Albania, official rate of the lek, annual average 2024 (approximate: check against the publisher)'),
  ('ALL', 2025, 98.0, 'Bank of Albania, official rate of the lek, annual average 2025 (approximate: check against the publisher)'),
  ('MDL', 2022, 19.92, 'National Bank of Moldova, official rate of the leu, annual average 2022 (approximate: check against the publisher)'),
  ('MDL', 2023, 19.5, 'National Bank of Moldova, official rate of the leu, annual average 2023 (approximate: check against the publisher)'),
  ('MDL', 2024, 19.24, 'National Bank of Moldova, official rate of the leu, annual average 2024 (approximate: check against the publisher)'),
  ('MDL', 2025, 19.6, 'National Bank of Moldova, official rate of the leu, annual average 2025 (approximate: check against the publisher)')
on conflict do nothing;
