import zlib from 'node:zlib';
import { asc, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications, users } from '../../db/schema/core';
import { rowsOf } from '../../db/migrate';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { signedInUser } from '../../test/factories';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink';
import { articleInput, portalPeople, publishThroughApi, transition } from './portal-test-helpers';
import { runPortalDigests } from './subscriptions.routes';

let t: TestApp;
let sink: SmtpSink;
let now = new Date('2026-03-01T08:00:00Z');
let people: Awaited<ReturnType<typeof portalPeople>>;
/** Moves the clock on; sessions time out meanwhile, so the editors sign in again. */
const later = async (ms: number) => {
  now = new Date(now.getTime() + ms);
  people = await portalPeople(t.deps);
};
const HOUR = 3600_000;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await buildTestApp({ clock: () => now }, { SMTP_URL: sink.url });
  people = await portalPeople(t.deps);
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const count = async (table: string) => rowsOf<{ n: number }>(await t.deps.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
type Headers = { cookie: string; 'x-csrf-token': string };
const save = (headers: Headers, payload: object) => t.app.inject({ method: 'POST', url: '/api/portal/me/saved-searches', headers, payload });
const unsubscribe = (token: string) => t.app.inject({ method: 'POST', url: '/api/portal/unsubscribe', payload: { token } });
const tokenOf = (text: string) => decodeURIComponent(/unsubscribe\?token=([^\s]+)/.exec(text)![1]!);

describe('saved searches', () => {
  it('are the user’s own: another user’s is a 404, and a bad address or filter is a 422 that writes nothing', async () => {
    const reader = await signedInUser(t.deps, { roles: ['reader'] });
    const other = await signedInUser(t.deps, { roles: ['reader'] });
    const created = await save(reader.headers, { name: 'Border news', query: { q: 'border', topic: 'border-security' }, frequency: 'weekly' });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string; email: string }>().id;
    expect(created.json<{ email: string }>().email).toBe(reader.user.email);

    const before = await count('portal_saved_searches');
    const badEmail = await save(reader.headers, { name: 'x', query: { q: 'x' }, frequency: 'daily', email: 'not-an-address' });
    expect(badEmail.statusCode).toBe(422);
    expect(badEmail.headers['content-type']).toContain('application/problem+json');
    expect(badEmail.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('email');
    const badFilter = await save(reader.headers, { name: 'x', query: { q: 'x', economy: 'xx' } });
    expect(badFilter.statusCode).toBe(422);
    const badUpdate = await t.app.inject({ method: 'PATCH', url: `/api/portal/me/saved-searches/${id}`, headers: reader.headers, payload: { email: 'no at sign' } });
    expect(badUpdate.statusCode).toBe(422);
    // A second header smuggled into the address is no address either.
    const injected = await save(reader.headers, { name: 'x', query: { q: 'x' }, frequency: 'daily', email: 'a@example.test\r\nBcc: b@example.test' });
    expect(injected.statusCode).toBe(422);
    expect(injected.headers['content-type']).toContain('application/problem+json');
    expect(injected.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('body.email');
    expect(await count('portal_saved_searches')).toBe(before);
    const unchanged = (await t.app.inject({ method: 'GET', url: '/api/portal/me/saved-searches', headers: reader.headers })).json<{ items: { id: string; email: string }[] }>();
    expect(unchanged.items.find((item) => item.id === id)?.email).toBe(reader.user.email);

    const theirs = await t.app.inject({ method: 'GET', url: '/api/portal/me/saved-searches', headers: other.headers });
    expect(theirs.json<{ items: unknown[] }>().items).toEqual([]);
    for (const method of ['PATCH', 'DELETE'] as const) {
      const response = await t.app.inject({ method, url: `/api/portal/me/saved-searches/${id}`, headers: other.headers, ...(method === 'PATCH' ? { payload: { name: 'mine now' } } : {}) });
      expect(response.statusCode).toBe(404);
    }
    const mine = await t.app.inject({ method: 'GET', url: '/api/portal/me/saved-searches', headers: reader.headers });
    expect(mine.json<{ items: { name: string }[] }>().items.map((item) => item.name)).toEqual(['Border news']);
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/me/saved-searches' })).statusCode).toBe(401);
  });

  it('e-mail a digest of new matching items with a one-click unsubscribe link that works once', async () => {
    const reader = await signedInUser(t.deps, { roles: ['reader'] });
    const word = `digestprobe${Math.random().toString(36).slice(2, 8)}`;
    const created = await save(reader.headers, { name: 'Probe watch', query: { q: word }, frequency: 'daily', email: 'Watcher@Example.test' });
    expect(created.statusCode).toBe(201);
    const searchId = created.json<{ id: string }>().id;

    await later(HOUR);
    await publishThroughApi(t.app, people, 'articles', articleInput({ translations: [{ language: 'en', title: `Regional ${word} published`, lead: 'Lead.', bodyHtml: '<p>Text.</p>', leadImageAlt: null }] }));
    // Not yet a day since the search was saved: nothing is due.
    expect((await runPortalDigests(t.deps)).sent).toBe(0);

    await later(24 * HOUR);
    sink.messages.length = 0;
    const report = await runPortalDigests(t.deps);
    expect(report.sent).toBeGreaterThanOrEqual(1);
    await t.deps.mailer.deliverDue();
    const mail = sink.messages.find((message) => message.to.includes('watcher@example.test'));
    expect(mail?.subject).toContain('Probe watch');
    expect(mail?.text).toContain(`Regional ${word} published`);
    // Sent once per period: an immediate second run sends nothing for it.
    expect((await runPortalDigests(t.deps)).sent).toBe(0);

    const token = tokenOf(mail!.text);
    const [id, nonce] = token.split('.') as [string, string];
    expect(id).toBe(searchId);
    // A forged signature, and a token with another id, change nothing.
    for (const forged of [`${id}.${nonce}.AAAA${token.slice(-20)}`, token.replace(id, crypto.randomUUID()), 'garbage']) {
      const response = await unsubscribe(forged);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const frequency = async () => rowsOf<{ frequency: string }>(await t.deps.db.execute(sql`select frequency from portal_saved_searches where id = ${searchId}`))[0]!.frequency;
    expect(await frequency()).toBe('daily');

    const done = await unsubscribe(token);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ name: 'Probe watch', frequency: 'daily' });
    expect(await frequency()).toBe('none');
    const reused = await unsubscribe(token);
    expect(reused.statusCode).toBe(410);
    expect(await frequency()).toBe('none');

    const events = await t.deps.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.recordId, searchId)).orderBy(asc(auditEvents.seq));
    expect(events.map((event) => event.action)).toEqual(['portal.saved_search.create', 'portal.saved_search.digest', 'portal.saved_search.unsubscribe']);
  });

  it('writes each digest in the recipient’s UI language: saved with the UI language, or the request’s Accept-Language', async () => {
    const albanian = await signedInUser(t.deps, { roles: ['reader'] });
    const serbian = await signedInUser(t.deps, { roles: ['reader'] });
    const word = `languageprobe${Math.random().toString(36).slice(2, 8)}`;
    const asSq = await save(albanian.headers, { name: 'Kufiri', query: { q: word }, frequency: 'weekly', language: 'sq' });
    expect(asSq.json<{ language: string }>().language).toBe('sq');
    const asSr = await t.app.inject({ method: 'POST', url: '/api/portal/me/saved-searches', headers: { ...serbian.headers, 'accept-language': 'sr-Cyrl-RS,sr;q=0.8,en;q=0.5' }, payload: { name: 'Граница', query: { q: word }, frequency: 'daily' } });
    expect(asSr.json<{ language: string }>().language).toBe('sr-Cyrl');
    expect((await save(albanian.headers, { name: 'x', query: { q: word }, language: 'de' })).statusCode).toBe(400);
    await later(HOUR);
    // Found in English, titled in the recipient's language where the article has that translation.
    await publishThroughApi(t.app, people, 'articles', articleInput({
      originalLanguage: 'en',
      translations: [
        { language: 'en', title: `Border ${word} report`, lead: 'Lead.', bodyHtml: '<p>Text.</p>', leadImageAlt: null },
        { language: 'sr-Cyrl', title: `Извештај ${word} о граници`, lead: 'Увод.', bodyHtml: '<p>Текст.</p>', leadImageAlt: null },
      ],
    }));
    await later(8 * 24 * HOUR);
    sink.messages.length = 0;
    await runPortalDigests(t.deps);
    await t.deps.mailer.deliverDue();
    const mailTo = (email: string) => sink.messages.find((message) => message.to.includes(email.toLowerCase()));
    const sq = mailTo(albanian.user.email);
    expect(sq?.subject).toBe('Mosaic: elemente të reja për “Kufiri” (1)');
    expect(sq?.text).toContain('Përmbledhja juaj javore');
    expect(sq?.text).toContain('Ndaloni këto e-mail-e me një klikim:');
    expect(sq?.text).toContain(`Border ${word} report`);
    const sr = mailTo(serbian.user.email);
    expect(sr?.subject).toBe('Mosaic: нове ставке за „Граница” (1)');
    expect(sr?.text).toContain('Ваш дневни преглед');
    expect(sr?.text).toContain(`Извештај ${word} о граници`);
    expect(sr?.text).not.toContain('Stop these e-mails');
  });

  it('follow the configured period: with PORTAL_DIGEST_DAY_SECONDS=600 a daily digest is due ten minutes after saving', async () => {
    const shortDay = { ...t.deps, config: { ...t.deps.config, PORTAL_DIGEST_DAY_SECONDS: 600 } };
    const reader = await signedInUser(t.deps, { roles: ['reader'] });
    const word = `periodprobe${Math.random().toString(36).slice(2, 8)}`;
    expect((await save(reader.headers, { name: 'Short day', query: { q: word }, frequency: 'daily', email: 'period@example.test' })).statusCode).toBe(201);
    const queued = async () => rowsOf<{ n: number }>(await t.deps.db.execute(sql`select count(*)::int as n from mail_outbox where recipient = 'period@example.test'`))[0]!.n;
    await later(60_000);
    await publishThroughApi(t.app, people, 'articles', articleInput({ translations: [{ language: 'en', title: `Short ${word} notice`, lead: 'Lead.', bodyHtml: '<p>Text.</p>', leadImageAlt: null }] }));
    await later(4 * 60_000);
    await runPortalDigests(shortDay);
    expect(await queued()).toBe(0);
    await later(6 * 60_000);
    // A day of the default length has not passed; ten minutes of the configured one have.
    await runPortalDigests(t.deps);
    expect(await queued()).toBe(0);
    await runPortalDigests(shortDay);
    expect(await queued()).toBe(1);
  });

  it('sends no digest to an account disabled since it subscribed', async () => {
    const reader = await signedInUser(t.deps, { roles: ['reader'] });
    const word = `disabledprobe${Math.random().toString(36).slice(2, 8)}`;
    expect((await save(reader.headers, { name: 'Quiet', query: { q: word }, frequency: 'daily' })).statusCode).toBe(201);
    await later(HOUR);
    await publishThroughApi(t.app, people, 'articles', articleInput({ translations: [{ language: 'en', title: `Item ${word}`, lead: 'Lead.', bodyHtml: '<p>Text.</p>', leadImageAlt: null }] }));
    await t.deps.db.update(users).set({ disabledAt: now }).where(eq(users.id, reader.user.id));
    await later(25 * HOUR);
    sink.messages.length = 0;
    await runPortalDigests(t.deps);
    await t.deps.mailer.deliverDue();
    expect(sink.messages.filter((message) => message.to.includes(reader.user.email))).toEqual([]);
    const outbox = rowsOf<{ n: number }>(await t.deps.db.execute(sql`select count(*)::int as n from mail_outbox where recipient = ${reader.user.email}`))[0]!.n;
    expect(outbox).toBe(0);
  });
});

describe('review notices', () => {
  it('notify every other editor when an item is submitted for review, by notification and e-mail', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/portal/editor/articles', headers: people.author, payload: articleInput() });
    const id = created.json<{ id: string }>().id;
    sink.messages.length = 0;
    await transition(t.app, people.author, 'articles', id, 'submit');
    const notices = await t.deps.db.select({ userId: notifications.userId, link: notifications.link }).from(notifications).where(eq(notifications.recordId, id));
    expect(notices.map((notice) => notice.link)).toContain(`/editor/articles/${id}`);
    expect(notices.map((notice) => notice.userId)).not.toContain(people.authorId);
    const reviewerView = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: people.reviewer });
    expect(reviewerView.json<{ items: { link: string | null }[] }>().items.map((item) => item.link)).toContain(`/editor/articles/${id}`);
    const authorView = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: people.author });
    expect(authorView.json<{ items: { link: string | null }[] }>().items.map((item) => item.link)).not.toContain(`/editor/articles/${id}`);
    await t.deps.mailer.deliverDue();
    expect(sink.messages.some((message) => message.subject.includes('awaits your review') && message.text.includes(`/editor/articles/${id}`))).toBe(true);

    // The reviewer previews it as the public page will show it, while the public still gets 404.
    const preview = await t.app.inject({ method: 'GET', url: `/api/portal/editor/articles/${id}/preview`, headers: people.reviewer });
    expect(preview.statusCode).toBe(200);
    expect(preview.json<{ title: string; bodyHtml: string }>()).toMatchObject({ title: 'Regional police meet in Belgrade', bodyHtml: '<p>Police cooperation in the region.</p>' });
    expect((await t.app.inject({ method: 'GET', url: `/api/portal/editor/articles/${id}/preview` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/portal/editor/articles/${id}/preview`, headers: people.officer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/portal/articles/${created.json<{ slug: string }>().slug}` })).statusCode).toBe(404);
  });
});

/** A PNG whose header claims `width` × `height` pixels, with almost no data behind it. */
function claimedPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}

function upload(id: string, file: Buffer, headers: Headers = people.author) {
  const boundary = `----mosaic${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lead.png"\r\nContent-Type: image/png\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return t.app.inject({ method: 'POST', url: `/api/portal/editor/articles/${id}/lead-image`, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

describe('lead images', () => {
  it('are resized and served once the article is public; not an image, too large or gigapixels are refused with nothing written', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/portal/editor/articles', headers: people.author, payload: articleInput() });
    const id = created.json<{ id: string }>().id;
    const before = await count('portal_lead_images');
    const refusals = [
      { file: Buffer.from('%PDF-1.4 not an image'), status: 422, message: 'not_an_image' },
      { file: claimedPng(100_000, 100_000), status: 422, message: 'too_many_pixels' },
      { file: Buffer.alloc(10 * 1024 * 1024 + 10, 1), status: 413, message: 'too_large' },
    ];
    for (const refusal of refusals) {
      const response = await upload(id, refusal.file);
      expect(response.statusCode).toBe(refusal.status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json<{ errors: { message: string }[] }>().errors[0]!.message).toBe(refusal.message);
    }
    expect(await count('portal_lead_images')).toBe(before);
    expect((await upload(id, await sharp({ create: { width: 40, height: 30, channels: 3, background: '#36c' } }).png().toBuffer(), people.officer)).statusCode).toBe(403);

    const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#36c' } }).png().toBuffer();
    const uploaded = await upload(id, png);
    expect(uploaded.statusCode).toBe(201);
    const image = uploaded.json<{ id: string; url: string; width: number; height: number }>();
    expect([image.width, image.height]).toEqual([1600, 800]);
    const path = new URL(image.url).pathname;
    // A draft's image is for editors only.
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const asEditor = await t.app.inject({ method: 'GET', url: path, headers: people.reviewer });
    expect(asEditor.statusCode).toBe(200);
    expect(asEditor.headers['content-type']).toBe('image/webp');
    expect((await sharp(asEditor.rawPayload).metadata()).width).toBe(1600);
    await transition(t.app, people.author, 'articles', id, 'submit');
    await transition(t.app, people.reviewer, 'articles', id, 'publish');
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
  });
});
