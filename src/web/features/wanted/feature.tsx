import type { Feature } from '../../app/feature';

export const wantedFeature: Feature = { routes: [], nav: [] };
