/**
 * The hotline's live delivery: N signed-in desk members hold Server-Sent Event streams, split
 * over two app nodes on one PostgreSQL database (one node on PGlite without a server URL). It
 * times send → arrival of the alert in every stream (p50/p99) beside a bare LISTEN/NOTIFY round
 * trip on the same database, and then forces reconnects (Last-Event-ID) during a burst and
 * counts alerts lost and delivered twice.
 *   npx tsx bench/hotline.ts [--clients 500] [--alerts 10] [--burst 30] [--reconnects 100] [--server postgres://…]
 * The nodes and the clients share this process (the clients' parsing counts against the figure).
 */
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { type DbHandle, createPgliteHandle, createPostgresHandle } from '../src/server/db/client';
import { migrate, rowsOf } from '../src/server/db/migrate';
import { type SseStream, openSse } from '../src/server/modules/exchange/hotline.sse-client';
import { ephemeralKeys } from '../src/server/platform/crypto/secrets';
import type { AppDeps } from '../src/server/platform/deps';
import { createDeps } from '../src/server/runtime';
import { sessionHeaders } from '../src/server/test/factories';
import { type FigureRow, percentile, printFigures } from './support/report';
import { createScratchDatabase } from './support/server-database';

export interface HotlineBenchOptions {
  clients: number;
  alerts: number;
  burst: number;
  reconnects: number;
  serverUrl?: string;
}

interface Node {
  app: FastifyInstance;
  deps: AppDeps;
  url: string;
  handle: DbHandle;
}

async function startNode(handle: DbHandle): Promise<Node> {
  const config = loadConfig({ DATA_DIR: '/nonexistent-bench-data', LOG_LEVEL: 'silent', HOTLINE_HEARTBEAT_SECONDS: '30' });
  const deps = createDeps(config, handle, ephemeralKeys(), { checkpointPath: null, filesDir: '/tmp' });
  const app = await buildApp(deps, { logger: false, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return { app, deps, handle, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

/** The sender's desk and ten receiving desks in ten economies, `clients` members spread over them. */
async function populate(handle: DbHandle, clients: number) {
  await handle.execScript(`
    insert into organisations (name, kind, economy_code) select 'Police of ' || code, 'police', code from economies where code in ('RS','AL','BA','HR','ME','MK','XK','MD','SI','BG','GR');
    insert into desks (economy_code, area, name) select economy_code, 'wanted_persons', economy_code || ' wanted persons' from organisations;
    insert into users (email, display_name, organisation_id, roles, clearance, password_hash)
      select 'sender@bench.test', 'Sender', id, '{contact_point}', 'CONFIDENTIAL', 'x' from organisations where economy_code = 'RS';
    insert into users (email, display_name, organisation_id, roles, clearance, password_hash)
      select 'member' || i || '@bench.test', 'Member ' || i, o.id, '{contact_point}', 'RESTRICTED', 'x'
      from generate_series(1, ${clients}) i join (select id, economy_code, row_number() over (order by economy_code) - 1 as n from organisations where economy_code <> 'RS') o on o.n = i % 10;
    insert into desk_members (desk_id, user_id) select d.id, u.id from users u join organisations o on o.id = u.organisation_id join desks d on d.economy_code = o.economy_code;
  `);
  const desks = rowsOf<{ id: string; economy: string }>(await handle.db.execute(sql`select id, economy_code as economy from desks order by economy_code`));
  const users = rowsOf<{ id: string; email: string }>(await handle.db.execute(sql`select id, email from users order by email`));
  return { senderDesk: desks.find((desk) => desk.economy === 'RS')!.id, receiverDesks: desks.filter((desk) => desk.economy !== 'RS').map((desk) => desk.id), sender: users.find((user) => user.email === 'sender@bench.test')!.id, members: users.filter((user) => user.email !== 'sender@bench.test').map((user) => user.id) };
}

async function notifyBaseline(url: string | null, handle: DbHandle, rounds: number): Promise<number[]> {
  const times: number[] = [];
  if (!url) {
    const client = (handle.db as unknown as { $client: { listen(channel: string, cb: (payload: string) => void): Promise<() => Promise<void>> } }).$client;
    let wake: (() => void) | null = null;
    const stop = await client.listen('bench_ping', () => wake?.());
    for (let i = 0; i < rounds; i += 1) {
      const started = performance.now();
      const arrived = new Promise<void>((resolve) => (wake = resolve));
      await handle.db.execute(sql`select pg_notify('bench_ping', 'x')`);
      await arrived;
      times.push(performance.now() - started);
    }
    await stop();
    return times;
  }
  const listener = new pg.Client({ connectionString: url });
  const sender = new pg.Client({ connectionString: url });
  await Promise.all([listener.connect(), sender.connect()]);
  await listener.query('listen bench_ping');
  for (let i = 0; i < rounds; i += 1) {
    const started = performance.now();
    const arrived = new Promise<void>((resolve) => listener.once('notification', () => resolve()));
    await sender.query("select pg_notify('bench_ping', 'x')");
    await arrived;
    times.push(performance.now() - started);
  }
  await Promise.all([listener.end(), sender.end()]);
  return times;
}

const alertIdOf = (data: string) => (JSON.parse(data) as { type: string; alert: { id: string } }).alert.id;
const isAlert = (data: string) => (JSON.parse(data) as { type: string }).type === 'alert';

export async function runHotlineBench(options: HotlineBenchOptions) {
  const scratch = options.serverUrl ? await createScratchDatabase(options.serverUrl, 'mosaic_bench_hotline') : null;
  const handles = scratch ? [await createPostgresHandle(scratch.url), await createPostgresHandle(scratch.url)] : [await createPgliteHandle()];
  await migrate(handles[0]!);
  const seed = await populate(handles[0]!, options.clients);
  const nodes = await Promise.all(handles.map((handle) => startNode(handle)));
  const senderHeaders = await sessionHeaders(nodes[0]!.deps, seed.sender);
  const cookies = await Promise.all(seed.members.map(async (userId) => (await sessionHeaders(nodes[0]!.deps, userId)).cookie));
  const open = (index: number, lastEventId?: string) => openSse(`${nodes[index % nodes.length]!.url}/api/hotline/stream`, { cookie: cookies[index]!, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) });
  const streams: SseStream[] = [];
  for (let index = 0; index < cookies.length; index += 50) streams.push(...(await Promise.all(cookies.slice(index, index + 50).map((_, offset) => open(index + offset)))));
  const send = async (subject: string) => {
    const response = await fetch(`${nodes[0]!.url}/api/hotline/alerts`, {
      method: 'POST',
      headers: { ...senderHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ senderDeskId: seed.senderDesk, target: { deskIds: seed.receiverDesks }, kind: 'imminent_threat', subject, body: 'Bench alert.', marking: { classification: 'RESTRICTED', tlp: 'GREEN' } }),
    });
    if (response.status !== 201) throw new Error(`send failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  };

  // Send → arrival in every stream, one alert at a time.
  const latencies: number[] = [];
  const requests: number[] = [];
  for (let round = 0; round < options.alerts; round += 1) {
    const started = performance.now();
    const id = await send(`Latency ${round}`);
    requests.push(performance.now() - started);
    const arrivals = await Promise.all(streams.map(async (stream) => {
      for (;;) {
        const [event] = await stream.take(1);
        if (event && isAlert(event.data) && alertIdOf(event.data) === id) return event.at;
      }
    }));
    for (const at of arrivals) latencies.push(at - started);
  }
  const baseline = await notifyBaseline(scratch?.url ?? null, handles[0]!, 50);

  // A burst with forced reconnects: each reconnect resumes from the last id its stream received.
  const received = streams.map(() => [] as string[]);
  const collect = (index: number, stream: SseStream, from: number) => {
    for (const event of stream.received.slice(from)) if (isAlert(event.data)) received[index]!.push(alertIdOf(event.data));
  };
  const current = streams.map((stream) => ({ stream, from: stream.received.length }));
  const burstIds: string[] = [];
  const reconnectEvery = Math.max(1, Math.floor(options.burst / Math.max(1, Math.ceil(options.reconnects / 10))));
  let reconnected = 0;
  for (let round = 0; round < options.burst; round += 1) {
    burstIds.push(await send(`Burst ${round}`));
    if (round % reconnectEvery === 0 && reconnected < options.reconnects) {
      const batch = Array.from({ length: Math.min(10, options.reconnects - reconnected) }, (_, k) => (reconnected + k) * 37 % streams.length);
      reconnected += batch.length;
      await Promise.all(batch.map(async (index) => {
        const entry = current[index]!;
        entry.stream.close();
        collect(index, entry.stream, entry.from);
        const last = [...entry.stream.received].reverse().find((event) => event.id)?.id ?? undefined;
        const fresh = await open(index, last);
        current[index] = { stream: fresh, from: 0 };
      }));
    }
  }
  const wanted = new Set(burstIds);
  const deadline = performance.now() + 30_000;
  const complete = () => current.every((entry, index) => new Set([...received[index]!, ...entry.stream.received.filter((event) => isAlert(event.data)).map((event) => alertIdOf(event.data))].filter((id) => wanted.has(id))).size === wanted.size);
  while (!complete() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  current.forEach((entry, index) => collect(index, entry.stream, entry.from));
  let lost = 0;
  let duplicated = 0;
  for (const ids of received) {
    const ofBurst = ids.filter((id) => wanted.has(id));
    lost += wanted.size - new Set(ofBurst).size;
    duplicated += ofBurst.length - new Set(ofBurst).size;
  }

  const where = scratch ? `PostgreSQL, ${nodes.length} nodes` : 'PGlite, 1 node';
  const rows: FigureRow[] = [
    { figure: `send → ${streams.length} streams p50 (${where})`, value: percentile(latencies, 50), unit: 'ms', baseline: percentile(baseline, 50), baselineLabel: 'bare NOTIFY round trip p50', higherIsBetter: false },
    { figure: `send → ${streams.length} streams p99 (${where})`, value: percentile(latencies, 99), unit: 'ms', baseline: percentile(baseline, 99), baselineLabel: 'bare NOTIFY round trip p99', higherIsBetter: false, aim: 'under 500 ms' },
  ];
  rows.push({ figure: `send request alone p50 (${where})`, value: percentile(requests, 50), unit: 'ms', baseline: percentile(baseline, 50), baselineLabel: 'bare NOTIFY round trip p50', higherIsBetter: false });
  printFigures(`hotline live delivery (${options.alerts} alerts × ${streams.length} streams)`, rows);
  console.log(`  burst of ${burstIds.length} alerts with ${reconnected} forced reconnects: lost ${lost}, delivered twice ${duplicated} (aim: 0 and 0)`);

  for (const entry of current) entry.stream.close();
  for (const node of nodes) {
    node.app.server.closeAllConnections();
    await node.app.close();
    await node.deps.mailer.stop();
    await node.deps.audit.stop();
  }
  for (const handle of handles) await handle.close();
  await scratch?.drop();
  return { latencies, baseline, lost, duplicated };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { clients: { type: 'string' }, alerts: { type: 'string' }, burst: { type: 'string' }, reconnects: { type: 'string' }, server: { type: 'string' } } });
  await runHotlineBench({ clients: Number(values.clients ?? 500), alerts: Number(values.alerts ?? 10), burst: Number(values.burst ?? 30), reconnects: Number(values.reconnects ?? 100), serverUrl: values.server });
}
