import { asc, count, sql } from 'drizzle-orm';
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASSIFICATIONS, type Classification, type Role, TLP_LEVELS, type Tlp } from '../../contract/core';
import type { DbHandle } from '../db/client';
import { createTestDatabase } from '../test/build-test-app';
import { type Actor, anonymousActor, type UserActor } from './actor';
import { canReadMarked, type MarkedRecord } from './marking';
import { visibleMarked } from './scopes';

/*
 * The SQL twin: for every actor, visibleMarked must keep exactly the rows canReadMarked allows,
 * so lists, counts and search never disagree with reading the record itself.
 */

const ORG_RS_POLICE = '0a000000-0000-4000-8000-000000000001';
const ORG_RS_CUSTOMS = '0a000000-0000-4000-8000-000000000002';
const ORG_AL_POLICE = '0a000000-0000-4000-8000-000000000003';
const ORG_ME_BORDER = '0a000000-0000-4000-8000-000000000004';
const GROUP_WB_DRUGS = '0b000000-0000-4000-8000-000000000001';
const GROUP_SALW = '0b000000-0000-4000-8000-000000000002';

const probe = pgTable('access_twin_probe', {
  id: integer('id').primaryKey(),
  classification: text('classification').notNull(),
  tlp: text('tlp').notNull(),
  releasableEconomies: text('releasable_economies').array().notNull(),
  releasableOrganisations: uuid('releasable_organisations').array().notNull(),
  sharingGroups: uuid('sharing_groups').array().notNull(),
  ownerOrganisationId: uuid('owner_organisation_id').notNull(),
});

const ECONOMY_LISTS = [[], ['RS'], ['AL'], ['AL', 'RS', 'XK']];
const ORGANISATION_LISTS = [[], [ORG_RS_POLICE], [ORG_ME_BORDER, ORG_AL_POLICE]];
const GROUP_LISTS = [[], [GROUP_WB_DRUGS], [GROUP_SALW]];
const OWNERS = [
  { organisation: ORG_RS_POLICE, economy: 'RS' },
  { organisation: ORG_RS_CUSTOMS, economy: 'RS' },
  { organisation: ORG_AL_POLICE, economy: 'AL' },
];

const records: (MarkedRecord & { id: number })[] = [];
for (const classification of CLASSIFICATIONS) {
  for (const tlp of TLP_LEVELS) {
    for (const releasableEconomies of ECONOMY_LISTS) {
      for (const releasableOrganisations of ORGANISATION_LISTS) {
        for (const sharingGroups of GROUP_LISTS) {
          for (const owner of OWNERS) {
            records.push({
              id: records.length + 1,
              classification: classification as Classification,
              tlp: tlp as Tlp,
              releasableEconomies,
              releasableOrganisations,
              sharingGroups,
              originatorControl: false,
              ownerOrganisationId: owner.organisation,
              ownerEconomy: owner.economy,
            });
          }
        }
      }
    }
  }
}

function user(name: string, input: { roles: Role[]; clearance: Classification; organisationId: string; economy: string; groups?: string[] }): [string, UserActor] {
  return [
    name,
    {
      kind: 'user',
      userId: '0c000000-0000-4000-8000-000000000001',
      email: `${name.replace(/\W+/g, '.')}@example.test`,
      displayName: name,
      organisationId: input.organisationId,
      organisationName: name,
      economy: input.economy,
      roles: input.roles,
      clearance: input.clearance,
      deskIds: [],
      sharingGroupIds: input.groups ?? [],
    },
  ];
}

const ACTORS: [string, Actor][] = [
  ['anonymous', anonymousActor],
  user('RS police officer, RESTRICTED', { roles: ['officer'], clearance: 'RESTRICTED', organisationId: ORG_RS_POLICE, economy: 'RS' }),
  user('RS customs analyst, CONFIDENTIAL, drugs group', { roles: ['analyst'], clearance: 'CONFIDENTIAL', organisationId: ORG_RS_CUSTOMS, economy: 'RS', groups: [GROUP_WB_DRUGS] }),
  user('AL contact point, CONFIDENTIAL, both groups', { roles: ['contact_point'], clearance: 'CONFIDENTIAL', organisationId: ORG_AL_POLICE, economy: 'AL', groups: [GROUP_WB_DRUGS, GROUP_SALW] }),
  user('ME border officer, CONFIDENTIAL', { roles: ['officer'], clearance: 'CONFIDENTIAL', organisationId: ORG_ME_BORDER, economy: 'ME' }),
  user('MK administrator, PUBLIC clearance', { roles: ['administrator'], clearance: 'PUBLIC', organisationId: '0a000000-0000-4000-8000-000000000009', economy: 'MK' }),
  user('RS police reader, CONFIDENTIAL', { roles: ['reader'], clearance: 'CONFIDENTIAL', organisationId: ORG_RS_POLICE, economy: 'RS' }),
  user('RS police auditor, CONFIDENTIAL', { roles: ['auditor'], clearance: 'CONFIDENTIAL', organisationId: ORG_RS_POLICE, economy: 'RS', groups: [GROUP_WB_DRUGS] }),
  user('donor, CONFIDENTIAL', { roles: ['donor'], clearance: 'CONFIDENTIAL', organisationId: ORG_AL_POLICE, economy: 'AL' }),
  user('RS police auditor and officer', { roles: ['auditor', 'officer'], clearance: 'CONFIDENTIAL', organisationId: ORG_RS_POLICE, economy: 'RS', groups: [GROUP_SALW] }),
];

let handle: DbHandle;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ handle, drop } = await createTestDatabase());
  await handle.execScript(`create table access_twin_probe (
    id integer primary key,
    classification text not null,
    tlp text not null,
    releasable_economies text[] not null,
    releasable_organisations uuid[] not null,
    sharing_groups uuid[] not null,
    owner_organisation_id uuid not null
  )`);
  for (let start = 0; start < records.length; start += 200) {
    await handle.db.insert(probe).values(
      records.slice(start, start + 200).map((record) => ({
        id: record.id,
        classification: record.classification,
        tlp: record.tlp,
        releasableEconomies: record.releasableEconomies,
        releasableOrganisations: record.releasableOrganisations,
        sharingGroups: record.sharingGroups,
        ownerOrganisationId: record.ownerOrganisationId,
      })),
    );
  }
});

afterAll(async () => {
  await handle.execScript('drop table if exists access_twin_probe');
  await drop();
});

describe('visibleMarked, the SQL twin of canReadMarked', () => {
  it(`holds every marking combination (${records.length} rows)`, async () => {
    const [row] = await handle.db.select({ n: count() }).from(probe);
    expect(Number(row!.n)).toBe(records.length);
  });

  it.each(ACTORS)('returns exactly the rows canReadMarked allows for: %s', async (_name, actor) => {
    const where = visibleMarked(actor, probe);
    const rows = await handle.db.select({ id: probe.id }).from(probe).where(where).orderBy(asc(probe.id));
    const expected = records.filter((record) => canReadMarked(actor, record)).map((record) => record.id);
    expect(rows.map((row) => row.id)).toEqual(expected);
    const [counted] = await handle.db.select({ n: count() }).from(probe).where(where);
    expect(Number(counted!.n)).toBe(expected.length);
    const [negated] = await handle.db.select({ n: count() }).from(probe).where(sql`not (${where})`);
    expect(Number(negated!.n)).toBe(records.length - expected.length);
  });

  it('lets the operational actors see some rows and not others, so the comparison means something', async () => {
    for (const [name, actor] of ACTORS.slice(1, 5)) {
      const visible = records.filter((record) => canReadMarked(actor, record)).length;
      expect({ name, some: visible > 0, notAll: visible < records.length }).toEqual({ name, some: true, notAll: true });
    }
  });
});
