import { describe, expect, it } from 'vitest';
import { DEFAULT_APPROVAL_LEVEL, needsApprovalAt } from './approval-levels';

describe('approval levels', () => {
  it('keeps the platform rule by default: CONFIDENTIAL or TLP:RED', () => {
    expect(needsApprovalAt({ classification: 'CONFIDENTIAL', tlp: 'AMBER' }, DEFAULT_APPROVAL_LEVEL)).toBe(true);
    expect(needsApprovalAt({ classification: 'RESTRICTED', tlp: 'RED' }, DEFAULT_APPROVAL_LEVEL)).toBe(true);
    expect(needsApprovalAt({ classification: 'RESTRICTED', tlp: 'AMBER+STRICT' }, DEFAULT_APPROVAL_LEVEL)).toBe(false);
  });

  it('raises and lowers per economy', () => {
    const stricter = { classification: 'RESTRICTED' as const, tlp: 'AMBER' as const, approverScope: 'economy' as const };
    expect(needsApprovalAt({ classification: 'RESTRICTED', tlp: 'GREEN' }, stricter)).toBe(true);
    expect(needsApprovalAt({ classification: 'PUBLIC', tlp: 'AMBER' }, stricter)).toBe(true);
    expect(needsApprovalAt({ classification: 'PUBLIC', tlp: 'GREEN' }, stricter)).toBe(false);
    const none = { classification: null, tlp: null, approverScope: 'organisation' as const };
    expect(needsApprovalAt({ classification: 'CONFIDENTIAL', tlp: 'RED' }, none)).toBe(false);
  });
});
