import type { Registry } from 'prom-client';
import type { Action } from '../../../contract/actions';
import type { Actor } from '../../access/actor';
import type { LoadedSession } from '../auth/sessions';

declare module 'fastify' {
  interface FastifyInstance {
    /** The Prometheus registry, for the loopback metrics listener. */
    metricsRegistry: Registry;
  }
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
    /** The route checks its own credential (the metrics scrape token); no session or API key is read. */
    ownCredentials?: boolean;
    /** The route answers its own errors as HTML pages (a server-rendered page's 404). */
    htmlErrors?: boolean;
  }
}

export {};
