import type { PORTAL_ACTIONS } from '../../../contract/actions';
import type { EditorAbilities, WorkflowStatus, WorkflowTransition } from '../../../contract/portal';
import { type Actor, hasRole, isUser } from '../../access/actor';
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

/** What a workflow rule needs to know about an item. */
export interface WorkflowRecord {
  status: WorkflowStatus;
  /** The editor who submitted it for review. */
  submittedBy: string | null;
}

/** The status each transition leads to, from the one status it starts from. */
export const TRANSITIONS: Record<WorkflowTransition, { from: WorkflowStatus; to: WorkflowStatus }> = {
  submit: { from: 'draft', to: 'in_review' },
  return: { from: 'in_review', to: 'draft' },
  publish: { from: 'in_review', to: 'published' },
  archive: { from: 'published', to: 'archived' },
  restore: { from: 'archived', to: 'draft' },
};

/**
 * Four eyes: the editor who submitted an item for review may not publish it; everything else
 * follows the transition table and the editor role.
 */
export function canTransition(actor: Actor, transition: WorkflowTransition, record: WorkflowRecord): boolean {
  if (!isUser(actor) || !editor(actor)) return false;
  if (TRANSITIONS[transition].from !== record.status) return false;
  if (transition === 'publish') return record.submittedBy !== actor.userId;
  return true;
}

/** Drafts and items in review may be edited; a published item only as a correction by a publisher. */
export function canEdit(actor: Actor, record: WorkflowRecord): boolean {
  if (!editor(actor)) return false;
  return record.status === 'draft' || record.status === 'in_review' || record.status === 'published';
}

export function editorAbilities(actor: Actor, record: WorkflowRecord): EditorAbilities {
  return {
    edit: canEdit(actor, record),
    submit: canTransition(actor, 'submit', record),
    return: canTransition(actor, 'return', record),
    publish: canTransition(actor, 'publish', record),
    archive: canTransition(actor, 'archive', record),
    restore: canTransition(actor, 'restore', record),
  };
}
