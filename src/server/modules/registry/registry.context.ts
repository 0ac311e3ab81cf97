import { type Actor, type UserActor, isUser } from '../../access/actor';
import { UnauthorizedProblem } from '../../platform/http/errors';

export function requireUserActor(actor: Actor): UserActor {
  if (!isUser(actor)) throw new UnauthorizedProblem();
  return actor;
}
