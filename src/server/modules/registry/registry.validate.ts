import type { ActivityInput } from '../../../contract/registry';
import type { Db } from '../../db/client';
import { loadMarkingChoices } from '../directory';
import { listTopicNames } from '../portal';
import { knownCurrencies } from './registry.rows';
import type { RateRow } from './registry.schema';

export type Problem = { path: string; message: string };

const sumsTo100 = (values: number[]) => Math.abs(values.reduce((sum, value) => sum + value, 0) - 100) < 0.01;

/** Reference data the checks need, loaded once per save or import. */
export async function loadReference(db: Db, rates: RateRow[]) {
  const [choices, topics] = await Promise.all([loadMarkingChoices(db), listTopicNames(db)]);
  return {
    economies: new Set(choices.economies.map((economy) => economy.code)),
    organisations: new Set(choices.organisations.map((organisation) => organisation.id)),
    sharingGroups: new Set(choices.sharingGroups.map((group) => group.id)),
    topics: new Set(topics.map((topic) => topic.slug)),
    currencies: new Set(knownCurrencies(rates)),
  };
}
export type Reference = Awaited<ReturnType<typeof loadReference>>;

/** Every rule of an activity that the schema alone cannot say; an empty list when it may be saved. */
export function activityProblems(input: ActivityInput, reference: Reference): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!sumsTo100(input.recipientEconomies.map((economy) => economy.percentage))) add('recipientEconomies', 'the percentages must add up to 100');
  const codes = input.recipientEconomies.map((economy) => economy.code);
  if (new Set(codes).size !== codes.length) add('recipientEconomies', 'an economy is listed twice');
  input.recipientEconomies.forEach((economy, index) => {
    if (!reference.economies.has(economy.code)) add(`recipientEconomies.${index}.code`, 'not a known economy');
  });
  if (input.plannedEnd < input.plannedStart) add('plannedEnd', 'the planned end is before the planned start');
  if (input.actualStart && input.actualEnd && input.actualEnd < input.actualStart) add('actualEnd', 'the actual end is before the actual start');
  if (new Set(input.title.map((entry) => entry.lang)).size !== input.title.length) add('title', 'one title per language');
  input.topics.forEach((topic, index) => {
    if (!reference.topics.has(topic)) add(`topics.${index}`, 'not a topic of the portal');
  });
  input.budgets.forEach((budget, index) => {
    if (!reference.currencies.has(budget.currency)) add(`budgets.${index}.currency`, 'a currency without exchange rates');
    if (budget.periodEnd < budget.periodStart) add(`budgets.${index}.periodEnd`, 'the period ends before it starts');
  });
  input.transactions.forEach((transaction, index) => {
    if (!reference.currencies.has(transaction.currency)) add(`transactions.${index}.currency`, 'a currency without exchange rates');
  });
  input.locations.forEach((location, index) => {
    if (!codes.includes(location.economy)) add(`locations.${index}.economy`, 'not one of the recipient economies');
  });
  if (!input.participatingOrgs.some((org) => org.role === 'funding')) add('participatingOrgs', 'name at least one funding organisation');
  if (!input.visibility.public) {
    const marking = input.visibility.marking;
    if (marking.classification === 'PUBLIC') add('visibility.marking.classification', 'a non-public activity is RESTRICTED or CONFIDENTIAL');
    if (marking.releasableEconomies.some((code) => !reference.economies.has(code))) add('visibility.marking.releasableEconomies', 'an economy code is unknown');
    if (marking.releasableOrganisations.some((id) => !reference.organisations.has(id))) add('visibility.marking.releasableOrganisations', 'an organisation is unknown');
    if (marking.sharingGroups.some((id) => !reference.sharingGroups.has(id))) add('visibility.marking.sharingGroups', 'a sharing group is unknown');
  }
  return problems;
}
