import type { Feature } from '../../app/feature';

export const adminFeature: Feature = { routes: [], nav: [] };
