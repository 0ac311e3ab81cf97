import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActivityInput, type RegistryOptions } from '../../../../contract/registry';
import { draftOf, draftProblems, inputOf, serverProblemKey } from './draft';

const options: RegistryOptions = { topics: [], economies: ['ME', 'RS'], currencies: ['EUR', 'RSD'], markingChoices: { organisations: [], sharingGroups: [] }, ownOrganisation: { id: '00000000-0000-4000-8000-000000000001', name: 'European Union' } };
const LANGUAGES = ['en', 'sq', 'sr-Latn', 'sr-Cyrl', 'mk'];
const locale = (lang: string) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../../locales', lang, 'registry.json'), 'utf8')) as { error: Record<string, string>; path: Record<string, string> };

function complete() {
  return {
    ...draftOf(null, options),
    identifier: 'XI-IATI-EC_NEAR-1',
    reportingOrg: { ref: 'XI-IATI-EC_NEAR', name: 'European Union', type: '15' as const },
    title: [{ lang: 'en' as const, text: 'Police training' }, { lang: 'sr-Latn' as const, text: 'Obuka policije' }],
    description: [{ lang: 'en' as const, text: 'Courses for criminal police.' }],
    plannedStart: '2025-01-01',
    plannedEnd: '2026-12-31',
    recipientEconomies: [{ code: 'ME', percentage: 60 }, { code: 'RS', percentage: 40 }],
  };
}

describe('the editor draft', () => {
  it('sends a complete draft as the API takes it, with empty rows dropped', () => {
    const draft = { ...complete(), contacts: [{ organisation: ' ', person: null, email: null, telephone: null }], documents: [{ title: 'Report', url: 'https://example.org/r.pdf', format: 'application/pdf' }] };
    expect(draftProblems(draft, options.currencies)).toEqual({});
    const input = inputOf(draft);
    expect(input.contacts).toEqual([]);
    expect(input.participatingOrgs.map((org) => org.role)).toEqual(['funding']);
    expect(ActivityInput.safeParse(input).success).toBe(true);
  });

  it('finds each rule the server applies, before it is sent', () => {
    const draft = {
      ...complete(),
      recipientEconomies: [{ code: 'ME', percentage: 60 }, { code: 'RS', percentage: 30 }],
      plannedEnd: '2024-12-31',
      participatingOrgs: [{ role: 'implementing' as const, name: 'UNDP', ref: null }],
      budgets: [{ periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 10, currency: 'XAU', valueDate: '2025-01-01' }],
      locations: [{ name: 'Tirana', economy: 'AL', point: null, adminArea: null }],
      contacts: [{ organisation: null, person: 'A. Person', email: 'not-an-address', telephone: null }],
      title: [{ lang: 'en' as const, text: 'One' }, { lang: 'en' as const, text: 'Two' }],
      description: [{ lang: 'en' as const, text: '  ' }],
    };
    expect(draftProblems(draft, options.currencies)).toEqual({
      recipientEconomies: 'percentages',
      plannedEnd: 'endBeforeStart',
      participatingOrgs: 'funding',
      'budgets.0.currency': 'currency',
      'locations.0.economy': 'locationEconomy',
      'contacts.0.email': 'email',
      title: 'titleLanguage',
      description: 'descriptionRequired',
    });
  });

  it('has every message and field name in every UI language', () => {
    const broken = { ...complete(), description: [], identifier: '', reportingOrg: { ref: '', name: '', type: '10' as const }, title: [], plannedStart: '', plannedEnd: '', recipientEconomies: [], documents: [{ title: '', url: 'x', format: 'text/html' }], visibility: { public: false as const, marking: { classification: 'PUBLIC' as const, tlp: 'AMBER' as const, releasableEconomies: [], releasableOrganisations: [], sharingGroups: [], originatorControl: false } } };
    const problems = draftProblems(broken, options.currencies);
    const keys = new Set([...Object.values(problems), ...['activity.recipientEconomies', 'activity.budgets.0.currency', 'activity.visibility.marking.sharingGroups', 'activity.results.0.title'].map(serverProblemKey)]);
    expect(keys.size).toBeGreaterThan(8);
    for (const lang of LANGUAGES) {
      const messages = locale(lang);
      for (const key of keys) expect(messages.error[key], `${lang} error.${key}`).toBeTruthy();
      for (const field of Object.keys(problems)) expect(messages.path[field.split('.')[0]!], `${lang} path.${field}`).toBeTruthy();
    }
  });
});
