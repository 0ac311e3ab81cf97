import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  HitDecisionInput,
  HitIdParams,
  HitListQuery,
  HitPage,
  HitReportInput,
  HitView,
  ObjectScreenInput,
  PersonScreenInput,
  ScreenResult,
} from '../../../contract/wanted';
import type { AppDeps } from '../../platform/deps';
import type { ScreeningIndexHandle } from './screening.index.sync';
import { createHitService } from './hits.service';
import { createScreeningService } from './screening.service';

const tags = ['wanted'];

export function registerScreeningRoutes(app: FastifyInstance, deps: AppDeps & { screeningIndex?: ScreeningIndexHandle }) {
  const screening = createScreeningService(deps, {
    hitGroupMinutes: deps.config.WANTED_HIT_GROUP_MINUTES,
    probeVariants: deps.config.WANTED_PROBE_VARIANTS,
    probeWindowMinutes: deps.config.WANTED_PROBE_WINDOW_MINUTES,
    tiedCandidates: deps.config.WANTED_TIED_CANDIDATES,
  });
  const hits = createHitService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/wanted/screen/person',
    {
      config: { access: 'wanted.screen' },
      schema: { tags, summary: 'Screen a person against every active alert: each answer a match or a possible match; full where released, the class alone elsewhere', body: PersonScreenInput, response: { 200: ScreenResult } },
    },
    async (request) => screening.person(request.actor, request.body, request.ip),
  );

  routes.post(
    '/api/wanted/screen/object',
    {
      config: { access: 'wanted.screen' },
      schema: { tags, summary: 'Screen a vehicle, firearm, document or other object by its identifier', body: ObjectScreenInput, response: { 200: ScreenResult } },
    },
    async (request) => screening.object(request.actor, request.body, request.ip),
  );

  routes.get(
    '/api/wanted/hits',
    { config: { access: 'wanted.hit.read' }, schema: { tags, summary: 'Hits on the user’s desks’ alerts, and the hits the user made', querystring: HitListQuery, response: { 200: HitPage } } },
    async (request) => hits.list(request.actor, request.query),
  );

  routes.get(
    '/api/wanted/hits/:id',
    { config: { access: 'wanted.hit.read' }, schema: { tags, summary: 'One hit', params: HitIdParams, response: { 200: HitView } } },
    async (request) => hits.read(request.actor, request.params.id, request.ip),
  );

  routes.post(
    '/api/wanted/hits/:id/decision',
    { config: { access: 'wanted.hit.decide' }, schema: { tags, summary: 'The holding desk confirms or rejects a hit', params: HitIdParams, body: HitDecisionInput, response: { 200: HitView } } },
    async (request) => hits.decide(request.actor, request.params.id, request.body, request.ip),
  );

  routes.post(
    '/api/wanted/hits/:id/report',
    { config: { access: 'wanted.hit.report' }, schema: { tags, summary: 'The screener files the hit report: where and when, what was done, who is held or what seized, a contact', params: HitIdParams, body: HitReportInput, response: { 200: HitView } } },
    async (request) => hits.report(request.actor, request.params.id, request.body, request.ip),
  );
}
