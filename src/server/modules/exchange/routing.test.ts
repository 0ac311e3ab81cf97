import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../db/schema/core';
import { rowsOf } from '../../db/migrate';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, buildUser, signedInUser } from '../../test/factories';
import { type Headers, amberBetween, client, evaluation, requestInput } from './exchange-test-helpers';

let test: TestApp;
let http: ReturnType<typeof client>;
let now = new Date('2026-03-02T08:00:00Z');
const hour = 3_600_000;
const minute = 60_000;
const desks = { rsCp: '', rsBorder: '', alCp: '', alBorder: '', alCustoms: '', me: '' };
type Person = { headers: Headers; user: { id: string } };
let rsContact: Person;
let rsContact2: Person;
let rsOfficer: Person;
let alContact: Person;
let alOfficer: Person;
let meOfficer: Person;
let rsAdmin: Person;
let rsAdmin2: Person;
let alAdmin: Person;
let regAdmin: Person;

const put = (url: string, headers: Headers, payload: unknown) => test.app.inject({ method: 'PUT', url, headers, payload: payload as Record<string, unknown> });
const defaults = { classification: 'CONFIDENTIAL', tlp: 'RED', approverScope: 'organisation' };
const rsRules = (approval: Record<string, unknown> = defaults) => ({ contactDeskId: null, approval, rules: [{ crimeArea: '*', mode: 'via_contact_point' }, { crimeArea: 'cyber-security', mode: 'direct' }] });
/** Applies settings as the economy's first administrator; a change that widens who reads is approved by the second. */
async function applySettings(economy: string, payload: unknown) {
  const [first, second] = economy === 'RS' ? [rsAdmin, rsAdmin2] : [alAdmin, regAdmin];
  const saved = await put(`/api/exchange/settings/${economy}`, first.headers, payload);
  if (saved.statusCode !== 202) return saved;
  return test.app.inject({ method: 'POST', url: `/api/exchange/settings/${economy}/proposal/approval`, headers: second.headers });
}
const count = async (query: string) => rowsOf<{ n: number }>(await test.deps.db.execute(sql.raw(query)))[0]!.n;

beforeAll(async () => {
  test = await buildTestApp({ clock: () => now });
  http = client(test);
  const { deps } = test;
  desks.rsCp = (await buildDesk(deps, { economy: 'RS', area: 'police_cooperation', name: 'RS police cooperation' })).id;
  desks.rsBorder = (await buildDesk(deps, { economy: 'RS', area: 'border', name: 'RS border' })).id;
  desks.alCp = (await buildDesk(deps, { economy: 'AL', area: 'police_cooperation', name: 'AL police cooperation' })).id;
  desks.alBorder = (await buildDesk(deps, { economy: 'AL', area: 'border', name: 'AL border' })).id;
  desks.alCustoms = (await buildDesk(deps, { economy: 'AL', area: 'customs', name: 'AL customs' })).id;
  desks.me = (await buildDesk(deps, { economy: 'ME', area: 'police_cooperation', name: 'ME police cooperation' })).id;
  const rsPolice = await buildOrganisation(deps, { economy: 'RS' });
  const rsBorderPolice = await buildOrganisation(deps, { economy: 'RS' });
  rsContact = await signedInUser(deps, { organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.rsCp] });
  rsContact2 = await signedInUser(deps, { organisationId: rsBorderPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL' });
  rsOfficer = await signedInUser(deps, { organisationId: rsBorderPolice.id, roles: ['officer'], deskIds: [desks.rsBorder] });
  alContact = await signedInUser(deps, { economy: 'AL', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.alCp] });
  alOfficer = await signedInUser(deps, { economy: 'AL', roles: ['officer'], deskIds: [desks.alBorder] });
  meOfficer = await signedInUser(deps, { economy: 'ME', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.me] });
  rsAdmin = await signedInUser(deps, { economy: 'RS', roles: ['administrator'], clearance: 'CONFIDENTIAL' });
  rsAdmin2 = await signedInUser(deps, { economy: 'RS', roles: ['administrator'], clearance: 'CONFIDENTIAL' });
  alAdmin = await signedInUser(deps, { economy: 'AL', roles: ['administrator'], clearance: 'CONFIDENTIAL' });
  regAdmin = await signedInUser(deps, { economy: 'REG', roles: ['administrator'], clearance: 'CONFIDENTIAL' });
  // A disabled member staffs nothing: the customs desk is inactive.
  const gone = await buildUser(deps, { economy: 'AL', roles: ['officer'], deskIds: [desks.alCustoms] });
  await deps.db.update(users).set({ disabledAt: now }).where(eq(users.id, gone.id));
});

afterAll(async () => {
  await test?.close();
});

describe('routing rules per economy', () => {
  it('are set by the economy’s own administrators, audited, and refuse bad input without a change', async () => {
    expect((await put('/api/exchange/settings/RS', alAdmin.headers, rsRules())).statusCode).toBe(403);
    expect((await put('/api/exchange/settings/RS', rsOfficer.headers, rsRules())).statusCode).toBe(403);
    // Routing every area through the contact desk widens who reads: it waits for the second administrator.
    expect((await put('/api/exchange/settings/RS', rsAdmin.headers, rsRules())).statusCode).toBe(202);
    const saved = await test.app.inject({ method: 'POST', url: '/api/exchange/settings/RS/proposal/approval', headers: rsAdmin2.headers });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ economy: 'RS', contactDesk: { id: desks.rsCp }, contactDeskChosen: false, rules: [{ crimeArea: '*', mode: 'via_contact_point' }, { crimeArea: 'cyber-security', mode: 'direct' }] });
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ ...rsRules(), contactDeskId: '00000000-0000-4000-8000-000000000000' }, /does not exist/],
      [{ ...rsRules(), contactDeskId: desks.alCp }, /not one of RS/],
      [{ ...rsRules(), rules: [{ crimeArea: 'knitting', mode: 'direct' }] }, /not a known crime area/],
      [{ ...rsRules(), rules: [{ crimeArea: '*', mode: 'direct' }, { crimeArea: '*', mode: 'via_contact_point' }] }, /has a rule already/],
    ];
    for (const [payload, message] of bad) {
      const response = await put('/api/exchange/settings/RS', rsAdmin.headers, payload);
      expect(response.statusCode).toBe(422);
      expect(JSON.stringify(response.json().errors)).toMatch(message);
    }
    const inactive = await put('/api/exchange/settings/AL', alAdmin.headers, { contactDeskId: desks.alCustoms, approval: defaults, rules: [] });
    expect(JSON.stringify(inactive.json().errors)).toMatch(/inactive/);
    expect((await http.get('/api/exchange/settings/RS', rsAdmin.headers)).json().rules).toHaveLength(2);
    const [event] = await test.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'exchange.settings.update')).orderBy(asc(auditEvents.seq));
    expect(event).toMatchObject({ recordId: 'RS', actorUserId: rsAdmin2.user.id, details: { proposedBy: rsAdmin.user.id, approvedBy: rsAdmin2.user.id } });
  });

  it('shows in the recipient preview which desk the item will pass', async () => {
    const preview = await http.post('/api/exchange/recipients', rsOfficer.headers, { senderDeskId: desks.rsBorder, recipientDeskIds: [desks.alCp], marking: amberBetween('RS', 'AL'), crimeArea: 'drugs' });
    expect(preview.json()).toMatchObject({ via: { id: desks.rsCp, name: 'RS police cooperation' }, problems: [] });
    const direct = await http.post('/api/exchange/recipients', rsOfficer.headers, { senderDeskId: desks.rsBorder, recipientDeskIds: [desks.alCp], marking: amberBetween('RS', 'AL'), crimeArea: 'cyber-security' });
    expect(direct.json().via).toBeNull();
    const domestic = await http.post('/api/exchange/recipients', rsOfficer.headers, { senderDeskId: desks.rsBorder, recipientDeskIds: [desks.rsCp], marking: amberBetween('RS', 'AL') });
    expect(domestic.json().via).toBeNull();
  });
});

describe('an item through the contact point', () => {
  let id = '';

  it('waits at the sender’s contact-point desk, unseen by the recipient and without a clock', async () => {
    const sent = await http.post('/api/exchange/items', rsOfficer.headers, requestInput(desks.rsBorder, [desks.alCp], { kind: 'police_cooperation_request', cooperationKind: 'cross_border_surveillance', crimeArea: 'drugs' }));
    expect(sent.statusCode).toBe(201);
    id = sent.json().item.id;
    expect(sent.json().item).toMatchObject({ release: 'awaiting_routing', deadline: null, route: { via: { id: desks.rsCp }, state: 'pending' } });
    expect((await http.get(`/api/exchange/items/${id}`, alContact.headers)).statusCode).toBe(404);
    expect((await http.get('/api/exchange/items', alContact.headers)).json().total).toBe(0);
    const atDesk = (await http.get('/api/exchange/items', rsContact.headers)).json();
    expect(atDesk.items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect(atDesk.counts.unread).toBe(1);
    const view = await http.get(`/api/exchange/items/${id}`, rsContact.headers);
    expect(view.json().item.abilities['exchange.item.route']).toBe(true);
  });

  it('refuses a decision from anyone but that desk, and a wider marking', async () => {
    expect((await http.post(`/api/exchange/items/${id}/routing`, alContact.headers, { decision: 'forward' })).statusCode).toBe(404);
    expect((await http.post(`/api/exchange/items/${id}/routing`, meOfficer.headers, { decision: 'forward' })).statusCode).toBe(404);
    expect((await http.post(`/api/exchange/items/${id}/routing`, rsOfficer.headers, { decision: 'forward' })).statusCode).toBe(403);
    const wider = await http.post(`/api/exchange/items/${id}/routing`, rsContact.headers, { decision: 'forward', marking: { ...amberBetween('RS', 'AL'), tlp: 'GREEN' } });
    expect(wider.statusCode).toBe(422);
    expect(JSON.stringify(wider.json().errors)).toMatch(/wider/);
    expect((await http.post(`/api/exchange/items/${id}/routing`, rsContact.headers, { decision: 'return' })).statusCode).toBe(422);
  });

  it('is forwarded on: delivered now, the clock starts at delivery, the thread runs between the desks', async () => {
    now = new Date(now.getTime() + 10 * minute);
    const forwarded = await http.post(`/api/exchange/items/${id}/routing`, rsContact.headers, { decision: 'forward', note: 'Checked.' });
    expect(forwarded.statusCode).toBe(200);
    expect(forwarded.json().item).toMatchObject({ release: 'released', route: { state: 'forwarded', decidedAt: now.toISOString() } });
    expect(forwarded.json().item.deadline.dueAt).toBe(new Date(now.getTime() + 7 * 24 * hour).toISOString());
    expect((await http.post(`/api/exchange/items/${id}/routing`, rsContact.headers, { decision: 'forward' })).statusCode).toBe(409);
    // Forwarded, it leaves the contact-point desk's inbox for its sent items.
    expect((await http.get('/api/exchange/items?box=sent', rsContact.headers)).json().items.map((item: { id: string }) => item.id)).toContain(id);
    expect((await http.get('/api/exchange/items', rsContact.headers)).json().items.map((item: { id: string }) => item.id)).not.toContain(id);
    const received = await http.get(`/api/exchange/items/${id}`, alContact.headers);
    expect(received.json().item).toMatchObject({ state: 'received', route: { via: { id: desks.rsCp }, state: 'forwarded' } });
    const ask = await http.post(`/api/exchange/items/${id}/transitions`, alContact.headers, { transition: 'request_clarification', note: 'Which vehicle?' });
    expect(ask.json().item.state).toBe('clarification_requested');
    expect((await http.post(`/api/exchange/items/${id}/transitions`, rsOfficer.headers, { transition: 'provide_clarification', note: 'The grey Renault.' })).statusCode).toBe(200);
    expect((await http.post(`/api/exchange/items/${id}/transitions`, alContact.headers, { transition: 'answer', note: 'Surveillance agreed.' })).json().item.state).toBe('answered');
    const audit = await test.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'exchange.item.route'), eq(auditEvents.recordId, id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toMatch(/Renault|Checked/);
  });

  it('shows the originator every onward forward, desks and times only', async () => {
    const onward = await http.post(`/api/exchange/items/${id}/forwards`, alContact.headers, { senderDeskId: desks.alCp, recipientDeskIds: [desks.alBorder], note: 'For your shift.', marking: { ...amberBetween('AL'), releasableEconomies: ['AL'] } });
    expect(onward.statusCode).toBe(201);
    const origin = (await http.get(`/api/exchange/items/${id}`, rsOfficer.headers)).json();
    expect(origin.item.onward).toEqual([{ from: expect.objectContaining({ id: desks.alCp, name: 'AL police cooperation' }), to: [expect.objectContaining({ id: desks.alBorder })], at: now.toISOString() }]);
    expect(origin.thread.map((item: { id: string }) => item.id)).not.toContain(onward.json().item.id);
    expect(JSON.stringify(origin)).not.toMatch(/For your shift/);
    expect((await http.get(`/api/exchange/items/${id}`, alOfficer.headers)).statusCode).toBe(404);
    expect((await http.get(`/api/exchange/items/${onward.json().item.id}`, alOfficer.headers)).json().item.onward).toBeNull();
  });

  it('is returned to the sender with a note and never delivered', async () => {
    const sent = await http.post('/api/exchange/items', rsOfficer.headers, requestInput(desks.rsBorder, [desks.alCp], { crimeArea: 'drugs' }));
    const returned = await http.post(`/api/exchange/items/${sent.json().item.id}/routing`, rsContact.headers, { decision: 'return', note: 'Add the plate number.' });
    expect(returned.json().item).toMatchObject({ release: 'returned', route: { state: 'returned', note: 'Add the plate number.' } });
    expect((await http.get(`/api/exchange/items/${sent.json().item.id}`, rsOfficer.headers)).json().item.route.note).toBe('Add the plate number.');
    expect((await http.get(`/api/exchange/items/${sent.json().item.id}`, alContact.headers)).statusCode).toBe(404);
  });

  it('refuses a reply that would go around the contact point, and writes nothing', async () => {
    const fromAl = await http.post('/api/exchange/items', alContact.headers, requestInput(desks.alCp, [desks.rsBorder], { kind: 'information', accessibility: null, crimeArea: 'drugs' }));
    expect(fromAl.json().item.release).toBe('released');
    const before = await count('select count(*)::int as n from exchange_items');
    const reply = await http.post(`/api/exchange/items/${fromAl.json().item.id}/replies`, rsOfficer.headers, { senderDeskId: desks.rsBorder, subject: 'Re: direct', bodyHtml: '<p>x</p>', marking: amberBetween('RS', 'AL'), handling: { code: 'H0' }, evaluation });
    expect(reply.statusCode).toBe(422);
    expect(reply.json().detail).toMatch(/pass through RS police cooperation/);
    expect(await count('select count(*)::int as n from exchange_items')).toBe(before);
  });

  it('refuses a recipient desk that does not exist or is inactive', async () => {
    for (const [deskId, message] of [['00000000-0000-4000-8000-000000000000', /does not exist/], [desks.alCustoms, /inactive/]] as const) {
      const response = await http.post('/api/exchange/items', rsOfficer.headers, requestInput(desks.rsBorder, [deskId], { crimeArea: 'drugs' }));
      expect(response.statusCode).toBe(422);
      expect(JSON.stringify(response.json().errors)).toMatch(message);
    }
  });

  it('leaves no trace for a user of a third economy', async () => {
    const list = (await http.get('/api/exchange/items?box=all', meOfficer.headers)).json();
    expect(list.total).toBe(0);
    expect(list.counts).toEqual({ unread: 0, dueSoon: 0, overdue: 0, awaitingApproval: 0 });
    expect((await http.get(`/api/exchange/items/${id}`, meOfficer.headers)).statusCode).toBe(404);
  });
});

describe('release approval levels per economy', () => {
  it('follow the economy’s level and who may approve, and then the contact point', async () => {
    expect((await applySettings('RS', rsRules({ classification: 'RESTRICTED', tlp: null, approverScope: 'economy' }))).statusCode).toBe(200);
    const sent = await http.post('/api/exchange/items', rsOfficer.headers, requestInput(desks.rsBorder, [desks.alCp], { crimeArea: 'drugs' }));
    const id = sent.json().item.id;
    expect(sent.json().item.release).toBe('awaiting_approval');
    expect((await http.post('/api/exchange/recipients', rsOfficer.headers, { senderDeskId: desks.rsBorder, recipientDeskIds: [desks.alCp], marking: amberBetween('RS', 'AL') })).json().needsApproval).toBe(true);
    // Economy scope: a contact point of another Serbian organisation sees it waiting; the Albanian one does not.
    expect((await http.get('/api/exchange/items?box=approvals', rsContact.headers)).json().counts.awaitingApproval).toBe(1);
    expect((await http.get(`/api/exchange/items/${id}`, alContact.headers)).statusCode).toBe(404);
    const approved = await http.post(`/api/exchange/items/${id}/approval`, rsContact.headers, {});
    expect(approved.statusCode).toBe(200);
    expect(approved.json().item).toMatchObject({ release: 'awaiting_routing', deadline: null });
    expect((await http.get(`/api/exchange/items/${id}`, alContact.headers)).statusCode).toBe(404);
    expect((await http.post(`/api/exchange/items/${id}/routing`, rsContact.headers, { decision: 'forward' })).json().item.release).toBe('released');

    expect((await applySettings('RS', rsRules({ classification: 'CONFIDENTIAL', tlp: 'RED', approverScope: 'organisation' }))).statusCode).toBe(200);
    const confidential = await http.post('/api/exchange/items', rsContact.headers, requestInput(desks.rsCp, [desks.alCp], { marking: { ...amberBetween('RS', 'AL'), classification: 'CONFIDENTIAL' } }));
    expect(confidential.json().item.release).toBe('awaiting_approval');
    // Organisation scope: the contact point of the other Serbian organisation may not approve.
    expect((await http.post(`/api/exchange/items/${confidential.json().item.id}/approval`, rsContact2.headers, {})).statusCode).toBe(404);
  });
});

describe('acknowledging a retraction', () => {
  it('is idempotent, also twice at the same time', async () => {
    const sent = await http.post('/api/exchange/items', rsContact.headers, requestInput(desks.rsCp, [desks.alCp], { kind: 'information', accessibility: null }));
    const retraction = await http.post(`/api/exchange/items/${sent.json().item.id}/retraction`, rsContact.headers, { reason: 'Sent in error.' });
    const retractionId = retraction.json().item.id;
    const [first, second] = await Promise.all([
      http.post(`/api/exchange/items/${retractionId}/acknowledgement`, alContact.headers, {}),
      http.post(`/api/exchange/items/${retractionId}/acknowledgement`, alContact.headers, {}),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(second.json().item.acknowledgedBy).toHaveLength(1);
    expect(await count(`select count(*)::int as n from exchange_events where item_id = '${retractionId}' and kind = 'acknowledgement'`)).toBe(1);
    expect(await count(`select count(*)::int as n from audit_events where action = 'exchange.item.acknowledge' and record_id = '${retractionId}'`)).toBe(1);
  });
});

describe('a settings change that widens who reads', () => {
  const approve = (headers: Headers) => test.app.inject({ method: 'POST', url: '/api/exchange/settings/RS/proposal/approval', headers });
  const reject = (headers: Headers) => test.app.inject({ method: 'POST', url: '/api/exchange/settings/RS/proposal/rejection', headers });
  const current = async () => (await http.get('/api/exchange/settings/RS', rsAdmin.headers)).json();

  it('waits for a second person, never the proposer nor one whose desk it opens, and is audited', async () => {
    const before = await current();
    expect(before.pending).toBeNull();
    expect(before.abilities.update).toBe(true);
    expect(before.choices.desks.map((desk: { id: string }) => desk.id)).toContain(desks.rsBorder);
    // The contact point proposes another contact desk: its members would read what is routed.
    const proposed = await put('/api/exchange/settings/RS', rsContact.headers, { ...rsRules(), contactDeskId: desks.rsBorder });
    expect(proposed.statusCode).toBe(202);
    expect(proposed.json()).toMatchObject({ contactDesk: { id: desks.rsCp }, pending: { widens: ['contactDeskId'], contactDesk: { id: desks.rsBorder }, proposedBy: { id: rsContact.user.id } } });
    expect(proposed.json().pending.abilities.approve).toBe(false);
    expect((await put('/api/exchange/settings/RS', rsAdmin.headers, { ...rsRules(), contactDeskId: desks.rsCp })).statusCode).toBe(409);
    const own = await approve(rsContact.headers);
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toMatch(/second person/);
    expect((await approve(alAdmin.headers)).statusCode).toBe(403);
    expect((await http.get('/api/exchange/settings/RS', alAdmin.headers)).statusCode).toBe(403);
    expect((await current()).contactDesk.id).toBe(desks.rsCp);
    // A regional administrator decides for every economy.
    expect((await http.get('/api/exchange/settings/RS', regAdmin.headers)).json().pending.abilities.approve).toBe(true);
    const approved = await approve(regAdmin.headers);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ contactDesk: { id: desks.rsBorder }, contactDeskChosen: true, pending: null });
    expect((await approve(regAdmin.headers)).statusCode).toBe(409);
    const events = await test.deps.db.select().from(auditEvents).where(and(eq(auditEvents.recordId, 'RS'), sql`${auditEvents.action} in ('exchange.settings.propose', 'exchange.settings.approve')`)).orderBy(asc(auditEvents.seq));
    expect(events.slice(-2).map((event) => [event.action, event.actorUserId])).toEqual([['exchange.settings.propose', rsContact.user.id], ['exchange.settings.approve', regAdmin.user.id]]);
    expect(events.at(-1)!.details).toMatchObject({ proposedBy: rsContact.user.id, approvedBy: regAdmin.user.id });
  });

  it('refuses a contact point of the economy when it lets contact points read more, and applies a narrowing change at once', async () => {
    // A lower approval threshold lets approvers read more items: the other Serbian contact point gains, an administrator decides.
    expect((await put('/api/exchange/settings/RS', rsAdmin.headers, { ...rsRules({ classification: 'RESTRICTED', tlp: 'RED', approverScope: 'organisation' }), contactDeskId: desks.rsBorder })).statusCode).toBe(202);
    const refused = await approve(rsContact2.headers);
    expect(refused.statusCode).toBe(403);
    expect((await current()).approval.classification).toBe('CONFIDENTIAL');
    const withdrawn = await reject(rsAdmin.headers);
    expect(withdrawn.json().pending).toBeNull();
    expect((await current()).approval.classification).toBe('CONFIDENTIAL');
    // Going direct narrows: applied at once.
    const narrowed = await put('/api/exchange/settings/RS', rsContact.headers, { contactDeskId: desks.rsBorder, approval: defaults, rules: [{ crimeArea: '*', mode: 'direct' }] });
    expect(narrowed.statusCode).toBe(200);
    expect(narrowed.json()).toMatchObject({ rules: [{ crimeArea: '*', mode: 'direct' }], pending: null });
  });
});
