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
export const ACTIONS = [...CORE_ACTIONS, ...PORTAL_ACTIONS, ...WANTED_ACTIONS, ...EXCHANGE_ACTIONS] as const;
export type Action = (typeof ACTIONS)[number];

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}
