import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document, Event, Indicator } from '../../../contract/portal';
import { auditEvents } from '../../db/schema/core';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { eventInput, portalPeople, transition } from './portal-test-helpers';
import { makePdf } from './seed/document-files';

let t: TestApp;
let people: Awaited<ReturnType<typeof portalPeople>>;

beforeAll(async () => {
  t = await buildTestApp();
  people = await portalPeople(t.deps);
});
afterAll(async () => t.close());

const get = (url: string, headers?: object) => t.app.inject({ method: 'GET', url, headers: headers as Record<string, string> | undefined });

async function uploadDocument(slug: string): Promise<string> {
  const boundary = '----mosaicpreview';
  const metadata = { slug, kind: 'strategy', title: 'Preview strategy on border management', summary: 'A strategy.', publisher: 'Ministry of Interior', publishedOn: '2024-06-01', language: 'en', topics: ['border-security'], economies: ['MK'] };
  const file = await makePdf({ title: 'Preview strategy', paragraphs: ['Integrated border management measures for the coming years.'] });
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${JSON.stringify(metadata)}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="strategy.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/portal/editor/documents',
    headers: { ...people.author, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

async function create(type: 'events' | 'indicators', body: object): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: `/api/portal/editor/${type}`, headers: people.author, payload: body });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

describe('the reviewer preview of every kind editors edit', () => {
  it('shows a document, an event and an indicator in review exactly as the public page does once published', async () => {
    const items = [
      { type: 'documents', id: await uploadDocument('preview-document'), publicUrl: '/api/portal/documents/preview-document' },
      { type: 'events', id: await create('events', eventInput({ slug: 'preview-event', title: 'Preview conference on Kosovo* border police' })), publicUrl: '/api/portal/events/preview-event' },
      {
        type: 'indicators',
        id: await create('indicators', { slug: 'preview-indicator', name: 'Preview border crossings', unit: 'crossings', sourceName: 'Border police', topics: ['border-security'], series: [{ economy: 'MK', points: [{ year: 2023, value: 1.5 }, { year: 2024, value: 2 }] }] }),
        publicUrl: '/api/portal/indicators/preview-indicator',
      },
    ] as const;
    for (const item of items) {
      await transition(t.app, people.author, item.type, item.id, 'submit');
      const preview = await get(`/api/portal/editor/${item.type}/${item.id}/preview`, people.reviewer);
      expect(preview.statusCode, item.type).toBe(200);
      // Not public yet: the visitor gets 404, the outsider and the officer no preview.
      expect((await get(item.publicUrl)).statusCode).toBe(404);
      expect((await get(`/api/portal/editor/${item.type}/${item.id}/preview`)).statusCode).toBe(401);
      expect((await get(`/api/portal/editor/${item.type}/${item.id}/preview`, people.officer)).statusCode).toBe(403);
      await transition(t.app, people.reviewer, item.type, item.id, 'publish');
      const published = await get(item.publicUrl);
      expect(published.statusCode).toBe(200);
      // The same page; only a document's download goes through the editors' route in the preview.
      const previewed = preview.json<{ file?: { downloadUrl: string } }>();
      if (previewed.file) previewed.file.downloadUrl = published.json<Document>().file.downloadUrl;
      expect(previewed, item.type).toEqual(published.json());
    }
    const document = (await get(`/api/portal/editor/documents/${items[0].id}/preview`, people.reviewer)).json<Document>();
    expect(document.preview.text).toContain('Integrated border management');
    const event = (await get(`/api/portal/editor/events/${items[1].id}/preview`, people.reviewer)).json<Event>();
    expect(event).toMatchObject({ title: 'Preview conference on Kosovo* border police', registered: null, registrationCount: 0 });
    const indicator = (await get(`/api/portal/editor/indicators/${items[2].id}/preview`, people.reviewer)).json<Indicator>();
    expect(indicator.series).toEqual([{ economy: 'MK', points: [{ year: 2023, value: 1.5 }, { year: 2024, value: 2 }] }]);
  });

  it('downloads a document in review for editors through their own route, audited, while the public download is a 404 until publication', async () => {
    const id = await uploadDocument('preview-download');
    await transition(t.app, people.author, 'documents', id, 'submit');
    const editorFile = `/api/portal/editor/documents/${id}/file`;
    const preview = (await get(`/api/portal/editor/documents/${id}/preview`, people.reviewer)).json<Document>();
    expect(preview.file.downloadUrl).toBe(editorFile);
    expect((await get(`/api/portal/editor/documents/${id}`, people.author)).json<{ file: { downloadUrl: string } }>().file.downloadUrl).toBe(editorFile);
    const downloads = async () => (await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'portal.document.download'), eq(auditEvents.recordId, id)))).length;

    const file = await get(editorFile, people.reviewer);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('attachment; filename="strategy.pdf"');
    expect(file.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await downloads()).toBe(1);
    // The public route and outsiders get nothing, and leave no download in the audit chain.
    const publicFile = '/api/portal/documents/preview-download/file';
    expect((await get(publicFile)).statusCode).toBe(404);
    expect((await get(editorFile)).statusCode).toBe(401);
    expect((await get(editorFile, people.officer)).statusCode).toBe(403);
    expect((await get('/api/portal/editor/documents/00000000-0000-4000-8000-000000000000/file', people.reviewer)).statusCode).toBe(404);
    expect(await downloads()).toBe(1);

    await transition(t.app, people.reviewer, 'documents', id, 'publish');
    const published = (await get('/api/portal/documents/preview-download')).json<Document>();
    expect(published.file.downloadUrl).toBe(publicFile);
    const publicBytes = await get(publicFile);
    expect(publicBytes.statusCode).toBe(200);
    expect(publicBytes.rawPayload.equals(file.rawPayload)).toBe(true);
  });

  it('answers 404 for an id that does not exist', async () => {
    for (const type of ['articles', 'documents', 'events', 'indicators']) {
      expect((await get(`/api/portal/editor/${type}/00000000-0000-4000-8000-000000000000/preview`, people.reviewer)).statusCode, type).toBe(404);
    }
  });
});
