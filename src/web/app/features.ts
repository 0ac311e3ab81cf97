import { adminFeature } from '../features/admin/feature';
import { auditFeature } from '../features/audit/feature';
import { casesFeature } from '../features/cases/feature';
import { directoryFeature } from '../features/directory/feature';
import { exchangeFeature } from '../features/exchange/feature';
import { authFeature } from '../features/auth/feature';
import { notificationsFeature } from '../features/notifications/feature';
import { portalFeature } from '../features/portal/feature';
import { profileFeature } from '../features/profile/feature';
import { registryFeature } from '../features/registry/feature';
import { wantedFeature } from '../features/wanted/feature';
import { workspaceFeature } from '../features/workspace/feature';
import type { Feature } from './feature';

/** Every feature of the web app; a new feature adds one line here. */
export const features: Feature[] = [portalFeature, workspaceFeature, authFeature, profileFeature, wantedFeature, exchangeFeature, directoryFeature, casesFeature, adminFeature, auditFeature, notificationsFeature, registryFeature];
export const navItems = features.flatMap((feature) => feature.nav);
