import type { Action } from '../../contract/actions';
import { exchangeRules } from '../modules/exchange/exchange.policy';
import { portalRules } from '../modules/portal/portal.policy';
import { wantedRules } from '../modules/wanted/wanted.policy';
import { coreRules } from './core.policy';
import type { Rule } from './rule';

/** Every action of the catalogue has exactly one rule; a missing one fails the type check. */
export const rules: Record<Action, Rule<never>> = {
  ...coreRules,
  ...portalRules,
  ...wantedRules,
  ...exchangeRules,
};
