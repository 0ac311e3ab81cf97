import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/migrate';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink';
import { type Headers, client } from './exchange-test-helpers';
import { runHotlineEscalation } from './hotline.escalation';
import { type SseStream, openSse } from './hotline.sse-client';

let test: TestApp;
let sink: SmtpSink;
let http: ReturnType<typeof client>;
let base = '';
let now = new Date('2026-03-02T08:00:00Z');
const streams: SseStream[] = [];

const desks = { rs: '', al: '', alDuty: '', hr: '', me: '' };
type Person = { headers: Headers; user: { id: string; email: string } };
let rsContact: Person;
let alContact: Person;
let alLowClearance: Person;
let alDutyOfficer: Person;
let hrContact: Person;
let meContact: Person;

const amber = (...economies: string[]) => ({ classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: economies });
const alertInput = (recipientDeskIds: string[], overrides: Record<string, unknown> = {}) => ({
  senderDeskId: desks.rs,
  target: { deskIds: recipientDeskIds },
  kind: 'wanted_person_crossed_border',
  subject: 'Wanted person crossed at Preševo',
  body: 'Grey Škoda, two passengers, heading south.',
  marking: amber('RS', 'AL', 'HR'),
  ...overrides,
});

async function count(table: string, where = 'true'): Promise<number> {
  return rowsOf<{ n: number }>(await test.deps.db.execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`)))[0]!.n;
}

async function stream(person: Person, lastEventId?: string): Promise<SseStream> {
  const opened = await openSse(`${base}/api/hotline/stream`, { cookie: person.headers.cookie, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) });
  streams.push(opened);
  return opened;
}

async function send(overrides: Record<string, unknown> = {}, recipients = [desks.al]) {
  const response = await http.post('/api/hotline/alerts', rsContact.headers, alertInput(recipients, overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; reference: string };
}

beforeAll(async () => {
  sink = await startSmtpSink();
  test = await buildTestApp({ clock: () => now }, { SMTP_URL: sink.url, HOTLINE_ESCALATE_AFTER_SECONDS: '60', PUBLIC_URL: 'https://mosaic.example.org' });
  http = client(test);
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  const address = test.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const { deps } = test;
  desks.rs = (await buildDesk(deps, { economy: 'RS', area: 'wanted_persons' })).id;
  desks.al = (await buildDesk(deps, { economy: 'AL', area: 'wanted_persons' })).id;
  desks.alDuty = (await buildDesk(deps, { economy: 'AL', area: 'police_cooperation' })).id;
  desks.hr = (await buildDesk(deps, { economy: 'HR', area: 'wanted_persons' })).id;
  desks.me = (await buildDesk(deps, { economy: 'ME', area: 'wanted_persons' })).id;
  const rsPolice = await buildOrganisation(deps, { economy: 'RS' });
  const alPolice = await buildOrganisation(deps, { economy: 'AL' });
  rsContact = await signedInUser(deps, { organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.rs] });
  alContact = await signedInUser(deps, { organisationId: alPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.al] });
  alLowClearance = await signedInUser(deps, { organisationId: alPolice.id, roles: ['officer'], clearance: 'RESTRICTED', deskIds: [desks.al] });
  alDutyOfficer = await signedInUser(deps, { organisationId: alPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.alDuty] });
  hrContact = await signedInUser(deps, { economy: 'HR', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.hr] });
  meContact = await signedInUser(deps, { economy: 'ME', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.me] });
});

afterEach(() => {
  for (const opened of streams.splice(0)) opened.close();
});

afterAll(async () => {
  // A keep-alive socket of the test's fetch client outlives the streams on the PostgreSQL run.
  test?.app.server.closeAllConnections();
  await test?.close();
  await sink?.close();
});

describe('recipients before sending', () => {
  it('counts exactly the people of the desks who may read under the marking', async () => {
    const restricted = await http.post('/api/hotline/recipients', rsContact.headers, { senderDeskId: desks.rs, target: { deskIds: [desks.al] }, marking: amber('RS', 'AL') });
    expect(restricted.json()).toMatchObject({ desks: [{ id: desks.al, readers: 2 }], readers: 3, problems: [] });
    const confidential = await http.post('/api/hotline/recipients', rsContact.headers, { senderDeskId: desks.rs, target: { deskIds: [desks.al] }, marking: { ...amber('RS', 'AL'), classification: 'CONFIDENTIAL' } });
    expect(confidential.json()).toMatchObject({ desks: [{ id: desks.al, readers: 1 }], readers: 2, problems: [] });
  });

  it('resolves an area to its active desks, without the sending desk', async () => {
    const response = await http.post('/api/hotline/recipients', rsContact.headers, { senderDeskId: desks.rs, target: { area: 'wanted_persons' }, marking: amber('RS', 'AL', 'HR', 'ME') });
    expect(response.json().desks.map((desk: { id: string }) => desk.id).sort()).toEqual([desks.al, desks.hr, desks.me].sort());
  });
});

describe('bad input', () => {
  it('refuses with a clear problem and writes nothing', async () => {
    const before = await Promise.all(['hotline_alerts', 'hotline_deliveries', 'hotline_feed'].map((table) => count(table)));
    const cases: [Person, Record<string, unknown>, number, RegExp][] = [
      [rsContact, alertInput(['00000000-0000-4000-8000-000000000000']), 422, /does not exist/],
      [rsContact, alertInput([desks.al], { marking: amber('RS') }), 422, /nobody at .* may read/],
      [rsContact, alertInput([desks.al], { senderDeskId: desks.hr }), 422, /not one of your desks/],
      [rsContact, alertInput([desks.al], { subject: 'two\nlines' }), 422, /one line/],
      [rsContact, alertInput([desks.al], { kind: 'rumour' }), 400, /.*/],
      [rsContact, alertInput([desks.al], { crimeArea: 'no-such-topic' }), 422, /crime area/],
    ];
    for (const [person, payload, status, message] of cases) {
      const response = await http.post('/api/hotline/alerts', person.headers, payload);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(response.json())).toMatch(message);
    }
    expect(await Promise.all(['hotline_alerts', 'hotline_deliveries', 'hotline_feed'].map((table) => count(table)))).toEqual(before);
  });
});

describe('live delivery', () => {
  it('reaches the receiving desk live, in order, and the sender sees it delivered', async () => {
    const receiver = await stream(alContact);
    const sender = await stream(rsContact);
    const alert = await send();
    const [event] = await receiver.take(1);
    const data = JSON.parse(event!.data);
    expect(data).toMatchObject({ type: 'alert', alert: { id: alert.id, body: 'Grey Škoda, two passengers, heading south.', received: true, acknowledgeDeskIds: [desks.al] } });
    expect(event!.id).toMatch(/^\d+-[0-9a-f]{12}$/);
    // The sender's stream: the alert itself, then the desk's first live delivery.
    const updates = await sender.take(2);
    const last = JSON.parse(updates[1]!.data);
    expect(last.alert.deliveries).toEqual([expect.objectContaining({ desk: expect.objectContaining({ id: desks.al }), deliveredAt: expect.any(String), acknowledgedAt: null })]);
    expect(await count('audit_events', `action = 'hotline.alert.deliver' and record_id = '${alert.id}'`)).toBe(1);
  });

  it('catches up after Last-Event-ID: nothing missed, nothing twice', async () => {
    const first = await stream(alContact);
    await send({ subject: 'Catch-up one' });
    const [seen] = await first.take(1);
    first.close();
    await send({ subject: 'Catch-up two' });
    await send({ subject: 'Catch-up three' });
    const again = await stream(alContact, seen!.id!);
    const events = await again.take(2);
    expect(events.map((event) => JSON.parse(event.data).alert.subject)).toEqual(['Catch-up two', 'Catch-up three']);
    const seqs = [seen!, ...events].map((event) => Number(event.id!.split('-')[0]));
    expect(seqs[1]).toBeGreaterThan(seqs[0]!);
    expect(seqs[2]).toBeGreaterThan(seqs[1]!);
    await send({ subject: 'Catch-up four' });
    const [next] = await again.take(1);
    expect(JSON.parse(next!.data).alert.subject).toBe('Catch-up four');
    expect(again.received.filter((event) => event.id === seen!.id)).toHaveLength(0);
  });

  it('answers a forged or foreign Last-Event-ID with a problem and writes nothing', async () => {
    const mine = await stream(rsContact);
    await send({ subject: 'For an id' }, [desks.hr]);
    const [event] = await mine.take(1);
    const written = async () => [
      await count('hotline_feed_heads'),
      await count('hotline_feed', `user_id = '${alContact.user.id}'`),
      await count('audit_events', `actor_user_id in ('${alContact.user.id}', '${rsContact.user.id}') and action <> 'hotline.alert.deliver'`),
    ];
    const before = await written();
    const malformed = await stream(alContact, 'DROP TABLE');
    expect(malformed.status).toBe(400);
    expect(malformed.contentType).toMatch(/application\/problem\+json/);
    const foreign = await stream(alContact, event!.id!);
    expect(foreign.status).toBe(404);
    const beyond = await stream(rsContact, `${Number(event!.id!.split('-')[0]) + 1000}-${event!.id!.split('-')[1]}`);
    expect(beyond.status).toBe(404);
    expect(await written()).toEqual(before);
  });

  it('gives a user of another economy and a lower clearance no trace', async () => {
    const secret = await send({ subject: 'Confidential crossing', marking: { ...amber('RS', 'AL'), classification: 'CONFIDENTIAL' } });
    const outsider = await stream(meContact);
    const low = await stream(alLowClearance);
    for (const person of [meContact, alLowClearance, hrContact]) {
      expect((await http.get(`/api/hotline/alerts/${secret.id}`, person.headers)).statusCode).toBe(404);
      const list = (await http.get('/api/hotline/alerts', person.headers)).json();
      expect(list.items.map((item: { id: string }) => item.id)).not.toContain(secret.id);
      const ack = await http.post(`/api/hotline/alerts/${secret.id}/acknowledgement`, person.headers, { deskId: person === alLowClearance ? desks.al : desks.me });
      expect(ack.statusCode).toBe(404);
    }
    expect(await count('notifications', `record_id = '${secret.id}' and user_id in ('${meContact.user.id}', '${alLowClearance.user.id}')`)).toBe(0);
    // Their streams' first events are the next alerts they may read, never the secret one.
    const open = await send({ subject: 'Open to all three', marking: amber('RS', 'AL', 'ME') }, [desks.al, desks.me]);
    for (const opened of [outsider, low]) {
      const [first] = await opened.take(1);
      expect(JSON.parse(first!.data).alert.id).toBe(open.id);
    }
  });
});

describe('acknowledgement', () => {
  it('is once per desk, also under a concurrent duplicate', async () => {
    const alert = await send({ subject: 'Ack race' });
    const [one, two] = await Promise.all([0, 1].map(() => http.post(`/api/hotline/alerts/${alert.id}/acknowledgement`, alContact.headers, { deskId: desks.al })));
    expect([one!.statusCode, two!.statusCode]).toEqual([200, 200]);
    expect(one!.json().deliveries[0]).toMatchObject({ acknowledgedBy: expect.any(String), acknowledgedAt: expect.any(String) });
    expect(await count('audit_events', `action = 'hotline.alert.acknowledge' and record_id = '${alert.id}'`)).toBe(1);
    const sender = (await http.get(`/api/hotline/alerts/${alert.id}`, rsContact.headers)).json();
    expect(sender.deliveries).toEqual([expect.objectContaining({ acknowledgedAt: expect.any(String), seenAt: expect.any(String) })]);
  });

  it('refuses a desk that is not the user’s or did not receive it', async () => {
    const alert = await send({ subject: 'Forged desk' });
    expect((await http.post(`/api/hotline/alerts/${alert.id}/acknowledgement`, alContact.headers, { deskId: desks.hr })).statusCode).toBe(422);
    expect((await http.post(`/api/hotline/alerts/${alert.id}/acknowledgement`, alDutyOfficer.headers, { deskId: desks.alDuty })).statusCode).toBe(404);
    expect(await count('hotline_deliveries', `alert_id = '${alert.id}' and acknowledged_at is not null`)).toBe(0);
  });
});

describe('escalation ladder', () => {
  it('climbs members, duty desk, e-mail for a desk that does not acknowledge', async () => {
    const alert = await send({ subject: 'Nobody answers' });
    // Earlier unacknowledged alerts of this file escalate too; count only this one's steps.
    const steps = async () =>
      rowsOf<{ step: string; outcome: string; reached: number }>(await test.deps.db.execute(sql`select step, outcome, reached from hotline_escalations where alert_id = ${alert.id} order by at, step`));
    await runHotlineEscalation(test.deps);
    expect(await steps()).toEqual([]);
    now = new Date(now.getTime() + 61_000);
    await runHotlineEscalation(test.deps);
    expect(await steps()).toEqual([{ step: 'members', outcome: 'done', reached: 2 }]);
    expect(await count('notifications', `kind = 'hotline.escalation' and record_id = '${alert.id}'`)).toBe(2);
    now = new Date(now.getTime() + 60_000);
    await runHotlineEscalation(test.deps);
    expect((await steps()).map((step) => step.step)).toEqual(['members', 'duty_desk']);
    const duty = (await http.get(`/api/hotline/alerts/${alert.id}`, alDutyOfficer.headers)).json();
    expect(duty.acknowledgeDeskIds).toEqual([desks.alDuty]);
    now = new Date(now.getTime() + 60_000);
    await runHotlineEscalation(test.deps);
    expect((await steps()).map((step) => step.step)).toEqual(['members', 'duty_desk', 'email']);
    sink.messages.length = 0;
    await test.deps.mailer.deliverDue();
    const mails = sink.messages.filter((mail) => mail.to.includes(alContact.user.email) && mail.text.includes(alert.id));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Mosaic: an urgent alert waits for your desk');
    expect(mails[0]!.text).toContain(`https://mosaic.example.org/exchange/hotline?alert=${alert.id}`);
    expect(mails[0]!.text).not.toMatch(/Nobody answers|Škoda/);
    const view = (await http.get(`/api/hotline/alerts/${alert.id}`, rsContact.headers)).json();
    const addressed = view.deliveries.find((delivery: { via: string }) => delivery.via === 'addressed');
    expect(addressed.escalations.map((step: { step: string }) => step.step)).toEqual(['members', 'duty_desk', 'email']);
    const audited = rowsOf<{ step: string }>(await test.deps.db.execute(sql`select details->>'step' as step from audit_events where action = 'hotline.alert.escalate' and record_id = ${alert.id} order by seq`));
    expect(audited.map((row) => row.step)).toEqual(['members', 'duty_desk', 'email']);
    now = new Date(now.getTime() + 60_000);
    expect(await runHotlineEscalation(test.deps)).toBe(0);
  });
});
