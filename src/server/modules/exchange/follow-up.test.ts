import { sql } from 'drizzle-orm';
import { getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/migrate';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';
import { type Headers, amberBetween, client, requestInput } from './exchange-test-helpers';

type Session = Awaited<ReturnType<typeof signedInUser>>;

let test: TestApp;
let http: ReturnType<typeof client>;
const now = new Date('2026-03-02T08:00:00Z');
const desks = { rsWanted: '', rsCooperation: '', hrBorder: '', alCooperation: '' };
let holder: Session;
let screener: Session;
let stranger: Session;
let alertId: string;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await test.deps.db.execute(query));
}

/** Every page's text of a PDF answer, joined. */
async function pdfText(payload: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(payload));
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    pages.push((await (await pdf.getPage(number)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n');
}

async function screenPerson(session: { headers: Headers }, name: string) {
  const response = await http.post('/api/wanted/screen/person', session.headers, { name, purpose: 'Border check 2026/44' });
  expect(response.statusCode).toBe(200);
  return response.json().candidates as { visibility: string; reference?: string; hitReference?: string | null; holdingDesk: { economy: string } }[];
}

beforeAll(async () => {
  test = await buildTestApp({ clock: () => now }, { SESSION_IDLE_MINUTES: '1440' });
  http = client(test);
  const { deps } = test;
  desks.rsWanted = (await buildDesk(deps, { economy: 'RS', area: 'wanted_persons' })).id;
  desks.rsCooperation = (await buildDesk(deps, { economy: 'RS', area: 'police_cooperation' })).id;
  desks.hrBorder = (await buildDesk(deps, { economy: 'HR', area: 'police_cooperation' })).id;
  desks.alCooperation = (await buildDesk(deps, { economy: 'AL', area: 'police_cooperation' })).id;
  const rsPolice = await buildOrganisation(deps, { economy: 'RS' });
  holder = await signedInUser(deps, { organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.rsWanted, desks.rsCooperation] });
  screener = await signedInUser(deps, { economy: 'HR', roles: ['officer'], clearance: 'RESTRICTED', deskIds: [desks.hrBorder] });
  stranger = await signedInUser(deps, { economy: 'AL', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [desks.alCooperation] });
  const alert = await http.post('/api/wanted/alerts', holder.headers, {
    kind: 'person_arrest',
    issuingDeskId: desks.rsWanted,
    validUntil: new Date(now.getTime() + 365 * 86_400_000).toISOString(),
    warrantReference: 'K-12/2026',
    actionToTake: 'Arrest and hold the person.',
    name: 'Milena Vuković',
    dateOfBirth: '1987-05-14',
    marking: { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS'] },
  });
  expect(alert.statusCode).toBe(201);
  alertId = alert.json().id;
});

afterAll(async () => {
  await test?.close();
});

describe('hit follow-up (Prüm step 2)', () => {
  let itemId = '';
  let hitReference = '';

  it('opens a request to the holding desk from a hit-only answer, and refuses what is not the screener’s hit', async () => {
    const [candidate] = await screenPerson(screener, 'Milena Vukovic');
    expect(candidate).toMatchObject({ visibility: 'hit', holdingDesk: { economy: 'RS' } });
    hitReference = candidate!.reference!;
    expect((await http.get(`/api/wanted/alerts/${alertId}`, screener.headers)).statusCode).toBe(404);

    const before = await rows<{ n: number }>(sql`select count(*)::int as n from exchange_items`);
    expect((await http.post('/api/exchange/hit-follow-ups', screener.headers, { hitReference: 'H-NOT-A-HIT', senderDeskId: desks.hrBorder })).statusCode).toBe(404);
    expect((await http.post('/api/exchange/hit-follow-ups', stranger.headers, { hitReference, senderDeskId: desks.alCooperation })).statusCode).toBe(404);
    expect((await http.post('/api/exchange/hit-follow-ups', screener.headers, { hitReference, senderDeskId: desks.alCooperation })).statusCode).toBe(422);
    expect(await rows(sql`select count(*)::int as n from exchange_items`)).toEqual(before);

    const opened = await http.post('/api/exchange/hit-follow-ups', screener.headers, { hitReference, senderDeskId: desks.hrBorder });
    expect(opened.statusCode).toBe(201);
    itemId = opened.json().itemId;
    expect((await http.post('/api/exchange/hit-follow-ups', screener.headers, { hitReference, senderDeskId: desks.hrBorder })).statusCode).toBe(409);

    const thread = (await http.get(`/api/exchange/items/${itemId}`, holder.headers)).json();
    expect(thread.item).toMatchObject({ kind: 'hit_follow_up', hitReference, state: 'received', recipientDesks: [{ id: desks.rsWanted }] });
    expect(thread.item.deadline.dueAt).toBe(new Date(now.getTime() + 8 * 3_600_000).toISOString());
  });

  it('records the hit report and the decision in the thread, and the holding desk releases the alert by an audited decision', async () => {
    const url = `/api/exchange/items/${itemId}/follow-up`;
    const first = (await http.get(url, holder.headers)).json();
    expect(first).toMatchObject({ hit: { reference: hitReference, status: 'pending' }, release: null, abilities: { decide: true, release: false, report: false } });
    expect((await http.get(url, screener.headers)).json().abilities).toEqual({ report: true, decide: false, release: false });
    expect((await http.get(url, stranger.headers)).statusCode).toBe(404);

    const report = { foundAt: now.toISOString(), place: 'Bajakovo border crossing, lane 2', actionTaken: 'Held for identification.', inCustody: 'The driver', seized: '', contact: '+385 1 555 0199' };
    expect((await http.post(`${url}/report`, holder.headers, report)).statusCode).toBe(403);
    const reported = await http.post(`${url}/report`, screener.headers, report);
    expect(reported.statusCode).toBe(200);
    expect(reported.json().hit.messages).toEqual([expect.objectContaining({ kind: 'report', report: expect.objectContaining({ place: report.place }) })]);

    expect((await http.post(`${url}/release`, holder.headers, {})).statusCode).toBe(409);
    expect((await http.post(`${url}/decision`, screener.headers, { decision: 'confirmed', note: 'x' })).statusCode).toBe(403);
    const decided = await http.post(`${url}/decision`, holder.headers, { decision: 'confirmed', note: 'Same person: hold her, our liaison calls you.' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().abilities.release).toBe(true);

    const released = await http.post(`${url}/release`, holder.headers, {});
    expect(released.statusCode).toBe(200);
    expect(released.json().release).toMatchObject({ releasedBy: expect.any(String) });
    expect((await http.post(`${url}/release`, holder.headers, {})).statusCode).toBe(409);

    const seen = (await http.get(url, screener.headers)).json();
    expect(seen.hit.status).toBe('confirmed');
    expect(seen.hit.messages.map((message: { kind: string }) => message.kind)).toEqual(['report', 'decision']);
    expect(seen.release).not.toBeNull();
    // The wanted module's own rule now lets the requester's organisation read the alert.
    expect((await http.get(`/api/wanted/alerts/${alertId}`, screener.headers)).statusCode).toBe(200);
    const [again] = await screenPerson(screener, 'Milena Vukovic');
    expect(again!.visibility).toBe('full');

    const answered = await http.post(`/api/exchange/items/${itemId}/transitions`, holder.headers, { transition: 'answer', note: 'Confirmed; the alert is released to your organisation.' });
    expect(answered.statusCode).toBe(200);
    expect((await http.get(`/api/exchange/items/${itemId}`, screener.headers)).json().item.state).toBe('answered');

    const [event] = await rows<{ details: Record<string, unknown>; subject_economy: string }>(sql`select details, subject_economy from audit_events where action = 'exchange.alert.release' order by seq`);
    expect(Object.keys(event!.details).sort()).toEqual(['hitId', 'itemId', 'organisationId']);
  });

  it('exports the thread with the hit report and the decision, its labels in the language asked for', async () => {
    const url = `/api/exchange/items/${itemId}/export.pdf`;
    const cyrillic = await http.get(`${url}?lang=sr-Cyrl`, screener.headers);
    expect(cyrillic.statusCode).toBe(200);
    const text = await pdfText(cyrillic.rawPayload);
    for (const expected of ['Преписка', 'Поступање по поготку', 'Извештај о поготку', 'Bajakovo border crossing, lane 2', 'Held for identification.', 'The driver', 'Same person: hold her, our liaison calls you.', 'Одговорено']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Hit report by');
    const english = await pdfText((await http.get(url, holder.headers)).rawPayload);
    expect(english).toContain('Hit report by');
    expect(english).toContain('Action taken: Held for identification.');
    const albanian = await pdfText((await http.get(`${url}?lang=sq`, holder.headers)).rawPayload);
    expect(albanian).toContain('Raporti i përputhjes');
    expect((await http.get(`${url}?lang=de`, holder.headers)).statusCode).toBe(400);
    expect((await http.get(`${url}?lang=mk`, stranger.headers)).statusCode).toBe(404);
  });
});

describe('cross-check of incoming requests', () => {
  it('screens the persons, vehicles and documents a request names for the receiving desk only', async () => {
    const sent = await http.post(
      '/api/exchange/items',
      stranger.headers,
      requestInput(desks.alCooperation, [desks.rsCooperation], {
        marking: amberBetween('AL', 'RS'),
        subjects: [
          { kind: 'person', name: 'Милена Вуковић', dateOfBirth: '1987-05-14' },
          { kind: 'vehicle', plate: 'TR 123 AB' },
          { kind: 'document', documentNumber: 'AL0099887' },
        ],
      }),
    );
    expect(sent.statusCode).toBe(201);
    const id = sent.json().item.id;
    const bad = await http.post('/api/exchange/items', stranger.headers, requestInput(desks.alCooperation, [desks.rsCooperation], { marking: amberBetween('AL', 'RS'), subjects: [{ kind: 'vehicle' }] }));
    expect(bad.statusCode).toBe(400);

    expect((await http.post(`/api/exchange/items/${id}/cross-check`, stranger.headers, {})).statusCode).toBe(403);
    expect((await http.post(`/api/exchange/items/${id}/cross-check`, screener.headers, {})).statusCode).toBe(404);
    const checked = await http.post(`/api/exchange/items/${id}/cross-check`, holder.headers, {});
    expect(checked.statusCode).toBe(200);
    const results = checked.json().results as { subject: { kind: string }; candidates: { visibility: string; alert?: { id: string } }[] }[];
    expect(results.map((result) => result.subject.kind)).toEqual(['person', 'vehicle', 'document']);
    expect(results[0]!.candidates).toEqual([expect.objectContaining({ visibility: 'full', alert: expect.objectContaining({ id: alertId }) })]);
    expect(results[1]!.candidates).toEqual([]);
    const events = await rows<{ action: string }>(sql`select action from audit_events where actor_user_id = ${holder.user.id} and action in ('exchange.item.cross_check', 'wanted.screen') order by seq`);
    expect(events.map((event) => event.action)).toContain('exchange.item.cross_check');
  });
});
