import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentMetadataInput } from '../../../contract/portal';
import { rowsOf } from '../../db/migrate';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { portalPeople, transition } from './portal-test-helpers';
import { makeDocxBomb, makeManyPagePdf, makeOdtBomb, makePdfStreamBomb } from './document-bombs';
import { EXTRACTION_LIMITS, createDocumentExtractor } from './documents.extract';
import { makeDocx, makeOdt, makePdf } from './seed/document-files';

let t: TestApp;
let people: Awaited<ReturnType<typeof portalPeople>>;

beforeAll(async () => {
  t = await buildTestApp();
  people = await portalPeople(t.deps);
});
afterAll(async () => t.close());

const metadata = (slug: string, overrides: Partial<DocumentMetadataInput> = {}): DocumentMetadataInput => ({
  slug,
  kind: 'strategy',
  title: `Strategy ${slug}`,
  summary: 'A national strategy.',
  publisher: 'Ministry of Interior',
  publishedOn: '2024-06-01',
  language: 'en',
  topics: ['organised-crime'],
  economies: ['RS'],
  ...overrides,
});

function multipart(file: Buffer, fileName: string, meta: unknown) {
  const boundary = `----mosaic${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${typeof meta === 'string' ? meta : JSON.stringify(meta)}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (file: Buffer, fileName: string, meta: unknown, headers: object = people.author) => {
  const body = multipart(file, fileName, meta);
  return t.app.inject({ method: 'POST', url: '/api/portal/editor/documents', headers: { ...headers, ...body.headers }, payload: body.payload });
};

const storedFiles = () => {
  const dir = path.join(t.deps.filesDir, 'portal');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};
const documentCount = async () => rowsOf<{ n: number }>(await t.deps.db.execute(sql`select count(*)::int as n from portal_documents`))[0]!.n;

const content = { title: 'Strategy against organised crime', paragraphs: ['The strategy sets out measures against money laundering and krijumčarenje.', 'Безбедност граница је приоритет.'] };

describe('document uploads', () => {
  it('extracts text from a PDF, stores it encrypted and serves it with its type once published', async () => {
    const pdf = await makePdf(content);
    const response = await upload(pdf, 'strategy.pdf', metadata('pdf-strategy'));
    expect(response.statusCode).toBe(201);
    const created = response.json<{ id: string; file: { format: string; pageCount: number } }>();
    expect(created.file).toMatchObject({ format: 'pdf', pageCount: 1 });
    const sealed = fs.readFileSync(path.join(t.deps.filesDir, 'portal', storedFiles().find((name) => name.endsWith('.bin'))!));
    expect(sealed.includes(Buffer.from('%PDF'))).toBe(false);

    expect((await t.app.inject({ method: 'GET', url: '/api/portal/documents/pdf-strategy/file' })).statusCode).toBe(404);
    await transition(t.app, people.author, 'documents', created.id, 'submit');
    await transition(t.app, people.reviewer, 'documents', created.id, 'publish');
    const file = await t.app.inject({ method: 'GET', url: '/api/portal/documents/pdf-strategy/file' });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);
    const detail = await t.app.inject({ method: 'GET', url: '/api/portal/documents/pdf-strategy' });
    expect(detail.json<{ preview: { text: string } }>().preview.text).toContain('money laundering');
    const found = await t.app.inject({ method: 'GET', url: '/api/portal/search?q=laundering' });
    expect(found.json<{ items: { slug: string }[] }>().items.map((i) => i.slug)).toContain('pdf-strategy');
  });

  it('extracts text from DOCX and ODT, Cyrillic included', async () => {
    for (const [slug, file, name] of [
      ['docx-strategy', await makeDocx(content), 'strategy.docx'],
      ['odt-strategy', makeOdt(content), 'strategy.odt'],
    ] as const) {
      const response = await upload(file, name, metadata(slug));
      expect(response.statusCode, response.body).toBe(201);
      const id = response.json<{ id: string }>().id;
      await transition(t.app, people.author, 'documents', id, 'submit');
      await transition(t.app, people.reviewer, 'documents', id, 'publish');
      const detail = await t.app.inject({ method: 'GET', url: `/api/portal/documents/${slug}` });
      expect(detail.json<{ preview: { text: string } }>().preview.text).toContain('Безбедност граница');
    }
    const found = await t.app.inject({ method: 'GET', url: '/api/portal/search?q=bezbednost&type=document' });
    expect(found.json<{ items: { slug: string }[] }>().items.map((i) => i.slug).sort()).toEqual(['docx-strategy', 'odt-strategy', 'pdf-strategy']);
  });

  it('refuses bad files with a clear problem and stores nothing', async () => {
    const before = { rows: await documentCount(), files: storedFiles().length };
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const pngAsPdf = await upload(png, 'fake.pdf', metadata('fake-pdf'));
    expect(pngAsPdf.statusCode).toBe(415);
    expect(pngAsPdf.json<{ detail: string }>().detail).toMatch(/PDF, DOCX and ODT/);

    const pdf = await makePdf(content);
    const truncated = await upload(pdf.subarray(0, Math.floor(pdf.length / 2)), 'half.pdf', metadata('half-pdf'));
    expect(truncated.statusCode).toBe(422);
    expect(truncated.json<{ detail: string }>().detail).toMatch(/damaged or incomplete/);

    const encryptedOdt = await upload(makeOdt(content, { encrypted: true }), 'secret.odt', metadata('secret-odt'));
    expect(encryptedOdt.statusCode).toBe(422);
    expect(encryptedOdt.json<{ detail: string }>().detail).toMatch(/password/);

    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    expect((await upload(ole, 'protected.docx', metadata('protected-docx'))).statusCode).toBe(422);

    const oversize = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20 * 1024 * 1024 + 10)]);
    expect((await upload(oversize, 'huge.pdf', metadata('huge-pdf'))).statusCode).toBe(413);

    expect((await upload(pdf, 'x.pdf', { ...metadata('bad-meta'), extra: true })).statusCode).toBe(400);
    expect((await upload(pdf, 'x.pdf', 'not json')).statusCode).toBe(400);
    const injected = await upload(pdf, 'x.pdf', metadata('control-title', { title: 'Strategy\r\nX-Injected: 1' }));
    expect(injected.statusCode).toBe(422);
    expect(injected.json<{ errors: { path: string }[] }>().errors.map((error) => error.path)).toEqual(['metadata.title']);
    expect((await upload(pdf, 'x.pdf', metadata('pdf-strategy'))).statusCode).toBe(409);
    expect((await upload(pdf, 'x.pdf', metadata('officer-doc'), people.officer)).statusCode).toBe(403);

    expect(await documentCount()).toBe(before.rows);
    expect(storedFiles()).toHaveLength(before.files);
    expect(storedFiles().some((name) => name.endsWith('.partial'))).toBe(false);
  });
});

describe('upload limits: archives and PDFs are bounded, and read off the event loop', () => {
  const refusedFor = async (file: Buffer, slug: string, limit: keyof typeof EXTRACTION_LIMITS) => {
    const before = { rows: await documentCount(), files: storedFiles().length };
    const response = await upload(file, `${slug}.bin`, metadata(slug));
    expect(response.statusCode, response.body).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json<{ detail: string; errors: { path: string; message: string }[] }>();
    expect(problem.errors).toEqual([{ path: 'file', message: `${limit}: ${EXTRACTION_LIMITS[limit]}` }]);
    expect(await documentCount()).toBe(before.rows);
    expect(storedFiles()).toHaveLength(before.files);
    return problem.detail;
  };

  it('refuses a small DOCX and a small ODT that inflate to 300 MB', async () => {
    const docx = makeDocxBomb(300);
    expect(docx.length).toBeLessThan(400 * 1024);
    expect(await refusedFor(docx, 'docx-bomb', 'maxExpandedBytes')).toMatch(/more than 100 MB/);
    expect(await refusedFor(makeOdtBomb(300), 'odt-bomb', 'maxExpandedBytes')).toMatch(/more than 100 MB/);
  });

  it('refuses a DOCX whose directory understates its size, by counting what inflates', async () => {
    // The central directory claims 1 KB; the entry inflates to 150 MB.
    const bomb = makeDocxBomb(150);
    const directory = bomb.lastIndexOf(Buffer.from('word/document.xml')) - 46;
    expect(bomb.readUInt32LE(directory)).toBe(0x02014b50);
    bomb.writeUInt32LE(1024, directory + 24);
    expect(await refusedFor(bomb, 'lying-docx', 'maxExpandedBytes')).toMatch(/more than 100 MB/);
  });

  it('refuses a PDF whose content stream inflates to 200 MB, and one of 20,000 pages', async () => {
    expect(await refusedFor(await makePdfStreamBomb(200), 'pdf-stream-bomb', 'maxExpandedBytes')).toMatch(/more than 100 MB/);
    expect(await refusedFor(makeManyPagePdf(20_000), 'pdf-many-pages', 'maxPdfPages')).toMatch(/20,000 pages; at most 2,000/);
  });

  it('answers other requests while a bomb is read', async () => {
    const finished: string[] = [];
    const bomb = upload(await makePdfStreamBomb(200), 'bomb.pdf', metadata('concurrent-bomb')).then(() => finished.push('upload'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const health = t.app.inject({ method: 'GET', url: '/api/health' }).then((response) => finished.push(`health ${response.statusCode}`));
    await Promise.all([bomb, health]);
    expect(finished).toEqual(['health 200', 'upload']);
  });

  it('stops a worker that runs past the time limit and refuses the file', async () => {
    const extractor = createDocumentExtractor({ ...EXTRACTION_LIMITS, timeoutMs: 1 });
    try {
      const pdf = await makePdf(content);
      await expect(extractor.extract(pdf)).rejects.toMatchObject({ status: 422, errors: [{ path: 'file', message: 'timeoutMs: 1' }] });
    } finally {
      await extractor.close();
    }
  });
});
