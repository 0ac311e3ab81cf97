import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ItemIdParams, ThreadView } from '../../../contract/exchange';
import { EconomyParams, EconomySettings, EconomySettingsInput, RouteDecisionInput } from '../../../contract/exchange-routing';
import type { ExchangeDeps } from './exchange.context';
import { createRoutingService } from './routing.service';

const tags = ['exchange'];

export function registerRoutingRoutes(app: FastifyInstance, deps: ExchangeDeps) {
  const routing = createRoutingService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/exchange/items/:id/routing',
    { config: { access: 'exchange.item.route' }, schema: { tags, summary: 'The contact-point desk the item passes forwards it to its recipients (marking kept or narrowed) or returns it with a note', params: ItemIdParams, body: RouteDecisionInput, response: { 200: ThreadView } } },
    async (request) => routing.decide(request.actor, request.params.id, request.body, request.ip),
  );

  routes.get(
    '/api/exchange/settings/:economy',
    { config: { access: 'exchange.settings.manage' }, schema: { tags, summary: 'An economy’s routing rules per crime area, its contact-point desk and its release approval level', params: EconomyParams, response: { 200: EconomySettings } } },
    async (request) => routing.settings(request.actor, request.params.economy),
  );

  routes.put(
    '/api/exchange/settings/:economy',
    { config: { access: 'exchange.settings.manage' }, schema: { tags, summary: 'Change an economy’s routing rules and approval level (its own administrators; audited)', params: EconomyParams, body: EconomySettingsInput, response: { 200: EconomySettings } } },
    async (request) => routing.updateSettings(request.actor, request.params.economy, request.body, request.ip),
  );
}
