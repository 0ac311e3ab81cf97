import type { Action } from '../../../contract/actions';
import type { Actor } from '../../access/actor';
import type { LoadedSession } from '../auth/sessions';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    session: LoadedSession | null;
  }
  interface FastifyContextConfig {
    /** The action the policy must allow before the handler runs. */
    access?: Action;
    /** The route is open to anyone; it must still not reveal non-public records. */
    public?: boolean;
    /** A public route that still needs a session of some stage (second-factor steps). */
    allowPartialSession?: boolean;
  }
}

export {};
