import type { CORE_ACTIONS } from '../../contract/actions';
import { hasRole, isUser } from './actor';
import type { Rule } from './rule';

type CoreAction = (typeof CORE_ACTIONS)[number];

const signedIn: Rule = (actor) => isUser(actor);

export const coreRules: Record<CoreAction, Rule> = {
  'profile.read': signedIn,
  'profile.update': signedIn,
  'directory.read': (actor) =>
    hasRole(actor, 'administrator', 'editor', 'contact_point', 'analyst', 'officer', 'donor', 'auditor'),
  'notification.read': signedIn,
  'admin.organisation.manage': (actor) => hasRole(actor, 'administrator'),
  'admin.user.manage': (actor) => hasRole(actor, 'administrator'),
  'admin.desk.manage': (actor) => hasRole(actor, 'administrator'),
  'admin.sharing_group.manage': (actor) => hasRole(actor, 'administrator'),
  'admin.api_key.manage': (actor) => hasRole(actor, 'administrator'),
  'admin.access_change.review': (actor) => hasRole(actor, 'administrator'),
  'audit.read': (actor) => hasRole(actor, 'auditor', 'administrator'),
};
