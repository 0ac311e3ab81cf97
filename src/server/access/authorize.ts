import type { Action } from '../../contract/actions';
import { ForbiddenProblem, type HttpProblem, NotFoundProblem, UnauthorizedProblem } from '../platform/http/errors';
import { type Actor, isUser } from './actor';
import { can } from './policy';

/** A denial by the policy: answered as a problem and written to the audit chain by the error hook. */
export class AccessDenied extends Error {
  constructor(
    readonly action: Action,
    readonly problem: HttpProblem,
    readonly recordType?: string,
    readonly recordId?: string,
  ) {
    super(problem.detail ?? problem.title);
  }
}

/**
 * Throws unless the policy allows the action. For a record the actor may not see the answer
 * is 404, never 403, so that nobody learns that it exists.
 */
export function authorize(actor: Actor, action: Action, record?: unknown, ref?: { type: string; id: string }): void {
  if (can(actor, action, record)) return;
  if (!isUser(actor)) throw new AccessDenied(action, new UnauthorizedProblem(), ref?.type, ref?.id);
  const problem = record === undefined ? new ForbiddenProblem() : new NotFoundProblem();
  throw new AccessDenied(action, problem, ref?.type, ref?.id);
}
