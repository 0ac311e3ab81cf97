import { type Browser, type Page, expect, test } from '@playwright/test';
import { storageStatePathOf } from './support/demo';
import { expectNoSeriousAxeViolationsAtBothWidths } from './support/axe';
import { apiWrite, sessionOf } from './support/session-api';

// Issue 4, as editors: write → submit → (another editor) publish → visible to visitors →
// archive → gone; and a scheduled article stays hidden until its time.
//
// Four eyes: the editor who submits may not publish (portal.policy canTransition), so the
// demo has two editors; the test checks that they really are two different people.
const AUTHOR_STATE = storageStatePathOf('editor@mosaic.demo');
const PUBLISHER_STATE = storageStatePathOf('editor2@mosaic.demo');

/** How far ahead the second article is scheduled; the rest of the journey runs meanwhile. */
const SCHEDULE_AHEAD_MS = 60_000;

async function visitorPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function expectVisibleToVisitor(visitor: Page, slug: string, title: string, bodyText: string, searchWord: string) {
  await visitor.goto('/news');
  await expect(visitor.getByRole('link', { name: title, exact: true })).toBeVisible();
  await visitor.getByRole('link', { name: title, exact: true }).click();
  await expect(visitor).toHaveURL(new RegExp(`/news/${slug}$`));
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByRole('main').getByText(bodyText)).toBeVisible();
  await visitor.goto(`/search?q=${searchWord}`);
  await expect(visitor.getByRole('status').filter({ hasText: /^1 result for/ })).toBeVisible();
  await expect(visitor.getByRole('link', { name: title, exact: true })).toBeVisible();
}

async function expectHiddenFromVisitor(visitor: Page, slug: string, title: string, searchWord: string) {
  expect((await visitor.request.get(`/api/portal/articles/${slug}`)).status()).toBe(404);
  await visitor.goto(`/news/${slug}`);
  await expect(visitor.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await visitor.goto('/news');
  await expect(visitor.getByRole('heading', { level: 1, name: 'News and analyses' })).toBeVisible();
  await expect(visitor.getByRole('main').getByRole('link').first()).toBeVisible();
  await expect(visitor.getByRole('link', { name: title })).toHaveCount(0);
  const list = (await (await visitor.request.get('/api/portal/articles?pageSize=100')).json()) as { items: { slug: string }[] };
  expect(list.items.map((item) => item.slug)).not.toContain(slug);
  await visitor.goto(`/search?q=${searchWord}`);
  await expect(visitor.getByRole('heading', { name: 'Nothing found' })).toBeVisible();
  await expect(visitor.getByRole('link', { name: title })).toHaveCount(0);
}

test.describe('editors', () => {
  test.use({ storageState: AUTHOR_STATE });

  test('write, review by a second editor, publish, schedule and archive an article', async ({ page, browser }) => {
    test.setTimeout(180_000);
    const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const publisherContext = await browser.newContext({ storageState: PUBLISHER_STATE });
    const publisher = await publisherContext.newPage();
    const author = await sessionOf(page.request);
    const secondEditor = await sessionOf(publisher.request);
    expect(author.user?.email).toBe('editor@mosaic.demo');
    expect(secondEditor.user?.email).toBe('editor2@mosaic.demo');

    // A second article is scheduled first (through the API), so that its time passes while the
    // rest of the journey runs.
    const scheduledWord = `zakazano${run}`;
    const scheduledTitle = `Scheduled notice ${scheduledWord}`;
    const scheduledSlug = `scheduled-notice-${run}`;
    const created = await apiWrite(page.request, 'POST', '/api/portal/editor/articles', {
      slug: scheduledSlug,
      kind: 'news',
      author: 'Portal editorial desk',
      topics: ['border-security'],
      originalLanguage: 'en',
      translations: [{ language: 'en', title: scheduledTitle, lead: 'Not yet.', bodyHtml: '<p>Released later.</p>' }],
    });
    expect(created.status()).toBe(201);
    const scheduledId = ((await created.json()) as { id: string }).id;
    expect((await apiWrite(page.request, 'POST', `/api/portal/editor/articles/${scheduledId}/transition`, { transition: 'submit' })).status()).toBe(200);
    const publishAt = new Date(Date.now() + SCHEDULE_AHEAD_MS);
    const scheduled = await apiWrite(publisher.request, 'POST', `/api/portal/editor/articles/${scheduledId}/transition`, { transition: 'publish', publishAt: publishAt.toISOString() });
    expect(scheduled.status()).toBe(200);
    const scheduledItem = (await scheduled.json()) as { workflow: { status: string; scheduled: boolean; publishAt: string } };
    expect(scheduledItem.workflow).toMatchObject({ status: 'published', scheduled: true });
    expect(new Date(scheduledItem.workflow.publishAt).getTime()).toBeGreaterThan(Date.now());

    const visitor = await visitorPage(browser);
    await expectHiddenFromVisitor(visitor, scheduledSlug, scheduledTitle, scheduledWord);
    await page.goto(`/editor/articles/${scheduledId}`);
    await expect(page.getByRole('region', { name: 'Workflow' }).getByText('Scheduled', { exact: true })).toBeVisible();

    // The author writes an article in the web editor.
    const word = `probna${run}`;
    const title = `Joint border exercise rehearsed ${word}`;
    const bodyText = `Patrols from three economies trained together (${word}).`;
    await page.goto('/editor/articles/new');
    await expect(page.getByRole('heading', { level: 1, name: 'New article' })).toBeVisible();
    await expectNoSeriousAxeViolationsAtBothWidths(page, { ready: (p) => expect(p.getByRole('heading', { level: 1, name: 'New article' })).toBeVisible() });
    await page.getByRole('textbox', { name: 'Author' }).fill('Elira Dervishi');
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
    await page.getByRole('textbox', { name: 'Lead paragraph' }).fill('A short lead for the journey.');
    const body = page.getByRole('textbox', { name: 'Text', exact: true });
    await body.click();
    await body.pressSequentially(bodyText);
    await page.getByRole('button', { name: 'Bold' }).click();
    await body.pressSequentially(' Bold words.');
    const slugField = page.getByRole('textbox', { name: 'Address (slug)' });
    await expect(slugField).toHaveValue(/^joint-border-exercise-rehearsed-/);
    const slug = await slugField.inputValue();
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect(page).toHaveURL(/\/editor\/articles\/[0-9a-f-]{36}$/);
    const editorUrl = page.url();
    const workflow = page.getByRole('region', { name: 'Workflow' });
    await expect(workflow.getByText('Draft', { exact: true })).toBeVisible();
    await expectNoSeriousAxeViolationsAtBothWidths(page, { ready: () => expect(workflow.getByRole('button', { name: 'Submit for review' })).toBeVisible() });
    await expectHiddenFromVisitor(visitor, slug, title, word);

    await workflow.getByRole('button', { name: 'Submit for review' }).click();
    await expect(workflow.getByText('In review', { exact: true })).toBeVisible();
    await expect(workflow.getByText('Submitted for review by Elira Dervishi')).toBeVisible();
    // Four eyes: the author is not offered (and is refused) publication.
    await expect(workflow.getByRole('button', { name: 'Publish now' })).toHaveCount(0);
    const selfPublish = await apiWrite(page.request, 'POST', `/api/portal/editor/articles/${editorUrl.split('/').pop()}/transition`, { transition: 'publish' });
    expect(selfPublish.status()).toBe(403);
    await expectHiddenFromVisitor(visitor, slug, title, word);

    // The second editor publishes.
    await publisher.goto(editorUrl);
    const publisherWorkflow = publisher.getByRole('region', { name: 'Workflow' });
    await expectNoSeriousAxeViolationsAtBothWidths(publisher, { ready: () => expect(publisherWorkflow.getByRole('button', { name: 'Publish now' })).toBeVisible() });
    await publisherWorkflow.getByRole('button', { name: 'Publish now' }).click();
    await expect(publisherWorkflow.getByText('Published', { exact: true })).toBeVisible();
    await expectVisibleToVisitor(visitor, slug, title, bodyText, word);
    await visitor.goto(`/news/${slug}`);
    await expect(visitor.getByRole('main').locator('strong', { hasText: 'Bold words.' })).toBeVisible();

    // Still hidden while its time has not come (skipped when a slow machine got there first).
    if (Date.now() < publishAt.getTime() - 5_000) await expectHiddenFromVisitor(visitor, scheduledSlug, scheduledTitle, scheduledWord);

    // Archived: gone for visitors.
    await page.goto(editorUrl);
    await page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: 'Archive' }).click();
    await expect(page.getByRole('region', { name: 'Workflow' }).getByText('Archived', { exact: true })).toBeVisible();
    await expectHiddenFromVisitor(visitor, slug, title, word);

    // Once its time has come, the scheduled article appears.
    const wait = publishAt.getTime() - Date.now() + 500;
    if (wait > 0) await visitor.waitForTimeout(wait);
    await expectVisibleToVisitor(visitor, scheduledSlug, scheduledTitle, 'Released later.', scheduledWord);

    await visitor.context().close();
    await publisherContext.close();
  });
});

test.describe('review notices and preview', () => {
  test.use({ storageState: PUBLISHER_STATE });

  test('the second editor is notified of an item awaiting review and previews it as the portal will show it', async ({ page, browser }) => {
    const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const authorContext = await browser.newContext({ storageState: AUTHOR_STATE });
    const author = await authorContext.newPage();
    const title = `Awaiting review ${run}`;
    const created = await apiWrite(author.request, 'POST', '/api/portal/editor/articles', {
      slug: `awaiting-review-${run}`,
      kind: 'news',
      author: 'Portal editorial desk',
      topics: ['border-security'],
      originalLanguage: 'en',
      translations: [{ language: 'en', title, lead: 'A lead for the preview.', bodyHtml: `<p>Preview body ${run}.</p>` }],
    });
    expect(created.status()).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    expect((await apiWrite(author.request, 'POST', `/api/portal/editor/articles/${id}/transition`, { transition: 'submit' })).status()).toBe(200);
    await authorContext.close();

    await page.goto('/notifications');
    const notice = page.getByRole('link', { name: new RegExp(`Awaiting your review: ${title}`) });
    await expect(notice).toBeVisible();
    await notice.click();
    await expect(page).toHaveURL(new RegExp(`/editor/articles/${id}$`));
    await page.getByRole('link', { name: 'Preview as published' }).click();
    await expect(page).toHaveURL(new RegExp(`/editor/articles/${id}/preview$`));
    await expect(page.getByRole('note')).toContainText('It is not public until another editor publishes it');
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('main').getByText(`Preview body ${run}.`)).toBeVisible();
    await expectNoSeriousAxeViolationsAtBothWidths(page, { ready: (p) => expect(p.getByRole('heading', { level: 1, name: title })).toBeVisible() });
    // Still hidden from the public.
    expect((await page.request.get(`/api/portal/articles/awaiting-review-${run}`)).status()).toBe(404);
  });
});


test.describe('preview of every kind editors edit', () => {
  test.use({ storageState: PUBLISHER_STATE });

  test('an event in review, a document and an indicator preview as their public pages', async ({ page }) => {
    const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const title = `Preview conference ${run} with Kosovo* police`;
    const created = await apiWrite(page.request, 'POST', '/api/portal/editor/events', {
      slug: `preview-event-${run}`,
      kind: 'conference',
      title,
      summary: `Summary of the preview ${run}.`,
      agendaHtml: '<p>09:00 Opening</p>',
      startsLocal: '2030-05-12T09:30',
      endsLocal: '2030-05-12T17:00',
      timeZone: 'Europe/Skopje',
      city: 'Skopje',
      economy: 'MK',
      organiser: 'Regional secretariat',
      topics: ['border-security'],
      economies: ['MK', 'XK'],
    });
    expect(created.status()).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    expect((await apiWrite(page.request, 'POST', `/api/portal/editor/events/${id}/transition`, { transition: 'submit' })).status()).toBe(200);

    await page.goto(`/editor/events/${id}`);
    await expect(page.getByRole('link', { name: 'Preview as published' })).toBeVisible();
    await expectNoSeriousAxeViolationsAtBothWidths(page);
    await page.getByRole('link', { name: 'Preview as published' }).click();
    await expect(page).toHaveURL(new RegExp(`/editor/events/${id}/preview$`));
    await expect(page.getByRole('note')).toContainText('It is not public until another editor publishes it');
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('main').getByText(`Summary of the preview ${run}.`)).toBeVisible();
    await expect(page.getByText(/UNSCR 1244\/1999/)).toHaveCount(1);
    await expectNoSeriousAxeViolationsAtBothWidths(page);
    expect((await page.request.get(`/api/portal/events/preview-event-${run}`)).status()).toBe(404);

    for (const [type, path] of [['documents', '/api/portal/editor/documents?pageSize=1'], ['indicators', '/api/portal/editor/indicators?pageSize=1']] as const) {
      const listed = (await (await page.request.get(path)).json()) as { items: { id: string; title: string }[] };
      const item = listed.items[0]!;
      await page.goto(`/editor/${type}/${item.id}/preview`);
      await expect(page.getByRole('heading', { level: 1, name: item.title })).toBeVisible();
      await expectNoSeriousAxeViolationsAtBothWidths(page, { ready: (p) => expect(p.getByRole('heading', { level: 1, name: item.title })).toBeVisible() });
      if (type === 'documents') {
        // The preview's download goes through the editors' route, so it works before publication too.
        const href = await page.getByRole('link', { name: /^Download [A-Z]+ \(/ }).getAttribute('href');
        expect(href).toBe(`/api/portal/editor/documents/${item.id}/file`);
        expect((await page.request.get(href!)).status()).toBe(200);
      }
    }
  });
});
