import type { Classification, DeskArea, Role } from '../../../contract/core';

export interface DemoUser {
  email: string;
  displayName: string;
  /** Key of an organisation in organisations.data.ts. */
  organisation: string;
  roles: Role[];
  clearance: Classification;
  /** Desks of the user's own economy the user staffs. */
  desks: DeskArea[];
}

/**
 * Fictional people, one or more for every role, in several economies. The e-mails are fixed so
 * that tests and browser checks can rely on them (docs/demo-data.md).
 */
export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@mosaic.demo', displayName: 'Vesna Kovačević', organisation: 'rcc', roles: ['administrator'], clearance: 'CONFIDENTIAL', desks: [] },
  // A second administrator: a change that widens access waits until another administrator approves it.
  { email: 'admin2@mosaic.demo', displayName: 'Besnik Gashi', organisation: 'rcc', roles: ['administrator'], clearance: 'CONFIDENTIAL', desks: [] },
  { email: 'editor@mosaic.demo', displayName: 'Elira Dervishi', organisation: 'rcc', roles: ['editor'], clearance: 'RESTRICTED', desks: [] },
  // A second editor: the portal's four-eyes rule needs another editor to publish what one submits.
  { email: 'editor2@mosaic.demo', displayName: 'Stefan Nikolovski', organisation: 'rcc', roles: ['editor'], clearance: 'RESTRICTED', desks: [] },
  { email: 'auditor@mosaic.demo', displayName: 'Dragana Ilić', organisation: 'rcc', roles: ['auditor'], clearance: 'RESTRICTED', desks: [] },
  { email: 'cp.rs@mosaic.demo', displayName: 'Nikola Petrović', organisation: 'rs-police', roles: ['contact_point'], clearance: 'CONFIDENTIAL', desks: ['police_cooperation', 'wanted_persons'] },
  { email: 'cp.al@mosaic.demo', displayName: 'Arben Krasniqi', organisation: 'al-police', roles: ['contact_point'], clearance: 'CONFIDENTIAL', desks: ['police_cooperation', 'wanted_persons'] },
  { email: 'cp.hr@mosaic.demo', displayName: 'Ivana Horvat', organisation: 'hr-police', roles: ['contact_point'], clearance: 'CONFIDENTIAL', desks: ['police_cooperation', 'wanted_persons'] },
  { email: 'cp.mk@mosaic.demo', displayName: 'Marija Stojanovska', organisation: 'mk-police', roles: ['contact_point'], clearance: 'CONFIDENTIAL', desks: ['police_cooperation', 'mutual_legal_assistance', 'wanted_persons'] },
  { email: 'officer.rs@mosaic.demo', displayName: 'Milan Jovanović', organisation: 'rs-border', roles: ['officer'], clearance: 'RESTRICTED', desks: [] },
  { email: 'officer.hr@mosaic.demo', displayName: 'Tomislav Babić', organisation: 'hr-border', roles: ['officer'], clearance: 'RESTRICTED', desks: [] },
  { email: 'officer.al@mosaic.demo', displayName: 'Erion Shehu', organisation: 'al-police', roles: ['officer'], clearance: 'RESTRICTED', desks: [] },
  { email: 'analyst.ba@mosaic.demo', displayName: 'Amra Hadžić', organisation: 'ba-sipa', roles: ['analyst'], clearance: 'CONFIDENTIAL', desks: [] },
  { email: 'analyst.me@mosaic.demo', displayName: 'Jelena Vujović', organisation: 'me-police', roles: ['analyst'], clearance: 'CONFIDENTIAL', desks: [] },
  // An analyst on the Serbian police cooperation desk: writes risk-analysis reports that a contact point releases.
  { email: 'analyst.rs@mosaic.demo', displayName: 'Jovana Marković', organisation: 'rs-police', roles: ['analyst'], clearance: 'CONFIDENTIAL', desks: ['police_cooperation'] },
  { email: 'donor@mosaic.demo', displayName: 'Katarina Novak', organisation: 'ec', roles: ['donor'], clearance: 'PUBLIC', desks: [] },
  { email: 'reader@mosaic.demo', displayName: 'Luka Kralj', organisation: 'rai', roles: ['reader'], clearance: 'PUBLIC', desks: [] },
];

/** Demo audiences for markings, by economy codes. */
export const DEMO_SHARING_GROUPS = [
  { name: 'Western Balkans', description: 'The six Western Balkan participants.', economies: ['AL', 'BA', 'ME', 'MK', 'RS', 'XK'] },
  { name: 'EU member states in South East Europe', description: 'Bulgaria, Croatia, Greece, Romania and Slovenia.', economies: ['BG', 'GR', 'HR', 'RO', 'SI'] },
];
