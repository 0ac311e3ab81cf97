import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HotlineAckInput, HotlineAlert, HotlineAlertList, HotlineIdParams, HotlineListQuery, HotlinePreview, HotlineRecipientsInput, HotlineSendInput } from '../../../contract/hotline';
import { sessionCookieName } from '../../platform/auth/auth.plugin';
import { loadSession } from '../../platform/auth/sessions';
import type { AppDeps } from '../../platform/deps';
import { UnauthorizedProblem } from '../../platform/http/errors';
import { requireUser } from './exchange.context';
import { runHotlineEscalation } from './hotline.escalation';
import { resumePosition } from './hotline.feed';
import { HotlineHub } from './hotline.live';
import { createHotlineService } from './hotline.service';

const tags = ['hotline'];

/** The hotline: its routes, this node's live streams and the escalation timer. */
export function registerHotline(app: FastifyInstance, deps: AppDeps): HotlineHub {
  const hotline = createHotlineService(deps);
  const hub = new HotlineHub(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const open = new Set<ServerResponse>();

  routes.post(
    '/api/hotline/recipients',
    { config: { access: 'hotline.alert.send' }, schema: { tags, summary: 'Exactly which desks and how many people an urgent alert would reach, and why it could not go', body: HotlineRecipientsInput, response: { 200: HotlinePreview } } },
    async (request) => hotline.preview(request.actor, request.body),
  );

  routes.post(
    '/api/hotline/alerts',
    { config: { access: 'hotline.alert.send' }, schema: { tags, summary: 'Send an urgent alert from one of the user’s desks to chosen desks or every desk of an area', body: HotlineSendInput, response: { 201: HotlineAlert } } },
    async (request, reply) => reply.status(201).send(await hotline.send(request.actor, request.body, request.ip)),
  );

  routes.get(
    '/api/hotline/alerts',
    { config: { access: 'hotline.alert.list' }, schema: { tags, summary: 'Urgent alerts sent or received by the user’s desks, with per-desk status (without bodies)', querystring: HotlineListQuery, response: { 200: HotlineAlertList } } },
    async (request) => hotline.list(request.actor, request.query),
  );

  routes.get(
    '/api/hotline/alerts/:id',
    { config: { access: 'hotline.alert.read' }, schema: { tags, summary: 'One alert (404 unless the user may read it); audited, and marks it seen for the user’s receiving desks', params: HotlineIdParams, response: { 200: HotlineAlert } } },
    async (request) => hotline.open(request.actor, request.params.id, request.ip),
  );

  routes.post(
    '/api/hotline/alerts/:id/acknowledgement',
    { config: { access: 'hotline.alert.acknowledge' }, schema: { tags, summary: 'Acknowledge an alert for one of the user’s receiving desks (once per desk; repeating it changes nothing)', params: HotlineIdParams, body: HotlineAckInput, response: { 200: HotlineAlert } } },
    async (request) => hotline.acknowledge(request.actor, request.params.id, request.body, request.ip),
  );

  routes.get(
    '/api/hotline/stream',
    { config: { access: 'hotline.stream' }, schema: { tags, summary: 'Server-Sent Events: the alerts and status changes of the user’s desks; resumes after `Last-Event-ID`' } },
    async (request, reply) => {
      const user = requireUser(request.actor);
      const token = request.session ? request.cookies[sessionCookieName(deps.config.TRUST_TLS)] : undefined;
      if (!token) throw new UnauthorizedProblem('The live stream needs a signed-in session.');
      const header = request.headers['last-event-id'];
      const position = await resumePosition(deps.db, user.userId, Array.isArray(header) ? header[0] : header);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no', connection: 'close', 'x-content-type-options': 'nosniff' });
      raw.write('retry: 2000\n\n');
      const remove = hub.add(
        {
          actor: user,
          position,
          write: (chunk) => void raw.write(chunk),
          end: () => raw.end(() => raw.socket?.destroy()),
          revalidate: async () => {
            const session = await loadSession(deps.db, token, deps.sessionPolicy, deps.clock(), deps.sessionCache);
            return session?.stage === 'full' ? session.actor : null;
          },
        },
        null,
      );
      open.add(raw);
      raw.on('close', () => {
        open.delete(raw);
        remove();
      });
    },
  );

  let timer: NodeJS.Timeout | null = null;
  const escalateQuietly = () => {
    runHotlineEscalation(deps).catch((error: unknown) => app.log.error({ err: error }, 'hotline escalation failed'));
  };
  app.addHook('onReady', async () => {
    await hub.start(deps.config.HOTLINE_HEARTBEAT_SECONDS * 1000);
    timer = setInterval(escalateQuietly, Math.min(5000, (deps.config.HOTLINE_ESCALATE_AFTER_SECONDS * 1000) / 4));
    timer.unref();
  });
  app.addHook('preClose', async () => {
    if (timer) clearInterval(timer);
    await hub.close();
    // A stream never ends by itself: without this the server would wait for every client to leave.
    for (const raw of open) raw.destroy();
  });
  return hub;
}
