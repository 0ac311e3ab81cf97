import type { ActivityInput } from '../../../contract/registry';
import type { TestApp } from '../../test/build-test-app';

export type Headers = { cookie: string; 'x-csrf-token': string };

/** A complete public activity: police training in Montenegro; tests override what they probe. */
export function activityInput(overrides: Partial<ActivityInput> & Record<string, unknown> = {}): ActivityInput {
  return {
    identifier: `XI-TEST-${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    reportingOrg: { ref: 'XI-IATI-EC_NEAR', name: 'European Union', type: '15' },
    title: [{ lang: 'en', text: 'Training of police officers in firearms investigations in Montenegro' }],
    description: [{ lang: 'en', text: 'Courses for criminal police on tracing illicit firearms.' }],
    participatingOrgs: [
      { role: 'funding', name: 'European Union', ref: null },
      { role: 'implementing', name: 'UNDP SEESAC', ref: 'XM-DAC-41114' },
    ],
    status: 'implementation',
    plannedStart: '2025-01-01',
    plannedEnd: '2026-12-31',
    actualStart: null,
    actualEnd: null,
    recipientEconomies: [{ code: 'ME', percentage: 100 }],
    locations: [],
    sectors: ['15240'],
    topics: ['small-arms'],
    targetGroups: ['police_officers'],
    budgets: [{ periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 1_082_400, currency: 'USD', valueDate: '2024-06-01' }],
    transactions: [],
    contacts: [],
    documents: [],
    results: [],
    visibility: { public: true },
    ...overrides,
  } as ActivityInput;
}

export function client(test: TestApp) {
  return {
    get: (url: string, headers?: Headers) => test.app.inject({ method: 'GET', url, headers }),
    post: (url: string, headers: Headers, payload: unknown) => test.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> }),
    put: (url: string, headers: Headers, payload: unknown) => test.app.inject({ method: 'PUT', url, headers, payload: payload as Record<string, unknown> }),
  };
}

/** Saves an activity, acknowledging whatever overlaps the server shows first. */
export async function saveActivity(http: ReturnType<typeof client>, headers: Headers, activity: ActivityInput): Promise<string> {
  const overlaps = await http.post('/api/registry/overlaps', headers, { title: activity.title.map((entry) => entry.text), recipientEconomies: activity.recipientEconomies, topics: activity.topics, targetGroups: activity.targetGroups, plannedStart: activity.plannedStart, plannedEnd: activity.plannedEnd });
  const ids = (overlaps.json() as { items: { activity: { id: string } }[] }).items.map((item) => item.activity.id);
  let response = await http.post('/api/registry/activities', headers, { activity, acknowledgedOverlaps: ids });
  if (response.statusCode === 422 && response.body.includes('acknowledgedOverlaps')) {
    const missing = (response.json() as { errors: { message: string }[] }).errors.map((error) => error.message);
    response = await http.post('/api/registry/activities', headers, { activity, acknowledgedOverlaps: [...ids, ...missing] });
  }
  if (response.statusCode !== 201) throw new Error(response.body);
  return (response.json() as { id: string }).id;
}
