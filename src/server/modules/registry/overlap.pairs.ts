import type { OverlapFeatures } from './overlap.scoring';
import { overlapWords } from './overlap.words';

/**
 * Labelled pairs for the overlap check's quality (written by us): `same` when two donors describe
 * the same work — often in other words, languages or scripts — and `different` for work that is
 * merely similar (the same topic elsewhere or later, the same economy for other people).
 */
interface Side {
  title: string;
  description?: string;
  economies: string[];
  years: [number, number];
  topics: string[];
  groups: string[];
  implementer?: string;
}
export interface LabelledPair {
  a: Side;
  b: Side;
  same: boolean;
}

const s = (title: string, economies: string[], years: [number, number], topics: string[], groups: string[], description = '', implementer?: string): Side => ({ title, economies, years, topics, groups, description, implementer });

export const LABELLED_PAIRS: LabelledPair[] = [
  // Same work, other words or languages.
  { same: true, a: s('Training of police officers in firearms investigations in Montenegro', ['ME'], [2024, 2026], ['small-arms'], ['police_officers']), b: s('Obuka policije za istrage krijumčarenja oružja', ['ME'], [2025, 2026], ['small-arms'], ['police_officers']) },
  { same: true, a: s('Border police training on migrant smuggling', ['MK'], [2024, 2025], ['border-security'], ['border_guards']), b: s('Обука на граничната полиција за криумчарење мигранти', ['MK'], [2024, 2026], ['border-security'], ['border_guards', 'migrants']) },
  { same: true, a: s('Reintegration of returnees from foreign conflict zones', ['XK'], [2023, 2026], ['radicalisation-reintegration'], ['returnees'], '', 'IOM'), b: s('Riintegrimi i të kthyerve nga zonat e konfliktit', ['XK'], [2024, 2027], ['radicalisation-reintegration'], ['returnees'], '', 'IOM') },
  { same: true, a: s('Strengthening prosecutors against corruption', ['AL'], [2023, 2026], ['corruption'], ['prosecutors']), b: s('Trajnim për prokurorët kundër korrupsionit', ['AL'], [2024, 2025], ['corruption', 'money-laundering'], ['prosecutors']) },
  { same: true, a: s('Cyber resilience of national CSIRTs', ['RS', 'ME', 'BA'], [2024, 2027], ['cyber-security'], ['policy_makers']), b: s('Сајбер безбедност: подршка CSIRT тимовима', ['RS', 'ME', 'BA'], [2025, 2027], ['cyber-security'], ['policy_makers']) },
  { same: true, a: s('Police response to gender-based violence in Serbia', ['RS'], [2024, 2026], ['gender-based-violence'], ['police_officers', 'victims']), b: s('Obuka policije za postupanje u slučajevima nasilja nad ženama', ['RS'], [2025, 2026], ['gender-based-violence'], ['police_officers', 'victims']) },
  { same: true, a: s('Обука полиције за истраге трговине оружјем', ['RS'], [2025, 2026], ['small-arms'], ['police_officers']), b: s('Obuka policije za istrage trgovine oružjem', ['RS'], [2025, 2027], ['small-arms'], ['police_officers']) },
  { same: true, a: s('Container control at the port of Bar', ['ME'], [2023, 2026], ['drugs'], ['customs_officers', 'police_officers'], 'Joint port control unit of police and customs', 'UNODC'), b: s('Joint port control unit for drug trafficking in Montenegro', ['ME'], [2024, 2025], ['drugs', 'organised-crime'], ['customs_officers'], '', 'UNODC') },
  { same: true, a: s('Safe storage of ammunition', ['BA'], [2022, 2025], ['small-arms'], ['policy_makers'], 'Upgrading ammunition storage sites'), b: s('Sigurno skladištenje municije i oružja', ['BA'], [2023, 2025], ['small-arms'], ['policy_makers']) },
  { same: true, a: s('Prison staff training on radicalisation', ['AL', 'MK'], [2025, 2027], ['radicalisation-reintegration'], ['prison_staff']), b: s('Обука на затворскиот персонал за радикализација', ['MK'], [2025, 2026], ['radicalisation-reintegration'], ['prison_staff']) },
  { same: true, a: s('Youth resilience to violent extremism in schools', ['BA'], [2024, 2026], ['violent-extremism'], ['youth']), b: s('Prevencija ekstremizma kod mladih u školama', ['BA'], [2024, 2025], ['violent-extremism'], ['youth']) },
  { same: true, a: s('Victims of trafficking: identification and protection', ['RS'], [2024, 2026], ['trafficking-smuggling'], ['victims']), b: s('Zaštita žrtava trgovine ljudima', ['RS'], [2025, 2026], ['trafficking-smuggling'], ['victims', 'civil_society']) },
  // Merely similar.
  { same: false, a: s('Training of police officers in firearms investigations', ['ME'], [2024, 2026], ['small-arms'], ['police_officers']), b: s('Training of police officers in firearms investigations', ['AL'], [2024, 2026], ['small-arms'], ['police_officers']) },
  { same: false, a: s('Border police training on migrant smuggling', ['MK'], [2018, 2019], ['border-security'], ['border_guards']), b: s('Border police training on migrant smuggling', ['MK'], [2024, 2025], ['border-security'], ['border_guards']) },
  { same: false, a: s('Police response to gender-based violence', ['RS'], [2024, 2026], ['gender-based-violence'], ['police_officers']), b: s('Shelters for women victims of violence', ['RS'], [2024, 2026], ['gender-based-violence'], ['women', 'victims']) },
  { same: false, a: s('Strengthening prosecutors against corruption', ['AL'], [2023, 2026], ['corruption'], ['prosecutors']), b: s('Police integrity and internal control units', ['AL'], [2023, 2026], ['corruption'], ['police_officers']) },
  { same: false, a: s('Cyber resilience of national CSIRTs', ['RS'], [2024, 2027], ['cyber-security'], ['policy_makers']), b: s('Cybercrime investigations training for police', ['RS'], [2024, 2027], ['cyber-security', 'organised-crime'], ['police_officers']) },
  { same: false, a: s('Safe storage of ammunition', ['BA'], [2022, 2025], ['small-arms'], ['policy_makers']), b: s('Demining and clearance of explosive remnants', ['BA'], [2022, 2025], ['small-arms'], ['local_communities']) },
  { same: false, a: s('Reintegration of returnees', ['XK'], [2023, 2026], ['radicalisation-reintegration'], ['returnees']), b: s('Community policing in municipalities', ['XK'], [2023, 2026], ['security-sector-reform'], ['local_communities', 'police_officers']) },
  { same: false, a: s('Youth resilience to violent extremism in schools', ['BA'], [2024, 2026], ['violent-extremism'], ['youth']), b: s('Youth resilience to violent extremism in schools', ['AL'], [2024, 2026], ['violent-extremism'], ['youth']) },
  { same: false, a: s('Migration management and reception centres', ['BA'], [2023, 2025], ['border-security'], ['migrants']), b: s('Border police equipment at the eastern border', ['BA'], [2023, 2025], ['border-security'], ['border_guards']) },
  { same: false, a: s('Container control at the port of Bar', ['ME'], [2023, 2026], ['drugs'], ['customs_officers']), b: s('Drug prevention in secondary schools', ['ME'], [2023, 2026], ['drugs'], ['youth']) },
  { same: false, a: s('Forensic laboratory accreditation', ['RS'], [2023, 2025], ['organised-crime'], ['police_officers']), b: s('Judicial training on organised crime cases', ['RS'], [2023, 2025], ['organised-crime'], ['judges', 'prosecutors']) },
  { same: false, a: s('Parliamentary oversight of the security sector', ['BA'], [2023, 2026], ['security-sector-reform'], ['policy_makers']), b: s('Regional dialogue on security sector governance', ['AL'], [2024, 2026], ['security-sector-reform'], ['policy_makers']) },
];

export function featuresOfSide(side: Side): OverlapFeatures {
  return {
    economies: side.economies.map((code) => ({ code, percentage: 100 / side.economies.length })),
    start: `${side.years[0]}-01-01`,
    end: `${side.years[1]}-12-31`,
    topics: side.topics,
    targetGroups: side.groups,
    sectors: [],
    implementers: side.implementer ? [side.implementer.toLowerCase()] : [],
    words: overlapWords([side.title, side.description ?? '']),
  };
}

/** Precision and recall of a predictor over the labelled pairs. */
export function quality(predict: (pair: LabelledPair) => boolean) {
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  for (const pair of LABELLED_PAIRS) {
    const predicted = predict(pair);
    if (predicted && pair.same) truePositive += 1;
    if (predicted && !pair.same) falsePositive += 1;
    if (!predicted && pair.same) falseNegative += 1;
  }
  const precision = truePositive + falsePositive === 0 ? 0 : truePositive / (truePositive + falsePositive);
  const recall = truePositive + falseNegative === 0 ? 0 : truePositive / (truePositive + falseNegative);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
