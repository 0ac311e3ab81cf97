import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/migrate';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, signedInUser } from '../../test/factories';
import { client, requestInput } from './exchange-test-helpers';
import { runExchangeReminders } from '.';

let test: TestApp;
let now = new Date('2026-03-02T08:00:00Z');
const hour = 3_600_000;

beforeAll(async () => {
  test = await buildTestApp({ clock: () => now });
});

afterAll(async () => {
  await test?.close();
});

async function noticesOf(userId: string) {
  return rowsOf<{ title: string; body: string }>(await test.deps.db.execute(sql`select title, body from notifications where user_id = ${userId} order by created_at`));
}

describe('deadline reminders', () => {
  it('tell the receiving desk’s readers of a new request and, once, that it is due soon, naming only reference and deadline', async () => {
    const { deps } = test;
    const rsDesk = (await buildDesk(deps, { economy: 'RS' })).id;
    const alDesk = (await buildDesk(deps, { economy: 'AL' })).id;
    const sender = await signedInUser(deps, { roles: ['contact_point'], deskIds: [rsDesk] });
    const reader = await signedInUser(deps, { economy: 'AL', roles: ['contact_point'], clearance: 'RESTRICTED', deskIds: [alDesk] });
    const uncleared = await signedInUser(deps, { economy: 'AL', roles: ['officer'], clearance: 'PUBLIC', deskIds: [alDesk] });
    const sent = await client(test).post('/api/exchange/items', sender.headers, requestInput(rsDesk, [alDesk], { urgency: 'urgent', subject: 'Plate check needed before the ferry leaves' }));
    const { id, reference } = sent.json().item;

    now = new Date(now.getTime() + 5 * hour);
    expect(await runExchangeReminders(deps)).toEqual([]);
    now = new Date(now.getTime() + 1 * hour);
    expect(await runExchangeReminders(deps)).toEqual([id]);
    expect(await runExchangeReminders(deps)).toEqual([]);

    const notices = await noticesOf(reader.user.id);
    expect(notices).toEqual([
      { title: `New item ${reference} for your desk`, body: '' },
      { title: `Request ${reference}: answer due 2026-03-02 16:00 UTC`, body: '' },
    ]);
    expect(JSON.stringify(notices)).not.toMatch(/ferry|Plate/);
    expect(await noticesOf(uncleared.user.id)).toEqual([]);
    expect(await noticesOf(sender.user.id)).toEqual([]);
  });
});
