import type { RouteObject } from 'react-router';

export interface NavItem {
  to: string;
  /** i18n key, `namespace:key`. */
  label: string;
  /** Shown only when the session grants this action; public items have none. */
  ability?: string;
  area: 'portal' | 'secure';
}

/** What each feature folder contributes to the app: its routes and its menu entries. */
export interface Feature {
  routes: RouteObject[];
  nav: NavItem[];
}
