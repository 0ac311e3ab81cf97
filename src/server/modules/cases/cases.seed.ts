import { and, eq } from 'drizzle-orm';
import type { EntityAddInput } from '../../../contract/cases';
import type { Marking } from '../../../contract/core';
import type { UserActor } from '../../access/actor';
import { desks, organisations, users } from '../../db/schema/core';
import { buildActor } from '../../platform/auth/sessions';
import type { AppDeps } from '../../platform/deps';
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
  const cases = createCaseService(deps);
  const entities = createEntityService(deps);
  const ip = '127.0.0.1';
  const add = (actor: UserActor, caseId: string, marking: Marking, items: Omit<EntityAddInput, 'marking' | 'role'>[]) =>
    Promise.all(items.map(async (item) => entities.add(actor, caseId, { ...item, role: '', marking } as EntityAddInput, ip))).then(() => undefined);

  const rsCase = await cases.create(rs, { title: 'Heroin route through Preševo', summary: 'A group moving heroin from the south by passenger cars with hidden compartments.', crimeArea: 'drugs', openedOn: '2026-03-02', ownerDeskId: rsDesk, marking: amber('RS', 'MK') }, ip);
  for (const item of [
    { kind: 'person', attributes: { name: 'Марко Јовановић', dateOfBirth: '1984-03-12', nationality: 'RS', documentNumbers: [] } },
    { kind: 'phone', attributes: { number: '064 123 4567' } },
    { kind: 'vehicle', attributes: { vin: '1M8GDM9AXKP042788', plate: 'VR 123-AB', make: 'Volkswagen', model: 'Passat' } },
  ] as const) await add(rs, rsCase.id, amber('RS', 'MK'), [item]);
  await cases.addEvent(rs, rsCase.id, { occurredOn: '2026-03-02', place: 'Preševo', description: 'Car stopped at a checkpoint; compartment found empty.' }, ip);
  const mkPolice = (await deps.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, mk.organisationId)))[0];
  if (mkPolice) await cases.addTeamMember(rs, rsCase.id, { organisationId: mkPolice.id, role: 'member', startsOn: '2026-03-01', endsOn: null }, ip);

  const alCase = await cases.create(al, { title: 'Cannabis shipments via Durrës', summary: 'Lorries with cannabis hidden in fruit cargo.', crimeArea: 'drugs', openedOn: '2026-04-15', ownerDeskId: alDesk, marking: amber('AL') }, ip);
  await add(al, alCase.id, amber('AL'), [
    { kind: 'person', attributes: { name: 'Marko Jovanovic', dateOfBirth: '1984-03-12', documentNumbers: [] } },
    { kind: 'phone', attributes: { number: '+381 64 1234567' } },
  ]);

  const mkCase = await cases.create(mk, { title: 'Migrant smuggling near Gevgelija', summary: 'Vans carrying migrants north from the southern border.', crimeArea: 'migrant_smuggling', openedOn: '2026-05-20', ownerDeskId: mkDesk, marking: amber('MK') }, ip);
  await add(mk, mkCase.id, amber('MK'), [{ kind: 'vehicle', attributes: { vin: '1M8GDM9AXKP042788', make: 'Volkswagen' } }]);
}
