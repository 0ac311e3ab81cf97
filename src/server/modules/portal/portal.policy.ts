import type { PORTAL_ACTIONS } from '../../../contract/actions';
import { hasRole, isUser } from '../../access/actor';
import type { Rule } from '../../access/rule';

type PortalAction = (typeof PORTAL_ACTIONS)[number];

const editor: Rule = (actor) => hasRole(actor, 'editor');

export const portalRules: Record<PortalAction, Rule<never>> = {
  'portal.content.write': editor,
  'portal.content.review': editor,
  'portal.content.publish': editor,
  'portal.taxonomy.manage': editor,
  'portal.statistics.edit': editor,
  'portal.event.register': (actor) => isUser(actor),
};
