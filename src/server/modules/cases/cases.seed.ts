import { and, eq } from 'drizzle-orm';
import type { EntityAddInput } from '../../../contract/cases';
import type { Marking } from '../../../contract/core';
import type { UserActor } from '../../access/actor';
import { desks, organisations, users } from '../../db/schema/core';
import { buildActor } from '../../platform/auth/sessions';
import type { AppDeps } from '../../platform/deps';
import { casesDepsOf } from './cases.context';
import { createCaseService } from './cases.service';
import { createEntityService } from './entities.service';

async function demoActor(deps: AppDeps, email: string): Promise<UserActor | null> {
  const [row] = await deps.db.select({ user: users, organisation: organisations }).from(users).innerJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(users.email, email));
  return row ? buildActor(deps.db, row.user, row.organisation) : null;
}

async function deskId(deps: AppDeps, economy: string, area: string): Promise<string | null> {
  const [row] = await deps.db.select({ id: desks.id }).from(desks).where(and(eq(desks.economyCode, economy), eq(desks.area, area)));
  return row?.id ?? null;
}

const amber = (...economies: string[]): Marking => ({ classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: economies, releasableOrganisations: [], sharingGroups: [], originatorControl: false });

/**
 * Three fictional cases in RS, AL and MK whose people, phones and vehicles meet across the
 * border, written through the module's services (normalisation, correlation, notices, audit).
 * The RS case has a joint investigation team with the North Macedonian police.
 */
export async function seedCasesDemo(deps: AppDeps): Promise<void> {
  const [rs, al, mk] = await Promise.all(['cp.rs@mosaic.demo', 'cp.al@mosaic.demo', 'cp.mk@mosaic.demo'].map((email) => demoActor(deps, email)));
  const [rsDesk, alDesk, mkDesk] = await Promise.all(['RS', 'AL', 'MK'].map((economy) => deskId(deps, economy, 'police_cooperation')));
  if (!rs || !al || !mk || !rsDesk || !alDesk || !mkDesk) return;
  const cases = createCaseService(casesDepsOf(deps));
  const entities = createEntityService(casesDepsOf(deps));
  const ip = '127.0.0.1';
  const add = (actor: UserActor, caseId: string, marking: Marking, items: Omit<EntityAddInput, 'marking' | 'role'>[]) =>
    Promise.all(items.map(async (item) => entities.add(actor, caseId, { ...item, role: '', marking } as EntityAddInput, ip))).then(() => undefined);

  const rsCase = await cases.create(rs, { title: 'Heroin route through Preševo', summary: 'A group moving heroin from the south by passenger cars with hidden compartments.', crimeArea: 'drugs', openedOn: '2026-03-02', ownerDeskId: rsDesk, marking: amber('RS', 'MK') }, ip);
  for (const item of [
    { kind: 'person', attributes: { name: 'Марко Јовановић', dateOfBirth: '1984-03-12', nationality: 'RS', documentNumbers: [] } },
    { kind: 'phone', attributes: { number: '064 123 4567' } },
    { kind: 'vehicle', attributes: { vin: '1M8GDM9AXKP042788', plate: 'VR 123-AB', make: 'Volkswagen', model: 'Passat' } },
  ] as const) await add(rs, rsCase.id, amber('RS', 'MK'), [item]);
  const route = async (actor: UserActor, caseId: string, stops: [string, string, string, string][]) => {
    for (const [occurredOn, place, economy, description] of stops) await cases.addEvent(actor, caseId, { occurredOn, place, economy, description }, ip);
  };
  await route(rs, rsCase.id, [
    ['2026-02-27', 'Gevgelija', 'MK', 'Courier car seen entering from the south.'],
    ['2026-03-02', 'Preševo', 'RS', 'Car stopped at a checkpoint; compartment found empty.'],
    ['2026-03-04', 'Batrovci', 'HR', 'The same car crossed into Croatia.'],
  ]);
  const mkPolice = (await deps.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, mk.organisationId)))[0];
  if (mkPolice) await cases.addTeamMember(rs, rsCase.id, { organisationId: mkPolice.id, role: 'member', startsOn: '2026-03-01', endsOn: null }, ip);

  const alCase = await cases.create(al, { title: 'Cannabis shipments via Durrës', summary: 'Lorries with cannabis hidden in fruit cargo.', crimeArea: 'drugs', openedOn: '2026-04-15', ownerDeskId: alDesk, marking: amber('AL') }, ip);
  await add(al, alCase.id, amber('AL'), [
    { kind: 'person', attributes: { name: 'Marko Jovanovic', dateOfBirth: '1984-03-12', documentNumbers: [] } },
    { kind: 'phone', attributes: { number: '+381 64 1234567' } },
  ]);
  await route(al, alCase.id, [
    ['2026-04-10', 'Durrës', 'AL', 'Lorry loaded at the port.'],
    ['2026-04-12', 'Bar', 'ME', 'Lorry crossed into Montenegro.'],
    ['2026-04-14', 'Split', 'HR', 'Cargo delivered.'],
  ]);

  const mkCase = await cases.create(mk, { title: 'Migrant smuggling near Gevgelija', summary: 'Vans carrying migrants north from the southern border.', crimeArea: 'migrant_smuggling', openedOn: '2026-05-20', ownerDeskId: mkDesk, marking: amber('MK') }, ip);
  await add(mk, mkCase.id, amber('MK'), [{ kind: 'vehicle', attributes: { vin: '1M8GDM9AXKP042788', make: 'Volkswagen' } }]);
  await route(mk, mkCase.id, [
    ['2026-05-18', 'Idomeni', 'GR', 'Group gathered at the border.'],
    ['2026-05-20', 'Gevgelija', 'MK', 'Van stopped with twelve migrants.'],
    ['2026-05-21', 'Preševo', 'RS', 'A second van reached the Serbian border.'],
  ]);
}
