import type { Marking } from '../../../../contract/core';
import type { Actor } from '../../../access/actor';
import { canReadMarked } from '../../../access/marking';
import type { Db } from '../../../db/client';
import { type LoadedCase } from '../cases.context';
import { markingOf } from '../cases.marking';
import { listRelationships, loadOrganisations } from '../cases.queries';
import type { CaseRow, EntityRow } from '../cases.schema';
import { listLinksOfCases, loadEntities } from '../entities.queries';

export interface ExportItem {
  entity: Pick<EntityRow, 'id' | 'kind' | 'label' | 'attributes' | 'createdAt' | 'updatedAt'>;
  linkId: string;
  role: string;
  marking: Marking;
}

/** What an export may hold: only what the reader may see, filtered before any format is built. */
export interface ExportData {
  now: Date;
  caseRow: Pick<CaseRow, 'id' | 'reference' | 'title' | 'summary' | 'crimeArea' | 'status' | 'openedOn' | 'createdAt' | 'updatedAt'> & { marking: Marking };
  organisation: { id: string; name: string; economy: string };
  items: ExportItem[];
  relationships: { id: string; fromEntityId: string; toEntityId: string; kind: string; validFrom: string | null; validTo: string | null; source: string; createdAt: Date }[];
}

/**
 * The case's entities whose link's own marking admits the actor (optionally only the graph
 * view's selection), and the relationships between two of them: the same filter as the case
 * page, so an export never holds an entity the page does not show.
 */
export async function loadExportData(db: Db, actor: Actor, loaded: LoadedCase, now: Date, selection: string[] | null): Promise<ExportData> {
  const { row } = loaded;
  const links = (await listLinksOfCases(db, [row.id])).filter((link) => canReadMarked(actor, link) && (selection === null || selection.includes(link.entityId)));
  const [entities, relationships, organisations] = await Promise.all([loadEntities(db, links.map((link) => link.entityId)), listRelationships(db, [row.id]), loadOrganisations(db, [row.ownerOrganisationId])]);
  const items = links.flatMap((link) => {
    const entity = entities.get(link.entityId);
    return entity ? [{ entity, linkId: link.id, role: link.role, marking: markingOf(link) }] : [];
  });
  const shown = new Set(items.map((item) => item.entity.id));
  return {
    now,
    caseRow: { ...row, marking: markingOf(row) },
    organisation: organisations.get(row.ownerOrganisationId) ?? { id: row.ownerOrganisationId, name: row.ownerEconomy, economy: row.ownerEconomy },
    items,
    relationships: relationships.filter((r) => shown.has(r.fromEntityId) && shown.has(r.toEntityId)),
  };
}
