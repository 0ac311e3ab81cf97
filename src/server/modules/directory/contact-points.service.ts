import type { ContactPointDesk, ContactPointDirectory, ContactPointQuery } from '../../../contract/contact-points';
import type { DeskArea } from '../../../contract/core';
import type { Db } from '../../db/client';
import { listContactPoints } from './contact-points.queries';

/** The contact-point directory: each economy's desks by area, whom they staff with, and how to reach them. */
export async function contactPointDirectory(db: Db, query: ContactPointQuery): Promise<ContactPointDirectory> {
  const rows = await listContactPoints(db, query);
  const economies = new Map<string, { code: string; name: string; desks: Map<string, ContactPointDesk> }>();
  for (const row of rows) {
    const economy = economies.get(row.economy) ?? { code: row.economy, name: row.economy_name, desks: new Map() };
    economies.set(row.economy, economy);
    const desk = economy.desks.get(row.desk_id) ?? { id: row.desk_id, name: row.desk_name, area: row.area as DeskArea, email: row.email, dutyPhone: row.duty_phone, active: false, members: [] };
    economy.desks.set(row.desk_id, desk);
    if (row.user_id && row.user_name) {
      desk.active = true;
      desk.members.push({ id: row.user_id, name: row.user_name, organisation: row.organisation ?? '', languages: row.languages ?? [] });
    }
  }
  return { economies: [...economies.values()].map((economy) => ({ code: economy.code, name: economy.name, desks: [...economy.desks.values()] })) };
}
