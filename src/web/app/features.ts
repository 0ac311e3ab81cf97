import { adminFeature } from '../features/admin/feature';
import { auditFeature } from '../features/audit/feature';
import { exchangeFeature } from '../features/exchange/feature';
import { authFeature } from '../features/auth/feature';
import { notificationsFeature } from '../features/notifications/feature';
import { portalFeature } from '../features/portal/feature';
import { profileFeature } from '../features/profile/feature';
import { wantedFeature } from '../features/wanted/feature';
import type { Feature } from './feature';

/** Every feature of the web app; a new feature adds one line here. */
export const features: Feature[] = [portalFeature, authFeature, profileFeature, wantedFeature, exchangeFeature, adminFeature, auditFeature, notificationsFeature];
export const navItems = features.flatMap((feature) => feature.nav);
