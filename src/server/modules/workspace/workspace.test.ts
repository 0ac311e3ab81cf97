import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkView } from '../../../contract/workspace';
import { users } from '../../db/schema/core';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, buildUser, signedInUser } from '../../test/factories';
import { articleInput, transition } from '../portal/portal-test-helpers';
import { activityInput, client as registryClient, saveActivity } from '../registry/registry-test-helpers';

type Headers = { cookie: string; 'x-csrf-token': string };
let t: TestApp;
const now = new Date('2026-04-01T09:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

beforeAll(async () => {
  t = await buildTestApp({ clock: () => now });
});
afterAll(async () => t.close());

async function work(headers: Headers): Promise<WorkView> {
  const response = await t.app.inject({ method: 'GET', url: '/api/work', headers });
  expect(response.statusCode).toBe(200);
  return response.json<WorkView>();
}
const keys = (view: WorkView) => view.sections.map((section) => section.key);
const sectionOf = (view: WorkView, key: string) => view.sections.find((section) => section.key === key);

describe('my work', () => {
  it('shows a donor the registry activities of its own organisation only', async () => {
    const eu = await buildOrganisation(t.deps, { economy: 'INT', kind: 'donor', name: 'European Commission (work test)' });
    const us = await buildOrganisation(t.deps, { economy: 'INT', kind: 'donor', name: 'US INL (work test)' });
    const euDonor = await signedInUser(t.deps, { organisationId: eu.id, roles: ['donor'], clearance: 'PUBLIC' });
    const usDonor = await signedInUser(t.deps, { organisationId: us.id, roles: ['donor'], clearance: 'PUBLIC' });
    const id = await saveActivity(registryClient(t), euDonor.headers, activityInput({ status: 'pipeline' }));
    expect(sectionOf(await work(euDonor.headers), 'registry.activities')).toMatchObject({ count: 1, items: [{ status: 'pipeline', link: `/registry/${id}` }], link: '/registry' });
    expect(sectionOf(await work(usDonor.headers), 'registry.activities')).toMatchObject({ count: 0, items: [] });
  });

  it('needs a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/work' })).statusCode).toBe(401);
  });

  it('shows a reader their saved searches and event registrations, and nothing of others', async () => {
    const reader = await signedInUser(t.deps, { roles: ['reader'] });
    const created = await t.app.inject({ method: 'POST', url: '/api/portal/me/saved-searches', headers: reader.headers, payload: { name: 'Cybercrime', query: { q: 'cyber' }, frequency: 'weekly' } });
    expect(created.statusCode).toBe(201);
    const view = await work(reader.headers);
    expect(keys(view)).toEqual(['portal.saved_searches', 'portal.registrations']);
    expect(sectionOf(view, 'portal.saved_searches')).toMatchObject({ count: 1, items: [{ label: 'Cybercrime', status: 'weekly', link: '/search?q=cyber' }] });
    const other = await signedInUser(t.deps, { roles: ['reader'] });
    expect(sectionOf(await work(other.headers), 'portal.saved_searches')?.count).toBe(0);
  });

  it('counts pending hits for the holding desk only, and shows the screener their screenings and outcomes', async () => {
    const rsDesk = await buildDesk(t.deps, { economy: 'RS', area: 'wanted_persons' });
    const hrDesk = await buildDesk(t.deps, { economy: 'HR', area: 'wanted_persons' });
    const rsPolice = await buildOrganisation(t.deps, { economy: 'RS' });
    const rsContact = await signedInUser(t.deps, { economy: 'RS', organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [rsDesk.id] });
    const hrContact = await signedInUser(t.deps, { economy: 'HR', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [hrDesk.id] });
    const hrOfficer = await signedInUser(t.deps, { economy: 'HR', roles: ['officer'] });
    const idleOfficer = await signedInUser(t.deps, { economy: 'HR', roles: ['officer'] });
    const alert = await t.app.inject({
      method: 'POST',
      url: '/api/wanted/alerts',
      headers: rsContact.headers,
      payload: { kind: 'person_arrest', issuingDeskId: rsDesk.id, validUntil: inDays(365), actionToTake: 'Arrest and inform the desk.', warrantReference: 'K-9/2026', name: 'Mirković Stevan', dateOfBirth: '1979-06-02', nationality: 'RS', marking: { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS'] } },
    });
    expect(alert.statusCode, alert.body).toBe(201);
    const screened = await t.app.inject({ method: 'POST', url: '/api/wanted/screen/person', headers: hrOfficer.headers, payload: { purpose: 'Border check 17', name: 'Stevan Mirkovic', dateOfBirth: '1979-06-02' } });
    expect(screened.statusCode).toBe(200);

    const holding = sectionOf(await work(rsContact.headers), 'hits.pending');
    expect(holding?.count).toBe(1);
    const reference = holding!.items[0]!.label;
    expect(reference).toMatch(/^H-/);
    // Another desk's contact point: the section is there, without a trace of the hit.
    const elsewhere = await work(hrContact.headers);
    expect(sectionOf(elsewhere, 'hits.pending')).toMatchObject({ count: 0, items: [] });
    expect(JSON.stringify(elsewhere)).not.toContain(reference);

    const screener = await work(hrOfficer.headers);
    expect(keys(screener)).not.toContain('hits.pending');
    expect(sectionOf(screener, 'screenings.recent')).toMatchObject({ count: 1, items: [{ label: 'Border check 17' }] });
    expect(sectionOf(screener, 'screenings.outcomes')).toMatchObject({ count: 1, items: [{ label: reference, status: 'pending' }] });
    expect(sectionOf(await work(idleOfficer.headers), 'screenings.outcomes')).toMatchObject({ count: 0, items: [] });
  });

  it('shows editors the items in review and the scheduled ones', async () => {
    const author = await signedInUser(t.deps, { roles: ['editor'] });
    const reviewer = await signedInUser(t.deps, { roles: ['editor'] });
    const reviewed = (await t.app.inject({ method: 'POST', url: '/api/portal/editor/articles', headers: author.headers, payload: articleInput({ translations: [{ language: 'en', title: 'Waiting for a second pair of eyes', lead: 'L', bodyHtml: '<p>B</p>', leadImageAlt: null }] }) })).json<{ id: string }>().id;
    await transition(t.app, author.headers, 'articles', reviewed, 'submit');
    const later = (await t.app.inject({ method: 'POST', url: '/api/portal/editor/articles', headers: author.headers, payload: articleInput({ translations: [{ language: 'en', title: 'Out next week', lead: 'L', bodyHtml: '<p>B</p>', leadImageAlt: null }] }) })).json<{ id: string }>().id;
    await transition(t.app, author.headers, 'articles', later, 'submit');
    await transition(t.app, reviewer.headers, 'articles', later, 'publish', new Date(now.getTime() + 7 * 86_400_000).toISOString());
    const view = await work(reviewer.headers);
    expect(sectionOf(view, 'editor.in_review')?.items.map((item) => item.label)).toContain('Waiting for a second pair of eyes');
    expect(sectionOf(view, 'editor.scheduled')?.items.map((item) => item.label)).toEqual(['Out next week']);
    const reader = await signedInUser(t.deps, { roles: ['reader'] });
    expect(JSON.stringify(await work(reader.headers))).not.toContain('Waiting for a second pair of eyes');
  });

  it('shows administrators accounts awaiting enrolment or locked, and auditors the chain and denials', async () => {
    const admin = await signedInUser(t.deps, { roles: ['administrator'] });
    await buildUser(t.deps, { roles: ['officer'], displayName: 'Nova Newcomer' });
    const locked = await buildUser(t.deps, { roles: ['reader'], displayName: 'Lana Locked' });
    await t.deps.db.update(users).set({ lockedUntil: new Date(now.getTime() + 3600_000) }).where(eq(users.id, locked.id));
    const view = await work(admin.headers);
    expect(sectionOf(view, 'accounts.enrolment')?.items.map((item) => item.label)).toContain('Nova Newcomer');
    expect(sectionOf(view, 'accounts.enrolment')?.items.map((item) => item.label)).not.toContain('Lana Locked');
    expect(sectionOf(view, 'accounts.locked')?.items.map((item) => item.label)).toContain('Lana Locked');
    expect(keys(view)).toContain('access_changes.pending');

    const reader = await signedInUser(t.deps, { roles: ['reader'] });
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/users', headers: reader.headers })).statusCode).toBe(403);
    const auditor = await signedInUser(t.deps, { roles: ['auditor'] });
    const audited = await work(auditor.headers);
    expect(sectionOf(audited, 'audit.chain')?.ok).toBe(true);
    expect(sectionOf(audited, 'audit.denials')?.count).toBeGreaterThanOrEqual(1);
    expect(sectionOf(audited, 'audit.denials')?.items.map((item) => item.label)).toContain('admin.user.manage');
    expect(keys(await work(reader.headers))).not.toContain('audit.denials');
  });
});
