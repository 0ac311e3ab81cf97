import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ActivityInput, NARRATIVE_LANGUAGES } from '../../../contract/registry';
import { COUNTRY_VOCABULARY, TARGET_GROUP_VOCABULARY, TOPIC_VOCABULARY, resultOf, roleOf, statusOf, transactionOf } from './iati.codes';

/** At most this many activities in one file. */
export const MAX_IMPORT_ACTIVITIES = 2000;

type Node = Record<string, unknown>;
const REPEATED = new Set(['iati-activity', 'narrative', 'description', 'participating-org', 'activity-date', 'contact-info', 'recipient-country', 'location', 'sector', 'tag', 'budget', 'transaction', 'document-link', 'result', 'indicator', 'period', 'title']);

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, trimValues: true, isArray: (name) => REPEATED.has(name), processEntities: true });

const all = (node: Node | undefined, name: string): Node[] => (node?.[name] as Node[] | undefined) ?? [];
const one = (node: Node | undefined, name: string): Node | undefined => {
  const value = node?.[name];
  return (Array.isArray(value) ? value[0] : value) as Node | undefined;
};
const attr = (node: Node | undefined, name: string): string | null => (node && typeof node[`@${name}`] === 'string' ? (node[`@${name}`] as string) : null);
const text = (node: Node | string | undefined): string => (typeof node === 'string' ? node : typeof node?.['#text'] === 'string' ? (node['#text'] as string) : '');
const firstNarrative = (node: Node | undefined): string | null => {
  const entry = all(node, 'narrative')[0];
  return entry === undefined ? null : text(entry);
};
const langOf = (value: string | null, fallback: string) => {
  const lang = value ?? fallback;
  return (NARRATIVE_LANGUAGES as readonly string[]).includes(lang) ? lang : lang === 'sr' ? 'sr-Latn' : lang;
};
const narrativesOf = (node: Node | undefined, fallback: string) => all(node, 'narrative').map((entry) => ({ lang: langOf(attr(entry, 'xml:lang'), fallback), text: text(entry) }));
const num = (value: string | null) => (value === null || value.trim() === '' ? Number.NaN : Number(value));

/** One parsed activity: what it would be saved as, or why it cannot be. */
export interface ParsedActivity {
  index: number;
  identifier: string | null;
  /** The first line of its element in the file (to place schema errors). */
  line: number;
  candidate: unknown;
}

/** The `iati-activity` element of the file as an ActivityInput-shaped object for the contract to check. */
function candidateOf(activity: Node, fileLang: string): unknown {
  const lang = attr(activity, 'xml:lang') ?? fileLang;
  const dates = all(activity, 'activity-date');
  const dateOf = (type: string) => attr(dates.find((date) => attr(date, 'type') === type), 'iso-date');
  const tags = all(activity, 'tag');
  const tagCodes = (uri: string) => tags.filter((tag) => attr(tag, 'vocabulary') === '99' && attr(tag, 'vocabulary-uri') === uri).map((tag) => attr(tag, 'code'));
  const reporting = one(activity, 'reporting-org');
  return {
    identifier: text(one(activity, 'iati-identifier')),
    reportingOrg: { ref: attr(reporting, 'ref'), name: firstNarrative(reporting), type: attr(reporting, 'type') },
    title: narrativesOf(one(activity, 'title'), lang),
    description: all(activity, 'description').flatMap((description) => narrativesOf(description, lang)),
    participatingOrgs: all(activity, 'participating-org').map((org) => ({ role: roleOf(attr(org, 'role') ?? ''), name: firstNarrative(org), ref: attr(org, 'ref') })),
    status: statusOf(attr(one(activity, 'activity-status'), 'code') ?? ''),
    plannedStart: dateOf('1'),
    plannedEnd: dateOf('3'),
    actualStart: dateOf('2'),
    actualEnd: dateOf('4'),
    recipientEconomies: all(activity, 'recipient-country').map((country) => ({ code: attr(country, 'code'), percentage: num(attr(country, 'percentage') ?? '100') })),
    locations: all(activity, 'location').map((location) => {
      const administrative = (location.administrative as Node | undefined) ?? undefined;
      const [lat, lng] = text(one(one(location, 'point'), 'pos')).split(/\s+/).map(Number);
      return {
        name: firstNarrative(one(location, 'name')),
        economy: attr(administrative, 'vocabulary') === COUNTRY_VOCABULARY ? attr(administrative, 'code') : null,
        point: one(location, 'point') ? { lat, lng } : null,
        adminArea: firstNarrative(all(location, 'description')[0]),
      };
    }),
    sectors: all(activity, 'sector').filter((sector) => (attr(sector, 'vocabulary') ?? '1') === '1').map((sector) => attr(sector, 'code')),
    topics: tagCodes(TOPIC_VOCABULARY),
    targetGroups: tagCodes(TARGET_GROUP_VOCABULARY),
    budgets: all(activity, 'budget').map((budget) => {
      const value = one(budget, 'value');
      return { periodStart: attr(one(budget, 'period-start'), 'iso-date'), periodEnd: attr(one(budget, 'period-end'), 'iso-date'), value: num(text(value)), currency: attr(value, 'currency') ?? attr(activity, 'default-currency'), valueDate: attr(value, 'value-date') };
    }),
    transactions: all(activity, 'transaction').map((transaction) => {
      const value = one(transaction, 'value');
      return {
        type: transactionOf(attr(one(transaction, 'transaction-type'), 'code') ?? ''),
        date: attr(one(transaction, 'transaction-date'), 'iso-date'),
        value: num(text(value)),
        currency: attr(value, 'currency') ?? attr(activity, 'default-currency'),
        providerOrg: firstNarrative(one(transaction, 'provider-org')),
        receiverOrg: firstNarrative(one(transaction, 'receiver-org')),
      };
    }),
    contacts: all(activity, 'contact-info').map((contact) => ({
      organisation: firstNarrative(one(contact, 'organisation')),
      person: firstNarrative(one(contact, 'person-name')),
      email: text(one(contact, 'email')) || null,
      telephone: text(one(contact, 'telephone')) || null,
    })),
    documents: all(activity, 'document-link').map((document) => ({ title: firstNarrative(one(document, 'title')), url: attr(document, 'url'), format: attr(document, 'format') })),
    results: all(activity, 'result').map((result) => ({
      type: resultOf(attr(result, 'type') ?? ''),
      title: firstNarrative(one(result, 'title')),
      indicators: all(result, 'indicator').map((indicator) => {
        const baseline = one(indicator, 'baseline');
        const period = all(indicator, 'period')[0];
        const target = one(period, 'target');
        return {
          title: firstNarrative(one(indicator, 'title')),
          measure: attr(indicator, 'measure') === '2' ? 'percentage' : 'unit',
          baseline: baseline ? { year: num(attr(baseline, 'year')), value: num(attr(baseline, 'value')) } : null,
          target: period && target ? { periodStart: attr(one(period, 'period-start'), 'iso-date'), periodEnd: attr(one(period, 'period-end'), 'iso-date'), value: num(attr(target, 'value')) } : null,
        };
      }),
    })),
    visibility: { public: true },
  };
}

export type FileProblem = { kind: 'malformed' | 'version' | 'too_many' | 'doctype'; message: string };

/**
 * Reads an IATI activity file. A file that is not well-formed XML, declares a DOCTYPE (entities are
 * never expanded), is not version 2.03 or holds too many activities is refused whole; otherwise
 * each activity is returned for its own checks.
 */
export function parseIatiFile(xml: string): { problem: FileProblem } | { activities: ParsedActivity[] } {
  if (/<!DOCTYPE/i.test(xml)) return { problem: { kind: 'doctype', message: 'a DOCTYPE or entity declaration is not accepted' } };
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return { problem: { kind: 'malformed', message: `not well-formed XML: line ${wellFormed.err.line}: ${wellFormed.err.msg}` } };
  const document = parser.parse(xml) as Node;
  const root = one(document, 'iati-activities');
  if (!root) return { problem: { kind: 'malformed', message: 'the root element is not iati-activities' } };
  const version = attr(root, 'version');
  if (version !== '2.03') return { problem: { kind: 'version', message: `IATI version ${version ?? 'missing'}; only 2.03 is read` } };
  const activities = all(root, 'iati-activity');
  if (activities.length > MAX_IMPORT_ACTIVITIES) return { problem: { kind: 'too_many', message: `${activities.length} activities; at most ${MAX_IMPORT_ACTIVITIES} in one file` } };
  const lines: number[] = [];
  for (const match of xml.matchAll(/<iati-activity[\s>/]/g)) lines.push(xml.slice(0, match.index).split('\n').length);
  const fileLang = attr(root, 'xml:lang') ?? 'en';
  return {
    activities: activities.map((activity, index) => ({ index, identifier: text(one(activity, 'iati-identifier')) || null, line: lines[index] ?? 0, candidate: candidateOf(activity, fileLang) })),
  };
}

export const checkCandidate = (candidate: unknown) => ActivityInput.safeParse(candidate);
