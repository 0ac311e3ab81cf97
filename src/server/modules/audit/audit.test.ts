import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventDetail, AuditEventPage, AuditVerifyResult } from '../../../contract/audit';
import { anonymousActor } from '../../access/actor';
import { rowsOf } from '../../db/migrate';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { signedInUser } from '../../test/factories';

let testApp: TestApp;
let folder: string;
let auditor: Awaited<ReturnType<typeof signedInUser>>;
let administrator: Awaited<ReturnType<typeof signedInUser>>;
let officer: Awaited<ReturnType<typeof signedInUser>>;

const get = (url: string, headers?: Record<string, string>) => testApp.app.inject({ method: 'GET', url, headers });

async function idOfEvent(seq: number): Promise<string> {
  return rowsOf<{ id: string }>(await testApp.deps.db.execute(sql`select id from audit_events where seq = ${seq}`))[0]!.id;
}

async function newestEvent() {
  const result = await testApp.deps.db.execute(sql`select action, actor_user_id, outcome, record_type, record_id from audit_events order by seq desc limit 1`);
  return rowsOf<{ action: string; actor_user_id: string | null; outcome: string; record_type: string | null; record_id: string | null }>(result)[0];
}

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-audit-module-'));
  testApp = await buildTestApp({ checkpointPath: path.join(folder, 'audit-checkpoint.json') });
  const { deps } = testApp;
  auditor = await signedInUser(deps, { roles: ['auditor'], economy: 'AL', email: 'drita.hoxha@audit.example' });
  administrator = await signedInUser(deps, { roles: ['administrator'], economy: 'MK' });
  officer = await signedInUser(deps, { roles: ['officer'], economy: 'RS', email: 'marko.ilic@mup.example' });
  for (let index = 1; index <= 7; index += 1) {
    await deps.audit.record({ actor: officer.actor, ip: '192.0.2.1' }, { action: 'wanted.alert.read', recordType: 'wanted_alert', recordId: `alert-${index}` });
  }
  await deps.audit.record({ actor: administrator.actor }, { action: 'admin.user.update', recordType: 'user', recordId: officer.user.id, details: { roles: ['officer'] } });
  await deps.audit.record({ actor: anonymousActor }, { action: 'auth.sign_in', outcome: 'failure', actorLabel: 'unknown@example.test' });
  await deps.audit.flushCheckpoint();
});

afterAll(async () => {
  await testApp.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('GET /api/audit/events', () => {
  it('lists events newest first with a total, for an auditor', async () => {
    const response = await get('/api/audit/events?pageSize=3', auditor.headers);
    expect(response.statusCode).toBe(200);
    const page = response.json<AuditEventPage>();
    expect(page.items).toHaveLength(3);
    expect(page.total).toBeGreaterThanOrEqual(9);
    const times = page.items.map((item) => item.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(page.items[0]).not.toHaveProperty('seq');
  });

  it('pages through the same total', async () => {
    const first = (await get('/api/audit/events?action=wanted.alert.read&pageSize=5&page=1', auditor.headers)).json<AuditEventPage>();
    const second = (await get('/api/audit/events?action=wanted.alert.read&pageSize=5&page=2', auditor.headers)).json<AuditEventPage>();
    expect(first.total).toBe(7);
    expect(second.total).toBe(7);
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((item) => item.recordId)).size).toBe(7);
  });

  it('filters by user id or e-mail, action prefix, record, outcome and dates', async () => {
    const query = async (search: string) => (await get(`/api/audit/events?${search}`, auditor.headers)).json<AuditEventPage>();
    expect((await query(`user=${officer.user.id}&action=wanted`)).total).toBe(7);
    expect((await query('user=MARKO.ILIC@mup.example&action=wanted.alert')).total).toBe(7);
    expect((await query('user=unknown@example.test')).items.map((item) => item.action)).toEqual(['auth.sign_in']);
    expect((await query('action=wanted.ale')).total).toBe(0);
    expect((await query('recordType=wanted_alert&recordId=alert-4')).items.map((item) => item.recordId)).toEqual(['alert-4']);
    expect((await query('outcome=failure&action=auth')).total).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    expect((await query(`from=${today}&to=${today}&action=wanted.alert.read`)).total).toBe(7);
    expect((await query('to=2000-01-01')).total).toBe(0);
    expect((await query(`from=${new Date(Date.now() + 3_600_000).toISOString()}`)).total).toBe(0);
  });

  it('records the read itself in the chain', async () => {
    await get('/api/audit/events?action=admin&outcome=success', auditor.headers);
    expect(await newestEvent()).toMatchObject({ action: 'audit.events.read', actor_user_id: auditor.user.id, outcome: 'success' });
  });

  it('is open to administrators', async () => {
    expect((await get('/api/audit/events', administrator.headers)).statusCode).toBe(200);
  });

  it('refuses an officer and records the denial', async () => {
    const response = await get('/api/audit/events', officer.headers);
    expect(response.statusCode).toBe(403);
    expect(await newestEvent()).toMatchObject({ action: 'audit.read', actor_user_id: officer.user.id, outcome: 'denied' });
  });

  it('asks an anonymous caller to sign in', async () => {
    const response = await get('/api/audit/events');
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it.each([
    'pageSize=1000',
    'page=0',
    'user=not-an-email',
    'outcome=maybe',
    'from=yesterday',
    'to=2026-13-40',
    'action=DROP%20TABLE',
    'colour=blue',
    `recordId=${'x'.repeat(201)}`,
  ])('answers bad input (%s) with a 400 problem', async (search) => {
    const response = await get(`/api/audit/events?${search}`, auditor.headers);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

describe('GET /api/audit/events/:id', () => {
  it('returns one event by its id with its hash and details, and records the read', async () => {
    const id = await idOfEvent(8);
    const response = await get(`/api/audit/events/${id}`, auditor.headers);
    expect(response.statusCode).toBe(200);
    const event = response.json<AuditEventDetail>();
    expect(event).toMatchObject({ id, action: 'admin.user.update', details: { roles: ['officer'] }, masked: false });
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    // Neither the position nor the previous hash: both would tell of events between that the reader may not see.
    expect(event).not.toHaveProperty('seq');
    expect(event).not.toHaveProperty('prevHash');
    expect(await newestEvent()).toMatchObject({ action: 'audit.events.read', record_type: 'audit_event', record_id: id });
  });

  it('answers 404 for an event that does not exist and 400 for a malformed id', async () => {
    expect((await get(`/api/audit/events/${crypto.randomUUID()}`, auditor.headers)).statusCode).toBe(404);
    expect((await get('/api/audit/events/abc', auditor.headers)).statusCode).toBe(400);
    expect((await get('/api/audit/events/8', auditor.headers)).statusCode).toBe(400);
  });

  it('refuses an officer', async () => {
    expect((await get(`/api/audit/events/${await idOfEvent(1)}`, officer.headers)).statusCode).toBe(403);
  });
});

describe('GET /api/audit/verify', () => {
  it('reports an intact chain that reaches the checkpoint, and records the check', async () => {
    await testApp.deps.audit.flushCheckpoint();
    const response = await get('/api/audit/verify', auditor.headers);
    expect(response.statusCode).toBe(200);
    const result = response.json<AuditVerifyResult>();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.checkpointWrittenAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // No count or head position: they would count events this reader may not see.
    expect(Object.keys(result).sort()).toEqual(['checkpointWrittenAt', 'ok', 'verifiedAt']);
    expect(await newestEvent()).toMatchObject({ action: 'audit.chain.verify', outcome: 'success' });
  });

  it('names the first changed event after tampering', async () => {
    await testApp.deps.db.execute(sql`update audit_events set details = '{"roles":["administrator"]}'::jsonb where seq = 8`);
    const result = (await get('/api/audit/verify', auditor.headers)).json<AuditVerifyResult>();
    expect(result).toMatchObject({ ok: false, brokenId: await idOfEvent(8), atCheckpoint: false });
    if (!result.ok) expect(result.reason).toContain('content does not match its hash');
    expect(await newestEvent()).toMatchObject({ action: 'audit.chain.verify', outcome: 'failure' });
  });

  it('refuses an officer', async () => {
    expect((await get('/api/audit/verify', officer.headers)).statusCode).toBe(403);
  });
});
