import type { DeskArea } from '../../../contract/core';

const ECONOMY_NAMES: Record<string, string> = {
  AL: 'Albania',
  BA: 'Bosnia and Herzegovina',
  BG: 'Bulgaria',
  HR: 'Croatia',
  GR: 'Greece',
  XK: 'Kosovo*',
  MD: 'Moldova',
  ME: 'Montenegro',
  MK: 'North Macedonia',
  RO: 'Romania',
  RS: 'Serbia',
  SI: 'Slovenia',
  TR: 'Türkiye',
};

const AREA_NAMES: Record<DeskArea, string> = {
  police_cooperation: 'Police cooperation',
  mutual_legal_assistance: 'Mutual legal assistance',
  cve_ftf: 'CVE and foreign terrorist fighters',
  border: 'Border',
  salw: 'Small arms and light weapons',
  customs: 'Customs',
  wanted_persons: 'Wanted persons',
};

const COMMON_AREAS: DeskArea[] = ['police_cooperation', 'mutual_legal_assistance', 'border', 'wanted_persons'];
/** Where a CVE/FTF or SALW contact point is set up in the demo (not a statement about real arrangements). */
const CVE_FTF = new Set(['AL', 'BA', 'ME', 'MK', 'RS', 'XK']);
const SALW = new Set(['AL', 'BA', 'MD', 'ME', 'MK', 'RS', 'XK']);

export interface DemoDesk {
  economy: string;
  area: DeskArea;
  name: string;
  email: string;
}

export const DEMO_DESKS: DemoDesk[] = Object.entries(ECONOMY_NAMES).flatMap(([economy, economyName]) => {
  const areas: DeskArea[] = [...COMMON_AREAS];
  if (CVE_FTF.has(economy)) areas.push('cve_ftf');
  if (SALW.has(economy)) areas.push('salw');
  return areas.map((area) => ({
    economy,
    area,
    name: `${economyName} – ${AREA_NAMES[area]}`,
    email: `${area.replace(/_/g, '-')}.${economy.toLowerCase()}@desks.mosaic.demo`,
  }));
});

export const deskKey = (economy: string, area: string) => `${economy}:${area}`;
