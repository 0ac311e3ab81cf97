import { eq, sql } from 'drizzle-orm';
import type { EconomySettingsInput, SettingsWidening } from '../../../contract/exchange-routing';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { economies } from '../../db/schema/core';

export interface ProposalRow {
  proposal: EconomySettingsInput;
  widens: SettingsWidening[];
  proposedBy: string;
  proposedByName: string;
  proposedAt: Date;
  baseUpdatedAt: Date | null;
}

/** Regional and international bodies run the platform for every economy (as for access changes). */
export async function isRegionalEconomy(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ kind: economies.kind }).from(economies).where(eq(economies.code, code)).limit(1);
  return row !== undefined && row.kind !== 'economy';
}

export async function isNationalEconomyCode(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ kind: economies.kind }).from(economies).where(eq(economies.code, code)).limit(1);
  return row?.kind === 'economy';
}

/** The economy's desks for the form, with whether anyone enabled staffs them. */
export async function listEconomyDesks(db: Db, economy: string) {
  const result = await db.execute(sql`select d.id, d.name, d.economy_code as economy, d.area,
      exists (select 1 from desk_members m join users u on u.id = m.user_id where m.desk_id = d.id and u.disabled_at is null) as active
    from desks d where d.economy_code = ${economy} order by d.name`);
  return rowsOf<{ id: string; name: string; economy: string; area: string; active: boolean }>(result);
}

export async function loadProposal(db: Db, economy: string, forUpdate = false): Promise<ProposalRow | null> {
  const lock = forUpdate ? sql` for update of p` : sql``;
  const result = await db.execute(sql`select p.proposal, p.widens, p.proposed_by, u.display_name, p.proposed_at, p.base_updated_at
    from exchange_settings_proposals p join users u on u.id = p.proposed_by where p.economy_code = ${economy}${lock}`);
  const row = rowsOf<{ proposal: EconomySettingsInput | string; widens: SettingsWidening[]; proposed_by: string; display_name: string; proposed_at: string | Date; base_updated_at: string | Date | null }>(result)[0];
  if (!row) return null;
  return {
    proposal: typeof row.proposal === 'string' ? (JSON.parse(row.proposal) as EconomySettingsInput) : row.proposal,
    widens: row.widens,
    proposedBy: row.proposed_by,
    proposedByName: row.display_name,
    proposedAt: new Date(row.proposed_at),
    baseUpdatedAt: row.base_updated_at ? new Date(row.base_updated_at) : null,
  };
}

/** Inserts the waiting change; false when one waits already (one at a time per economy). */
export async function insertProposal(db: Db, economy: string, input: { proposal: EconomySettingsInput; widens: SettingsWidening[]; userId: string; at: Date; baseUpdatedAt: Date | null }): Promise<boolean> {
  const result = await db.execute(sql`insert into exchange_settings_proposals (economy_code, proposal, widens, proposed_by, proposed_at, base_updated_at)
    values (${economy}, ${JSON.stringify(input.proposal)}::jsonb, ${`{${input.widens.join(',')}}`}::text[], ${input.userId}, ${input.at.toISOString()}, ${input.baseUpdatedAt?.toISOString() ?? null})
    on conflict (economy_code) do nothing returning economy_code`);
  return rowsOf(result).length === 1;
}

export async function deleteProposal(db: Db, economy: string): Promise<boolean> {
  return rowsOf(await db.execute(sql`delete from exchange_settings_proposals where economy_code = ${economy} returning economy_code`)).length === 1;
}
