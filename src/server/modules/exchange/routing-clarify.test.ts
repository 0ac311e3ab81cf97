import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/migrate';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink';
import { client, requestInput } from './exchange-test-helpers';

let test: TestApp;
let sink: SmtpSink;
let http: ReturnType<typeof client>;
const desks = { rsCp: '', rsBorder: '', alCp: '' };
type Session = Awaited<ReturnType<typeof signedInUser>>;
let rsContact: Session;
let rsOfficer: Session;
let alContact: Session;

const SUBJECT = 'Surveillance of a grey Škoda Octavia BG-777-ZZ';
const QUESTION = 'Which crossing will the car use?';
const ANSWER = 'Batrovci, Thursday early morning.';

const notices = async (userId: string) =>
  rowsOf<{ kind: string; title: string }>(await test.deps.db.execute(sql`select kind, title from notifications where user_id = ${userId} order by created_at, id`)).map((row) => row.kind);

async function mails() {
  await test.deps.mailer.deliverDue();
  return sink.messages;
}

beforeAll(async () => {
  sink = await startSmtpSink();
  test = await buildTestApp({}, { SMTP_URL: sink.url, PUBLIC_URL: 'https://mosaic.example.test' });
  http = client(test);
  const { deps } = test;
  desks.rsCp = (await buildDesk(deps, { economy: 'RS', area: 'police_cooperation', name: 'RS police cooperation' })).id;
  desks.rsBorder = (await buildDesk(deps, { economy: 'RS', area: 'border', name: 'RS border' })).id;
  desks.alCp = (await buildDesk(deps, { economy: 'AL', area: 'police_cooperation', name: 'AL police cooperation' })).id;
  const rsPolice = await buildOrganisation(deps, { economy: 'RS' });
  rsContact = await signedInUser(deps, { organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.rsCp], email: 'cp@rs.example.test' });
  rsOfficer = await signedInUser(deps, { organisationId: rsPolice.id, roles: ['officer'], deskIds: [desks.rsBorder], email: 'officer@rs.example.test' });
  alContact = await signedInUser(deps, { economy: 'AL', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.alCp], email: 'cp@al.example.test' });
  await deps.db.execute(sql`insert into exchange_routing_rules (economy_code, crime_area, mode) values ('RS', '*', 'via_contact_point')`);
});

afterAll(async () => {
  await test?.close();
  await sink?.close();
});

const send = async () => {
  const sent = await http.post('/api/exchange/items', rsOfficer.headers, requestInput(desks.rsBorder, [desks.alCp], { kind: 'police_cooperation_request', cooperationKind: 'cross_border_surveillance', subject: SUBJECT, marking: { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS', 'AL'] } }));
  expect(sent.json().item.release).toBe('awaiting_routing');
  return sent.json().item.id as string;
};

describe('the contact-point desk holding an item', () => {
  it('asks the sender a question; the sender answers; each side gets a notice and an e-mail that name no content', async () => {
    const id = await send();
    const routing = `/api/exchange/items/${id}/routing`;
    expect((await http.post(routing, rsContact.headers, { decision: 'clarify' })).statusCode).toBe(422);
    expect((await http.post(routing, rsOfficer.headers, { decision: 'clarify', note: QUESTION })).statusCode).toBe(403);
    expect((await http.post(routing, alContact.headers, { decision: 'clarify', note: QUESTION })).statusCode).toBe(404);
    const asked = await http.post(routing, rsContact.headers, { decision: 'clarify', note: QUESTION });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().item).toMatchObject({ release: 'awaiting_routing', deadline: null, route: { state: 'clarification_requested', note: QUESTION, answerable: false } });
    expect((await http.post(routing, rsContact.headers, { decision: 'clarify', note: QUESTION })).statusCode).toBe(409);
    expect(await notices(rsOfficer.user.id)).toContain('exchange.item.clarification');
    expect((await mails()).map((mail) => [mail.to[0], mail.subject])).toContainEqual(['officer@rs.example.test', 'Mosaic: a question for RS border']);

    const seen = (await http.get(`/api/exchange/items/${id}`, rsOfficer.headers)).json().item;
    expect(seen.route).toMatchObject({ state: 'clarification_requested', answerable: true });
    expect(seen.events).toEqual([expect.objectContaining({ kind: 'route_question', note: QUESTION })]);

    const answer = `/api/exchange/items/${id}/routing/answer`;
    expect((await http.post(answer, rsContact.headers, { note: ANSWER })).statusCode).toBe(403);
    expect((await http.post(answer, alContact.headers, { note: ANSWER })).statusCode).toBe(404);
    expect((await http.post(answer, rsOfficer.headers, { note: '' })).statusCode).toBe(400);
    const answered = await http.post(answer, rsOfficer.headers, { note: ANSWER });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().item.route).toMatchObject({ state: 'pending', answerable: false });
    expect((await http.post(answer, rsOfficer.headers, { note: ANSWER })).statusCode).toBe(409);
    expect(await notices(rsContact.user.id)).toContain('exchange.item.clarified');
    expect((await mails()).map((mail) => [mail.to[0], mail.subject])).toContainEqual(['cp@rs.example.test', 'Mosaic: an answer for RS police cooperation']);

    // Forwarded: the receiving desk never sees the exchange between the sender and its contact point.
    expect((await http.post(routing, rsContact.headers, { decision: 'forward' })).statusCode).toBe(200);
    const received = (await http.get(`/api/exchange/items/${id}`, alContact.headers)).json().item;
    expect(received.events.map((event: { kind: string }) => event.kind)).toEqual(['transition']);
    expect((await http.get(`/api/exchange/items/${id}`, rsOfficer.headers)).json().item.events.map((event: { kind: string }) => event.kind)).toEqual(['route_question', 'route_answer', 'transition']);
    const events = rowsOf<{ action: string; details: Record<string, unknown> }>(await test.deps.db.execute(sql`select action, details from audit_events where record_id = ${id} and action in ('exchange.item.route', 'exchange.item.route_answer') order by seq`));
    expect(events.map((event) => event.action)).toEqual(['exchange.item.route', 'exchange.item.route_answer', 'exchange.item.route']);
    expect(JSON.stringify(events)).not.toContain('Batrovci');
    const everything = JSON.stringify(await mails());
    for (const marked of ['Škoda', 'BG-777', QUESTION, ANSWER, 'Batrovci']) expect(everything).not.toContain(marked);
  });

  it('tells the sender when it returns the item, and so does an approver who returns one', async () => {
    const id = await send();
    expect((await http.post(`/api/exchange/items/${id}/routing`, rsContact.headers, { decision: 'return', note: 'Add the plates of the second car.' })).statusCode).toBe(200);
    expect((await notices(rsOfficer.user.id)).filter((kind) => kind === 'exchange.item.returned')).toHaveLength(1);
    expect((await mails()).filter((mail) => mail.to[0] === 'officer@rs.example.test' && mail.subject === 'Mosaic: an item was returned to RS border')).toHaveLength(1);

    const confidential = await http.post('/api/exchange/items', rsOfficer.headers, requestInput(desks.rsBorder, [desks.alCp], { marking: { classification: 'CONFIDENTIAL', tlp: 'AMBER', releasableEconomies: ['RS', 'AL'] } }));
    expect(confidential.statusCode).toBe(422);
    const red = await http.post('/api/exchange/items', rsOfficer.headers, requestInput(desks.rsBorder, [desks.alCp], { marking: { classification: 'RESTRICTED', tlp: 'RED', releasableEconomies: [], releasableOrganisations: [rsOfficer.user.organisationId, alContact.user.organisationId] } }));
    expect(red.json().item.release).toBe('awaiting_approval');
    expect((await http.post(`/api/exchange/items/${red.json().item.id}/return`, rsContact.headers, { reason: 'Not for TLP:RED.' })).statusCode).toBe(200);
    expect((await notices(rsOfficer.user.id)).filter((kind) => kind === 'exchange.item.returned')).toHaveLength(2);
  });
});
