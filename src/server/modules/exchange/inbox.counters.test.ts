import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, sessionHeaders, signedInUser } from '../../test/factories';
import { type Headers, amberBetween, client, requestInput } from './exchange-test-helpers';

/*
 * The inbox counters kept by migration 0351: due soon and overdue follow the clock and every way a
 * request's clock stops (answer, withdrawal, retraction), unread is per user, and neither ever counts
 * an item the reader may not read (a desk member without the clearance).
 */
let test: TestApp;
let http: ReturnType<typeof client>;
let now = new Date('2026-03-02T08:00:00Z');
const hour = 3_600_000;
const users: Record<string, Headers> = {};
const userIds: Record<string, string> = {};
const ids: Record<string, string> = {};

const countsOf = async (who: string, query = '') => (await http.get(`/api/exchange/items?box=inbox${query}`, users[who]!)).json().counts;
const totalOf = async (who: string, query: string) => (await http.get(`/api/exchange/items?${query}`, users[who]!)).json().total;

beforeAll(async () => {
  test = await buildTestApp({ clock: () => now });
  http = client(test);
  const { deps } = test;
  const rsDesk = (await buildDesk(deps, { economy: 'RS' })).id;
  const alDesk = (await buildDesk(deps, { economy: 'AL' })).id;
  const alSecondDesk = (await buildDesk(deps, { economy: 'AL' })).id;
  const signIn = async (name: string, input: Parameters<typeof signedInUser>[1]) => {
    const { user, headers } = await signedInUser(deps, input);
    [users[name], userIds[name]] = [headers, user.id];
  };
  const rsPolice = await buildOrganisation(deps, { economy: 'RS' });
  const alPolice = await buildOrganisation(deps, { economy: 'AL' });
  await signIn('sender', { organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [rsDesk] });
  await signIn('approver', { organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL' });
  await signIn('receiver', { organisationId: alPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [alDesk] });
  await signIn('colleague', { organisationId: alPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [alDesk] });
  await signIn('lowerClearance', { organisationId: alPolice.id, roles: ['officer'], clearance: 'RESTRICTED', deskIds: [alDesk] });
  await signIn('twoDesks', { organisationId: alPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [alDesk, alSecondDesk] });

  const send = async (name: string, recipients: string[], overrides: Record<string, unknown> = {}) => {
    const response = await http.post('/api/exchange/items', users.sender!, requestInput(rsDesk, recipients, { urgency: 'urgent', subject: `Counter probe ${name}`, ...overrides }));
    if (response.statusCode !== 201) throw new Error(response.body);
    ids[name] = response.json().item.id;
    if (response.json().item.release === 'awaiting_approval') await http.post(`/api/exchange/items/${ids[name]}/approval`, users.approver!, {});
  };
  await send('bothDesks', [alDesk, alSecondDesk], { kind: 'information', accessibility: null });
  await send('kept', [alDesk]);
  await send('confidential', [alDesk], { marking: { ...amberBetween('RS', 'AL'), classification: 'CONFIDENTIAL' } });
  await send('answered', [alDesk]);
  await send('withdrawn', [alDesk]);
  await send('retracted', [alDesk]);
});

/** The clock moves past the sessions' idle time: everyone signs in again. */
async function later(ms: number) {
  now = new Date(now.getTime() + ms);
  for (const [name, id] of Object.entries(userIds)) users[name] = await sessionHeaders(test.deps, id);
}

afterAll(async () => {
  await test?.close();
});

describe('the inbox counters', () => {
  it('count unread per user, once for an item of two of the user’s desks, and never an item above the reader’s clearance', async () => {
    expect(await countsOf('receiver')).toMatchObject({ unread: 6, dueSoon: 0, overdue: 0 });
    expect(await countsOf('lowerClearance')).toMatchObject({ unread: 5 });
    expect(await countsOf('twoDesks')).toMatchObject({ unread: 6 });

    await http.get(`/api/exchange/items/${ids.kept}`, users.receiver!);
    await http.get(`/api/exchange/items/${ids.confidential}`, users.twoDesks!);
    await http.get(`/api/exchange/items/${ids.bothDesks}`, users.twoDesks!);
    expect(await countsOf('receiver')).toMatchObject({ unread: 5 });
    expect(await countsOf('colleague')).toMatchObject({ unread: 6 });
    expect(await countsOf('lowerClearance')).toMatchObject({ unread: 5 });
    expect(await countsOf('twoDesks')).toMatchObject({ unread: 4 });
    for (const who of ['receiver', 'colleague', 'lowerClearance', 'twoDesks']) {
      expect({ who, unread: (await countsOf(who)).unread }).toEqual({ who, unread: await totalOf(who, 'box=inbox&flag=unread') });
    }
  });

  it('count due soon and overdue only while the clock runs, and agree with the flagged lists', async () => {
    await later(6.5 * hour);
    expect(await countsOf('receiver')).toMatchObject({ dueSoon: 5, overdue: 0 });
    expect(await countsOf('lowerClearance')).toMatchObject({ dueSoon: 4, overdue: 0 });
    expect(await countsOf('sender')).toMatchObject({ dueSoon: 5, overdue: 0 });

    expect((await http.post(`/api/exchange/items/${ids.answered}/transitions`, users.receiver!, { transition: 'answer', note: 'Held by a rental firm.' })).statusCode).toBe(200);
    expect((await http.post(`/api/exchange/items/${ids.withdrawn}/transitions`, users.sender!, { transition: 'withdraw', note: 'Found it ourselves.' })).statusCode).toBe(200);
    expect((await http.post(`/api/exchange/items/${ids.retracted}/retraction`, users.sender!, { reason: 'Sent to the wrong desk.' })).statusCode).toBe(201);
    expect(await countsOf('receiver')).toMatchObject({ dueSoon: 2, overdue: 0 });
    expect(await countsOf('lowerClearance')).toMatchObject({ dueSoon: 1, overdue: 0 });
    expect(await countsOf('sender')).toMatchObject({ dueSoon: 2, overdue: 0 });
    expect(await countsOf('twoDesks')).toMatchObject({ dueSoon: 2, overdue: 0 });

    await later(2 * hour);
    for (const who of ['receiver', 'lowerClearance', 'sender', 'twoDesks']) {
      const counts = await countsOf(who);
      expect({ who, dueSoon: counts.dueSoon, overdue: counts.overdue }).toEqual({
        who,
        dueSoon: await totalOf(who, 'box=all&flag=due_soon'),
        overdue: await totalOf(who, 'box=all&flag=overdue'),
      });
    }
    expect(await countsOf('receiver')).toMatchObject({ dueSoon: 0, overdue: 2 });
    expect(await countsOf('lowerClearance')).toMatchObject({ dueSoon: 0, overdue: 1 });
  });
});
