import { sql } from 'drizzle-orm';
import type { ContactPointQuery } from '../../../contract/contact-points';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';

export interface ContactPointRow {
  economy: string;
  economy_name: string;
  desk_id: string;
  desk_name: string;
  area: string;
  email: string | null;
  duty_phone: string | null;
  user_id: string | null;
  user_name: string | null;
  organisation: string | null;
  languages: string[] | null;
}

/** Every desk with its enabled members (a disabled user staffs nothing), by economy and area. */
export async function listContactPoints(db: Db, query: ContactPointQuery): Promise<ContactPointRow[]> {
  const economy = query.economy ? sql`and d.economy_code = ${query.economy}` : sql``;
  const area = query.area ? sql`and d.area = ${query.area}` : sql``;
  const language = query.language
    ? sql`and exists (select 1 from desk_members lm join users lu on lu.id = lm.user_id where lm.desk_id = d.id and lu.disabled_at is null and ${query.language} = any(lu.languages))`
    : sql``;
  const result = await db.execute(sql`select d.economy_code as economy, e.name as economy_name, d.id as desk_id, d.name as desk_name, d.area, d.email, d.duty_phone,
      u.id as user_id, u.display_name as user_name, o.name as organisation, u.languages
    from desks d
    join economies e on e.code = d.economy_code
    left join desk_members m on m.desk_id = d.id
    left join users u on u.id = m.user_id and u.disabled_at is null
    left join organisations o on o.id = u.organisation_id
    where true ${economy} ${area} ${language}
    order by e.sort_order, d.economy_code, d.area, u.display_name`);
  return rowsOf<ContactPointRow>(result);
}
