import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Classification, Role, Tlp } from '../../../contract/core';
import type { UserActor } from '../../access/actor';
import type { DbHandle } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { createTestDatabase } from '../../test/build-test-app';
import { canReadCase } from './cases.policy';
import { insertEvent, visibleCases } from './cases.queries';
import { caseRecords, caseTeamMembers } from './cases.schema';
import { type DashboardRow, type RouteRow, dashboardCounts, dashboardFigures, dashboardRoutes } from './dashboard.queries';
import { loadCaseAccesses } from './hits.service';

/*
 * The dashboard reads a reader's cases by two branches (their organisation's own cases and the
 * cases it is on the team of) and filters both with the full policy: over a grid of markings,
 * owners, desks and team memberships (active, left, ended, not yet started), every actor's
 * figures must equal those of the cases canReadCase lets them read, computed here in memory,
 * and the figures of the plain filter over every case.
 */

const TODAY = '2026-06-01';
const PERIOD = { from: '2026-01-01', to: '2026-06-30', previousFrom: '2025-07-04' };
const ECONOMY_OF = { rsPolice: 'RS', rsCustoms: 'RS', mkPolice: 'MK', alPolice: 'AL' } as const;
type Org = keyof typeof ECONOMY_OF;

let database: { handle: DbHandle; drop(): Promise<void> };
const org = {} as Record<Org, string>;
const desk = {} as Record<'rs1' | 'rs2' | 'customs' | 'mk' | 'al', string>;
let creator = '';
const actors: { label: string; actor: UserActor }[] = [];

const uuidOf = async (query: ReturnType<typeof sql>) => rowsOf<{ id: string }>(await database.handle.db.execute(query))[0]!.id;

function actorOf(label: string, organisation: Org, roles: Role[], deskIds: string[], clearance: Classification = 'CONFIDENTIAL', sharingGroupIds: string[] = []) {
  actors.push({ label, actor: { kind: 'user', userId: creator, email: `${label}@example.test`, displayName: label, organisationId: org[organisation], organisationName: organisation, economy: ECONOMY_OF[organisation], roles, clearance, deskIds, sharingGroupIds } });
}

const GROUP = '0b000000-0000-4000-8000-000000000001';

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database.handle;
  for (const name of Object.keys(ECONOMY_OF) as Org[]) org[name] = await uuidOf(sql`insert into organisations (name, kind, economy_code) values (${name}, 'police', ${ECONOMY_OF[name]}) returning id::text as id`);
  for (const [name, economy] of [['rs1', 'RS'], ['rs2', 'RS'], ['customs', 'RS'], ['mk', 'MK'], ['al', 'AL']] as const) {
    desk[name] = await uuidOf(sql`insert into desks (economy_code, area, name) values (${economy}, ${`area_${name}`}, ${name}) returning id::text as id`);
  }
  creator = await uuidOf(sql`insert into users (email, display_name, organisation_id, roles, clearance, password_hash) values ('creator@example.test', 'Creator', ${org.rsPolice}::uuid, '{analyst}', 'CONFIDENTIAL', 'x') returning id::text as id`);
  const owners: { organisation: Org; desk: string }[] = [
    { organisation: 'rsPolice', desk: desk.rs1 },
    { organisation: 'rsPolice', desk: desk.rs2 },
    { organisation: 'rsCustoms', desk: desk.customs },
    { organisation: 'mkPolice', desk: desk.mk },
    { organisation: 'alPolice', desk: desk.al },
  ];
  const markings: { tlp: Tlp; releasableEconomies: string[]; releasableOrganisations: string[]; sharingGroups: string[] }[] = [
    { tlp: 'GREEN', releasableEconomies: [], releasableOrganisations: [], sharingGroups: [] },
    { tlp: 'AMBER', releasableEconomies: ['RS'], releasableOrganisations: [], sharingGroups: [] },
    { tlp: 'AMBER', releasableEconomies: ['RS', 'MK', 'AL'], releasableOrganisations: [], sharingGroups: [] },
    { tlp: 'AMBER+STRICT', releasableEconomies: [], releasableOrganisations: [org.mkPolice], sharingGroups: [GROUP] },
    { tlp: 'RED', releasableEconomies: [], releasableOrganisations: [org.rsPolice], sharingGroups: [] },
  ];
  const days = ['2025-06-30', '2025-08-15', '2026-01-01', '2026-03-31', '2026-06-30', '2026-07-01'];
  const areas = ['drugs', 'firearms', 'cybercrime'] as const;
  const rows: (typeof caseRecords.$inferInsert)[] = [];
  for (const owner of owners) {
    for (const [m, marking] of markings.entries()) {
      for (const classification of ['RESTRICTED', 'CONFIDENTIAL'] as const) {
        for (const [d, openedOn] of days.entries()) {
          rows.push({
            reference: `C-${rows.length}`, title: 'Case', crimeArea: areas[(m + d) % 3]!, status: 'open', openedOn, ownerDeskId: owner.desk, createdBy: creator,
            classification, ...marking, ownerOrganisationId: org[owner.organisation], ownerEconomy: ECONOMY_OF[owner.organisation],
          });
        }
      }
    }
  }
  const cases = await db.insert(caseRecords).values(rows).returning({ id: caseRecords.id, owner: caseRecords.ownerOrganisationId });
  // Memberships of every kind: active, left, ended before today, starting after today; some with a route.
  const memberships = [
    { leftAt: null, startsOn: '2026-01-01', endsOn: null },
    { leftAt: new Date('2026-05-01T00:00:00Z'), startsOn: '2026-01-01', endsOn: null },
    { leftAt: null, startsOn: '2026-01-01', endsOn: '2026-05-31' },
    { leftAt: null, startsOn: '2026-06-02', endsOn: null },
  ];
  for (const [i, row] of cases.entries()) {
    for (const member of [org.mkPolice, org.rsPolice]) {
      if (row.owner === member || i % 3 === 0) continue;
      await db.insert(caseTeamMembers).values({ caseId: row.id, organisationId: member, role: 'member', addedBy: creator, ...memberships[i % 4]! });
    }
    if (i % 4 === 1) {
      // Written out of date order: the route follows the dates, a stop repeated in a row once.
      const stops = [['2026-02-03', 'ME'], ['2026-02-01', 'AL'], ['2026-02-02', 'AL'], ['2026-02-05', i % 8 === 1 ? 'HR' : 'RS']] as const;
      for (const [occurredOn, economy] of stops) await insertEvent(db, { caseId: row.id, occurredOn, description: 'Seen', economy, createdBy: creator });
    }
  }
  actorOf('rs analyst', 'rsPolice', ['analyst'], [desk.rs1]);
  actorOf('rs officer on desk 1', 'rsPolice', ['officer'], [desk.rs1]);
  actorOf('rs officer on no desk', 'rsPolice', ['officer'], []);
  actorOf('rs analyst, restricted clearance', 'rsPolice', ['analyst'], [], 'RESTRICTED');
  actorOf('rs customs officer', 'rsCustoms', ['officer'], [desk.customs]);
  actorOf('mk officer', 'mkPolice', ['officer'], [desk.mk]);
  actorOf('mk analyst in the group', 'mkPolice', ['analyst'], [], 'CONFIDENTIAL', [GROUP]);
  actorOf('al analyst', 'alPolice', ['analyst'], [desk.al]);
  actorOf('rs auditor', 'rsPolice', ['auditor'], [desk.rs1]);
});

afterAll(async () => {
  await database?.drop();
});

/** The figures of the cases canReadCase admits, counted in memory; routes rebuilt from the events. */
async function expectedFigures(actor: UserActor): Promise<{ rows: DashboardRow[]; routes: RouteRow[] }> {
  const { db } = database.handle;
  const ids = rowsOf<{ id: string }>(await db.execute(sql`select id::text from case_records`)).map((row) => row.id);
  const cases = await loadCaseAccesses(db, ids, TODAY);
  const events = rowsOf<{ case_id: string; economy: string }>(await db.execute(sql`select case_id::text, economy from case_events where economy is not null order by occurred_on, created_at`));
  const counts = new Map<string, DashboardRow>();
  const routes = new Map<string, RouteRow>();
  for (const { row, access } of cases.values()) {
    if (!canReadCase(actor, access) || row.openedOn < PERIOD.previousFrom || row.openedOn > PERIOD.to) continue;
    const current = row.openedOn >= PERIOD.from ? 1 : 0;
    const key = `${row.crimeArea}|${row.ownerEconomy}|${row.openedOn.slice(0, 7)}`;
    const count = counts.get(key) ?? { crime_area: row.crimeArea, owner_economy: row.ownerEconomy, month: row.openedOn.slice(0, 7), current: 0, previous: 0 };
    counts.set(key, { ...count, current: count.current + current, previous: count.previous + 1 - current });
    const stops = events.filter((event) => event.case_id === row.id).map((event) => event.economy).filter((economy, i, all) => i === 0 || all[i - 1] !== economy);
    if (stops.length < 2) continue;
    const path = stops.join('>');
    const route = routes.get(path) ?? { path, current: 0, previous: 0 };
    routes.set(path, { path, current: route.current + current, previous: route.previous + 1 - current });
  }
  return { rows: sortRows([...counts.values()]), routes: [...routes.values()].sort((a, b) => b.current - a.current || (a.path < b.path ? -1 : 1)) };
}

const sortRows = (rows: DashboardRow[]) => [...rows].sort((a, b) => `${a.crime_area}|${a.owner_economy}|${a.month}`.localeCompare(`${b.crime_area}|${b.owner_economy}|${b.month}`));

describe('the dashboard over a grid of cases', () => {
  it('counts for each actor exactly the cases the policy lets them read, and nothing for the others', async () => {
    const { db } = database.handle;
    const seen: number[] = [];
    for (const { label, actor } of actors) {
      const scope = visibleCases(actor, TODAY);
      const reader = { organisationId: actor.organisationId };
      const expected = await expectedFigures(actor);
      const figures = await dashboardFigures(db, scope, PERIOD, reader);
      expect(sortRows(figures.rows), label).toEqual(expected.rows);
      expect(figures.routes, label).toEqual(expected.routes);
      expect(sortRows(await dashboardCounts(db, scope, PERIOD)), `${label}, every case filtered`).toEqual(expected.rows);
      expect(await dashboardRoutes(db, scope, PERIOD, reader), label).toEqual(expected.routes);
      seen.push(figures.rows.reduce((sum, row) => sum + row.current + row.previous, 0));
    }
    // The grid gives each kind of actor something different to see (the auditor nothing).
    expect(new Set(seen).size).toBeGreaterThan(5);
    expect(seen[actors.findIndex((item) => item.label === 'rs auditor')]).toBe(0);
  });

  it('keeps the route of a case with its events, in date order, under the period filter', async () => {
    const analyst = actors.find((item) => item.label === 'rs analyst')!.actor;
    const { routes } = await dashboardFigures(database.handle.db, visibleCases(analyst, TODAY), PERIOD, { organisationId: analyst.organisationId });
    expect(routes.map((route) => route.path).sort()).toEqual(['AL>ME>HR', 'AL>ME>RS']);
    expect(routes.every((route) => route.current + route.previous > 0)).toBe(true);
  });
});
