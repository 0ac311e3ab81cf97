import type { WANTED_ACTIONS } from '../../../contract/actions';
import { type Actor, hasRole, isUser } from '../../access/actor';
import { type MarkedRecord, canReadMarked } from '../../access/marking';
import type { Rule } from '../../access/rule';

type WantedAction = (typeof WANTED_ACTIONS)[number];

/** What the policy needs to know about an alert. */
export interface AlertRecord extends MarkedRecord {
  issuingDeskId: string;
  /** 'active' | 'withdrawn' | 'expired', as computed at read time. */
  status: string;
}

/** What the policy needs to know about a hit. */
export interface HitRecord {
  issuingDeskId: string;
  screenedBy: string;
  status: string;
}

const operational: Rule = (actor) => hasRole(actor, 'officer', 'analyst', 'contact_point');
const contactPoint: Rule = (actor) => hasRole(actor, 'contact_point');

export function isDeskMember(actor: Actor, deskId: string): boolean {
  return isUser(actor) && actor.deskIds.includes(deskId);
}

/** Reading an alert in full: its marking decides (otherwise screening answers a hit only). */
export const canReadAlert = (actor: Actor, alert: AlertRecord): boolean => operational(actor) && canReadMarked(actor, alert);

/** The issuing desk's contact points manage the alert, and only while they may read it. */
function managesAlert(actor: Actor, alert: AlertRecord): boolean {
  return contactPoint(actor) && isDeskMember(actor, alert.issuingDeskId) && canReadMarked(actor, alert);
}

const readAlert: Rule<AlertRecord> = (actor, alert) => operational(actor) && (alert === undefined || canReadAlert(actor, alert));
const updateAlert: Rule<AlertRecord> = (actor, alert) =>
  contactPoint(actor) && (alert === undefined || (alert.status === 'active' && managesAlert(actor, alert)));
const extendAlert: Rule<AlertRecord> = (actor, alert) =>
  contactPoint(actor) && (alert === undefined || (alert.status !== 'withdrawn' && managesAlert(actor, alert)));

/** The issuing desk sees its hits; the screener sees the hits they made. */
const readHit: Rule<HitRecord> = (actor, hit) =>
  operational(actor) && (hit === undefined || (isUser(actor) && (isDeskMember(actor, hit.issuingDeskId) || hit.screenedBy === actor.userId)));
const decideHit: Rule<HitRecord> = (actor, hit) =>
  contactPoint(actor) && (hit === undefined || (hit.status === 'pending' && isDeskMember(actor, hit.issuingDeskId)));

/** The screener reports what was done on their own hit. */
const reportHit: Rule<HitRecord> = (actor, hit) => operational(actor) && (hit === undefined || (isUser(actor) && hit.screenedBy === actor.userId));

export const wantedRules: Record<WantedAction, Rule<never>> = {
  'wanted.alert.list': operational,
  'wanted.alert.read': readAlert,
  'wanted.alert.create': contactPoint,
  'wanted.alert.update': updateAlert,
  'wanted.alert.extend': extendAlert,
  'wanted.alert.withdraw': updateAlert,
  'wanted.alert.import': contactPoint,
  'wanted.screen': operational,
  'wanted.hit.read': readHit,
  'wanted.hit.decide': decideHit,
  'wanted.hit.report': reportHit,
};
