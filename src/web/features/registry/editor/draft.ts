import type { Activity, ActivityInput, OverlapInput, RegistryOptions } from '../../../../contract/registry';

/** The editor holds the activity as the API takes it; empty rows are dropped when it is sent. */
export type Draft = ActivityInput;
export type Problems = Record<string, string>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:/-]{2,149}$/;
const ORG_REF = /^[A-Za-z0-9][A-Za-z0-9._:/-]{1,99}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_PATTERN = /^https?:\/\/\S+$/;

export function draftOf(activity: Activity | null, options: RegistryOptions): Draft {
  if (activity) {
    const { id: _id, ownerOrganisation: _owner, budgetEur: _eur, createdAt: _created, updatedAt: _updated, acknowledgements: _acks, abilities: _abilities, ...input } = activity;
    return input;
  }
  const own = options.ownOrganisation.name;
  return {
    identifier: '',
    reportingOrg: { ref: '', name: own, type: '10' },
    title: [{ lang: 'en', text: '' }],
    description: [{ lang: 'en', text: '' }],
    participatingOrgs: [{ role: 'funding', name: own, ref: null }, { role: 'implementing', name: '', ref: null }],
    status: 'pipeline',
    plannedStart: '',
    plannedEnd: '',
    actualStart: null,
    actualEnd: null,
    recipientEconomies: [],
    locations: [],
    sectors: [],
    topics: [],
    targetGroups: [],
    budgets: [],
    transactions: [],
    contacts: [],
    documents: [],
    results: [],
    visibility: { public: true },
  };
}

const blankToNull = (value: string | null) => (value && value.trim() ? value.trim() : null);

/** What is sent: texts trimmed, rows left empty dropped. */
export function inputOf(draft: Draft): ActivityInput {
  return {
    ...draft,
    identifier: draft.identifier.trim(),
    reportingOrg: { ...draft.reportingOrg, ref: draft.reportingOrg.ref.trim(), name: draft.reportingOrg.name.trim() },
    title: draft.title.map((entry) => ({ ...entry, text: entry.text.trim() })).filter((entry) => entry.text),
    description: draft.description.map((entry) => ({ ...entry, text: entry.text.trim() })).filter((entry) => entry.text),
    participatingOrgs: draft.participatingOrgs.map((org) => ({ ...org, name: org.name.trim(), ref: blankToNull(org.ref) })).filter((org) => org.name),
    actualStart: blankToNull(draft.actualStart),
    actualEnd: blankToNull(draft.actualEnd),
    locations: draft.locations.map((location) => ({ ...location, name: location.name.trim(), adminArea: blankToNull(location.adminArea) })).filter((location) => location.name),
    contacts: draft.contacts
      .map((contact) => ({ organisation: blankToNull(contact.organisation), person: blankToNull(contact.person), email: blankToNull(contact.email), telephone: blankToNull(contact.telephone) }))
      .filter((contact) => contact.organisation || contact.person || contact.email || contact.telephone),
    documents: draft.documents.map((document) => ({ ...document, title: document.title.trim(), url: document.url.trim() })).filter((document) => document.title || document.url),
    results: draft.results
      .map((result) => ({ ...result, title: result.title.trim(), indicators: result.indicators.map((indicator) => ({ ...indicator, title: indicator.title.trim() })).filter((indicator) => indicator.title) }))
      .filter((result) => result.title),
  };
}

export function overlapInputOf(draft: Draft, excludeId: string | null): OverlapInput | null {
  const title = draft.title.map((entry) => entry.text).filter((text) => text.trim());
  if (title.length === 0 && draft.recipientEconomies.length === 0) return null;
  return {
    excludeId,
    title,
    description: draft.description.map((entry) => entry.text).filter((text) => text.trim()),
    recipientEconomies: draft.recipientEconomies,
    plannedStart: DATE.test(draft.plannedStart) ? draft.plannedStart : null,
    plannedEnd: DATE.test(draft.plannedEnd) ? draft.plannedEnd : null,
    topics: draft.topics,
    targetGroups: draft.targetGroups,
    sectors: draft.sectors,
    implementers: draft.participatingOrgs.filter((org) => org.role === 'implementing' && org.name.trim()).map((org) => org.name.trim()),
  };
}

/**
 * The rules the server applies, checked as the author types so that each message is in the UI
 * language beside its field. Keys are paths into the input, values i18n keys of `registry:error`.
 */
export function draftProblems(draft: Draft, currencies: string[]): Problems {
  const problems: Problems = {};
  const add = (path: string, key: string) => {
    problems[path] ??= key;
  };
  const period = (path: string, start: string | null, end: string | null) => {
    if (start && end && DATE.test(start) && DATE.test(end) && end < start) add(path, 'endBeforeStart');
  };
  const input = inputOf(draft);
  if (!IDENTIFIER.test(input.identifier)) add('identifier', 'identifier');
  if (!ORG_REF.test(input.reportingOrg.ref)) add('reportingOrg.ref', 'orgRef');
  if (!input.reportingOrg.name) add('reportingOrg.name', 'required');
  if (input.title.length === 0) add('title', 'titleRequired');
  if (new Set(input.title.map((entry) => entry.lang)).size !== input.title.length) add('title', 'titleLanguage');
  if (input.description.length === 0) add('description', 'descriptionRequired');
  if (new Set(input.description.map((entry) => entry.lang)).size !== input.description.length) add('description', 'titleLanguage');
  if (!input.participatingOrgs.some((org) => org.role === 'funding')) add('participatingOrgs', 'funding');
  input.participatingOrgs.forEach((org, index) => {
    if (org.ref && !ORG_REF.test(org.ref)) add(`participatingOrgs.${index}.ref`, 'orgRef');
  });
  if (!DATE.test(input.plannedStart)) add('plannedStart', 'required');
  if (!DATE.test(input.plannedEnd)) add('plannedEnd', 'required');
  period('plannedEnd', input.plannedStart, input.plannedEnd);
  period('actualEnd', input.actualStart, input.actualEnd);
  if (input.recipientEconomies.length === 0) add('recipientEconomies', 'economyRequired');
  else if (Math.abs(input.recipientEconomies.reduce((sum, economy) => sum + economy.percentage, 0) - 100) > 0.01) add('recipientEconomies', 'percentages');
  const codes = input.recipientEconomies.map((economy) => economy.code);
  input.locations.forEach((location, index) => {
    if (!codes.includes(location.economy)) add(`locations.${index}.economy`, 'locationEconomy');
  });
  input.budgets.forEach((budget, index) => {
    if (!currencies.includes(budget.currency)) add(`budgets.${index}.currency`, 'currency');
    if (!DATE.test(budget.periodStart) || !DATE.test(budget.periodEnd) || !DATE.test(budget.valueDate)) add(`budgets.${index}.periodStart`, 'required');
    period(`budgets.${index}.periodEnd`, budget.periodStart, budget.periodEnd);
  });
  input.transactions.forEach((transaction, index) => {
    if (!currencies.includes(transaction.currency)) add(`transactions.${index}.currency`, 'currency');
    if (!DATE.test(transaction.date)) add(`transactions.${index}.date`, 'required');
  });
  input.contacts.forEach((contact, index) => {
    if (contact.email && !EMAIL.test(contact.email)) add(`contacts.${index}.email`, 'email');
  });
  input.documents.forEach((document, index) => {
    if (!URL_PATTERN.test(document.url)) add(`documents.${index}.url`, 'url');
    if (!document.title) add(`documents.${index}.title`, 'required');
  });
  input.results.forEach((result, index) =>
    result.indicators.forEach((indicator, at) => {
      if (indicator.target) period(`results.${index}.indicators.${at}.target.periodEnd`, indicator.target.periodStart, indicator.target.periodEnd);
    }),
  );
  if (!input.visibility.public && input.visibility.marking.classification === 'PUBLIC') add('visibility.marking.classification', 'markingPublic');
  return problems;
}

/** The i18n key of a problem the server answered, by the path it names (its message is in English). */
export function serverProblemKey(path: string): string {
  const field = path.replace(/^activity\./, '');
  if (field === 'recipientEconomies' || /^recipientEconomies\.\d+\.code$/.test(field)) return 'percentages';
  if (/(plannedEnd|actualEnd|periodEnd)$/.test(field)) return 'endBeforeStart';
  if (field.endsWith('.currency')) return 'currency';
  if (field === 'participatingOrgs') return 'funding';
  if (/^locations\.\d+\.economy$/.test(field)) return 'locationEconomy';
  if (field === 'identifier') return 'identifier';
  if (field === 'title') return 'titleLanguage';
  if (field.startsWith('visibility.marking')) return 'marking';
  return 'invalidField';
}
