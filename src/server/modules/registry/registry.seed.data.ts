import type { ActivityInput } from '../../../contract/registry';

/**
 * Demo activities written by us: the donors and implementers are real bodies of the region's
 * security work, the activities are of the kinds they fund and run, every budget is illustrative
 * and every contact person fictional. Some pairs deliberately describe the same work twice.
 */
type Org = { ref: string; name: string; type: ActivityInput['reportingOrg']['type'] };
const ORGS = {
  eu: { ref: 'XI-IATI-EC_NEAR', name: 'European Union (DG NEAR)', type: '15' },
  undp: { ref: 'XM-DAC-41114', name: 'UNDP SEESAC', type: '40' },
  osce: { ref: 'XM-OCHA-OSCE', name: 'OSCE', type: '40' },
  giz: { ref: 'DE-1-GIZ', name: 'GIZ', type: '10' },
  inl: { ref: 'US-GOV-11', name: 'US Department of State (INL)', type: '10' },
  uk: { ref: 'GB-GOV-3', name: 'UK Foreign, Commonwealth & Development Office', type: '10' },
  iom: { ref: 'XM-DAC-47066', name: 'IOM', type: '40' },
  unodc: { ref: 'XM-DAC-41121', name: 'UNODC', type: '40' },
  rcc: { ref: 'XM-RCC', name: 'Regional Cooperation Council', type: '40' },
  dcaf: { ref: 'CH-FDJP-DCAF', name: 'DCAF – Geneva Centre for Security Sector Governance', type: '21' },
  sweden: { ref: 'SE-0', name: 'Sweden (Sida)', type: '10' },
  swiss: { ref: 'CH-4', name: 'Switzerland (SDC)', type: '10' },
  norway: { ref: 'NO-BRC-971277882', name: 'Norway (Ministry of Foreign Affairs)', type: '10' },
  germany: { ref: 'DE-1', name: 'Germany (Federal Foreign Office)', type: '10' },
} satisfies Record<string, Org>;
export type OrgKey = keyof typeof ORGS;

/** Which demo organisation owns an activity, by acronym in the core demo data. */
export const OWNER_BY_REPORTER: Record<OrgKey, string> = {
  eu: 'EC', undp: 'SEESAC', osce: 'OSCE', giz: 'EC', inl: 'EC', uk: 'EC', iom: 'IOM', unodc: 'UNODC', rcc: 'RCC', dcaf: 'DCAF', sweden: 'EC', swiss: 'EC', norway: 'EC', germany: 'EC',
};

interface Row {
  reporter: OrgKey;
  funder: OrgKey;
  implementer: OrgKey;
  title: string;
  other?: { lang: 'sr-Latn' | 'sr-Cyrl' | 'mk' | 'sq'; title: string; description: string };
  description: string;
  economies: string[];
  years: [number, number];
  topics: string[];
  groups: ActivityInput['targetGroups'];
  sectors: ActivityInput['sectors'];
  budget: [number, string];
  status?: ActivityInput['status'];
  marked?: boolean;
}

const WB6 = ['AL', 'BA', 'XK', 'ME', 'MK', 'RS'];
const ROWS: Row[] = [
  // Deliberate overlap 1: two donors train police in Montenegro on firearms investigations.
  { reporter: 'eu', funder: 'eu', implementer: 'undp', title: 'Training of police officers in firearms trafficking investigations in Montenegro', description: 'Courses for criminal police investigators on tracing illicit firearms, ballistics and cross-border cooperation.', economies: ['ME'], years: [2024, 2026], topics: ['small-arms', 'organised-crime'], groups: ['police_officers'], sectors: ['15240', '15210'], budget: [1_200_000, 'EUR'] },
  { reporter: 'inl', funder: 'inl', implementer: 'osce', title: 'Investigating illicit arms trafficking: course for Montenegrin police', other: { lang: 'sr-Latn', title: 'Obuka policije za istrage krijumčarenja oružja', description: 'Obuka policijskih službenika Crne Gore za istrage nedozvoljene trgovine oružjem.' }, description: 'Specialised training of police officers on investigations of weapons smuggling.', economies: ['ME'], years: [2025, 2026], topics: ['small-arms'], groups: ['police_officers'], sectors: ['15240'], budget: [900_000, 'USD'] },
  // Deliberate overlap 2: border police training in North Macedonia, in English and Macedonian.
  { reporter: 'osce', funder: 'germany', implementer: 'osce', title: 'Border police training on migrant smuggling in North Macedonia', description: 'Training of border police on detection of migrant smuggling and document fraud at the southern border.', economies: ['MK'], years: [2024, 2025], topics: ['border-security', 'trafficking-smuggling'], groups: ['border_guards'], sectors: ['15190', '15210'], budget: [650_000, 'EUR'] },
  { reporter: 'iom', funder: 'eu', implementer: 'iom', title: 'Обука на граничната полиција за криумчарење мигранти', other: { lang: 'mk', title: 'Обука на граничната полиција за криумчарење мигранти', description: 'Обука на граничната полиција за откривање на криумчарење мигранти и фалсификувани документи.' }, description: 'Capacity building of the border police against migrant smuggling.', economies: ['MK'], years: [2024, 2026], topics: ['border-security'], groups: ['border_guards', 'migrants'], sectors: ['15190'], budget: [800_000, 'EUR'] },
  // Deliberate overlap 3: returnees' reintegration in Kosovo*, English and Albanian.
  { reporter: 'uk', funder: 'uk', implementer: 'iom', title: 'Reintegration of returnees from foreign conflict zones in Kosovo*', description: 'Support to municipalities, probation and social services for returnees and their families.', economies: ['XK'], years: [2023, 2026], topics: ['radicalisation-reintegration', 'violent-extremism'], groups: ['returnees', 'local_communities'], sectors: ['15220'], budget: [1_500_000, 'GBP'] },
  { reporter: 'inl', funder: 'inl', implementer: 'iom', title: 'Riintegrimi i të kthyerve nga zonat e konfliktit', other: { lang: 'sq', title: 'Riintegrimi i të kthyerve nga zonat e konfliktit', description: 'Mbështetje për komunat dhe shërbimin sprovues për riintegrimin e të kthyerve.' }, description: 'Rehabilitation and reintegration of returnees in Kosovo* communities.', economies: ['XK'], years: [2024, 2027], topics: ['radicalisation-reintegration'], groups: ['returnees'], sectors: ['15220'], budget: [2_000_000, 'USD'] },
  // Deliberate overlap 4: anti-corruption for prosecutors in Albania.
  { reporter: 'eu', funder: 'eu', implementer: 'giz', title: 'Strengthening prosecutors against corruption and organised crime in Albania', description: 'Mentoring of the special prosecution office on financial investigations and asset recovery.', economies: ['AL'], years: [2023, 2026], topics: ['corruption', 'organised-crime'], groups: ['prosecutors'], sectors: ['15113', '15130'], budget: [3_000_000, 'EUR'] },
  { reporter: 'uk', funder: 'uk', implementer: 'dcaf', title: 'Support to Albanian prosecutors in corruption cases', description: 'Case mentoring and training of prosecutors on corruption and money laundering cases.', economies: ['AL'], years: [2024, 2025], topics: ['corruption', 'money-laundering'], groups: ['prosecutors'], sectors: ['15113'], budget: [750_000, 'GBP'] },
  // Deliberate overlap 5: cyber CSIRT support, regional, in Serbian Cyrillic.
  { reporter: 'eu', funder: 'eu', implementer: 'giz', title: 'Cyber resilience of national CSIRTs in the Western Balkans', description: 'Exercises, incident handling training and equipment for national CSIRTs.', economies: WB6, years: [2024, 2027], topics: ['cyber-security', 'critical-infrastructure'], groups: ['policy_makers'], sectors: ['15210'], budget: [4_000_000, 'EUR'] },
  { reporter: 'swiss', funder: 'swiss', implementer: 'dcaf', title: 'Сајбер безбедност: подршка CSIRT тимовима у региону', other: { lang: 'sr-Cyrl', title: 'Сајбер безбедност: подршка CSIRT тимовима у региону', description: 'Обука и вежбе за националне CSIRT тимове и заштиту критичне инфраструктуре.' }, description: 'Training and exercises for national CSIRT teams.', economies: WB6, years: [2025, 2027], topics: ['cyber-security'], groups: ['policy_makers'], sectors: ['15210'], budget: [1_800_000, 'CHF'] },
  // Deliberate overlap 6: gender-based violence police response in Serbia.
  { reporter: 'sweden', funder: 'sweden', implementer: 'osce', title: 'Police response to gender-based violence in Serbia', description: 'Training police officers and prosecutors on protocols for domestic violence cases.', economies: ['RS'], years: [2024, 2026], topics: ['gender-based-violence'], groups: ['police_officers', 'women', 'victims'], sectors: ['15180'], budget: [14_000_000, 'SEK'] },
  { reporter: 'norway', funder: 'norway', implementer: 'undp', title: 'Obuka policije za postupanje u slučajevima nasilja nad ženama', other: { lang: 'sr-Latn', title: 'Obuka policije za postupanje u slučajevima nasilja nad ženama', description: 'Obuka policijskih službenika za zaštitu žrtava nasilja u porodici.' }, description: 'Police training on violence against women in Serbia.', economies: ['RS'], years: [2025, 2026], topics: ['gender-based-violence'], groups: ['police_officers', 'victims'], sectors: ['15180'], budget: [9_000_000, 'NOK'] },
];

// Similar but different work: same topic elsewhere or later, other groups — no warning expected between these and the above.
const FURTHER: Row[] = [
  { reporter: 'undp', funder: 'eu', implementer: 'undp', title: 'Western Balkans SALW Control Roadmap support', description: 'Regional coordination of small arms and light weapons control, stockpile security and awareness raising.', economies: WB6, years: [2019, 2024], topics: ['small-arms'], groups: ['policy_makers'], sectors: ['15240'], budget: [10_000_000, 'EUR'], status: 'finalisation' },
  { reporter: 'undp', funder: 'germany', implementer: 'undp', title: 'Safe storage of weapons and ammunition in Bosnia and Herzegovina', description: 'Upgrading of ammunition storage sites and destruction of surplus ammunition.', economies: ['BA'], years: [2022, 2025], topics: ['small-arms'], groups: ['policy_makers'], sectors: ['15240'], budget: [2_500_000, 'EUR'] },
  { reporter: 'unodc', funder: 'eu', implementer: 'unodc', title: 'Container Control Programme at Adriatic seaports', description: 'Joint port control units of police and customs profile containers at the ports of Bar and Durrës.', economies: ['ME', 'AL'], years: [2023, 2026], topics: ['drugs', 'organised-crime'], groups: ['customs_officers', 'police_officers'], sectors: ['16063'], budget: [2_200_000, 'EUR'] },
  { reporter: 'unodc', funder: 'norway', implementer: 'unodc', title: 'Countering money laundering through virtual assets', description: 'Training of financial intelligence units on tracing virtual assets.', economies: WB6, years: [2025, 2026], topics: ['money-laundering'], groups: ['policy_makers'], sectors: ['15113'], budget: [600_000, 'NOK'] },
  { reporter: 'rcc', funder: 'eu', implementer: 'rcc', title: 'Regional dialogue on security sector governance', description: 'Annual meetings of ministries and parliaments on oversight of security institutions.', economies: WB6, years: [2024, 2026], topics: ['security-sector-reform'], groups: ['policy_makers'], sectors: ['15210'], budget: [400_000, 'EUR'] },
  { reporter: 'dcaf', funder: 'swiss', implementer: 'dcaf', title: 'Parliamentary oversight of the security sector in Bosnia and Herzegovina', description: 'Support to the joint committees on defence and security.', economies: ['BA'], years: [2023, 2026], topics: ['security-sector-reform'], groups: ['policy_makers'], sectors: ['15210'], budget: [1_100_000, 'CHF'] },
  { reporter: 'osce', funder: 'osce', implementer: 'osce', title: 'Community policing in Kosovo* municipalities', description: 'Local public safety committees and community safety action teams.', economies: ['XK'], years: [2024, 2025], topics: ['security-sector-reform'], groups: ['local_communities', 'police_officers'], sectors: ['15210'], budget: [500_000, 'EUR'] },
  { reporter: 'iom', funder: 'eu', implementer: 'iom', title: 'Migration management and reception capacity in Bosnia and Herzegovina', description: 'Support to temporary reception centres and identification of vulnerable migrants.', economies: ['BA'], years: [2023, 2025], topics: ['border-security'], groups: ['migrants'], sectors: ['15190'], budget: [5_000_000, 'EUR'] },
  { reporter: 'giz', funder: 'germany', implementer: 'giz', title: 'Open regional fund: prevention of youth violent extremism', description: 'School and youth centre programmes on resilience to extremist narratives.', economies: ['BA', 'MK', 'AL'], years: [2024, 2026], topics: ['violent-extremism'], groups: ['youth'], sectors: ['15220'], budget: [1_600_000, 'EUR'] },
  { reporter: 'inl', funder: 'inl', implementer: 'inl', title: 'Forensic laboratory accreditation in Serbia', description: 'Equipment and quality management for the national forensic centre.', economies: ['RS'], years: [2023, 2025], topics: ['organised-crime'], groups: ['police_officers'], sectors: ['15130'], budget: [1_300_000, 'USD'] },
  { reporter: 'uk', funder: 'uk', implementer: 'unodc', title: 'Countering organised crime in the Western Balkans through intelligence-led policing', description: 'Analysis units and intelligence-led policing for serious organised crime.', economies: ['RS', 'BA', 'ME'], years: [2022, 2024], topics: ['organised-crime'], groups: ['police_officers'], sectors: ['15210'], budget: [2_000_000, 'GBP'], status: 'closed' },
  { reporter: 'eu', funder: 'eu', implementer: 'iom', title: 'Counter-trafficking: identification and protection of victims in Serbia', description: 'Support to the centre for protection of trafficking victims and to labour inspectors.', economies: ['RS'], years: [2024, 2026], topics: ['trafficking-smuggling'], groups: ['victims', 'civil_society'], sectors: ['15180'], budget: [1_400_000, 'EUR'] },
  { reporter: 'sweden', funder: 'sweden', implementer: 'undp', title: 'Disaster risk reduction and early warning in the Drina basin', description: 'Flood early warning systems for municipalities along the Drina river.', economies: ['BA', 'RS', 'ME'], years: [2023, 2026], topics: ['disasters'], groups: ['local_communities'], sectors: ['15220'], budget: [30_000_000, 'SEK'] },
  { reporter: 'osce', funder: 'osce', implementer: 'osce', title: 'Combating hate speech online: training for prosecutors in Serbia', description: 'Training on investigating and prosecuting hate speech on social networks.', economies: ['RS'], years: [2025, 2026], topics: ['hybrid-threats', 'violent-extremism'], groups: ['prosecutors'], sectors: ['15160'], budget: [200_000, 'EUR'] },
  { reporter: 'germany', funder: 'germany', implementer: 'giz', title: 'Border management at the Albanian–Montenegrin border', description: 'Joint border crossing points and common patrols.', economies: ['AL', 'ME'], years: [2022, 2024], topics: ['border-security'], groups: ['border_guards'], sectors: ['15210'], budget: [2_800_000, 'EUR'], status: 'closed' },
  { reporter: 'undp', funder: 'norway', implementer: 'undp', title: 'Gender equality in the police: women police officers networks', description: 'Regional network of women police officers and mentoring for promotion.', economies: WB6, years: [2024, 2027], topics: ['security-sector-reform', 'gender-based-violence'], groups: ['police_officers', 'women'], sectors: ['15210'], budget: [7_000_000, 'NOK'] },
  { reporter: 'unodc', funder: 'eu', implementer: 'unodc', title: 'Prison radicalisation: training for prison staff', description: 'Risk assessment and disengagement programmes in prisons.', economies: ['AL', 'MK', 'XK'], years: [2025, 2027], topics: ['radicalisation-reintegration'], groups: ['prison_staff'], sectors: ['15220'], budget: [1_000_000, 'EUR'] },
  { reporter: 'dcaf', funder: 'uk', implementer: 'dcaf', title: 'Police integrity and internal control units in North Macedonia', description: 'Support to the professional standards unit on integrity testing.', economies: ['MK'], years: [2023, 2025], topics: ['corruption', 'security-sector-reform'], groups: ['police_officers'], sectors: ['15113'], budget: [450_000, 'GBP'] },
  { reporter: 'eu', funder: 'eu', implementer: 'undp', title: 'Demining and clearance of explosive remnants in Bosnia and Herzegovina', description: 'Technical survey and clearance of suspected hazardous areas.', economies: ['BA'], years: [2022, 2026], topics: ['small-arms'], groups: ['local_communities'], sectors: ['15250'], budget: [6_000_000, 'EUR'] },
  { reporter: 'inl', funder: 'inl', implementer: 'inl', title: 'Judicial training on organised crime cases in Kosovo*', description: 'Trial advocacy and case management for judges and prosecutors.', economies: ['XK'], years: [2024, 2026], topics: ['organised-crime'], groups: ['judges', 'prosecutors'], sectors: ['15130'], budget: [1_700_000, 'USD'] },
];

/** Variants of the further activities in other economies and years, up to about sixty in all. */
function variants(): Row[] {
  const out: Row[] = [];
  const economies = ['AL', 'BA', 'XK', 'ME', 'MK', 'RS', 'MD'];
  FURTHER.forEach((row, index) => {
    if (row.economies.length !== 1) return;
    const economy = economies[(index * 3 + 2) % economies.length]!;
    if (economy === row.economies[0]) return;
    out.push({ ...row, economies: [economy], years: [row.years[0] - 3, row.years[0] - 1], status: 'closed', title: `${row.title.replace(/ in (Bosnia and Herzegovina|Serbia|Kosovo\*|North Macedonia|Montenegro|Albania)$/, '')} (${economy}, earlier phase)`, marked: index % 3 === 0 });
  });
  return out;
}

const slug = (text: string) => text.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40).toUpperCase();

export function demoActivities(): { input: ActivityInput; reporter: OrgKey }[] {
  const all = [...ROWS, ...FURTHER, ...variants()];
  const extra = all.slice(0, 60 - all.length > 0 ? 60 - all.length : 0).map((row) => ({ ...row, years: [row.years[0] - 6, row.years[0] - 4] as [number, number], status: 'closed' as const, title: `${row.title} (first phase)` }));
  return [...all, ...extra].map((row, index) => {
    const reporter = ORGS[row.reporter];
    const share = Math.floor(100 / row.economies.length);
    const recipientEconomies = row.economies.map((code, position) => ({ code, percentage: position === 0 ? 100 - share * (row.economies.length - 1) : share }));
    const [start, end] = row.years;
    const status = row.status ?? (start >= 2026 ? 'pipeline' : 'implementation');
    const input: ActivityInput = {
      identifier: `${reporter.ref}-MOSAIC-${String(index + 1).padStart(3, '0')}-${slug(row.title).slice(0, 12)}`,
      reportingOrg: reporter,
      title: [{ lang: 'en', text: row.title }, ...(row.other && row.other.title !== row.title ? [{ lang: row.other.lang, text: row.other.title }] : [])],
      description: [{ lang: 'en', text: `${row.description} Budget figures are illustrative (demo data).` }, ...(row.other ? [{ lang: row.other.lang, text: row.other.description }] : [])],
      participatingOrgs: [
        { role: 'funding', name: ORGS[row.funder].name, ref: ORGS[row.funder].ref },
        { role: 'implementing', name: ORGS[row.implementer].name, ref: ORGS[row.implementer].ref },
      ],
      status,
      plannedStart: `${start}-01-01`,
      plannedEnd: `${end}-12-31`,
      actualStart: status === 'pipeline' ? null : `${start}-02-01`,
      actualEnd: status === 'closed' ? `${end}-12-15` : null,
      recipientEconomies,
      locations: [],
      sectors: row.sectors,
      topics: row.topics,
      targetGroups: row.groups,
      budgets: Array.from({ length: end - start + 1 }, (_, year) => ({ periodStart: `${start + year}-01-01`, periodEnd: `${start + year}-12-31`, value: Math.round(row.budget[0] / (end - start + 1)), currency: row.budget[1], valueDate: `${start + year}-01-01` })),
      transactions: [{ type: 'commitment', date: `${start}-01-15`, value: row.budget[0], currency: row.budget[1], providerOrg: ORGS[row.funder].name, receiverOrg: ORGS[row.implementer].name }],
      contacts: [{ organisation: ORGS[row.implementer].name, person: 'Demo Coordinator', email: 'registry-demo@example.org', telephone: null }],
      documents: [],
      results: [{ type: 'output', title: 'People trained or supported', indicators: [{ title: 'Number of participants', measure: 'unit', baseline: null, target: { periodStart: `${start}-01-01`, periodEnd: `${end}-12-31`, value: 100 + (index % 5) * 50 } }] }],
      visibility: row.marked ? { public: false, marking: { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: row.economies, releasableOrganisations: [], sharingGroups: [], originatorControl: false } } : { public: true },
    };
    return { input, reporter: row.reporter };
  });
}
