import { and, eq, sql } from 'drizzle-orm';
import { deskMembers, desks, users } from '../../db/schema/core';
import type { AppDeps } from '../../platform/deps';

/** Demo rules (not a statement about any economy's real arrangements). `*`: every area without a rule of its own. */
const DEMO_RULES: { economy: string; crimeArea: string; mode: 'via_contact_point' | 'direct' }[] = [
  { economy: 'RS', crimeArea: '*', mode: 'via_contact_point' },
  { economy: 'AL', crimeArea: '*', mode: 'via_contact_point' },
  { economy: 'HR', crimeArea: '*', mode: 'via_contact_point' },
  { economy: 'HR', crimeArea: 'cyber-security', mode: 'direct' },
  { economy: 'MK', crimeArea: '*', mode: 'via_contact_point' },
  { economy: 'MK', crimeArea: 'money-laundering', mode: 'direct' },
  { economy: 'ME', crimeArea: 'organised-crime', mode: 'via_contact_point' },
  { economy: 'ME', crimeArea: 'drugs', mode: 'via_contact_point' },
  { economy: 'BA', crimeArea: '*', mode: 'direct' },
];

/**
 * Routing rules, one economy with its own approval level, and the Serbian border officer on the
 * Serbian border desk, so that the demo shows an item passing the national contact point.
 */
export async function seedRoutingDemo(deps: AppDeps): Promise<void> {
  await deps.audit.command(async (tx) => {
    for (const rule of DEMO_RULES) {
      await tx.execute(sql`insert into exchange_routing_rules (economy_code, crime_area, mode) values (${rule.economy}, ${rule.crimeArea}, ${rule.mode}) on conflict do nothing`);
    }
    // Montenegro: TLP:AMBER+STRICT also needs a second person, who may be any contact point of the economy.
    await tx.execute(sql`insert into exchange_economy_settings (economy_code, approval_classification, approval_tlp, approver_scope) values ('ME', 'CONFIDENTIAL', 'AMBER+STRICT', 'economy') on conflict do nothing`);
    const [officer] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'officer.rs@mosaic.demo'));
    const [border] = await tx.select({ id: desks.id }).from(desks).where(and(eq(desks.economyCode, 'RS'), eq(desks.area, 'border')));
    if (officer && border) await tx.insert(deskMembers).values({ deskId: border.id, userId: officer.id }).onConflictDoNothing();
  });
}
