import type { Action } from '../../contract/actions';
import { casesRules } from '../modules/cases/cases.policy';
import { caseReportRules } from '../modules/cases/reports.policy';
import { exchangeRules } from '../modules/exchange/exchange.policy';
import { exchangeCaseworkRules } from '../modules/exchange/follow-up.policy';
import { hotlineRules } from '../modules/exchange/hotline.policy';
import { routingRules } from '../modules/exchange/routing.policy';
import { portalRules } from '../modules/portal/portal.policy';
import { registryRules } from '../modules/registry/registry.policy';
import { wantedRules } from '../modules/wanted/wanted.policy';
import { workspaceRules } from '../modules/workspace/workspace.policy';
import { coreRules } from './core.policy';
import type { Rule } from './rule';

/** Every action of the catalogue has exactly one rule; a missing one fails the type check. */
export const rules: Record<Action, Rule<never>> = {
  ...coreRules,
  ...portalRules,
  ...wantedRules,
  ...exchangeRules,
  ...exchangeCaseworkRules,
  ...hotlineRules,
  ...routingRules,
  ...casesRules,
  ...caseReportRules,
  ...registryRules,
  ...workspaceRules,
};
