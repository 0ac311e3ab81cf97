import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps';

/** Fictional duty numbers and the demo users’ working languages. */
const DUTY_PREFIX: Record<string, string> = {
  AL: '+355 4 555', BA: '+387 33 555', BG: '+359 2 555', HR: '+385 1 555', GR: '+30 21 555', XK: '+383 38 555', MD: '+373 22 555',
  ME: '+382 20 555', MK: '+389 2 555', RO: '+40 21 555', RS: '+381 11 555', SI: '+386 1 555', TR: '+90 312 555',
};

const LANGUAGES: Record<string, string[]> = {
  'cp.rs@mosaic.demo': ['sr', 'en', 'ru'],
  'cp.al@mosaic.demo': ['sq', 'en', 'it'],
  'cp.hr@mosaic.demo': ['hr', 'en', 'de'],
  'cp.mk@mosaic.demo': ['mk', 'en', 'sr'],
  'officer.rs@mosaic.demo': ['sr', 'en'],
  'officer.hr@mosaic.demo': ['hr', 'en'],
  'officer.al@mosaic.demo': ['sq', 'en', 'el'],
  'analyst.ba@mosaic.demo': ['bs', 'en', 'de'],
  'analyst.me@mosaic.demo': ['sr', 'en'],
};

export async function seedContactPointDemo(deps: AppDeps): Promise<void> {
  await deps.audit.command(async (tx) => {
    for (const [economy, prefix] of Object.entries(DUTY_PREFIX)) {
      await tx.execute(sql`update desks set duty_phone = ${prefix} || ' ' || lpad((100 + row_number)::text, 4, '0')
        from (select id, row_number() over (order by area) as row_number from desks where economy_code = ${economy}) numbered
        where desks.id = numbered.id and desks.duty_phone is null`);
    }
    for (const [email, languages] of Object.entries(LANGUAGES)) {
      await tx.execute(sql`update users set languages = ${`{${languages.join(',')}}`}::text[] where email = ${email}`);
    }
  });
}
