import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/migrate';
import { auditEvents } from '../../db/schema/core';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';
import { makeDocxBomb } from '../portal/document-bombs';
import { type Headers, amber, caseInput, client } from './cases-test-helpers';

/*
 * Gaps of issue 14 filled in step two: case documents (sealed, marked, bounded), correcting and
 * unlinking entities, routes on the dashboard, and "ask for it" as an exchange request.
 */
let test: TestApp;
let http: ReturnType<typeof client>;
const who = {} as Record<'rs' | 'rsOther' | 'al' | 'ba', Headers>;
let rsDesk = '';
let alDesk = '';
let rsCase = '';
let alCase = '';

const inject = (method: 'PATCH' | 'DELETE' | 'GET', url: string, headers: Headers, payload?: unknown) => test.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const count = async (table: string) => rowsOf<{ n: number }>(await test.deps.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
const sealedFiles = () => (fs.existsSync(path.join(test.deps.filesDir, 'cases')) ? fs.readdirSync(path.join(test.deps.filesDir, 'cases')) : []);

function upload(headers: Headers, caseId: string, fileName: string, bytes: Buffer, marking?: unknown) {
  const boundary = `----mosaic${Math.random().toString(16).slice(2)}`;
  const field = marking === undefined ? '' : `--${boundary}\r\nContent-Disposition: form-data; name="marking"\r\n\r\n${JSON.stringify(marking)}\r\n`;
  const payload = Buffer.concat([
    Buffer.from(`${field}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return test.app.inject({ method: 'POST', url: `/api/cases/${caseId}/documents`, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

async function smallPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([200, 200]).drawText('Surveillance log');
  return Buffer.from(await document.save());
}

beforeAll(async () => {
  test = await buildTestApp();
  http = client(test);
  const { deps } = test;
  rsDesk = (await buildDesk(deps, { economy: 'RS', area: 'police_cooperation' })).id;
  alDesk = (await buildDesk(deps, { economy: 'AL', area: 'police_cooperation' })).id;
  const rsPolice = await buildOrganisation(deps, { economy: 'RS' });
  who.rs = (await signedInUser(deps, { organisationId: rsPolice.id, roles: ['analyst'], clearance: 'CONFIDENTIAL', deskIds: [rsDesk] })).headers;
  who.rsOther = (await signedInUser(deps, { organisationId: rsPolice.id, roles: ['officer'], clearance: 'RESTRICTED', deskIds: [rsDesk] })).headers;
  who.al = (await signedInUser(deps, { economy: 'AL', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [alDesk] })).headers;
  who.ba = (await signedInUser(deps, { economy: 'BA', roles: ['analyst'], clearance: 'CONFIDENTIAL', deskIds: [(await buildDesk(deps, { economy: 'BA' })).id] })).headers;
  rsCase = (await http.ok('/api/cases', who.rs, caseInput(rsDesk, { marking: amber('RS') }))).id;
  alCase = (await http.ok('/api/cases', who.al, caseInput(alDesk, { title: 'Cannabis lorries', marking: amber('AL') }))).id;
});

afterAll(async () => {
  await test?.close();
});

describe('case documents', () => {
  it('seals a document, lists it under its own marking, audits the download and lets the uploader delete it', async () => {
    const pdf = await smallPdf();
    const created = await upload(who.rs, rsCase, 'log.pdf', pdf);
    expect(created.statusCode).toBe(201);
    const document = created.json();
    expect(document).toMatchObject({ fileName: 'log.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length, canDelete: true });
    const sealed = sealedFiles();
    expect(sealed).toHaveLength(1);
    // Encrypted at rest: the PDF header is nowhere in the stored bytes.
    expect(fs.readFileSync(path.join(test.deps.filesDir, 'cases', sealed[0]!)).includes(Buffer.from('%PDF'))).toBe(false);
    const download = await inject('GET', `/api/cases/${rsCase}/documents/${document.id}`, who.rs);
    expect(download.statusCode).toBe(200);
    expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);
    const audited = await test.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'cases.document.download'));
    expect(audited.map((event) => event.recordId)).toEqual([document.id]);
    // Another economy's user learns nothing: 404, as for a document that does not exist.
    expect((await inject('GET', `/api/cases/${rsCase}/documents/${document.id}`, who.ba)).statusCode).toBe(404);
    expect((await inject('GET', `/api/cases/${rsCase}/documents`, who.ba)).statusCode).toBe(404);
    expect((await inject('DELETE', `/api/cases/${rsCase}/documents/${document.id}`, who.rs)).json()).toEqual({ deleted: true });
    expect((await inject('GET', `/api/cases/${rsCase}/documents`, who.rs)).json().items).toEqual([]);
    expect(sealedFiles()).toHaveLength(0);
  });

  it('hides a document marked narrower than the reader may read', async () => {
    const confidential = { classification: 'CONFIDENTIAL', tlp: 'AMBER', releasableEconomies: ['RS'] };
    const created = await upload(who.rs, rsCase, 'notes.txt', Buffer.from('Informant meeting at 10:00\n'), confidential);
    expect(created.statusCode).toBe(201);
    expect((await inject('GET', `/api/cases/${rsCase}/documents`, who.rs)).json().items.map((item: { id: string }) => item.id)).toContain(created.json().id);
    // A RESTRICTED-cleared colleague of the owning desk neither lists nor downloads it.
    expect((await inject('GET', `/api/cases/${rsCase}/documents`, who.rsOther)).json().items.map((item: { id: string }) => item.id)).not.toContain(created.json().id);
    expect((await inject('GET', `/api/cases/${rsCase}/documents/${created.json().id}`, who.rsOther)).statusCode).toBe(404);
  });

  it.each([
    ['a disguised executable', 'report.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]), undefined, 422, 'file'],
    ['a type cases do not take', 'sheet.xlsx', Buffer.from('PK\x03\x04[Content_Types].xml xl/'), undefined, 422, 'file'],
    ['a marking wider than the case', 'notes.txt', Buffer.from('plain text\n'), { classification: 'RESTRICTED', tlp: 'GREEN', releasableEconomies: [] }, 422, 'marking.tlp'],
    ['a marking that is not JSON', 'notes.txt', Buffer.from('plain text\n'), '{oops', 422, 'marking'],
  ])('refuses %s and writes nothing', async (_label, fileName, bytes, marking, status, field) => {
    const before = { rows: await count('case_documents'), files: sealedFiles().length };
    const response = typeof marking === 'string' ? await uploadRawMarking(fileName, bytes, marking) : await upload(who.rs, rsCase, fileName, bytes, marking);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors.map((error: { path: string }) => error.path)).toContain(field);
    expect({ rows: await count('case_documents'), files: sealedFiles().length }).toEqual(before);
  });

  it('refuses a decompression bomb in the bounded reader, and a file over the size limit', async () => {
    const before = await count('case_documents');
    const bomb = await upload(who.rs, rsCase, 'bomb.docx', makeDocxBomb(150));
    expect(bomb.statusCode).toBe(422);
    const huge = await upload(who.rs, rsCase, 'huge.txt', Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(huge.statusCode).toBe(413);
    expect(await count('case_documents')).toBe(before);
    expect(sealedFiles().filter((name) => name.endsWith('.partial'))).toEqual([]);
  }, 60_000);
});

function uploadRawMarking(fileName: string, bytes: Buffer, marking: string) {
  const boundary = '----mosaicraw';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="marking"\r\n\r\n${marking}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return test.app.inject({ method: 'POST', url: `/api/cases/${rsCase}/documents`, headers: { ...who.rs, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

describe('correcting and unlinking an entity', () => {
  it('re-normalises a corrected phone, moves its correlation and audits field names only', async () => {
    const rsPhone = await http.ok(`/api/cases/${rsCase}/entities`, who.rs, { kind: 'phone', attributes: { number: '064 123 4567' }, marking: amber('RS') });
    const alPhone = await http.ok(`/api/cases/${alCase}/entities`, who.al, { kind: 'phone', attributes: { number: '+381 64 999 8877' }, marking: amber('AL') });
    expect((await http.get(`/api/cases/${alCase}/correlations`, who.al)).json().items).toEqual([]);
    // AL fixes a typo: now the same phone as RS's.
    const fixed = await inject('PATCH', `/api/cases/${alCase}/entities/${alPhone.entityId}`, who.al, { kind: 'phone', attributes: { number: '+381 (64) 123-45-67' } });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().label).toBe('+381641234567');
    const hits = (await http.get(`/api/cases/${alCase}/correlations`, who.al)).json().items;
    expect(hits).toEqual([expect.objectContaining({ entityId: alPhone.entityId, visibility: 'hit', kind: 'phone' })]);
    const [event] = await test.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'cases.entity.update'));
    expect(event!.details).toMatchObject({ fields: ['number'], correlationsFound: 1 });
    expect(JSON.stringify(event!.details)).not.toContain('641234567');
    // A bad value is a problem naming the field, and nothing changes; RS may not edit AL's entity.
    const bad = await inject('PATCH', `/api/cases/${alCase}/entities/${alPhone.entityId}`, who.al, { kind: 'phone', attributes: { number: '123' } });
    expect(bad.statusCode).toBe(422);
    expect((await inject('PATCH', `/api/cases/${alCase}/entities/${alPhone.entityId}`, who.al, { kind: 'email', attributes: { address: 'a@b.example' } })).json().errors).toEqual([{ path: 'kind', message: 'kind_changed' }]);
    expect((await inject('PATCH', `/api/cases/${alCase}/entities/${alPhone.entityId}`, who.rs, { kind: 'phone', attributes: { number: '064 123 4567' } })).statusCode).toBe(404);
    expect((await http.get(`/api/cases/${alCase}`, who.al)).json().entities[0].label).toBe('+381641234567');
    // Unlinked: gone from the case, its hit too; the entity stays (RS's correlation side untouched).
    expect((await inject('DELETE', `/api/cases/${alCase}/entities/${alPhone.entityId}`, who.al)).json()).toEqual({ removed: true, relationshipsRemoved: 0 });
    expect((await http.get(`/api/cases/${alCase}`, who.al)).json().entities).toEqual([]);
    expect((await http.get(`/api/cases/${alCase}/correlations`, who.al)).json().items).toEqual([]);
    expect((await http.get(`/api/cases/${rsCase}/correlations`, who.rs)).json().items).toEqual([]);
    expect((await inject('DELETE', `/api/cases/${alCase}/entities/${alPhone.entityId}`, who.al)).statusCode).toBe(404);
    expect(rsPhone.entityId).not.toBe(alPhone.entityId);
  });
});

describe('narrowing the marking of an entity in a case', () => {
  it('narrows at once for readers of the case, refuses a widening naming the field, and audits field names only', async () => {
    const phone = await http.ok(`/api/cases/${rsCase}/entities`, who.rs, { kind: 'phone', attributes: { number: '+381 63 555 0101' }, marking: amber('RS') });
    const seenBy = async (headers: Headers) => ((await http.get(`/api/cases/${rsCase}`, headers)).json().entities as { entityId: string }[]).some((entity) => entity.entityId === phone.entityId);
    expect(await seenBy(who.rsOther)).toBe(true);
    const url = `/api/cases/${rsCase}/entities/${phone.entityId}/marking`;
    const put = (headers: Headers, marking: unknown) => test.app.inject({ method: 'PUT', url, headers, payload: { marking } as Record<string, unknown> });
    const narrowed = await put(who.rs, { ...amber('RS'), classification: 'CONFIDENTIAL' });
    expect(narrowed.statusCode).toBe(200);
    expect(narrowed.json().marking).toMatchObject({ classification: 'CONFIDENTIAL', tlp: 'AMBER' });
    // The RESTRICTED colleague no longer sees it; the analyst cleared for it still does.
    expect(await seenBy(who.rsOther)).toBe(false);
    expect(await seenBy(who.rs)).toBe(true);
    const widened = await put(who.rs, { ...amber('RS', 'AL'), classification: 'CONFIDENTIAL' });
    expect(widened.statusCode).toBe(422);
    expect(widened.json().errors).toEqual([{ path: 'marking.releasableEconomies', message: 'wider_than_before' }]);
    expect((await put(who.rs, amber('RS'))).json().errors).toEqual([{ path: 'marking.classification', message: 'wider_than_before' }]);
    expect(await seenBy(who.rsOther)).toBe(false);
    // Another economy cannot even find the link.
    expect((await put(who.al, { ...amber('RS'), classification: 'CONFIDENTIAL' })).statusCode).toBe(404);
    const events = await test.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'cases.link.marking'));
    expect(events.map((event) => event.details)).toEqual([expect.objectContaining({ linkId: phone.linkId, fields: ['classification'] })]);
    expect(JSON.stringify(events[0]!.details)).not.toContain('555');
  });
});

describe('routes and the exchange request', () => {
  it('draws a case route from its events, counted only for readers of the case', async () => {
    for (const [occurredOn, economy] of [['2026-03-01', 'AL'], ['2026-03-02', 'AL'], ['2026-03-03', 'ME'], ['2026-03-05', 'HR']]) {
      await http.ok(`/api/cases/${alCase}/events`, who.al, { occurredOn, place: 'Border', economy, description: 'Lorry seen' });
    }
    const bad = await http.post(`/api/cases/${alCase}/events`, who.al, { occurredOn: '2026-03-06', economy: 'QQ', description: 'Nowhere' });
    expect(bad.json().errors).toEqual([{ path: 'economy', message: 'unknown_economy' }]);
    const query = '/api/cases/dashboard?from=2026-01-01&to=2026-12-31';
    expect((await http.get(query, who.al)).json().routes).toEqual([{ key: 'AL>ME>HR', path: ['AL', 'ME', 'HR'], count: 1, previous: 0, trendPercent: null }]);
    expect((await http.get(query, who.ba)).json().routes).toEqual([]);
    expect((await http.get(`${query}&crimeArea=firearms`, who.al)).json().routes).toEqual([]);
    expect((await http.get(query.replace('dashboard?', 'dashboard.csv?'), who.al)).body).toContain('route,AL>ME>HR,1,0,');
  });

  it('"ask for it" opens an information request to the holding economy\'s contact point that says only what the hit said', async () => {
    await http.ok(`/api/cases/${rsCase}/entities`, who.rs, { kind: 'email', attributes: { address: 'courier@mail.example' }, marking: amber('RS') });
    await http.ok(`/api/cases/${alCase}/entities`, who.al, { kind: 'email', attributes: { address: 'Courier@Mail.example' }, marking: amber('AL') });
    const [hit] = (await http.get(`/api/cases/${alCase}/correlations`, who.al)).json().items;
    const followUp = await http.ok('/api/cases/follow-ups', who.al, { correlationId: hit.correlationId, holdingLinkId: hit.holdingLinkId });
    expect(followUp.exchangeItemId).toEqual(expect.any(String));
    const item = (await inject('GET', `/api/exchange/items/${followUp.exchangeItemId}`, who.al)).json().item;
    expect(item).toMatchObject({ kind: 'information_request', hitReference: hit.reference });
    expect(item.bodyHtml).not.toContain('courier@mail.example');
    expect(item.bodyHtml).not.toContain('Heroin');
    const [row] = rowsOf<{ recipient: string }>(await test.deps.db.execute(sql`select desk_id::text as recipient from exchange_recipients where item_id = ${followUp.exchangeItemId}::uuid`));
    expect(row!.recipient).toBe(rsDesk);
    // Still a hit until the holding desk decides; a second ask is 409 and opens no second request.
    expect((await http.get(`/api/cases/${alCase}/correlations`, who.al)).json().items[0]).toMatchObject({ visibility: 'hit', other: null });
    const items = await count('exchange_items');
    expect((await http.post('/api/cases/follow-ups', who.al, { correlationId: hit.correlationId, holdingLinkId: hit.holdingLinkId })).statusCode).toBe(409);
    expect(await count('exchange_items')).toBe(items);
  });

  it('withdraws an open follow-up when the holding case takes the entity out, and tells the requester', async () => {
    const [hit] = (await http.get(`/api/cases/${alCase}/correlations`, who.al)).json().items;
    const asked = ((await http.get('/api/cases/follow-ups', who.al)).json().items as { id: string; state: string }[]).find((item) => item.state === 'open')!;
    const holdingEntity = ((await http.get(`/api/cases/${rsCase}`, who.rs)).json().entities as { entityId: string; kind: string }[]).find((entity) => entity.kind === 'email')!;
    expect((await inject('DELETE', `/api/cases/${rsCase}/entities/${holdingEntity.entityId}`, who.rs)).statusCode).toBe(200);
    const mine = (await http.get('/api/cases/follow-ups', who.al)).json().items as { id: string; state: string }[];
    expect(mine.find((item) => item.id === asked.id)?.state).toBe('withdrawn');
    // Nothing is left to release: the holding desk's decision is refused and nothing is released.
    expect((await http.post(`/api/cases/follow-ups/${asked.id}/decision`, who.rs, { decision: 'release' })).statusCode).toBe(409);
    expect(await count('case_releases')).toBe(0);
    const notices = (await http.get('/api/notifications', who.al)).json().items as { title: string }[];
    expect(notices.some((notice) => notice.title.includes('was withdrawn'))).toBe(true);
    const [event] = await test.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'cases.entity.unlink')).orderBy(sql`${auditEvents.seq} desc`).limit(1);
    expect(event!.details).toMatchObject({ linkId: hit.holdingLinkId, followUpsWithdrawn: [asked.id] });
  });
});
