import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/migrate';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';
import { type Headers, amberBetween, client, evaluation, requestInput } from './exchange-test-helpers';

let test: TestApp;
let http: ReturnType<typeof client>;
let now = new Date('2026-03-02T08:00:00Z');
const hour = 3_600_000;
const minute = 60_000;

const desks = { rs: '', al: '', hr: '', empty: '' };
type Person = { headers: Headers; user: { id: string } };
let rsContact: Person;
let rsApprover: Person;
let alContact: Person;

async function countRows(table: string): Promise<number> {
  return rowsOf<{ n: number }>(await test.deps.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
}

beforeAll(async () => {
  test = await buildTestApp({ clock: () => now });
  http = client(test);
  const { deps } = test;
  desks.rs = (await buildDesk(deps, { economy: 'RS', area: 'police_cooperation' })).id;
  desks.al = (await buildDesk(deps, { economy: 'AL', area: 'police_cooperation' })).id;
  desks.hr = (await buildDesk(deps, { economy: 'HR', area: 'police_cooperation' })).id;
  desks.empty = (await buildDesk(deps, { economy: 'ME', area: 'police_cooperation' })).id;
  const rsPolice = await buildOrganisation(deps, { economy: 'RS' });
  rsContact = await signedInUser(deps, { organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.rs] });
  rsApprover = await signedInUser(deps, { organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL' });
  alContact = await signedInUser(deps, { economy: 'AL', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.al] });
  await signedInUser(deps, { economy: 'HR', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.hr] });
});

afterAll(async () => {
  await test?.close();
});

describe('recipients before sending', () => {
  it('shows the exact desks and how many people can read under the marking', async () => {
    const response = await http.post('/api/exchange/recipients', rsContact.headers, { senderDeskId: desks.rs, recipientDeskIds: [desks.al], marking: amberBetween('RS', 'AL') });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ desks: [{ id: desks.al, readers: 1 }], readers: 2, problems: [], needsApproval: false });
  });

  it('names a recipient desk that could not read under the marking', async () => {
    const response = await http.post('/api/exchange/recipients', rsContact.headers, { senderDeskId: desks.rs, recipientDeskIds: [desks.al], marking: amberBetween('RS') });
    expect(response.json().problems).toEqual([{ path: 'recipientDeskIds.0', message: expect.stringMatching(/nobody at .* may read/) }]);
    expect(response.json().desks[0].readers).toBe(0);
  });
});

describe('sending', () => {
  it('refuses bad input with a clear problem and writes nothing', async () => {
    const before = await countRows('exchange_items');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ recipientDeskIds: ['00000000-0000-4000-8000-000000000000'] }, /does not exist/],
      [{ recipientDeskIds: [desks.empty], marking: amberBetween('RS', 'ME') }, /inactive/],
      [{ senderDeskId: desks.al }, /not one of your desks/],
      [{ marking: amberBetween('RS') }, /may read/],
      [{ recipientDeskIds: [desks.al, desks.hr], marking: amberBetween('RS', 'AL', 'HR') }, /exactly one desk/],
      [{ handling: { code: 'H3' } }, /restrictions/],
      [{ accessibility: null }, /directly or indirectly/],
      [{ bodyHtml: '<script>only a script</script>' }, /body is empty/],
    ];
    for (const [override, message] of cases) {
      const response = await http.post('/api/exchange/items', rsContact.headers, requestInput(desks.rs, [desks.al], override));
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(response.json().errors)).toMatch(message);
    }
    const control = await http.post('/api/exchange/items', rsContact.headers, requestInput(desks.rs, [desks.al], { subject: 'Bad\u0007subject' }));
    expect(control.statusCode).toBe(422);
    expect(control.json().detail).toMatch(/control characters/i);
    const restricted = await signedInUser(test.deps, { economy: 'RS', roles: ['officer'], clearance: 'RESTRICTED', deskIds: [desks.rs] });
    const aboveClearance = await http.post('/api/exchange/items', restricted.headers, requestInput(desks.rs, [desks.al], { marking: { ...amberBetween('RS', 'AL'), classification: 'CONFIDENTIAL' } }));
    expect(aboveClearance.statusCode).toBe(422);
    expect(aboveClearance.json().errors).toContainEqual({ path: 'marking.classification', message: 'above your clearance' });
    expect(await countRows('exchange_items')).toBe(before);
  });

  it('sends a request with a sanitised body and a seven-day deadline from delivery', async () => {
    const response = await http.post('/api/exchange/items', rsContact.headers, requestInput(desks.rs, [desks.al]));
    expect(response.statusCode).toBe(201);
    const { item } = response.json();
    expect(item).toMatchObject({ kind: 'information_request', state: 'sent', release: 'released', recipientDesks: [{ id: desks.al }] });
    expect(item.bodyHtml).toBe('<p>Please tell us who holds the registration.</p>');
    expect(item.reference).toMatch(/^EX-RS-[0-9A-Z]{10}$/);
    expect(item.deadline.dueAt).toBe(new Date(now.getTime() + 7 * 24 * hour).toISOString());
  });
});

describe('a request through its states', () => {
  let id: string;
  beforeAll(async () => {
    const response = await http.post('/api/exchange/items', rsContact.headers, requestInput(desks.rs, [desks.al], { urgency: 'urgent', subject: 'Urgent check of plate BG 123-AA' }));
    id = response.json().item.id;
  });

  it('is received when the receiving desk opens it; the read is audited and shown to the sender', async () => {
    const read = await http.get(`/api/exchange/items/${id}`, alContact.headers);
    expect(read.statusCode).toBe(200);
    expect(read.json().item.state).toBe('received');
    expect(read.json().item.readers).toBeNull();
    expect(read.json().item.transitions).toEqual(expect.arrayContaining(['accept', 'request_clarification', 'answer', 'refuse']));
    const audit = rowsOf<{ actor_user_id: string; subject_economy: string }>(
      await test.deps.db.execute(sql`select actor_user_id, subject_economy from audit_events where action = 'exchange.item.read' and record_id = ${id}`),
    );
    expect(audit).toEqual([{ actor_user_id: alContact.user.id, subject_economy: 'RS' }]);
    const sender = await http.get(`/api/exchange/items/${id}`, rsContact.headers);
    expect(sender.json().item.readers.map((reader: { desk: string }) => reader.desk)).toContain(`AL police_cooperation desk`);
    expect(sender.json().item.transitions).toEqual(['withdraw']);
  });

  it('suspends the clock during clarification and moves the deadline by the pause', async () => {
    const dueBefore = (await http.get(`/api/exchange/items/${id}`, alContact.headers)).json().item.deadline.dueAt;
    const asked = await http.post(`/api/exchange/items/${id}/transitions`, alContact.headers, { transition: 'request_clarification', note: 'Which vehicle identification number?' });
    expect(asked.json().item).toMatchObject({ state: 'clarification_requested', deadline: { paused: true, overdue: false, dueSoon: false } });
    now = new Date(now.getTime() + 20 * minute);
    const given = await http.post(`/api/exchange/items/${id}/transitions`, rsContact.headers, { transition: 'provide_clarification', note: 'VIN VF1RFB00860520813' });
    expect(given.json().item.state).toBe('received');
    expect(given.json().item.deadline.dueAt).toBe(new Date(new Date(dueBefore).getTime() + 20 * minute).toISOString());
    expect(given.json().item.events.map((event: { toState: string }) => event.toState)).toEqual(['received', 'clarification_requested', 'received']);
  });

  it('refuses a transition from the wrong side, without a note, or out of order', async () => {
    expect((await http.post(`/api/exchange/items/${id}/transitions`, rsContact.headers, { transition: 'answer', note: 'x' })).statusCode).toBe(403);
    expect((await http.post(`/api/exchange/items/${id}/transitions`, alContact.headers, { transition: 'answer', note: '' })).statusCode).toBe(422);
    expect((await http.post(`/api/exchange/items/${id}/transitions`, alContact.headers, { transition: 'refuse', note: 'no' })).statusCode).toBe(422);
    expect((await http.post(`/api/exchange/items/${id}/transitions`, alContact.headers, { transition: 'answer', note: 'Held by a leasing company.' })).json().item.state).toBe('answered');
    const again = await http.post(`/api/exchange/items/${id}/transitions`, rsContact.headers, { transition: 'withdraw', note: 'No longer needed.' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/answered cannot be changed/);
  });

  it('keeps a reply within the parent’s marking, and threads it', async () => {
    const wider = await http.post(`/api/exchange/items/${id}/replies`, alContact.headers, { senderDeskId: desks.al, subject: 'Follow-up', bodyHtml: '<p>More.</p>', marking: { classification: 'RESTRICTED', tlp: 'GREEN' }, handling: { code: 'H0' }, evaluation });
    expect(wider.statusCode).toBe(422);
    expect(wider.json().detail).toMatch(/wider than/);
    const reply = await http.post(`/api/exchange/items/${id}/replies`, alContact.headers, { senderDeskId: desks.al, subject: 'Follow-up', bodyHtml: '<p>The leasing company is in Tirana.</p>', marking: { ...amberBetween('RS', 'AL'), classification: 'RESTRICTED' }, handling: { code: 'H2' }, evaluation });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().thread.map((item: { id: string }) => item.id)).toEqual([id, reply.json().item.id]);
    expect(reply.json().item.recipientDesks.map((desk: { id: string }) => desk.id)).toEqual([desks.rs]);
  });
});

describe('forwarding', () => {
  it('carries the item to another desk within the parent’s marking, and honours originator control', async () => {
    const sent = await http.post('/api/exchange/items', rsContact.headers, requestInput(desks.rs, [desks.al], { kind: 'information', accessibility: null, subject: 'Route of the convoy', marking: amberBetween('RS', 'AL', 'HR') }));
    const id = sent.json().item.id;
    const wider = await http.post(`/api/exchange/items/${id}/forwards`, alContact.headers, { senderDeskId: desks.al, recipientDeskIds: [desks.hr], marking: amberBetween('RS', 'AL', 'HR', 'ME') });
    expect(wider.statusCode).toBe(422);
    const notMine = await http.post(`/api/exchange/items/${id}/forwards`, rsContact.headers, { senderDeskId: desks.rs, recipientDeskIds: [desks.hr], marking: amberBetween('RS', 'AL', 'HR') });
    expect(notMine.statusCode).toBe(422);
    expect(notMine.json().errors).toEqual([{ path: 'senderDeskId', message: 'not one of your desks on this item' }]);
    const forwarded = await http.post(`/api/exchange/items/${id}/forwards`, alContact.headers, { senderDeskId: desks.al, recipientDeskIds: [desks.hr], note: 'For your border crossing.', marking: amberBetween('AL', 'HR') });
    expect(forwarded.statusCode).toBe(201);
    expect(forwarded.json().item).toMatchObject({ subject: 'Route of the convoy', forwardNote: 'For your border crossing.', recipientDesks: [{ id: desks.hr }], parentId: id });
    const controlled = await http.post('/api/exchange/items', rsContact.headers, requestInput(desks.rs, [desks.al], { kind: 'information', accessibility: null, subject: 'Source-protected lead', marking: { ...amberBetween('RS', 'AL', 'HR'), originatorControl: true } }));
    const refused = await http.post(`/api/exchange/items/${controlled.json().item.id}/forwards`, alContact.headers, { senderDeskId: desks.al, recipientDeskIds: [desks.hr], marking: { ...amberBetween('AL', 'HR'), originatorControl: true } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/originator controls onward sharing/);
  });
});

describe('release approval', () => {
  let id: string;
  it('holds a CONFIDENTIAL item until a second contact point of the organisation approves, never the author', async () => {
    const sent = await http.post('/api/exchange/items', rsContact.headers, requestInput(desks.rs, [desks.al], { subject: 'Confidential source report', marking: { ...amberBetween('RS', 'AL'), classification: 'CONFIDENTIAL' } }));
    id = sent.json().item.id;
    expect(sent.json().item).toMatchObject({ release: 'awaiting_approval', deadline: null });
    expect((await http.get(`/api/exchange/items/${id}`, alContact.headers)).statusCode).toBe(404);
    const own = await http.post(`/api/exchange/items/${id}/approval`, rsContact.headers, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toMatch(/cannot approve/);
    const approvals = await http.get('/api/exchange/items?box=approvals', rsApprover.headers);
    expect(approvals.json()).toMatchObject({ total: 1, counts: { awaitingApproval: 1 } });
    const approved = await http.post(`/api/exchange/items/${id}/approval`, rsApprover.headers, {});
    expect(approved.json().item).toMatchObject({ release: 'released', state: 'sent' });
    expect((await http.post(`/api/exchange/items/${id}/approval`, rsApprover.headers, {})).statusCode).toBe(409);
    expect((await http.get(`/api/exchange/items/${id}`, alContact.headers)).statusCode).toBe(200);
  });
});

describe('retraction', () => {
  it('reaches every recipient desk, hides the content from them, and is acknowledged once per desk', async () => {
    const sent = await http.post('/api/exchange/items', rsContact.headers, requestInput(desks.rs, [desks.al], { kind: 'information', accessibility: null, subject: 'Sighting of Ђорђевић near Shkodër' }));
    const id = sent.json().item.id;
    expect((await http.get('/api/exchange/items?q=Djordjevic', alContact.headers)).json().total).toBe(1);
    const retracted = await http.post(`/api/exchange/items/${id}/retraction`, rsContact.headers, { reason: 'Wrong person identified.' });
    expect(retracted.statusCode).toBe(201);
    const retractionId = retracted.json().item.id;
    expect((await http.post(`/api/exchange/items/${id}/retraction`, rsContact.headers, { reason: 'Again.' })).statusCode).toBe(409);
    const seen = await http.get(`/api/exchange/items/${id}`, alContact.headers);
    expect(seen.json().item).toMatchObject({ retracted: true, subject: null, bodyHtml: null });
    expect((await http.get('/api/exchange/items?q=Djordjevic', alContact.headers)).json().total).toBe(0);
    expect((await http.post(`/api/exchange/items/${id}/replies`, alContact.headers, { senderDeskId: desks.al, subject: 'Re: sighting', bodyHtml: '<p>x</p>', marking: amberBetween('RS', 'AL'), handling: { code: 'H0' }, evaluation })).statusCode).toBe(409);
    expect((await http.post(`/api/exchange/items/${retractionId}/acknowledgement`, alContact.headers, {})).statusCode).toBe(200);
    // Acknowledging again is idempotent (routing.test.ts tries two at once).
    const twice = await http.post(`/api/exchange/items/${retractionId}/acknowledgement`, alContact.headers, {});
    expect(twice.statusCode).toBe(200);
    expect(twice.json().item.acknowledgedBy).toHaveLength(1);
    const sender = await http.get(`/api/exchange/items/${retractionId}`, rsContact.headers);
    expect(sender.json().item.acknowledgedBy).toEqual([expect.objectContaining({ desk: expect.objectContaining({ id: desks.al }) })]);
    expect(sender.json().thread.find((item: { id: string }) => item.id === id).subject).toBe('Sighting of Ђорђевић near Shkodër');
  });
});

describe('the inbox', () => {
  it('counts, facets and searches across scripts over what the desk may read', async () => {
    await http.post('/api/exchange/items', rsContact.headers, requestInput(desks.rs, [desks.al], { kind: 'information', accessibility: null, crimeArea: 'drugs', subject: 'Шверцер Đorđe Petrović at the port' }));
    const inbox = (await http.get(`/api/exchange/items?deskId=${desks.al}&q=djordje%20petrovic`, alContact.headers)).json();
    expect(inbox.total).toBe(1);
    expect(inbox.facets.crimeArea).toEqual([{ value: 'drugs', count: 1 }]);
    const unread = (await http.get('/api/exchange/items?flag=unread', alContact.headers)).json();
    expect(unread.counts.unread).toBe(unread.total);
    expect(unread.total).toBeGreaterThan(0);
    expect((await http.get(`/api/exchange/items?deskId=${desks.rs}`, alContact.headers)).statusCode).toBe(422);
  });
});
