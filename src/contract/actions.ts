/**
 * The catalogue of every action a route may declare. A route names one of these or is
 * public; the access policy must have a rule for each (a missing rule fails `tsc`).
 */
export const CORE_ACTIONS = [
  'profile.read',
  'profile.update',
  'directory.read',
  'notification.read',
  'admin.organisation.manage',
  'admin.user.manage',
  'admin.desk.manage',
  'admin.sharing_group.manage',
  'admin.api_key.manage',
  'admin.access_change.review',
  'audit.read',
] as const;

export const PORTAL_ACTIONS = [
  'portal.content.write',
  'portal.content.review',
  'portal.content.publish',
  'portal.taxonomy.manage',
  'portal.statistics.edit',
  'portal.event.register',
] as const;

export const WANTED_ACTIONS = [
  'wanted.alert.list',
  'wanted.alert.read',
  'wanted.alert.create',
  'wanted.alert.update',
  'wanted.alert.extend',
  'wanted.alert.withdraw',
  'wanted.alert.import',
  'wanted.screen',
  'wanted.hit.read',
  'wanted.hit.decide',
  'wanted.hit.report',
] as const;

export const EXCHANGE_ACTIONS = [
  'exchange.item.list',
  'exchange.item.read',
  'exchange.item.send',
  'exchange.item.reply',
  'exchange.item.forward',
  'exchange.item.transition',
  'exchange.item.approve',
  'exchange.item.retract',
  'exchange.item.acknowledge',
] as const;
/** Routing through the contact point, release approval levels per economy, the contact-point directory. */
export const ROUTING_ACTIONS = ['exchange.item.route', 'exchange.settings.manage', 'directory.contact_points.read'] as const;
export const CASES_ACTIONS = [
  'cases.case.list',
  'cases.case.read',
  'cases.case.create',
  'cases.case.update',
  'cases.entity.add',
  'cases.team.manage',
  'cases.team.leave',
  'cases.follow_up.request',
  'cases.follow_up.decide',
  'cases.dashboard.read',
  'cases.flagged_value.manage',
] as const;
export const REGISTRY_ACTIONS = [
  'registry.activity.list',
  'registry.activity.read',
  'registry.activity.create',
  'registry.activity.update',
  'registry.activity.import',
  'registry.overlap.check',
  'registry.board.read',
  'registry.rate.manage',
] as const;
export const WORKSPACE_ACTIONS = ['workspace.read', 'portal.subscription.manage', 'audit.export'] as const;
/** Attachments, thread export, hit follow-up with alert release, cross-check of incoming requests. */
export const EXCHANGE_CASEWORK_ACTIONS = [
  'exchange.attachment.upload',
  'exchange.attachment.read',
  'exchange.thread.export',
  'exchange.follow_up.open',
  'exchange.follow_up.read',
  'exchange.follow_up.report',
  'exchange.follow_up.decide',
  'exchange.follow_up.release',
  'exchange.item.cross_check',
] as const;
export const HOTLINE_ACTIONS = ['hotline.alert.list', 'hotline.alert.read', 'hotline.alert.send', 'hotline.alert.acknowledge', 'hotline.stream'] as const;
/** Risk-analysis reports of the cases module: written from a template, released by a second person. */
export const CASES_REPORT_ACTIONS = ['cases.report.list', 'cases.report.read', 'cases.report.write', 'cases.report.approve', 'cases.report.export'] as const;
export const ACTIONS = [...CORE_ACTIONS, ...PORTAL_ACTIONS, ...WANTED_ACTIONS, ...EXCHANGE_ACTIONS, ...ROUTING_ACTIONS, ...CASES_ACTIONS, ...REGISTRY_ACTIONS, ...WORKSPACE_ACTIONS, ...HOTLINE_ACTIONS, ...EXCHANGE_CASEWORK_ACTIONS, ...CASES_REPORT_ACTIONS] as const;
export type Action = (typeof ACTIONS)[number];

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}
