import type { OrganisationKind } from '../../../contract/core';

export interface DemoOrganisation {
  /** A stable handle the rest of the demo data refers to. */
  key: string;
  economy: string;
  name: string;
  acronym?: string;
  kind: OrganisationKind;
  website?: string;
}

/**
 * Real public bodies of regional security cooperation, by their English names. Websites are
 * given only where they are well known; the persons who work in them (users.data.ts) are fictional.
 */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  // Regional bodies
  { key: 'rcc', economy: 'REG', name: 'Regional Cooperation Council', acronym: 'RCC', kind: 'regional_body', website: 'https://www.rcc.int' },
  { key: 'seecp', economy: 'REG', name: 'South-East European Cooperation Process', acronym: 'SEECP', kind: 'regional_body' },
  { key: 'selec', economy: 'REG', name: 'Southeast European Law Enforcement Center', acronym: 'SELEC', kind: 'regional_body', website: 'https://www.selec.org' },
  { key: 'seepag', economy: 'REG', name: 'Southeast European Prosecutors Advisory Group', acronym: 'SEEPAG', kind: 'regional_body' },
  { key: 'marri', economy: 'REG', name: 'Migration, Asylum, Refugees Regional Initiative', acronym: 'MARRI', kind: 'regional_body' },
  { key: 'rai', economy: 'REG', name: 'Regional Anti-Corruption Initiative', acronym: 'RAI', kind: 'regional_body' },
  { key: 'pccsee', economy: 'REG', name: 'Police Cooperation Convention for Southeast Europe Secretariat', acronym: 'PCC SEE', kind: 'regional_body' },
  { key: 'seesac', economy: 'REG', name: 'South Eastern and Eastern Europe Clearinghouse for the Control of Small Arms and Light Weapons', acronym: 'SEESAC', kind: 'regional_body', website: 'https://www.seesac.org' },
  { key: 'racviac', economy: 'REG', name: 'RACVIAC – Centre for Security Cooperation', acronym: 'RACVIAC', kind: 'regional_body' },
  { key: 'sepca', economy: 'REG', name: 'Southeast Europe Police Chiefs Association', acronym: 'SEPCA', kind: 'regional_body' },
  // International organisations and donors
  { key: 'interpol', economy: 'INT', name: 'International Criminal Police Organization', acronym: 'INTERPOL', kind: 'international_organisation', website: 'https://www.interpol.int' },
  { key: 'europol', economy: 'INT', name: 'European Union Agency for Law Enforcement Cooperation', acronym: 'Europol', kind: 'international_organisation', website: 'https://www.europol.europa.eu' },
  { key: 'eurojust', economy: 'INT', name: 'European Union Agency for Criminal Justice Cooperation', acronym: 'Eurojust', kind: 'international_organisation', website: 'https://www.eurojust.europa.eu' },
  { key: 'frontex', economy: 'INT', name: 'European Border and Coast Guard Agency', acronym: 'Frontex', kind: 'international_organisation', website: 'https://www.frontex.europa.eu' },
  { key: 'osce', economy: 'INT', name: 'Organization for Security and Co-operation in Europe', acronym: 'OSCE', kind: 'international_organisation', website: 'https://www.osce.org' },
  { key: 'unodc', economy: 'INT', name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC', kind: 'international_organisation', website: 'https://www.unodc.org' },
  { key: 'undp', economy: 'INT', name: 'United Nations Development Programme', acronym: 'UNDP', kind: 'international_organisation', website: 'https://www.undp.org' },
  { key: 'iom', economy: 'INT', name: 'International Organization for Migration', acronym: 'IOM', kind: 'international_organisation', website: 'https://www.iom.int' },
  { key: 'dcaf', economy: 'INT', name: 'Geneva Centre for Security Sector Governance', acronym: 'DCAF', kind: 'international_organisation', website: 'https://www.dcaf.ch' },
  { key: 'ec', economy: 'INT', name: 'European Commission', acronym: 'EC', kind: 'donor', website: 'https://commission.europa.eu' },
  // Albania
  { key: 'al-police', economy: 'AL', name: 'Albanian State Police', acronym: 'ASP', kind: 'police', website: 'https://www.asp.gov.al' },
  { key: 'al-border', economy: 'AL', name: 'Albanian State Police – Department for Border and Migration', kind: 'border' },
  { key: 'al-customs', economy: 'AL', name: 'General Directorate of Customs', kind: 'customs' },
  { key: 'al-spak', economy: 'AL', name: 'Special Prosecution Office against Corruption and Organised Crime', acronym: 'SPAK', kind: 'prosecution' },
  { key: 'al-interior', economy: 'AL', name: 'Ministry of Interior', kind: 'interior' },
  // Bosnia and Herzegovina
  { key: 'ba-sipa', economy: 'BA', name: 'State Investigation and Protection Agency', acronym: 'SIPA', kind: 'police' },
  { key: 'ba-border', economy: 'BA', name: 'Border Police of Bosnia and Herzegovina', kind: 'border' },
  { key: 'ba-ita', economy: 'BA', name: 'Indirect Taxation Authority', acronym: 'ITA', kind: 'customs' },
  { key: 'ba-prosecutor', economy: 'BA', name: "Prosecutor's Office of Bosnia and Herzegovina", kind: 'prosecution' },
  { key: 'ba-security', economy: 'BA', name: 'Ministry of Security', kind: 'interior' },
  { key: 'ba-dkpt', economy: 'BA', name: 'Directorate for Coordination of Police Bodies', kind: 'police' },
  // Bulgaria
  { key: 'bg-police', economy: 'BG', name: 'Ministry of Interior – General Directorate National Police', kind: 'police' },
  { key: 'bg-border', economy: 'BG', name: 'Ministry of Interior – General Directorate Border Police', kind: 'border' },
  { key: 'bg-customs', economy: 'BG', name: 'Customs Agency', kind: 'customs' },
  { key: 'bg-prosecutor', economy: 'BG', name: "Prosecutor's Office of the Republic of Bulgaria", kind: 'prosecution' },
  // Croatia
  { key: 'hr-police', economy: 'HR', name: 'Ministry of the Interior – General Police Directorate', kind: 'police' },
  { key: 'hr-border', economy: 'HR', name: 'Ministry of the Interior – General Police Directorate, Border Directorate', kind: 'border' },
  { key: 'hr-customs', economy: 'HR', name: 'Ministry of Finance – Customs Administration', kind: 'customs' },
  { key: 'hr-uskok', economy: 'HR', name: 'Office for the Suppression of Corruption and Organised Crime', acronym: 'USKOK', kind: 'prosecution' },
  // Greece
  { key: 'gr-police', economy: 'GR', name: 'Hellenic Police', kind: 'police' },
  { key: 'gr-coastguard', economy: 'GR', name: 'Hellenic Coast Guard', kind: 'border' },
  { key: 'gr-customs', economy: 'GR', name: 'Independent Authority for Public Revenue – General Directorate of Customs and Excise', acronym: 'AADE', kind: 'customs' },
  { key: 'gr-citizen-protection', economy: 'GR', name: 'Ministry of Citizen Protection', kind: 'interior' },
  // Kosovo*
  { key: 'xk-police', economy: 'XK', name: 'Kosovo Police', kind: 'police' },
  { key: 'xk-border', economy: 'XK', name: 'Kosovo Police – Border Police Department', kind: 'border' },
  { key: 'xk-customs', economy: 'XK', name: 'Kosovo Customs', kind: 'customs' },
  { key: 'xk-prosecutor', economy: 'XK', name: 'Special Prosecution Office', kind: 'prosecution' },
  // Moldova
  { key: 'md-police', economy: 'MD', name: 'General Police Inspectorate', kind: 'police' },
  { key: 'md-border', economy: 'MD', name: 'General Inspectorate of Border Police', kind: 'border' },
  { key: 'md-customs', economy: 'MD', name: 'Customs Service', kind: 'customs' },
  { key: 'md-pccocs', economy: 'MD', name: "Prosecutor's Office for Combating Organised Crime and Special Cases", acronym: 'PCCOCS', kind: 'prosecution' },
  // Montenegro
  { key: 'me-police', economy: 'ME', name: 'Police Administration', kind: 'police' },
  { key: 'me-customs', economy: 'ME', name: 'Revenue and Customs Administration', kind: 'customs' },
  { key: 'me-prosecutor', economy: 'ME', name: "Special State Prosecutor's Office", kind: 'prosecution' },
  { key: 'me-interior', economy: 'ME', name: 'Ministry of Interior', kind: 'interior' },
  // North Macedonia
  { key: 'mk-interior', economy: 'MK', name: 'Ministry of Interior', kind: 'interior' },
  { key: 'mk-police', economy: 'MK', name: 'Ministry of Interior – Bureau for Public Security', kind: 'police' },
  { key: 'mk-border', economy: 'MK', name: 'Ministry of Interior – Border Affairs and Migration Department', kind: 'border' },
  { key: 'mk-customs', economy: 'MK', name: 'Customs Administration', kind: 'customs' },
  { key: 'mk-prosecutor', economy: 'MK', name: "Public Prosecutor's Office for Prosecuting Organised Crime and Corruption", kind: 'prosecution' },
  // Romania
  { key: 'ro-police', economy: 'RO', name: 'General Inspectorate of Romanian Police', kind: 'police' },
  { key: 'ro-border', economy: 'RO', name: 'Romanian Border Police', kind: 'border' },
  { key: 'ro-customs', economy: 'RO', name: 'Romanian Customs Authority', kind: 'customs' },
  { key: 'ro-diicot', economy: 'RO', name: 'Directorate for Investigating Organised Crime and Terrorism', acronym: 'DIICOT', kind: 'prosecution' },
  // Serbia
  { key: 'rs-police', economy: 'RS', name: 'Ministry of Interior – Police Directorate', kind: 'police' },
  { key: 'rs-border', economy: 'RS', name: 'Ministry of Interior – Border Police Administration', kind: 'border' },
  { key: 'rs-customs', economy: 'RS', name: 'Customs Administration', kind: 'customs' },
  { key: 'rs-prosecutor', economy: 'RS', name: "Public Prosecutor's Office for Organised Crime", kind: 'prosecution' },
  // Slovenia
  { key: 'si-police', economy: 'SI', name: 'Police', kind: 'police', website: 'https://www.policija.si' },
  { key: 'si-fars', economy: 'SI', name: 'Financial Administration of the Republic of Slovenia', acronym: 'FURS', kind: 'customs' },
  { key: 'si-prosecutor', economy: 'SI', name: "Specialised State Prosecutor's Office", kind: 'prosecution' },
  // Türkiye
  { key: 'tr-egm', economy: 'TR', name: 'General Directorate of Security', kind: 'police' },
  { key: 'tr-jandarma', economy: 'TR', name: 'Gendarmerie General Command', kind: 'police' },
  { key: 'tr-coastguard', economy: 'TR', name: 'Coast Guard Command', kind: 'border' },
  { key: 'tr-customs', economy: 'TR', name: 'Ministry of Trade – Directorate General of Customs Enforcement', kind: 'customs' },
];
