import type { FastifyRequest } from 'fastify';
import type { UserActor } from '../../access/actor';
import { isUser } from '../../access/actor';
import { UnauthorizedProblem } from '../../platform/http/errors';

/** Who acts and from where: every admin write is audited under it. */
export interface AdminContext {
  actor: UserActor;
  ip: string | null;
}

/** The route guard has already allowed the action, so the actor is a signed-in user. */
export function adminContext(request: FastifyRequest): AdminContext {
  if (!isUser(request.actor)) throw new UnauthorizedProblem();
  return { actor: request.actor, ip: request.ip };
}

/** `{ field: { from, to } }` for the fields whose value changes. */
export function diff<T extends Record<string, unknown>>(before: T, patch: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const previous = before[key];
    if (JSON.stringify(previous) !== JSON.stringify(value)) changes[key] = { from: previous, to: value };
  }
  return changes;
}
