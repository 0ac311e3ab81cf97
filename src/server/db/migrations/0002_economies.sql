-- Reference data: the participants of regional security cooperation (design §2).
insert into economies (code, name, kind, sort_order) values
  ('AL', 'Albania', 'economy', 10),
  ('BA', 'Bosnia and Herzegovina', 'economy', 20),
  ('BG', 'Bulgaria', 'economy', 30),
  ('HR', 'Croatia', 'economy', 40),
  ('GR', 'Greece', 'economy', 50),
  ('XK', 'Kosovo*', 'economy', 60),
  ('MD', 'Moldova', 'economy', 70),
  ('ME', 'Montenegro', 'economy', 80),
  ('MK', 'North Macedonia', 'economy', 90),
  ('RO', 'Romania', 'economy', 100),
  ('RS', 'Serbia', 'economy', 110),
  ('SI', 'Slovenia', 'economy', 120),
  ('TR', 'Türkiye', 'economy', 130),
  ('REG', 'Regional bodies', 'regional', 200),
  ('INT', 'International organisations', 'international', 210)
on conflict (code) do nothing;
