import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, signedInUser } from '../../test/factories';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink';
import { amberBetween, client, requestInput } from './exchange-test-helpers';
import { runExchangeReminders } from '.';

let test: TestApp;
let sink: SmtpSink;
let now = new Date('2026-03-02T08:00:00Z');
const hour = 3_600_000;

beforeAll(async () => {
  sink = await startSmtpSink();
  test = await buildTestApp({ clock: () => now }, { SMTP_URL: sink.url, PUBLIC_URL: 'https://mosaic.example.test' });
});

afterAll(async () => {
  await test?.close();
  await sink?.close();
});

describe('e-mail notices of exchange items', () => {
  it('tell each reader of the receiving desk that an item waits, and remind before the deadline, with no marked text', async () => {
    const { deps } = test;
    const rsDesk = (await buildDesk(deps, { economy: 'RS', name: 'RS SPOC Belgrade' })).id;
    const alDesk = (await buildDesk(deps, { economy: 'AL', name: 'AL SPOC Tirana' })).id;
    const sender = await signedInUser(deps, { roles: ['contact_point'], deskIds: [rsDesk], email: 'sender@rs.example.test' });
    await signedInUser(deps, { economy: 'AL', roles: ['contact_point'], clearance: 'RESTRICTED', deskIds: [alDesk], email: 'reader@al.example.test' });
    await signedInUser(deps, { economy: 'AL', roles: ['officer'], clearance: 'PUBLIC', deskIds: [alDesk], email: 'uncleared@al.example.test' });
    const subject = 'Grey Renault with plates BG-1234-XX before the ferry';
    const body = '<p>The driver Petar Stanković carries the shipment.</p>';
    const sent = await client(test).post('/api/exchange/items', sender.headers, requestInput(rsDesk, [alDesk], { urgency: 'urgent', subject, bodyHtml: body, marking: amberBetween('RS', 'AL') }));
    expect(sent.statusCode).toBe(201);
    const { id, reference } = sent.json().item;

    await deps.mailer.deliverDue();
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]).toMatchObject({ to: ['reader@al.example.test'], subject: 'Mosaic: an item waits for AL SPOC Tirana' });
    expect(sink.messages[0]!.text).toContain(`https://mosaic.example.test/exchange/items/${id}`);

    now = new Date(now.getTime() + 6 * hour);
    expect(await runExchangeReminders(deps)).toEqual([id]);
    await deps.mailer.deliverDue();
    expect(sink.messages).toHaveLength(2);
    expect(sink.messages[1]).toMatchObject({ to: ['reader@al.example.test'], subject: 'Mosaic: a request for AL SPOC Tirana is due 2026-03-02 16:00 UTC' });

    const everything = JSON.stringify(sink.messages);
    for (const marked of ['Renault', 'BG-1234', 'ferry', 'Stanković', 'Stankovic', 'shipment', reference]) expect(everything).not.toContain(marked);
    expect(everything).not.toContain('uncleared@');
    expect(everything).not.toContain('sender@');
  });
});
