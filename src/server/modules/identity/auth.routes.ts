import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EnrolmentConfirmInput, EnrolmentConfirmView, EnrolmentStartInput,
  EnrolmentStartView, SecondFactorInput, SessionView, SignInInput } from '../../../contract/identity';
import { isUser } from '../../access/actor';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth/auth.plugin';
import type { AppDeps } from '../../platform/deps';
import { TooManyRequestsProblem, UnauthorizedProblem } from '../../platform/http/errors';
import { presentSession } from './identity.presenter';
import { SECOND_FACTOR_FAILED, createSecondFactorService } from './second-factor.service';
import { createSignInService } from './sign-in.service';

const tags = ['identity'];
/** Credentials and codes are tiny; anything bigger is refused before it is parsed. */
const AUTH_BODY_LIMIT = 8 * 1024;
/**
 * Per client address, on top of the per-account lockout that stops password guessing: the
 * staff of one agency often reach Mosaic through one address, so the limit is not tight.
 */
export const ATTEMPTS_PER_ADDRESS_PER_MINUTE = 30;
const attemptLimit = {
  max: ATTEMPTS_PER_ADDRESS_PER_MINUTE,
  timeWindow: '1 minute',
  errorResponseBuilder: () => new TooManyRequestsProblem('Too many attempts. Wait a minute and try again.'),
};
const NoContent = z.null().describe('No content');

export function originOf(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}

export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps) {
  const signIn = createSignInService(deps);
  const secondFactor = createSecondFactorService(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/auth/session',
    { config: { public: true }, schema: { tags, summary: 'Who is signed in, at which stage, and what they may do', response: { 200: SessionView } } },
    async (request) => {
      const session = request.session;
      return session ? presentSession(session.stage, session.csrfToken, session.actor) : presentSession('anonymous', null, null);
    },
  );

  routes.post(
    '/api/auth/sign-in',
    {
      config: { public: true, rateLimit: attemptLimit },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: { tags, summary: 'Sign in with e-mail and password', body: SignInInput, response: { 200: SessionView } },
    },
    async (request, reply) => {
      const result = await signIn.signIn({ ...request.body, origin: originOf(request), previousSession: request.session });
      setSessionCookie(reply, deps, result.token);
      return presentSession(result.stage, result.csrfToken, result.actor);
    },
  );

  routes.post(
    '/api/auth/second-factor',
    {
      config: { public: true, allowPartialSession: true, rateLimit: attemptLimit },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: { tags, summary: 'Complete sign-in with a TOTP code or a recovery code', body: SecondFactorInput, response: { 200: SessionView } },
    },
    async (request, reply) => {
      const result = await secondFactor.verify({ session: request.session, code: request.body.code, origin: originOf(request) });
      if (!result.accepted) {
        if (result.sessionEnded) clearSessionCookie(reply, deps);
        throw new UnauthorizedProblem(SECOND_FACTOR_FAILED);
      }
      setSessionCookie(reply, deps, result.token);
      return presentSession('full', result.csrfToken, result.actor);
    },
  );

  routes.post(
    '/api/auth/enrolment/start',
    {
      config: { public: true, allowPartialSession: true, rateLimit: attemptLimit },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: { tags, summary: 'Begin setting up an authenticator app (from a full session: with the current password)', body: EnrolmentStartInput.nullish(), response: { 200: EnrolmentStartView } },
    },
    async (request) => secondFactor.startEnrolment({ session: request.session, currentPassword: request.body?.currentPassword, origin: originOf(request) }),
  );

  routes.post(
    '/api/auth/enrolment/confirm',
    {
      config: { public: true, allowPartialSession: true, rateLimit: attemptLimit },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: { tags, summary: 'Confirm the authenticator app with a code; returns recovery codes', body: EnrolmentConfirmInput, response: { 200: EnrolmentConfirmView } },
    },
    async (request, reply) => {
      const result = await secondFactor.confirmEnrolment({ session: request.session, code: request.body.code, origin: originOf(request) });
      setSessionCookie(reply, deps, result.token);
      return { recoveryCodes: result.recoveryCodes, session: presentSession('full', result.csrfToken, result.actor) };
    },
  );

  routes.post(
    '/api/auth/sign-out',
    { config: { public: true }, bodyLimit: AUTH_BODY_LIMIT, schema: { tags, summary: 'End this session', response: { 204: NoContent } } },
    async (request, reply) => {
      await signIn.signOut(request.session, originOf(request));
      clearSessionCookie(reply, deps);
      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/api/auth/sign-out-everywhere',
    { config: { access: 'profile.update' }, bodyLimit: AUTH_BODY_LIMIT, schema: { tags, summary: 'End every session of the signed-in user', response: { 204: NoContent } } },
    async (request, reply) => {
      if (!isUser(request.actor)) throw new UnauthorizedProblem();
      await signIn.signOutEverywhere(request.actor, originOf(request));
      clearSessionCookie(reply, deps);
      return reply.status(204).send(null);
    },
  );
}
