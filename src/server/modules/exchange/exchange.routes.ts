import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ComposeOptions,
  ForwardInput,
  ItemCreateInput,
  ItemIdParams,
  ItemListQuery,
  ItemPage,
  ReasonInput,
  RecipientPreview,
  RecipientsPreviewInput,
  ReplyInput,
  ThreadView,
  TransitionInput,
} from '../../../contract/exchange';
import type { ExchangeDeps } from './exchange.context';
import { createExchangeService } from './exchange.service';
import { createInboxService } from './inbox.service';
import { createRequestService } from './requests.service';

const tags = ['exchange'];

export function registerExchangeRoutes(app: FastifyInstance, deps: ExchangeDeps) {
  const compose = createExchangeService(deps);
  const inbox = createInboxService(deps);
  const requests = createRequestService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/exchange/items',
    { config: { access: 'exchange.item.list' }, schema: { tags, summary: 'The inbox, sent items or approvals of the user’s desks, with counters, facets and search', querystring: ItemListQuery, response: { 200: ItemPage } } },
    async (request) => inbox.list(request.actor, request.query),
  );

  routes.get(
    '/api/exchange/compose-options',
    { config: { access: 'exchange.item.send' }, schema: { tags, summary: 'The user’s desks, the desks that can be addressed, crime areas and marking choices', response: { 200: ComposeOptions } } },
    async (request) => compose.options(request.actor),
  );

  routes.post(
    '/api/exchange/recipients',
    { config: { access: 'exchange.item.send' }, schema: { tags, summary: 'Exactly which desks and how many people could read an item, and why it could not be sent', body: RecipientsPreviewInput, response: { 200: RecipientPreview } } },
    async (request) => compose.preview(request.actor, request.body),
  );

  routes.post(
    '/api/exchange/items',
    { config: { access: 'exchange.item.send' }, schema: { tags, summary: 'Send a message or a request from one of the user’s desks', body: ItemCreateInput, response: { 201: ThreadView } } },
    async (request, reply) => reply.status(201).send(await compose.create(request.actor, request.body, request.ip)),
  );

  routes.get(
    '/api/exchange/items/:id',
    { config: { access: 'exchange.item.read' }, schema: { tags, summary: 'An item with the rest of its thread the user may read (404 otherwise); every item shown is audited', params: ItemIdParams, response: { 200: ThreadView } } },
    async (request) => inbox.read(request.actor, request.params.id, request.ip),
  );

  routes.post(
    '/api/exchange/items/:id/replies',
    { config: { access: 'exchange.item.reply' }, schema: { tags, summary: 'Reply in the thread, with the parent’s marking or a narrower one', params: ItemIdParams, body: ReplyInput, response: { 201: ThreadView } } },
    async (request, reply) => reply.status(201).send(await compose.reply(request.actor, request.params.id, request.body, request.ip)),
  );

  routes.post(
    '/api/exchange/items/:id/forwards',
    { config: { access: 'exchange.item.forward' }, schema: { tags, summary: 'Forward a received item to other desks, keeping or narrowing its marking', params: ItemIdParams, body: ForwardInput, response: { 201: ThreadView } } },
    async (request, reply) => reply.status(201).send(await compose.forward(request.actor, request.params.id, request.body, request.ip)),
  );

  routes.post(
    '/api/exchange/items/:id/transitions',
    { config: { access: 'exchange.item.transition' }, schema: { tags, summary: 'Accept, ask for or give clarification, answer, refuse or withdraw a request', params: ItemIdParams, body: TransitionInput, response: { 200: ThreadView } } },
    async (request) => requests.transition(request.actor, request.params.id, request.body, request.ip),
  );

  routes.post(
    '/api/exchange/items/:id/approval',
    { config: { access: 'exchange.item.approve' }, schema: { tags, summary: 'Release an item that waits for a second person’s approval', params: ItemIdParams, response: { 200: ThreadView } } },
    async (request) => requests.approve(request.actor, request.params.id, request.ip),
  );

  routes.post(
    '/api/exchange/items/:id/return',
    { config: { access: 'exchange.item.approve' }, schema: { tags, summary: 'Return an item waiting for approval to its author, with a note', params: ItemIdParams, body: ReasonInput, response: { 200: ThreadView } } },
    async (request) => requests.returnToAuthor(request.actor, request.params.id, request.body, request.ip),
  );

  routes.post(
    '/api/exchange/items/:id/retraction',
    { config: { access: 'exchange.item.retract' }, schema: { tags, summary: 'Retract a delivered item: every recipient desk receives the retraction and must acknowledge it', params: ItemIdParams, body: ReasonInput, response: { 201: ThreadView } } },
    async (request, reply) => reply.status(201).send(await requests.retract(request.actor, request.params.id, request.body, request.ip)),
  );

  routes.post(
    '/api/exchange/items/:id/acknowledgement',
    { config: { access: 'exchange.item.acknowledge' }, schema: { tags, summary: 'Acknowledge a retraction on behalf of the user’s desk', params: ItemIdParams, response: { 200: ThreadView } } },
    async (request) => requests.acknowledge(request.actor, request.params.id, request.ip),
  );
}
