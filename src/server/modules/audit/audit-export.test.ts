import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventPage } from '../../../contract/audit';
import { auditEvents } from '../../db/schema/core';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { signedInUser } from '../../test/factories';
import { auditEventsCsv } from './audit.csv';

let t: TestApp;
type Viewer = Awaited<ReturnType<typeof signedInUser>>;
let auditor: Viewer;
let target: Viewer;

beforeAll(async () => {
  t = await buildTestApp();
  auditor = await signedInUser(t.deps, { economy: 'RS', roles: ['auditor'] });
  const admin = await signedInUser(t.deps, { economy: 'RS', roles: ['administrator'] });
  target = await signedInUser(t.deps, { economy: 'RS', roles: ['officer'], displayName: 'Tijana =Target' });
  // An event about the user: the audit view names the user, not only the id.
  expect((await t.app.inject({ method: 'POST', url: `/api/admin/users/${target.user.id}/disable`, headers: admin.headers })).statusCode).toBe(200);
});
afterAll(async () => t.close());

describe('audit list titles and CSV export', () => {
  it('names the record of an event by its title', async () => {
    const page = (await t.app.inject({ method: 'GET', url: `/api/audit/events?recordId=${target.user.id}`, headers: auditor.headers })).json<AuditEventPage>();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((item) => item.recordTitle === 'Tijana =Target')).toBe(true);
  });

  it('names a record only for a reader who may see it: a draft article has no title for the auditor, its editor sees it', async () => {
    const editor = await signedInUser(t.deps, { economy: 'RS', roles: ['editor'] });
    const otherAuditor = await signedInUser(t.deps, { economy: 'RS', roles: ['auditor'] });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/portal/editor/articles',
      headers: editor.headers,
      payload: { slug: 'audit-draft-title', kind: 'news', author: 'Desk', leadImageUrl: null, topics: [], economies: [], originalLanguage: 'en', translations: [{ language: 'en', title: 'Secret draft headline', lead: '', bodyHtml: '<p>x</p>', leadImageAlt: null }] },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const url = `/api/audit/events?recordType=portal_article&recordId=${id}`;
    const page = (await t.app.inject({ method: 'GET', url, headers: otherAuditor.headers })).json<AuditEventPage>();
    expect(page.items.map((item) => item.action)).toContain('portal.article.create');
    expect(page.items.every((item) => item.recordTitle === null && item.recordId === id)).toBe(true);
    const csv = await t.app.inject({ method: 'GET', url: `/api/audit/events.csv?recordType=portal_article&recordId=${id}`, headers: otherAuditor.headers });
    expect(csv.body).not.toContain('Secret draft headline');
    // A reader with both roles (auditor and editor) may see the draft, so its title shows.
    const both = await signedInUser(t.deps, { economy: 'RS', roles: ['auditor', 'editor'] });
    const named = (await t.app.inject({ method: 'GET', url, headers: both.headers })).json<AuditEventPage>();
    expect(named.items.some((item) => item.recordTitle === 'Secret draft headline')).toBe(true);
  });

  it('exports the filtered events as CSV, neutralises formulas, and audits the export', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/audit/events.csv?recordType=user&recordId=${target.user.id}`, headers: auditor.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('occurredAt,actorLabel,actorEconomy,action,outcome,recordType,recordId,recordTitle,masked');
    const page = (await t.app.inject({ method: 'GET', url: `/api/audit/events?recordType=user&recordId=${target.user.id}`, headers: auditor.headers })).json<AuditEventPage>();
    // The list's own read of the same filter comes after the export, so the export has one row fewer at most.
    expect(lines.length - 1).toBeGreaterThanOrEqual(1);
    expect(lines.slice(1).every((line) => line.includes(`"${target.user.id}"`) && line.includes(`"'=Target`) === false)).toBe(true);
    expect(lines.slice(1).every((line) => line.includes('"Tijana =Target"'))).toBe(true);
    expect(page.items.map((item) => item.action)).toContain('admin.user.disable');
    const exports = await t.deps.db.select({ action: auditEvents.action, details: auditEvents.details }).from(auditEvents).where(and(eq(auditEvents.action, 'audit.events.export'), eq(auditEvents.actorUserId, auditor.user.id))).orderBy(asc(auditEvents.seq));
    expect(exports).toEqual([{ action: 'audit.events.export', details: { filters: ['recordId', 'recordType'], format: 'csv' } }]);
  });

  it('writes a cell that starts like a formula as text', () => {
    const csv = auditEventsCsv([{ id: 'x', occurredAt: '2026-01-01T00:00:00.000Z', actorUserId: null, actorLabel: '=HYPERLINK("http://evil")', actorEconomy: null, action: 'a', recordType: null, recordId: null, recordTitle: '+1', outcome: 'success', masked: false, subjectEconomy: null }], false);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`"'+1"`);
  });

  it('refuses everyone but auditors and administrators, and records the denial', async () => {
    const officer = await signedInUser(t.deps, { roles: ['officer'] });
    expect((await t.app.inject({ method: 'GET', url: '/api/audit/events.csv', headers: officer.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/audit/events.csv' })).statusCode).toBe(401);
  });
});
