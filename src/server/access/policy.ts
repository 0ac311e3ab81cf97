import type { Action } from '../../contract/actions';
import type { Actor } from './actor';
import { rules } from './rules';

/**
 * THE access policy of Mosaic: every route and service asks it. A rule is a pure predicate
 * over the actor and, for record-level actions, the record; an action without a rule, or a
 * rule that throws, denies. An API key's actor may take only the actions of the key's scopes.
 */
export function can(actor: Actor, action: Action, record?: unknown): boolean {
  if (actor.kind === 'user' && actor.apiKey && !actor.apiKey.scopes.includes(action)) return false;
  const rule = rules[action] as ((actor: Actor, record?: unknown) => boolean) | undefined;
  if (!rule) return false;
  try {
    return rule(actor, record) === true;
  } catch {
    return false;
  }
}

/** The actions among `candidates` the actor may take on the record: sent to the web app. */
export function abilitiesFor<A extends Action>(actor: Actor, candidates: readonly A[], record?: unknown): Record<A, boolean> {
  return Object.fromEntries(candidates.map((action) => [action, can(actor, action, record)])) as Record<A, boolean>;
}
