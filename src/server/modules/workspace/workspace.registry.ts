import type { WorkSection } from '../../../contract/workspace';
import type { Actor } from '../../access/actor';
import type { AppDeps } from '../../platform/deps';
import { listOwnOrganisationActivities } from '../registry';

const SHOWN = 5;

/** A donor's or implementer's "my work": the registry activities of its own organisation. */
export async function registryWorkOf(deps: AppDeps, actor: Actor): Promise<WorkSection | null> {
  const own = await listOwnOrganisationActivities(deps.db, actor, SHOWN);
  if (!own) return null;
  return {
    key: 'registry.activities',
    count: own.total,
    items: own.items.map((activity) => ({
      label: activity.title,
      detail: activity.identifier,
      status: activity.status,
      at: new Date(`${activity.plannedStart}T00:00:00Z`).toISOString(),
      link: `/registry/${activity.id}`,
    })),
    link: '/registry',
  };
}
