import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action, CORE_ACTIONS } from '../../contract/actions';
import { CLASSIFICATIONS, type Classification, ROLES, type Role, TLP_LEVELS, type Tlp } from '../../contract/core';
import { type Actor, anonymousActor, type UserActor } from './actor';
import { canReadMarked, type MarkedRecord } from './marking';
import { can } from './policy';

/*
 * The access policy as a truth table. The expected answers come from the small tables below,
 * written from the design (docs/access-model.md), not from the implementation.
 */

const ACTOR_ORG = '11111111-1111-4111-8111-111111111111';
const OTHER_ORG = '22222222-2222-4222-8222-222222222222';
const THIRD_ORG = '33333333-3333-4333-8333-333333333333';
const ACTOR_GROUP = '44444444-4444-4444-8444-444444444444';
const OTHER_GROUP = '55555555-5555-4555-8555-555555555555';

/** How the record's releasability relates to the actor. */
const RELATIONS = [
  'same organisation',
  'own economy listed',
  'own organisation listed',
  'own sharing group listed',
  'only another economy listed',
  'only another organisation listed',
  'only another sharing group listed',
  'nothing listed',
] as const;
type Relation = (typeof RELATIONS)[number];

/** Which relations each TLP level reaches, for a cleared operational user outside the originating organisation. */
const REACH: Record<Tlp, readonly Relation[]> = {
  CLEAR: ['nothing listed', 'own economy listed', 'own organisation listed', 'own sharing group listed'],
  GREEN: ['nothing listed', 'own economy listed', 'own organisation listed', 'own sharing group listed'],
  AMBER: ['own economy listed', 'own organisation listed', 'own sharing group listed'],
  'AMBER+STRICT': ['own organisation listed', 'own sharing group listed'],
  RED: ['own organisation listed'],
};
const READS_OPERATIONAL_RECORDS: Record<Role, boolean> = {
  administrator: true,
  editor: false,
  contact_point: true,
  analyst: true,
  officer: true,
  donor: false,
  auditor: false,
  reader: false,
};
const RANK: Record<Classification, number> = { PUBLIC: 0, RESTRICTED: 1, CONFIDENTIAL: 2 };

function expectedRead(roles: readonly Role[], clearance: Classification, classification: Classification, tlp: Tlp, relation: Relation): boolean {
  if (!roles.some((role) => READS_OPERATIONAL_RECORDS[role])) return false;
  if (RANK[clearance] < RANK[classification]) return false;
  if (relation === 'same organisation') return true;
  return REACH[tlp].includes(relation);
}

function userActor(roles: Role[], clearance: Classification): UserActor {
  return {
    kind: 'user',
    userId: '66666666-6666-4666-8666-666666666666',
    email: 'tester@example.test',
    displayName: 'Tester',
    organisationId: ACTOR_ORG,
    organisationName: 'Border Police',
    economy: 'RS',
    roles,
    clearance,
    deskIds: [],
    sharingGroupIds: [ACTOR_GROUP],
  };
}

function recordFor(classification: Classification, tlp: Tlp, relation: Relation): MarkedRecord {
  const record: MarkedRecord = {
    classification,
    tlp,
    releasableEconomies: [],
    releasableOrganisations: [],
    sharingGroups: [],
    originatorControl: false,
    ownerOrganisationId: OTHER_ORG,
    ownerEconomy: 'AL',
  };
  switch (relation) {
    case 'same organisation':
      return { ...record, ownerOrganisationId: ACTOR_ORG, ownerEconomy: 'RS' };
    case 'own economy listed':
      return { ...record, releasableEconomies: ['ME', 'RS'] };
    case 'own organisation listed':
      return { ...record, releasableOrganisations: [THIRD_ORG, ACTOR_ORG] };
    case 'own sharing group listed':
      return { ...record, sharingGroups: [ACTOR_GROUP] };
    case 'only another economy listed':
      return { ...record, releasableEconomies: ['AL', 'MK'] };
    case 'only another organisation listed':
      return { ...record, releasableOrganisations: [THIRD_ORG] };
    case 'only another sharing group listed':
      return { ...record, sharingGroups: [OTHER_GROUP] };
    case 'nothing listed':
      return record;
  }
}

const ROLE_SETS: Role[][] = [...ROLES.map((role) => [role]), ['auditor', 'officer'], ['reader', 'donor', 'auditor', 'editor']];

describe('canReadMarked: roles × clearance × classification × TLP × releasability', () => {
  const cases = ROLE_SETS.flatMap((roles) =>
    CLASSIFICATIONS.flatMap((clearance) =>
      CLASSIFICATIONS.flatMap((classification) =>
        TLP_LEVELS.flatMap((tlp) => RELATIONS.map((relation) => ({ roles, clearance, classification, tlp, relation }))),
      ),
    ),
  );

  it(`agrees with the rule table in all ${cases.length} cases`, () => {
    const disagreements = cases
      .filter(({ roles, clearance, classification, tlp, relation }) => {
        const actual = canReadMarked(userActor(roles, clearance), recordFor(classification, tlp, relation));
        return actual !== expectedRead(roles, clearance, classification, tlp, relation);
      })
      .map((item) => `${item.roles.join('+')} cleared ${item.clearance} reading ${item.classification}/${item.tlp}, ${item.relation}`);
    expect(disagreements).toEqual([]);
    expect(cases.filter((item) => expectedRead(item.roles, item.clearance, item.classification, item.tlp, item.relation)).length).toBeGreaterThan(100);
  });

  it.each(['reader', 'donor', 'auditor', 'editor'] as const)('never lets a %s read an operational record, even its own organisation\'s', (role) => {
    for (const tlp of TLP_LEVELS) {
      for (const relation of RELATIONS) expect(canReadMarked(userActor([role], 'CONFIDENTIAL'), recordFor('PUBLIC', tlp, relation))).toBe(false);
    }
  });

  it('never lets an anonymous caller read a marked record', () => {
    for (const tlp of TLP_LEVELS) expect(canReadMarked(anonymousActor, recordFor('PUBLIC', tlp, 'nothing listed'))).toBe(false);
  });

  it('denies a clearance below the classification, even to the originating organisation', () => {
    expect(canReadMarked(userActor(['officer'], 'RESTRICTED'), recordFor('CONFIDENTIAL', 'CLEAR', 'same organisation'))).toBe(false);
    expect(canReadMarked(userActor(['administrator'], 'PUBLIC'), recordFor('RESTRICTED', 'GREEN', 'nothing listed'))).toBe(false);
  });

  it('does not release RED to economies or sharing groups, only to listed organisations', () => {
    const officer = userActor(['officer'], 'CONFIDENTIAL');
    expect(canReadMarked(officer, recordFor('RESTRICTED', 'RED', 'own economy listed'))).toBe(false);
    expect(canReadMarked(officer, recordFor('RESTRICTED', 'RED', 'own sharing group listed'))).toBe(false);
    expect(canReadMarked(officer, recordFor('RESTRICTED', 'RED', 'own organisation listed'))).toBe(true);
  });

  it('does not release AMBER+STRICT to economies', () => {
    expect(canReadMarked(userActor(['analyst'], 'CONFIDENTIAL'), recordFor('RESTRICTED', 'AMBER+STRICT', 'own economy listed'))).toBe(false);
  });

  it('does not treat an empty sharing-group list on the actor as membership', () => {
    const loner = { ...userActor(['officer'], 'CONFIDENTIAL'), sharingGroupIds: [] };
    expect(canReadMarked(loner, recordFor('RESTRICTED', 'AMBER', 'own sharing group listed'))).toBe(false);
  });
});

type CoreAction = (typeof CORE_ACTIONS)[number];
/** Who may take each core action, by role; every signed-in role for the personal ones. */
const CORE_GRANTS: Record<CoreAction, readonly Role[] | 'any signed-in user'> = {
  'profile.read': 'any signed-in user',
  'profile.update': 'any signed-in user',
  'notification.read': 'any signed-in user',
  'directory.read': ['administrator', 'editor', 'contact_point', 'analyst', 'officer', 'donor', 'auditor'],
  'admin.organisation.manage': ['administrator'],
  'admin.user.manage': ['administrator'],
  'admin.desk.manage': ['administrator'],
  'admin.sharing_group.manage': ['administrator'],
  'admin.access_change.review': ['administrator'],
  'admin.api_key.manage': ['administrator'],
  'audit.read': ['auditor', 'administrator'],
};

describe('can: roles × core actions', () => {
  it.each(ROLES)('grants a %s exactly the core actions of the table', (role) => {
    const actor = userActor([role], 'RESTRICTED');
    for (const action of CORE_ACTIONS) {
      const grant = CORE_GRANTS[action];
      const expected = grant === 'any signed-in user' || grant.includes(role);
      expect({ action, allowed: can(actor, action) }).toEqual({ action, allowed: expected });
    }
  });

  it('grants an anonymous caller no action of the catalogue', () => {
    const allowed = ACTIONS.filter((action) => can(anonymousActor, action));
    expect(allowed).toEqual([]);
  });

  it('denies an action that has no rule, and a user without roles', () => {
    expect(can(userActor(['administrator'], 'CONFIDENTIAL'), 'no.such.action' as Action)).toBe(false);
    const nobody: Actor = userActor([], 'CONFIDENTIAL');
    expect(CORE_ACTIONS.filter((action) => CORE_GRANTS[action] !== 'any signed-in user' && can(nobody, action))).toEqual([]);
  });
});
