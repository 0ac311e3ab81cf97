import type { Action } from '../../contract/actions';
import type { Classification, Role } from '../../contract/core';

export interface UserActor {
  kind: 'user';
  userId: string;
  email: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  economy: string;
  roles: Role[];
  clearance: Classification;
  deskIds: string[];
  /** Sharing groups whose economies or organisations include this user. */
  sharingGroupIds: string[];
  /**
   * Set when a machine client acts with an API key: the policy allows only these actions,
   * whatever the roles say (`can` in policy.ts).
   */
  apiKey?: { id: string; scopes: readonly Action[] };
}

export interface AnonymousActor {
  kind: 'anonymous';
}

export type Actor = UserActor | AnonymousActor;

export const anonymousActor: AnonymousActor = { kind: 'anonymous' };

export function isUser(actor: Actor): actor is UserActor {
  return actor.kind === 'user';
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return isUser(actor) && actor.roles.some((role) => roles.includes(role));
}

const clearanceRank: Record<Classification, number> = { PUBLIC: 0, RESTRICTED: 1, CONFIDENTIAL: 2 };

export function clearedFor(actor: Actor, classification: Classification): boolean {
  if (classification === 'PUBLIC') return true;
  return isUser(actor) && clearanceRank[actor.clearance] >= clearanceRank[classification];
}

export function classificationRank(classification: Classification): number {
  return clearanceRank[classification];
}

export function describeActor(actor: Actor): string {
  return isUser(actor) ? actor.email : 'anonymous';
}
