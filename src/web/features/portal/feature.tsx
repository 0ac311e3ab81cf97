import type { Feature } from '../../app/feature';
import { HomePage } from './HomePage';

export const portalFeature: Feature = {
  routes: [{ index: true, element: <HomePage /> }],
  nav: [{ to: '/', label: 'portal:nav.home', area: 'portal' }],
};
