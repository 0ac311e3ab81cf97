import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ItemIdParams, ThreadView } from '../../../contract/exchange';
import { EconomyParams, EconomySettings, EconomySettingsInput, RouteAnswerInput, RouteDecisionInput } from '../../../contract/exchange-routing';
import type { ExchangeDeps } from './exchange.context';
import { createRouteClarificationService } from './routing-clarify.service';
import { createRoutingSettingsService } from './routing-settings.service';
import { createRoutingService } from './routing.service';

const tags = ['exchange'];

export function registerRoutingRoutes(app: FastifyInstance, deps: ExchangeDeps) {
  const routing = createRoutingService(deps);
  const settings = createRoutingSettingsService(deps);
  const clarifications = createRouteClarificationService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/exchange/items/:id/routing',
    { config: { access: 'exchange.item.route' }, schema: { tags, summary: 'The contact-point desk the item passes forwards it to its recipients (marking kept or narrowed) or returns it with a note', params: ItemIdParams, body: RouteDecisionInput, response: { 200: ThreadView } } },
    async (request) => routing.decide(request.actor, request.params.id, request.body, request.ip),
  );

  routes.post(
    '/api/exchange/items/:id/routing/answer',
    { config: { access: 'exchange.item.send' }, schema: { tags, summary: 'The sending desk answers the question of the contact-point desk its item waits at', params: ItemIdParams, body: RouteAnswerInput, response: { 200: ThreadView } } },
    async (request) => clarifications.answer(request.actor, request.params.id, request.body, request.ip),
  );

  routes.get(
    '/api/exchange/settings/:economy',
    { config: { access: 'exchange.settings.manage' }, schema: { tags, summary: 'An economy’s routing rules per crime area, its contact-point desk, its release approval level and the change waiting for approval', params: EconomyParams, response: { 200: EconomySettings } } },
    async (request) => settings.settings(request.actor, request.params.economy),
  );

  routes.put(
    '/api/exchange/settings/:economy',
    { config: { access: 'exchange.settings.manage' }, schema: { tags, summary: 'Change an economy’s routing rules and approval level (its own administrators and contact points; 202 when the change widens who reads and waits for a second person)', params: EconomyParams, body: EconomySettingsInput, response: { 200: EconomySettings, 202: EconomySettings } } },
    async (request, reply) => {
      const result = await settings.update(request.actor, request.params.economy, request.body, request.ip);
      return reply.code(result.status === 'pending' ? 202 : 200).send(result.settings);
    },
  );

  routes.post(
    '/api/exchange/settings/:economy/proposal/approval',
    { config: { access: 'exchange.settings.manage' }, schema: { tags, summary: 'A second person applies the waiting change (never its proposer, nor one whose access it widens)', params: EconomyParams, response: { 200: EconomySettings } } },
    async (request) => settings.approve(request.actor, request.params.economy, request.ip),
  );

  routes.post(
    '/api/exchange/settings/:economy/proposal/rejection',
    { config: { access: 'exchange.settings.manage' }, schema: { tags, summary: 'Reject the waiting change, or withdraw one’s own', params: EconomyParams, response: { 200: EconomySettings } } },
    async (request) => settings.reject(request.actor, request.params.economy, request.ip),
  );
}
