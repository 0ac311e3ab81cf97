import type { Marking } from '../../../contract/core';
import type { ActivityInput } from '../../../contract/registry';
import { foldText } from '../portal';
import { overlapWords } from './overlap.words';
import type { OverlapFeatures } from './overlap.scoring';
import type { OverlapCandidate } from './registry.queries';
import type { ActivityBody, ActivityRow, NewActivityRow, RateRow } from './registry.schema';

const PUBLIC_MARKING: Marking = { classification: 'PUBLIC', tlp: 'CLEAR', releasableEconomies: [], releasableOrganisations: [], sharingGroups: [], originatorControl: false };

export const foldName = (name: string) => foldText(name).replace(/\s+/g, ' ').trim();

/** Units of the currency per euro for the budget's year: that year's rate, else the nearest earlier one, else the earliest. */
export function rateFor(rates: RateRow[], currency: string, valueDate: string): RateRow | null {
  if (currency === 'EUR') return null;
  const year = Number(valueDate.slice(0, 4));
  const ofCurrency = rates.filter((rate) => rate.currency === currency).sort((a, b) => a.year - b.year);
  return [...ofCurrency].reverse().find((rate) => rate.year <= year) ?? ofCurrency[0] ?? null;
}

export function knownCurrencies(rates: RateRow[]): string[] {
  return ['EUR', ...new Set(rates.map((rate) => rate.currency))].sort();
}

export function toEur(value: number, currency: string, valueDate: string, rates: RateRow[]): number {
  const rate = rateFor(rates, currency, valueDate);
  return rate ? value / rate.rate : value;
}

export function budgetInEur(input: Pick<ActivityInput, 'budgets'>, rates: RateRow[]): number {
  return Math.round(input.budgets.reduce((sum, budget) => sum + toEur(budget.value, budget.currency, budget.valueDate, rates), 0));
}

export function featuresOfInput(input: Pick<ActivityInput, 'title' | 'description' | 'recipientEconomies' | 'plannedStart' | 'plannedEnd' | 'topics' | 'targetGroups' | 'sectors' | 'participatingOrgs'>): OverlapFeatures {
  return {
    economies: input.recipientEconomies,
    start: input.plannedStart,
    end: input.plannedEnd,
    topics: input.topics,
    targetGroups: input.targetGroups,
    sectors: input.sectors,
    implementers: [...new Set(input.participatingOrgs.filter((org) => org.role === 'implementing').map((org) => foldName(org.name)))],
    words: overlapWords([...input.title.map((entry) => entry.text), ...input.description.map((entry) => entry.text)]),
  };
}

/** The features of a stored activity, from the shortlist's columns (no body needed). */
export function featuresOfRow(row: OverlapCandidate): OverlapFeatures {
  return {
    economies: row.recipientEconomies.map((code, index) => ({ code, percentage: row.economyPercentages?.[index] ?? 0 })),
    start: row.plannedStart,
    end: row.plannedEnd,
    topics: row.topics,
    targetGroups: row.targetGroups,
    sectors: row.sectors,
    implementers: row.implementers,
    words: row.words,
  };
}

/** The columns of an activity row from its input: the owner, author and times are the caller's. */
export function columnsOf(input: ActivityInput, rates: RateRow[]): Omit<NewActivityRow, 'ownerOrganisationId' | 'ownerEconomy' | 'authorId'> {
  const { visibility, ...body } = input;
  const marking = visibility.public ? PUBLIC_MARKING : visibility.marking;
  const features = featuresOfInput(input);
  const texts = [...input.title.map((entry) => entry.text), ...input.description.map((entry) => entry.text), input.identifier, input.reportingOrg.name, ...input.participatingOrgs.map((org) => org.name)];
  return {
    identifier: input.identifier,
    isPublic: visibility.public,
    ...marking,
    status: input.status,
    plannedStart: input.plannedStart,
    plannedEnd: input.plannedEnd,
    recipientEconomies: input.recipientEconomies.map((economy) => economy.code),
    topics: input.topics,
    sectors: input.sectors,
    targetGroups: input.targetGroups,
    implementers: features.implementers,
    funders: [...new Set(input.participatingOrgs.filter((org) => org.role === 'funding').map((org) => org.name))],
    title: input.title[0]!.text,
    reportingOrg: input.reportingOrg.name,
    words: features.words,
    searchFolded: foldText(texts.join(' ')).replace(/\s+/g, ' ').trim(),
    budgetEur: budgetInEur(input, rates),
    body: body satisfies ActivityBody,
  };
}

export function inputOfRow(row: ActivityRow): ActivityInput {
  const { classification, tlp, releasableEconomies, releasableOrganisations, sharingGroups, originatorControl } = row;
  return { ...row.body, visibility: row.isPublic ? { public: true } : { public: false, marking: { classification, tlp, releasableEconomies, releasableOrganisations, sharingGroups, originatorControl } } };
}
