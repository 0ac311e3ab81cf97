import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { type DbHandle, createPostgresHandle } from '../../db/client';
import { ephemeralKeys } from '../../platform/crypto/secrets';
import type { AppDeps } from '../../platform/deps';
import { createDeps } from '../../runtime';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';
import { type SseStream, openSse } from './hotline.sse-client';

// Two app nodes on one PostgreSQL database: an alert sent through one reaches a stream held by
// the other through LISTEN/NOTIFY. PGlite is one process's embedded database, so there is no
// second node to test there.
const onServer = Boolean(process.env.TEST_DATABASE_URL);

let first: TestApp;
let secondHandle: DbHandle;
let second: FastifyInstance;
let secondDeps: AppDeps;
const streams: SseStream[] = [];

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

describe.skipIf(!onServer)('the hotline on two app nodes', () => {
  beforeAll(async () => {
    first = await buildTestApp();
    const url = (first.deps.db as unknown as { $client: pg.Pool }).$client.options.connectionString!;
    secondHandle = await createPostgresHandle(url);
    secondDeps = createDeps(loadConfig({ DATA_DIR: '/nonexistent-test-data', LOG_LEVEL: 'silent' }), secondHandle, ephemeralKeys(), { checkpointPath: null, filesDir: first.deps.filesDir });
    second = await buildApp(secondDeps, { logger: false, serveWeb: false });
    await second.ready();
  });

  afterAll(async () => {
    for (const opened of streams) opened.close();
    second?.server.closeAllConnections();
    await second?.close();
    await secondDeps?.mailer.stop();
    await secondDeps?.audit.stop();
    await secondHandle?.close();
    first?.app.server.closeAllConnections();
    await first?.close();
  });

  it('delivers an alert sent on one node to a stream on the other, and resumes there too', async () => {
    const { deps } = first;
    const rsDesk = (await buildDesk(deps, { economy: 'RS', area: 'wanted_persons' })).id;
    const alDesk = (await buildDesk(deps, { economy: 'AL', area: 'wanted_persons' })).id;
    const sender = await signedInUser(deps, { organisationId: (await buildOrganisation(deps, { economy: 'RS' })).id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [rsDesk] });
    const receiver = await signedInUser(deps, { economy: 'AL', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [alDesk] });
    const [firstUrl, secondUrl] = [await listen(first.app), await listen(second)];
    const onSecond = await openSse(`${secondUrl}/api/hotline/stream`, { cookie: receiver.headers.cookie });
    streams.push(onSecond);
    const payload = (subject: string) => ({
      senderDeskId: rsDesk,
      target: { deskIds: [alDesk] },
      kind: 'missing_child',
      subject,
      body: 'Girl, 9, last seen at the bus station.',
      marking: { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS', 'AL'] },
    });
    const sent = await fetch(`${firstUrl}/api/hotline/alerts`, { method: 'POST', headers: { ...sender.headers, 'content-type': 'application/json' }, body: JSON.stringify(payload('Missing child, node one')) });
    expect(sent.status).toBe(201);
    await sent.arrayBuffer();
    const [event] = await onSecond.take(1);
    expect(JSON.parse(event!.data).alert.subject).toBe('Missing child, node one');
    onSecond.close();
    const again = await fetch(`${secondUrl}/api/hotline/alerts`, { method: 'POST', headers: { ...sender.headers, 'content-type': 'application/json' }, body: JSON.stringify(payload('Missing child, node two')) });
    await again.arrayBuffer();
    // Resuming on the other node from the id the second node gave out.
    const onFirst = await openSse(`${firstUrl}/api/hotline/stream`, { cookie: receiver.headers.cookie, 'last-event-id': event!.id! });
    streams.push(onFirst);
    const [resumed] = await onFirst.take(1);
    expect(JSON.parse(resumed!.data).alert.subject).toBe('Missing child, node two');
  });
});
