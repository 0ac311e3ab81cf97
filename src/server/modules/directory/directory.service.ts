import type { DeskListQuery, DeskView, OrganisationListQuery, OrganisationPage, SharingGroupView } from '../../../contract/directory';
import type { Actor } from '../../access/actor';
import type { Db } from '../../db/client';
import { presentDesk, presentOrganisation, presentSharingGroup, seesDeskMembers } from './directory.presenter';
import {
  countDeskMembers,
  findOrganisationsByIds,
  listDeskMembers,
  listDesks,
  listEconomies,
  listOrganisations,
  listSharingGroups,
} from './directory.queries';

/** Reads of the directory; writes belong to the admin module. */
export function createDirectoryService(deps: { db: Db }) {
  return {
    economies: async () => ({
      items: (await listEconomies(deps.db)).map((row) => ({ code: row.code, name: row.name, kind: row.kind })),
    }),

    organisations: async (actor: Actor, query: OrganisationListQuery): Promise<OrganisationPage> => {
      const { rows, total } = await listOrganisations(deps.db, query);
      return { items: rows.map((row) => presentOrganisation(actor, row)), total, page: query.page, pageSize: query.pageSize };
    },

    desks: (actor: Actor, query: DeskListQuery & { ids?: string[] }) => loadDeskViews(deps.db, actor, query),

    sharingGroups: (actor: Actor, ids?: string[]) => loadSharingGroupViews(deps.db, actor, ids),
  };
}

export async function loadDeskViews(db: Db, actor: Actor, query: DeskListQuery & { ids?: string[] }): Promise<DeskView[]> {
  const rows = await listDesks(db, query);
  const ids = rows.map((row) => row.id);
  const counts = await countDeskMembers(db, ids);
  const members = seesDeskMembers(actor) ? await listDeskMembers(db, ids) : [];
  return rows.map((row) =>
    presentDesk(
      actor,
      row,
      counts.get(row.id) ?? 0,
      members.filter((member) => member.deskId === row.id).map(({ id, displayName, organisation }) => ({ id, displayName, organisation })),
    ),
  );
}

export async function loadSharingGroupViews(db: Db, actor: Actor, ids?: string[]): Promise<SharingGroupView[]> {
  const rows = await listSharingGroups(db, ids);
  const organisations = await findOrganisationsByIds(db, [...new Set(rows.flatMap((row) => row.organisationIds))]);
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  return rows.map((row) => presentSharingGroup(actor, row, byId));
}
