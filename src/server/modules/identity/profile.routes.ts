import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PasswordChangeInput, ProfileSessionList, ProfileSessionParams, ProfileView, RecoveryCodesRegenerateInput, RecoveryCodesView } from '../../../contract/identity';
import { type UserActor, isUser } from '../../access/actor';
import { clearSessionCookie } from '../../platform/auth/auth.plugin';
import type { AppDeps } from '../../platform/deps';
import { UnauthorizedProblem } from '../../platform/http/errors';
import { originOf } from './auth.routes';
import { createProfileService } from './profile.service';
import { createSecondFactorService } from './second-factor.service';

const tags = ['profile'];
const NoContent = z.null().describe('No content');
const SMALL_BODY_LIMIT = 8 * 1024;

function profileRequest(request: FastifyRequest) {
  // The guard has already required profile.*, which only a signed-in user holds.
  if (!isUser(request.actor)) throw new UnauthorizedProblem();
  const actor: UserActor = request.actor;
  return { actor, origin: originOf(request), currentTokenHash: request.session?.tokenHash };
}

export function registerProfileRoutes(app: FastifyInstance, deps: AppDeps) {
  const profile = createProfileService(deps);
  const secondFactor = createSecondFactorService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/profile',
    { config: { access: 'profile.read' }, schema: { tags, summary: 'The signed-in user\u2019s own account', response: { 200: ProfileView } } },
    async (request) => profile.getProfile(profileRequest(request)),
  );

  routes.get(
    '/api/profile/sessions',
    { config: { access: 'profile.read' }, schema: { tags, summary: 'The user\u2019s signed-in sessions', response: { 200: ProfileSessionList } } },
    async (request) => ({ items: await profile.listSessions(profileRequest(request)) }),
  );

  routes.delete(
    '/api/profile/sessions/:id',
    { config: { access: 'profile.update' }, schema: { tags, summary: 'End one of the user\u2019s sessions', params: ProfileSessionParams, response: { 204: NoContent } } },
    async (request, reply) => {
      const { endedCurrent } = await profile.endSession(profileRequest(request), request.params.id);
      if (endedCurrent) clearSessionCookie(reply, deps);
      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/api/profile/password',
    {
      config: { access: 'profile.update' },
      bodyLimit: SMALL_BODY_LIMIT,
      schema: { tags, summary: 'Change the password; other sessions end', body: PasswordChangeInput, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await profile.changePassword(profileRequest(request), request.body);
      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/api/profile/recovery-codes',
    {
      config: { access: 'profile.update' },
      bodyLimit: SMALL_BODY_LIMIT,
      schema: { tags, summary: 'Replace the recovery codes (needs a current authenticator code)', body: RecoveryCodesRegenerateInput, response: { 200: RecoveryCodesView } },
    },
    async (request) => {
      const { actor, origin } = profileRequest(request);
      return secondFactor.regenerateRecoveryCodes({ actor, code: request.body.code, origin });
    },
  );
}
