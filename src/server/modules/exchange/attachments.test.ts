import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../../contract/exchange-casework';
import { rowsOf } from '../../db/migrate';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';
import { type Headers, amberBetween, client, requestInput } from './exchange-test-helpers';

let test: TestApp;
let http: ReturnType<typeof client>;
const desks = { rs: '', al: '', hr: '' };
type Session = Awaited<ReturnType<typeof signedInUser>>;
let sender: Session;
let receiver: Session;
let stranger: Session;
let lowClearance: Session;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

function multipart(fileName: string, bytes: Buffer) {
  const boundary = `----mosaic${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(headers: Headers, fileName: string, bytes: Buffer) {
  const body = multipart(fileName, bytes);
  return test.app.inject({ method: 'POST', url: '/api/exchange/attachments', headers: { ...headers, 'content-type': body.contentType }, payload: body.payload });
}

async function count(table: string): Promise<number> {
  return rowsOf<{ n: number }>(await test.deps.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
}

const storedFiles = () => (fs.existsSync(path.join(test.deps.filesDir, 'exchange')) ? fs.readdirSync(path.join(test.deps.filesDir, 'exchange')) : []);

beforeAll(async () => {
  test = await buildTestApp();
  http = client(test);
  const { deps } = test;
  desks.rs = (await buildDesk(deps, { economy: 'RS', area: 'police_cooperation' })).id;
  desks.al = (await buildDesk(deps, { economy: 'AL', area: 'police_cooperation' })).id;
  desks.hr = (await buildDesk(deps, { economy: 'HR', area: 'police_cooperation' })).id;
  const rsPolice = await buildOrganisation(deps, { economy: 'RS' });
  sender = await signedInUser(deps, { organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.rs], displayName: 'Jelena Marković' });
  receiver = await signedInUser(deps, { economy: 'AL', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.al] });
  stranger = await signedInUser(deps, { economy: 'HR', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.hr] });
  lowClearance = await signedInUser(deps, { economy: 'AL', roles: ['officer'], clearance: 'PUBLIC', deskIds: [desks.al] });
});

afterAll(async () => {
  await test?.close();
});

describe('attachments', () => {
  let itemId = '';
  let attachmentId = '';

  it('refuses a disguised, an unknown or an oversize file with a problem and writes nothing', async () => {
    const before = { rows: await count('exchange_attachments'), files: storedFiles().length };
    const disguised = await upload(sender.headers, 'report.pdf', EXE);
    expect(disguised.statusCode).toBe(422);
    expect(disguised.headers['content-type']).toContain('application/problem+json');
    expect((await upload(sender.headers, 'tool.exe', EXE)).statusCode).toBe(422);
    expect((await upload(sender.headers, 'notes.pdf', Buffer.from('plain words, not a PDF'))).statusCode).toBe(422);
    const oversize = await upload(sender.headers, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x20)]));
    expect(oversize.statusCode).toBe(413);
    expect(oversize.headers['content-type']).toContain('application/problem+json');
    expect({ rows: await count('exchange_attachments'), files: storedFiles().length }).toEqual(before);
  });

  it('seals the file at rest, binds it to the item when sent, and streams it to readers only, auditing every download', async () => {
    const uploaded = await upload(sender.headers, 'Izveštaj.pdf', PDF);
    expect(uploaded.statusCode).toBe(201);
    attachmentId = uploaded.json().id;
    expect(uploaded.json()).toMatchObject({ fileName: 'Izveštaj.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length });
    const sealed = fs.readFileSync(path.join(test.deps.filesDir, 'exchange', storedFiles().find((name) => name.endsWith('.bin'))!));
    expect(sealed.includes(Buffer.from('%PDF'))).toBe(false);

    // Somebody else's waiting upload cannot be attached, and the failed send leaves nothing.
    const before = await count('exchange_items');
    const foreign = await http.post('/api/exchange/items', receiver.headers, requestInput(desks.al, [desks.rs], { marking: amberBetween('RS', 'AL'), attachmentIds: [attachmentId] }));
    expect(foreign.statusCode).toBe(422);
    expect(await count('exchange_items')).toBe(before);

    const sent = await http.post('/api/exchange/items', sender.headers, requestInput(desks.rs, [desks.al], { marking: amberBetween('RS', 'AL'), attachmentIds: [attachmentId] }));
    expect(sent.statusCode).toBe(201);
    itemId = sent.json().item.id;
    const reused = await http.post('/api/exchange/items', sender.headers, requestInput(desks.rs, [desks.al], { marking: amberBetween('RS', 'AL'), attachmentIds: [attachmentId] }));
    expect(reused.statusCode).toBe(422);

    const list = await http.get(`/api/exchange/items/${itemId}/attachments`, receiver.headers);
    expect(list.json().items).toEqual([expect.objectContaining({ id: attachmentId, fileName: 'Izveštaj.pdf' })]);
    const download = await http.get(`/api/exchange/items/${itemId}/attachments/${attachmentId}`, receiver.headers);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Izve%C5%A1taj.pdf");
    expect(download.rawPayload.equals(PDF)).toBe(true);

    for (const other of [stranger, lowClearance]) {
      expect((await http.get(`/api/exchange/items/${itemId}/attachments`, other.headers)).statusCode).toBe(404);
      expect((await http.get(`/api/exchange/items/${itemId}/attachments/${attachmentId}`, other.headers)).statusCode).toBe(404);
    }
    const downloads = rowsOf<{ actor_user_id: string; details: Record<string, unknown> }>(
      await test.deps.db.execute(sql`select actor_user_id, details from audit_events where action = 'exchange.attachment.download' order by seq`),
    );
    expect(downloads).toEqual([{ actor_user_id: receiver.user.id, details: { itemId } }]);
  });

  it('hides a retracted item’s files from its recipients', async () => {
    expect((await http.post(`/api/exchange/items/${itemId}/retraction`, sender.headers, { reason: 'Sent to the wrong desk.' })).statusCode).toBe(201);
    expect((await http.get(`/api/exchange/items/${itemId}/attachments`, receiver.headers)).json().items).toEqual([]);
    expect((await http.get(`/api/exchange/items/${itemId}/attachments/${attachmentId}`, receiver.headers)).statusCode).toBe(404);
    expect((await http.get(`/api/exchange/items/${itemId}/attachments`, sender.headers)).json().items).toHaveLength(1);
  });
});

describe('thread export as PDF', () => {
  it('prints the visible items with the marking and handling code on every page, audited; 404 for others', async () => {
    const long = `<p>${'Ђорђевић Đorđe seen at the crossing. '.repeat(150)}</p>`;
    const sent = await http.post('/api/exchange/items', sender.headers, requestInput(desks.rs, [desks.al], { marking: amberBetween('RS', 'AL'), bodyHtml: long, handling: { code: 'H2' } }));
    const id = sent.json().item.id;
    const response = await http.get(`/api/exchange/items/${id}/export.pdf`, receiver.headers);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(response.rawPayload));
    expect(pdf.numPages).toBeGreaterThan(1);
    for (let number = 1; number <= pdf.numPages; number++) {
      const text = (await (await pdf.getPage(number)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
      expect(text).toContain('RESTRICTED · TLP:AMBER · REL AL, RS');
      expect(text).toContain('Handling H2');
    }
    expect((await http.get(`/api/exchange/items/${id}/export.pdf`, stranger.headers)).statusCode).toBe(404);
    const events = rowsOf<{ actor_user_id: string; record_id: string }>(await test.deps.db.execute(sql`select actor_user_id, record_id from audit_events where action = 'exchange.thread.export' order by seq`));
    expect(events).toEqual([{ actor_user_id: receiver.user.id, record_id: id }]);
  });
});

describe('a forward through the contact point', () => {
  it('carries the item’s files to the new desks, access-checked at every step and audited', async () => {
    const alBorder = (await buildDesk(test.deps, { economy: 'AL', area: 'border' })).id;
    const alOfficer = await signedInUser(test.deps, { economy: 'AL', roles: ['officer'], clearance: 'RESTRICTED', deskIds: [alBorder] });
    const marking = { ...amberBetween('RS', 'AL'), releasableEconomies: ['AL', 'HR', 'RS'] };
    const fileId = (await upload(sender.headers, 'plates.pdf', PDF)).json().id as string;
    const sent = await http.post('/api/exchange/items', sender.headers, requestInput(desks.rs, [alBorder], { kind: 'information', accessibility: null, marking, attachmentIds: [fileId] }));
    expect(sent.statusCode).toBe(201);
    const parentId = sent.json().item.id as string;
    // Albania's items to other economies pass its police cooperation desk.
    await test.deps.db.execute(sql`insert into exchange_routing_rules (economy_code, crime_area, mode) values ('AL', '*', 'via_contact_point')`);
    try {
      const forwarded = await http.post(`/api/exchange/items/${parentId}/forwards`, alOfficer.headers, { senderDeskId: alBorder, recipientDeskIds: [desks.hr], note: 'For your border crossings.', marking });
      expect(forwarded.statusCode).toBe(201);
      const forward = forwarded.json().item;
      expect(forward.release).toBe('awaiting_routing');
      const carried = (await http.get(`/api/exchange/items/${forward.id}/attachments`, receiver.headers)).json().items as { id: string; fileName: string }[];
      expect(carried).toEqual([expect.objectContaining({ fileName: 'plates.pdf' })]);
      expect(carried[0]!.id).not.toBe(fileId);
      // Waiting at the contact point: the new desk sees nothing yet.
      expect((await http.get(`/api/exchange/items/${forward.id}/attachments`, stranger.headers)).statusCode).toBe(404);
      expect((await http.post(`/api/exchange/items/${forward.id}/routing`, receiver.headers, { decision: 'forward' })).statusCode).toBe(200);
      const download = await http.get(`/api/exchange/items/${forward.id}/attachments/${carried[0]!.id}`, stranger.headers);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(PDF)).toBe(true);
      // The forward's readers do not reach the parent's own files.
      expect((await http.get(`/api/exchange/items/${parentId}/attachments/${fileId}`, stranger.headers)).statusCode).toBe(404);
      expect((await http.get(`/api/exchange/items/${forward.id}/attachments/${carried[0]!.id}`, lowClearance.headers)).statusCode).toBe(404);
      const [event] = rowsOf<{ details: Record<string, unknown> }>(await test.deps.db.execute(sql`select details from audit_events where action = 'exchange.item.send' and record_id = ${forward.id}`));
      expect(event!.details).toMatchObject({ relation: 'forward', parentId, forwardedAttachmentIds: [carried[0]!.id] });
    } finally {
      await test.deps.db.execute(sql`delete from exchange_routing_rules where economy_code = 'AL'`);
    }
  });
});
