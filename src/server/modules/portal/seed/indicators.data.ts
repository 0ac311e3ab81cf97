import type { IndicatorInput } from '../../../../contract/portal';

/*
 * Key statistics for the demo. We are not certain enough of exact published figures to present
 * any as official, so EVERY series here is marked as illustrative demo figures (the source line
 * says so, and the CSV repeats it). Replace them with sourced data before any real use.
 */

const WB6 = ['AL', 'BA', 'XK', 'ME', 'MK', 'RS'];
const YEARS = [2019, 2020, 2021, 2022, 2023];

/** Deterministic, plausible-looking demo series (no randomness: the seed is reproducible). */
function series(economies: string[], start: number, step: number, spread: number, decimals = 1): IndicatorInput['series'] {
  return economies.map((economy, index) => ({
    economy,
    points: YEARS.map((year, yearIndex) => {
      const wave = Math.sin((index + 1) * (yearIndex + 2)) * spread;
      const value = start + index * spread + yearIndex * step + wave;
      return { year, value: Number(value.toFixed(decimals)) };
    }),
  }));
}

const illustrative = { sourceName: 'Illustrative demo figures – not official statistics', sourceUrl: null, illustrative: true };

export const INDICATOR_SEEDS: IndicatorInput[] = [
  { slug: 'recorded-homicides-rate', name: 'Recorded intentional homicides', description: 'Victims of intentional homicide recorded by the police.', unit: 'per 100,000 inhabitants', topics: ['organised-crime'], series: series(WB6, 1.4, -0.05, 0.4, 2), ...illustrative },
  { slug: 'identified-trafficking-victims', name: 'Identified victims of trafficking in human beings', description: 'Victims formally identified by the competent authorities.', unit: 'persons', topics: ['trafficking-smuggling'], series: series(WB6, 40, 3, 12, 0), ...illustrative },
  { slug: 'drug-seizures-cocaine', name: 'Cocaine seized', description: 'Total quantity of cocaine seized by police and customs.', unit: 'kg', topics: ['drugs'], series: series(['AL', 'ME', 'HR', 'GR'], 300, 80, 150, 0), ...illustrative },
  { slug: 'firearms-seized', name: 'Illicit firearms seized', description: 'Firearms seized in criminal proceedings and police controls.', unit: 'firearms', topics: ['small-arms'], series: series(WB6, 900, -30, 250, 0), ...illustrative },
  { slug: 'irregular-border-crossings', name: 'Detected irregular border crossings', description: 'Persons detected crossing the border irregularly.', unit: 'persons', topics: ['border-security'], series: series(['MK', 'RS', 'BA', 'AL'], 5000, 1200, 2500, 0), ...illustrative },
  { slug: 'suspicious-transaction-reports', name: 'Suspicious transaction reports received', description: 'Reports received by the financial intelligence unit.', unit: 'reports', topics: ['money-laundering'], series: series(WB6, 600, 70, 180, 0), ...illustrative },
  { slug: 'cyber-incidents-reported', name: 'Cyber incidents reported to the national CSIRT', description: 'Incidents reported to or detected by the national CSIRT.', unit: 'incidents', topics: ['cyber-security'], series: series(WB6, 350, 90, 120, 0), ...illustrative },
  { slug: 'corruption-convictions', name: 'Final convictions for corruption offences', description: 'Persons finally convicted of corruption offences.', unit: 'persons', topics: ['corruption'], series: series(WB6, 60, 4, 25, 0), ...illustrative },
  { slug: 'women-in-police', name: 'Women among police officers', description: 'Share of women among uniformed police officers.', unit: '%', topics: ['security-sector-reform', 'gender-based-violence'], series: series(WB6, 12, 0.6, 2.5, 1), ...illustrative },
  { slug: 'disaster-losses', name: 'Economic losses from natural disasters', description: 'Estimated direct economic losses from natural disasters.', unit: 'million EUR', topics: ['disasters'], series: series(['BA', 'RS', 'HR', 'ME', 'AL'], 40, 5, 30, 1), ...illustrative },
];
