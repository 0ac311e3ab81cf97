import type { Feature } from '../../app/feature';

export const profileFeature: Feature = { routes: [], nav: [] };
