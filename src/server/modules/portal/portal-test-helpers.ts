import type { FastifyInstance } from 'fastify';
import type { ArticleInput, EventInput } from '../../../contract/portal';
import type { AppDeps } from '../../platform/deps';
import { signedInUser } from '../../test/factories';

type Headers = { cookie: string; 'x-csrf-token': string };

/** Two editors (four eyes: one submits, the other publishes) and an officer. */
export async function portalPeople(deps: AppDeps) {
  const author = await signedInUser(deps, { roles: ['editor'], displayName: 'Ana Author' });
  const reviewer = await signedInUser(deps, { roles: ['editor'], displayName: 'Rade Reviewer' });
  const officer = await signedInUser(deps, { roles: ['officer'] });
  return { author: author.headers, reviewer: reviewer.headers, officer: officer.headers, authorId: author.user.id };
}

export function articleInput(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    slug: `article-${Math.random().toString(36).slice(2, 10)}`,
    kind: 'news',
    author: 'Test Desk',
    leadImageUrl: null,
    topics: ['organised-crime'],
    economies: ['RS'],
    originalLanguage: 'en',
    translations: [{ language: 'en', title: 'Regional police meet in Belgrade', lead: 'A meeting.', bodyHtml: '<p>Police cooperation in the region.</p>', leadImageAlt: null }],
    ...overrides,
  };
}

export function eventInput(overrides: Partial<EventInput> = {}): EventInput {
  return {
    slug: `event-${Math.random().toString(36).slice(2, 10)}`,
    kind: 'conference',
    title: 'Conference on border security',
    summary: 'Annual conference.',
    agendaHtml: '<p>09:00 Opening</p>',
    startsLocal: '2030-05-12T09:30',
    endsLocal: '2030-05-12T17:00',
    timeZone: 'Europe/Skopje',
    online: false,
    venue: 'Hotel Continental',
    city: 'Skopje',
    economy: 'MK',
    onlineUrl: null,
    organiser: 'Regional Cooperation Council',
    language: 'en',
    topics: ['border-security'],
    economies: ['MK'],
    documents: [],
    ...overrides,
  };
}

/** Creates through the editor API, submits as `author` and publishes as `reviewer`. */
export async function publishThroughApi(
  app: FastifyInstance,
  people: { author: Headers; reviewer: Headers },
  type: 'articles' | 'events' | 'indicators',
  body: object,
  publishAt?: string,
): Promise<string> {
  const created = await app.inject({ method: 'POST', url: `/api/portal/editor/${type}`, headers: people.author, payload: body });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const id = created.json<{ id: string }>().id;
  await transition(app, people.author, type, id, 'submit');
  await transition(app, people.reviewer, type, id, 'publish', publishAt);
  return id;
}

export async function transition(app: FastifyInstance, headers: Headers, type: string, id: string, name: string, publishAt?: string) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/portal/editor/${type}/${id}/transition`,
    headers,
    payload: { transition: name, ...(publishAt ? { publishAt } : {}) },
  });
  if (response.statusCode !== 200) throw new Error(`${name} failed: ${response.statusCode} ${response.body}`);
  return response.json<{ workflow: { status: string } }>();
}
