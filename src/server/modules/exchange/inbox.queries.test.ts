import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';
import { type Headers, amberBetween, client, requestInput } from './exchange-test-helpers';

/*
 * One desk's inbox is read without the several-desk merge, and a searched page carries its total in
 * the same statement: the pages, their order and totals must match the several-desk path and hide
 * what the reader may not read (an item above the clearance, an item of a desk the reader is not on).
 */
let test: TestApp;
let http: ReturnType<typeof client>;
const users: Record<string, Headers> = {};
const desks: Record<string, string> = {};
const sent: string[] = [];

const pageOf = async (who: string, query: string) => (await http.get(`/api/exchange/items?${query}`, users[who]!)).json();
const idsOf = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

beforeAll(async () => {
  test = await buildTestApp();
  http = client(test);
  const { deps } = test;
  for (const name of ['rs', 'al', 'alSecond']) desks[name] = (await buildDesk(deps, { economy: name === 'rs' ? 'RS' : 'AL' })).id;
  const rsPolice = await buildOrganisation(deps, { economy: 'RS' });
  const alPolice = await buildOrganisation(deps, { economy: 'AL' });
  const signIn = async (name: string, input: Parameters<typeof signedInUser>[1]) => {
    users[name] = (await signedInUser(deps, input)).headers;
  };
  await signIn('sender', { organisationId: rsPolice.id, roles: ['officer'], clearance: 'CONFIDENTIAL', deskIds: [desks.rs!] });
  await signIn('approver', { organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL' });
  await signIn('reader', { organisationId: alPolice.id, roles: ['officer'], clearance: 'RESTRICTED', deskIds: [desks.al!] });
  await signIn('chief', { organisationId: alPolice.id, roles: ['officer'], clearance: 'CONFIDENTIAL', deskIds: [desks.al!] });
  await signIn('twoDesks', { organisationId: alPolice.id, roles: ['officer'], clearance: 'RESTRICTED', deskIds: [desks.al!, desks.alSecond!] });
  const send = async (recipients: string[], subject: string, overrides: Record<string, unknown> = {}) => {
    const response = await http.post('/api/exchange/items', users.sender!, requestInput(desks.rs!, recipients, { subject, ...overrides }));
    if (response.statusCode !== 201) throw new Error(response.body);
    const { id, release } = response.json().item as { id: string; release: string };
    if (release === 'awaiting_approval') await http.post(`/api/exchange/items/${id}/approval`, users.approver!, {});
    return id;
  };
  for (let i = 0; i < 3; i += 1) sent.push(await send([desks.al!], `Kingfisher sighting ${i}`));
  await send([desks.al!], 'Kingfisher above the clearance', { marking: { ...amberBetween('RS', 'AL'), classification: 'CONFIDENTIAL' } });
  await send([desks.alSecond!], 'Kingfisher for the second desk');
  await send([desks.al!], 'Heron sighting');
});

afterAll(async () => {
  await test?.close();
});

describe('one desk’s inbox', () => {
  it('pages a search newest first with its exact total, also past the last page, as the several-desk path does', async () => {
    const newestFirst = [...sent].reverse();
    const pages = await Promise.all([1, 2, 3].map((page) => pageOf('reader', `q=kingfisher&pageSize=2&page=${page}`)));
    expect(pages.map(idsOf)).toEqual([newestFirst.slice(0, 2), newestFirst.slice(2), []]);
    expect(pages.map((page) => page.total)).toEqual([3, 3, 3]);
    const oneDesk = await pageOf('twoDesks', `deskId=${desks.al}&q=kingfisher`);
    expect({ ids: idsOf(oneDesk), total: oneDesk.total }).toEqual({ ids: newestFirst, total: 3 });
    const bothDesks = await pageOf('twoDesks', 'q=kingfisher');
    expect(bothDesks.total).toBe(4);
    expect(idsOf(bothDesks).slice(1)).toEqual(newestFirst);
  });

  it('lists the unsearched inbox in the same order, with the total the marking admits', async () => {
    const inbox = await pageOf('reader', 'pageSize=3&page=2');
    expect(inbox.total).toBe(4);
    expect(idsOf(inbox)).toEqual([sent[0]]);
    expect(idsOf(await pageOf('reader', 'pageSize=3')).slice(1)).toEqual([sent[2], sent[1]]);
  });
});
