import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/migrate';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { articleInput, portalPeople, publishThroughApi, transition } from './portal-test-helpers';

let t: TestApp;
let now = new Date('2026-03-01T10:00:00Z');
let people: Awaited<ReturnType<typeof portalPeople>>;

beforeAll(async () => {
  t = await buildTestApp({ clock: () => now });
  people = await portalPeople(t.deps);
});
afterAll(async () => t.close());

const countRows = async (table: string) => rowsOf<{ n: number }>(await t.deps.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
const publicGet = (url: string) => t.app.inject({ method: 'GET', url });

describe('portal editorial workflow', () => {
  it('keeps drafts and items in review invisible, shows published ones, hides archived ones everywhere', async () => {
    const input = articleInput({ slug: 'workflow-article', translations: [{ language: 'en', title: 'Zanzibarian workflow probe', lead: 'Lead', bodyHtml: '<p>Probe text</p>', leadImageAlt: null }] });
    const created = await t.app.inject({ method: 'POST', url: '/api/portal/editor/articles', headers: people.author, payload: input });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string; workflow: { status: string } }>().id;
    expect(created.json<{ workflow: { status: string } }>().workflow.status).toBe('draft');

    const visible = async () => ({
      detail: (await publicGet('/api/portal/articles/workflow-article')).statusCode,
      list: (await publicGet('/api/portal/articles')).json<{ items: { slug: string }[] }>().items.some((item) => item.slug === 'workflow-article'),
      search: (await publicGet('/api/portal/search?q=zanzibarian')).json<{ total: number }>().total,
      rss: (await publicGet('/feeds/news.rss')).body.includes('Zanzibarian'),
      sitemap: (await publicGet('/sitemap.xml')).body.includes('workflow-article'),
      topic: (await publicGet('/api/portal/topics/organised-crime')).json<{ articles: { slug: string }[] }>().articles.some((a) => a.slug === 'workflow-article'),
    });
    const hidden = { detail: 404, list: false, search: 0, rss: false, sitemap: false, topic: false };
    expect(await visible()).toEqual(hidden);

    await transition(t.app, people.author, 'articles', id, 'submit');
    expect(await visible()).toEqual(hidden);

    // Four eyes: the submitter may not publish their own submission.
    const selfPublish = await t.app.inject({ method: 'POST', url: `/api/portal/editor/articles/${id}/transition`, headers: people.author, payload: { transition: 'publish' } });
    expect(selfPublish.statusCode).toBe(403);
    expect(await visible()).toEqual(hidden);

    await transition(t.app, people.reviewer, 'articles', id, 'publish');
    expect(await visible()).toEqual({ detail: 200, list: true, search: 1, rss: true, sitemap: true, topic: true });

    await transition(t.app, people.reviewer, 'articles', id, 'archive');
    expect(await visible()).toEqual(hidden);

    const revisions = await t.app.inject({ method: 'GET', url: `/api/portal/editor/articles/${id}/revisions`, headers: people.reviewer });
    const items = revisions.json<{ items: { number: number; change: string; authorName: string; snapshot: { slug: string } }[] }>().items;
    expect(items.map((r) => r.change)).toEqual(['archive', 'publish', 'submit', 'created']);
    expect(items.find((r) => r.change === 'submit')?.authorName).toBe('Ana Author');
    expect(items.find((r) => r.change === 'publish')?.authorName).toBe('Rade Reviewer');
    expect(items[0]!.snapshot.slug).toBe('workflow-article');
  });

  it('refuses transitions from the wrong status with 409', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/portal/editor/articles', headers: people.author, payload: articleInput() });
    const id = created.json<{ id: string }>().id;
    const response = await t.app.inject({ method: 'POST', url: `/api/portal/editor/articles/${id}/transition`, headers: people.reviewer, payload: { transition: 'publish' } });
    expect(response.statusCode).toBe(409);
  });

  it('publishes a scheduled item only when its time has come (computed at query time)', async () => {
    const publishAt = new Date(now.getTime() + 3600_000).toISOString();
    const id = await publishThroughApi(t.app, people, 'articles', articleInput({ slug: 'scheduled-article' }), publishAt);
    expect((await publicGet('/api/portal/articles/scheduled-article')).statusCode).toBe(404);
    const editor = await t.app.inject({ method: 'GET', url: `/api/portal/editor/articles/${id}`, headers: people.author });
    expect(editor.json<{ workflow: { scheduled: boolean; status: string } }>().workflow).toMatchObject({ scheduled: true, status: 'published' });
    const before = now;
    now = new Date(now.getTime() + 2 * 3600_000);
    try {
      expect((await publicGet('/api/portal/articles/scheduled-article')).statusCode).toBe(200);
      expect((await publicGet('/api/portal/search?q=belgrade')).json<{ items: { slug: string }[] }>().items.some((i) => i.slug === 'scheduled-article')).toBe(true);
    } finally {
      now = before;
    }
  });

  it('lets only editors write: anonymous 401, officer 403, and nothing is written', async () => {
    const before = await countRows('portal_articles');
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/portal/editor/articles', payload: articleInput() });
    expect(anonymous.statusCode).toBe(401);
    const officer = await t.app.inject({ method: 'POST', url: '/api/portal/editor/articles', headers: people.officer, payload: articleInput() });
    expect(officer.statusCode).toBe(403);
    const officerList = await t.app.inject({ method: 'GET', url: '/api/portal/editor/articles', headers: people.officer });
    expect(officerList.statusCode).toBe(403);
    const officerEvent = await t.app.inject({ method: 'POST', url: '/api/portal/editor/indicators', headers: people.officer, payload: {} });
    expect(officerEvent.statusCode).toBe(403);
    expect(await countRows('portal_articles')).toBe(before);
  });

  it('rejects bad input with a problem and writes nothing', async () => {
    const before = await countRows('portal_articles');
    const unknownField = await t.app.inject({ method: 'POST', url: '/api/portal/editor/articles', headers: people.author, payload: { ...articleInput(), extra: 1 } });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.headers['content-type']).toContain('application/problem+json');
    const unknownTopic = await t.app.inject({ method: 'POST', url: '/api/portal/editor/articles', headers: people.author, payload: articleInput({ topics: ['no-such-topic'] }) });
    expect(unknownTopic.statusCode).toBe(422);
    const first = await t.app.inject({ method: 'POST', url: '/api/portal/editor/articles', headers: people.author, payload: articleInput({ slug: 'dup-slug' }) });
    expect(first.statusCode).toBe(201);
    const duplicate = await t.app.inject({ method: 'POST', url: '/api/portal/editor/articles', headers: people.author, payload: articleInput({ slug: 'dup-slug' }) });
    expect(duplicate.statusCode).toBe(409);
    expect(await countRows('portal_articles')).toBe(before + 1);
  });

  it('strips stored XSS on the server', async () => {
    const body = [
      '<p onclick="alert(1)">Hello<script>alert(2)</script></p>',
      '<a href="javascript:alert(3)">bad link</a>',
      '<a href="https://example.org/" onmouseover="alert(4)">good link</a>',
      '<img src="x" onerror="alert(5)">',
      '<p style="background:url(javascript:alert(6));width:expression(alert(7))">styled</p>',
      '<iframe src="https://evil.example"></iframe><svg onload="alert(8)"></svg>',
      '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    ].join('');
    const input = articleInput({ slug: 'xss-article', translations: [{ language: 'en', title: 'XSS', lead: '', bodyHtml: body, leadImageAlt: null }] });
    const id = await publishThroughApi(t.app, people, 'articles', input);
    const stored = (await publicGet('/api/portal/articles/xss-article')).json<{ bodyHtml: string }>().bodyHtml;
    expect(stored).not.toMatch(/script|onclick|onerror|onmouseover|onload|javascript:|style=|expression|iframe|svg|data:/i);
    expect(stored).toContain('Hello');
    expect(stored).toContain('href="https://example.org/"');
    const editor = await t.app.inject({ method: 'GET', url: `/api/portal/editor/articles/${id}`, headers: people.author });
    expect(editor.json<{ input: { translations: { bodyHtml: string }[] } }>().input.translations[0]!.bodyHtml).toBe(stored);
  });

  it('sends an edited item in review back to draft and records the changed fields', async () => {
    const input = articleInput();
    const created = await t.app.inject({ method: 'POST', url: '/api/portal/editor/articles', headers: people.author, payload: input });
    const id = created.json<{ id: string }>().id;
    await transition(t.app, people.author, 'articles', id, 'submit');
    const edited = await t.app.inject({ method: 'PUT', url: `/api/portal/editor/articles/${id}`, headers: people.reviewer, payload: { ...input, author: 'New byline' } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<{ workflow: { status: string; revision: number } }>().workflow).toMatchObject({ status: 'draft', revision: 3 });
    const revisions = await t.app.inject({ method: 'GET', url: `/api/portal/editor/articles/${id}/revisions`, headers: people.author });
    expect(revisions.json<{ items: { changedFields: string[]; authorName: string }[] }>().items[0]).toMatchObject({ changedFields: ['author'], authorName: 'Rade Reviewer' });
  });

  it('lets an editor list all statuses and filter by one', async () => {
    const drafts = await t.app.inject({ method: 'GET', url: '/api/portal/editor/articles?status=draft', headers: people.author });
    expect(drafts.statusCode).toBe(200);
    const page = drafts.json<{ items: { workflow: { status: string; abilities: { submit: boolean } } }[]; total: number }>();
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((item) => item.workflow.status === 'draft' && item.workflow.abilities.submit)).toBe(true);
  });
});
