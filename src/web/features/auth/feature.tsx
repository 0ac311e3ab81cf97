import type { Feature } from '../../app/feature';

export const authFeature: Feature = { routes: [], nav: [] };
