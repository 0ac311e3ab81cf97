import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';
import { type Headers, amberBetween, client, evaluation, requestInput } from './exchange-test-helpers';

/*
 * The cross-economy leak suite for the exchange: each kind of item, read by a user of another
 * economy, of another organisation, of a lower clearance and without the right desk, answers
 * 404 on every route and leaves nothing in counts, facets or search.
 */
let test: TestApp;
let http: ReturnType<typeof client>;
const ids: Record<string, string> = {};
const outsiders: Record<string, Headers> = {};

beforeAll(async () => {
  test = await buildTestApp();
  http = client(test);
  const { deps } = test;
  const rsDesk = (await buildDesk(deps, { economy: 'RS', area: 'police_cooperation' })).id;
  const alDesk = (await buildDesk(deps, { economy: 'AL', area: 'police_cooperation' })).id;
  const hrDesk = (await buildDesk(deps, { economy: 'HR', area: 'police_cooperation' })).id;
  const rsPolice = await buildOrganisation(deps, { economy: 'RS' });
  const alPolice = await buildOrganisation(deps, { economy: 'AL' });
  const sender = await signedInUser(deps, { organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [rsDesk] });
  const approver = await signedInUser(deps, { organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL' });
  const receiver = await signedInUser(deps, { organisationId: alPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [alDesk] });
  outsiders.otherEconomy = (await signedInUser(deps, { economy: 'HR', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [hrDesk] })).headers;
  outsiders.otherOrganisation = (await signedInUser(deps, { economy: 'AL', roles: ['officer'], clearance: 'CONFIDENTIAL', deskIds: [alDesk] })).headers;
  outsiders.lowerClearance = (await signedInUser(deps, { organisationId: alPolice.id, roles: ['officer'], clearance: 'RESTRICTED', deskIds: [alDesk] })).headers;
  outsiders.noDesk = (await signedInUser(deps, { organisationId: alPolice.id, roles: ['officer'], clearance: 'CONFIDENTIAL' })).headers;

  const send = async (input: Record<string, unknown>) => {
    const response = await http.post("/api/exchange/items", sender.headers, requestInput(rsDesk, [alDesk], input));
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json().item.id as string;
  };
  ids.redMessage = await send({ kind: 'information', accessibility: null, subject: 'Zebrafinch red message', marking: { classification: 'RESTRICTED', tlp: 'RED', releasableOrganisations: [rsPolice.id, alPolice.id] } });
  ids.confidentialRequest = await send({ subject: 'Zebrafinch confidential request', marking: { ...amberBetween('RS', 'AL'), tlp: 'RED', classification: 'CONFIDENTIAL', releasableEconomies: [], releasableOrganisations: [alPolice.id] } });
  await http.post(`/api/exchange/items/${ids.redMessage}/approval`, approver.headers, {});
  const reply = await http.post(`/api/exchange/items/${ids.redMessage}/replies`, receiver.headers, { senderDeskId: alDesk, subject: 'Zebrafinch reply', bodyHtml: '<p>Noted.</p>', marking: { classification: 'RESTRICTED', tlp: 'RED', releasableOrganisations: [rsPolice.id] }, handling: { code: 'H0' }, evaluation });
  if (reply.statusCode !== 201) throw new Error(reply.body);
  ids.reply = reply.json().item.id;
  await http.post(`/api/exchange/items/${ids.confidentialRequest}/approval`, approver.headers, {});
  const retraction = await http.post(`/api/exchange/items/${ids.confidentialRequest}/retraction`, sender.headers, { reason: 'Sent too early.' });
  if (retraction.statusCode !== 201) throw new Error(retraction.body);
  ids.retraction = retraction.json().item.id;
});

afterAll(async () => {
  await test?.close();
});

describe.each(['otherEconomy', 'otherOrganisation', 'lowerClearance', 'noDesk'])('a user of %s', (who) => {
  it('gets 404, never 403, for every item on every route', async () => {
    const headers = outsiders[who]!;
    for (const [kind, id] of Object.entries(ids)) {
      if (who === 'lowerClearance' && (kind === 'redMessage' || kind === 'reply')) continue;
      const answers = [
        await http.get(`/api/exchange/items/${id}`, headers),
        await http.post(`/api/exchange/items/${id}/transitions`, headers, { transition: 'accept', note: '' }),
        await http.post(`/api/exchange/items/${id}/acknowledgement`, headers, {}),
        await http.post(`/api/exchange/items/${id}/retraction`, headers, { reason: 'Not mine.' }),
      ];
      expect({ kind, statuses: answers.map((answer) => answer.statusCode) }).toEqual({ kind, statuses: [404, 404, 404, 404] });
    }
  });

  it('finds no trace in lists, counts, facets or search', async () => {
    const headers = outsiders[who]!;
    for (const box of ['inbox', 'sent', 'approvals', 'all']) {
      for (const flag of ['', '&flag=unread', '&flag=due_soon', '&flag=overdue']) {
        const page = (await http.get(`/api/exchange/items?box=${box}${flag}&q=zebrafinch`, headers)).json();
        if (who === 'lowerClearance') {
          // Their own desk's items: the RESTRICTED message to it and the desk's reply; never the CONFIDENTIAL ones.
          expect(page.items.every((item: { id: string }) => [ids.redMessage, ids.reply].includes(item.id))).toBe(true);
          continue;
        }
        expect({ box, flag, total: page.total, counts: page.counts }).toEqual({ box, flag, total: 0, counts: { unread: 0, dueSoon: 0, overdue: 0, awaitingApproval: 0 } });
        expect(page.facets).toEqual({ kind: [], crimeArea: [], economy: [] });
      }
    }
  });
});

describe('the counterpart', () => {
  it('the lower-cleared officer on the receiving desk sees only the RESTRICTED message and the desk’s reply, never the CONFIDENTIAL request or its retraction, in counts too', async () => {
    const page = (await http.get('/api/exchange/items?box=all', outsiders.lowerClearance!)).json();
    expect(page.items.map((item: { id: string }) => item.id).sort()).toEqual([ids.redMessage, ids.reply].sort());
    expect(page.counts).toEqual({ unread: 1, dueSoon: 0, overdue: 0, awaitingApproval: 0 });
    expect(page.facets.kind).toEqual([{ value: 'information', count: 2 }]);
  });
});
