import type { WORKSPACE_ACTIONS } from '../../../contract/actions';
import { hasRole, isUser } from '../../access/actor';
import type { Rule } from '../../access/rule';

type WorkspaceAction = (typeof WORKSPACE_ACTIONS)[number];

const signedIn: Rule = (actor) => isUser(actor);

/**
 * The workspace is each signed-in user's own page; what it shows is filtered again by the rules
 * of the module each section comes from. Saved searches belong to their user alone.
 */
export const workspaceRules: Record<WorkspaceAction, Rule> = {
  'workspace.read': signedIn,
  'portal.subscription.manage': (actor) => isUser(actor) && !actor.apiKey,
  'audit.export': (actor) => hasRole(actor, 'auditor', 'administrator'),
};
