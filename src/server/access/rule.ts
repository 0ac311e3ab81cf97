import type { Actor } from './actor';

/** A pure predicate: may this actor take the action (on this record, if one is given)? */
export type Rule<TRecord = unknown> = (actor: Actor, record?: TRecord) => boolean;

export const denyAll: Rule = () => false;
