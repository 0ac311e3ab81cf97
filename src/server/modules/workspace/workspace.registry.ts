import type { WorkSection } from '../../../contract/workspace';
import type { Actor } from '../../access/actor';
import type { AppDeps } from '../../platform/deps';

/**
 * EXTENSION POINT for the coordination registry (`src/server/modules/registry/`): a donor's
 * "my work" shows the registry activities of its own organisation. The registry module has no
 * public face (`index.ts`) yet; once it exports a function that lists the actor's own
 * organisation's activities with its own scope, call it here and map each activity to a
 * `WorkItem` (label = title, status = activity status, link = its page) under the section key
 * `registry.activities`. Until then the section is left out, not shown empty.
 */
export async function registryWorkOf(_deps: AppDeps, _actor: Actor): Promise<WorkSection | null> {
  return null;
}
