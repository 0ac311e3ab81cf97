import type { WANTED_ACTIONS } from '../../../contract/actions';
import { hasRole } from '../../access/actor';
import type { Rule } from '../../access/rule';

type WantedAction = (typeof WANTED_ACTIONS)[number];

const operational: Rule = (actor) => hasRole(actor, 'officer', 'analyst', 'contact_point');

export const wantedRules: Record<WantedAction, Rule<never>> = {
  'wanted.alert.list': operational,
  'wanted.alert.read': operational,
  'wanted.alert.create': (actor) => hasRole(actor, 'contact_point'),
  'wanted.alert.update': (actor) => hasRole(actor, 'contact_point'),
  'wanted.alert.import': (actor) => hasRole(actor, 'contact_point'),
  'wanted.screen': operational,
  'wanted.hit.read': operational,
  'wanted.hit.decide': (actor) => hasRole(actor, 'contact_point'),
};
