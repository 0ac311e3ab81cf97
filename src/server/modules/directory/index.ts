import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { registerContactPointRoutes } from './contact-points.routes';
import { registerDirectoryRoutes } from './directory.routes';

export { presentOrganisation } from './directory.presenter';
export { containsPattern, economyExists, findDesk, findOrganisation, loadMarkingChoices } from './directory.queries';
export type { DeskRow, OrganisationRow, SharingGroupRow } from './directory.queries';
export { loadDeskViews, loadSharingGroupViews } from './directory.service';
export { seedContactPointDemo } from './contact-points.seed';
// For the audit view: names of organisations, desks and sharing groups, for those who may read the directory.
export { directoryRecordTitles } from './directory.titles';

/** The directory module's public face: read routes, and views the admin module answers with. */
export async function registerDirectoryModule(app: FastifyInstance, deps: AppDeps) {
  registerDirectoryRoutes(app, deps);
  registerContactPointRoutes(app, deps);
}
