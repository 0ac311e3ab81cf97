import { describe, expect, it } from 'vitest';
import type { UserActor } from '../../access/actor';
import { type EffectiveSettings, settingsApprovalRefusal, settingsWidenings } from './routing-settings.policy';

const base: EffectiveSettings = { contactDeskId: 'desk-a', approval: { classification: 'CONFIDENTIAL', tlp: 'RED', approverScope: 'organisation' }, rules: [{ crimeArea: '*', mode: 'direct' }, { crimeArea: 'drugs', mode: 'via_contact_point' }] };
const actor = (over: Partial<UserActor>): UserActor => ({ kind: 'user', userId: 'u1', email: 'a@x', displayName: 'A', organisationId: 'o1', organisationName: 'O', economy: 'RS', roles: ['administrator'], clearance: 'CONFIDENTIAL', deskIds: [], sharingGroupIds: [], ...over });

describe('settingsWidenings', () => {
  it('names each part that lets more people read, and nothing for a change that narrows', () => {
    expect(settingsWidenings(base, base)).toEqual([]);
    expect(settingsWidenings(base, { ...base, rules: [{ crimeArea: '*', mode: 'direct' }] })).toEqual([]);
    expect(settingsWidenings(base, { ...base, rules: [{ crimeArea: '*', mode: 'via_contact_point' }] })).toEqual(['rules']);
    expect(settingsWidenings(base, { ...base, rules: [...base.rules, { crimeArea: 'firearms', mode: 'via_contact_point' }] })).toEqual(['rules']);
    expect(settingsWidenings(base, { ...base, contactDeskId: 'desk-b' })).toEqual(['contactDeskId']);
    // Another contact desk while nothing is routed opens nothing.
    expect(settingsWidenings({ ...base, rules: [] }, { ...base, rules: [], contactDeskId: 'desk-b' })).toEqual([]);
    expect(settingsWidenings(base, { ...base, approval: { classification: 'RESTRICTED', tlp: 'AMBER+STRICT', approverScope: 'economy' } })).toEqual(['approval.classification', 'approval.tlp', 'approval.approverScope']);
    expect(settingsWidenings({ ...base, approval: { classification: null, tlp: null, approverScope: 'economy' } }, { ...base, approval: { classification: 'CONFIDENTIAL', tlp: null, approverScope: 'organisation' } })).toEqual(['approval.classification']);
    expect(settingsWidenings(base, { ...base, approval: { classification: null, tlp: null, approverScope: 'organisation' } })).toEqual([]);
  });
});

describe('settingsApprovalRefusal', () => {
  const change = { proposal: { contactDeskId: 'desk-b', approval: base.approval, rules: base.rules }, widens: ['contactDeskId' as const], proposedBy: 'u9', contactDeskId: 'desk-b' };
  it('refuses the proposer, a member of the desk it opens, and a contact point of the economy for approval changes', () => {
    expect(settingsApprovalRefusal(actor({}), 'RS', change)).toBeNull();
    expect(settingsApprovalRefusal(actor({ userId: 'u9' }), 'RS', change)).toBe('proposer');
    expect(settingsApprovalRefusal(actor({ deskIds: ['desk-b'] }), 'RS', change)).toBe('own_desk');
    const approvals = { ...change, widens: ['approval.approverScope' as const] };
    expect(settingsApprovalRefusal(actor({ roles: ['contact_point'] }), 'RS', approvals)).toBe('contact_point');
    expect(settingsApprovalRefusal(actor({ roles: ['contact_point'] }), 'AL', approvals)).toBeNull();
    expect(settingsApprovalRefusal(actor({ deskIds: ['desk-b'] }), 'RS', approvals)).toBeNull();
  });
});
