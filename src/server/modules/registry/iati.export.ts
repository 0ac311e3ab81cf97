import type { ActivityInput } from '../../../contract/registry';
import { COUNTRY_VOCABULARY, RESULT_CODES, TARGET_GROUP_VOCABULARY, TOPIC_VOCABULARY, WGS84, roleCode, statusCode, transactionCode } from './iati.codes';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attrs = (values: Record<string, string | number | null | undefined>) =>
  Object.entries(values)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => ` ${name}="${escape(String(value))}"`)
    .join('');
const el = (name: string, values: Record<string, string | number | null | undefined>, children = '') => (children ? `<${name}${attrs(values)}>${children}</${name}>` : `<${name}${attrs(values)}/>`);
const narrative = (text: string, lang?: string) => `<narrative${lang ? attrs({ 'xml:lang': lang }) : ''}>${escape(text)}</narrative>`;
const narratives = (entries: { lang: string; text: string }[]) => entries.map((entry) => narrative(entry.text, entry.lang)).join('');

/** Integer percentages that add up to exactly 100 (the IATI rule for one vocabulary's sectors). */
function evenShares(count: number): number[] {
  const base = Math.floor(100 / count);
  return Array.from({ length: count }, (_, index) => base + (index < 100 - base * count ? 1 : 0));
}

/** One activity as an IATI 2.03 `iati-activity` element, children in the schema's order. */
export function activityXml(input: ActivityInput, lastUpdated: Date, topicNames: Map<string, string>): string {
  const parts: string[] = [];
  parts.push(el('iati-identifier', {}, escape(input.identifier)));
  parts.push(el('reporting-org', { ref: input.reportingOrg.ref, type: input.reportingOrg.type }, narrative(input.reportingOrg.name)));
  parts.push(el('title', {}, narratives(input.title)));
  if (input.description.length) parts.push(el('description', { type: '1' }, narratives(input.description)));
  for (const org of input.participatingOrgs) parts.push(el('participating-org', { ref: org.ref, role: roleCode(org.role) }, narrative(org.name)));
  parts.push(el('activity-status', { code: statusCode(input.status) }));
  parts.push(el('activity-date', { 'iso-date': input.plannedStart, type: '1' }));
  if (input.actualStart) parts.push(el('activity-date', { 'iso-date': input.actualStart, type: '2' }));
  parts.push(el('activity-date', { 'iso-date': input.plannedEnd, type: '3' }));
  if (input.actualEnd) parts.push(el('activity-date', { 'iso-date': input.actualEnd, type: '4' }));
  for (const contact of input.contacts) {
    const inner = [
      contact.organisation ? el('organisation', {}, narrative(contact.organisation)) : '',
      contact.person ? el('person-name', {}, narrative(contact.person)) : '',
      contact.telephone ? el('telephone', {}, escape(contact.telephone)) : '',
      contact.email ? el('email', {}, escape(contact.email)) : '',
    ].join('');
    parts.push(el('contact-info', { type: '1' }, inner));
  }
  for (const economy of input.recipientEconomies) parts.push(el('recipient-country', { code: economy.code, percentage: economy.percentage }));
  for (const location of input.locations) {
    const inner = [
      el('name', {}, narrative(location.name)),
      location.adminArea ? el('description', {}, narrative(location.adminArea)) : '',
      el('administrative', { vocabulary: COUNTRY_VOCABULARY, code: location.economy, level: '0' }),
      location.point ? el('point', { srsName: WGS84 }, `<pos>${location.point.lat} ${location.point.lng}</pos>`) : '',
    ].join('');
    parts.push(el('location', {}, inner));
  }
  const shares = evenShares(input.sectors.length);
  input.sectors.forEach((code, index) => parts.push(el('sector', { vocabulary: '1', code, percentage: shares[index] })));
  for (const topic of input.topics) parts.push(el('tag', { vocabulary: '99', 'vocabulary-uri': TOPIC_VOCABULARY, code: topic }, narrative(topicNames.get(topic) ?? topic)));
  for (const group of input.targetGroups) parts.push(el('tag', { vocabulary: '99', 'vocabulary-uri': TARGET_GROUP_VOCABULARY, code: group }));
  for (const budget of input.budgets) {
    parts.push(el('budget', { type: '1', status: '1' }, el('period-start', { 'iso-date': budget.periodStart }) + el('period-end', { 'iso-date': budget.periodEnd }) + el('value', { currency: budget.currency, 'value-date': budget.valueDate }, String(budget.value))));
  }
  for (const transaction of input.transactions) {
    const inner = [
      el('transaction-type', { code: transactionCode(transaction.type) }),
      el('transaction-date', { 'iso-date': transaction.date }),
      el('value', { currency: transaction.currency, 'value-date': transaction.date }, String(transaction.value)),
      transaction.providerOrg ? el('provider-org', {}, narrative(transaction.providerOrg)) : '',
      transaction.receiverOrg ? el('receiver-org', {}, narrative(transaction.receiverOrg)) : '',
    ].join('');
    parts.push(el('transaction', {}, inner));
  }
  for (const document of input.documents) parts.push(el('document-link', { format: document.format, url: document.url }, el('title', {}, narrative(document.title)) + el('category', { code: 'A01' })));
  for (const result of input.results) {
    const indicators = result.indicators
      .map((indicator) => {
        const baseline = indicator.baseline ? el('baseline', { year: indicator.baseline.year, value: indicator.baseline.value }) : '';
        const period = indicator.target
          ? el('period', {}, el('period-start', { 'iso-date': indicator.target.periodStart }) + el('period-end', { 'iso-date': indicator.target.periodEnd }) + el('target', { value: indicator.target.value }))
          : '';
        return el('indicator', { measure: indicator.measure === 'unit' ? '1' : '2' }, el('title', {}, narrative(indicator.title)) + baseline + period);
      })
      .join('');
    parts.push(el('result', { type: RESULT_CODES[result.type] }, el('title', {}, narrative(result.title)) + indicators));
  }
  const language = input.title[0]?.lang ?? 'en';
  return el('iati-activity', { 'last-updated-datetime': lastUpdated.toISOString().replace(/\.\d{3}Z$/, 'Z'), 'xml:lang': language, 'default-currency': 'EUR' }, parts.join(''));
}

export function activitiesXml(activities: { input: ActivityInput; updatedAt: Date }[], generated: Date, topicNames: Map<string, string>): string {
  const body = activities.map((activity) => `\n  ${activityXml(activity.input, activity.updatedAt, topicNames)}`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${generated.toISOString().replace(/\.\d{3}Z$/, 'Z')}">${body}\n</iati-activities>\n`;
}
