import type { Marking } from '../../../contract/core';
import { CLASSIFICATIONS, TLP_LEVELS } from '../../../contract/core';
import type { ApprovalLevel } from '../../../contract/exchange-routing';

/** Without a setting of its own, an economy keeps the platform's rule: CONFIDENTIAL or TLP:RED, approved within the organisation. */
export const DEFAULT_APPROVAL_LEVEL: ApprovalLevel = { classification: 'CONFIDENTIAL', tlp: 'RED', approverScope: 'organisation' };

/** Whether an item with this marking waits for a second person's release under the economy's level. */
export function needsApprovalAt(marking: Pick<Marking, 'classification' | 'tlp'>, level: ApprovalLevel): boolean {
  const byClassification = level.classification !== null && CLASSIFICATIONS.indexOf(marking.classification) >= CLASSIFICATIONS.indexOf(level.classification);
  const byTlp = level.tlp !== null && TLP_LEVELS.indexOf(marking.tlp) >= TLP_LEVELS.indexOf(level.tlp);
  return byClassification || byTlp;
}
