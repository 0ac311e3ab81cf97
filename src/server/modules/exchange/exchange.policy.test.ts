import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../contract/core';
import type { ReleaseState } from '../../../contract/exchange';
import type { UserActor } from '../../access/actor';
import { can } from '../../access/policy';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { actorFor, buildDesk, buildOrganisation, buildUser } from '../../test/factories';
import { type ItemAccess, canSeeItem } from './exchange.policy';
import { itemAccess } from './exchange.presenter';
import { insertItem, listThreadItems, visibleItems } from './exchange.queries';
import { sql } from 'drizzle-orm';

/*
 * Who sees an item, as a truth table written from the rules of docs/exchange.md (not from the
 * code): a desk worker whose clearance and organisation the marking admits, on the sender desk;
 * or on a recipient desk once released; or, while it waits, a contact point of the sender's
 * organisation who is not its author.
 */
const DESK_WORKER: Record<Role, boolean> = { officer: true, analyst: true, contact_point: true, administrator: false, auditor: false, reader: false, editor: false, donor: false };
const RELATIONS = ['sender desk', 'recipient desk', 'no desk'] as const;
const RELEASES: ReleaseState[] = ['released', 'awaiting_approval', 'returned'];
type Relation = (typeof RELATIONS)[number];

function expected(role: Role, relation: Relation, release: ReleaseState, readable: boolean, sameOrganisation: boolean, author: boolean): boolean {
  if (!DESK_WORKER[role] || !readable) return false;
  if (relation === 'sender desk') return true;
  if (release === 'released') return relation === 'recipient desk';
  return release === 'awaiting_approval' && role === 'contact_point' && sameOrganisation && !author;
}

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER_ORG = '22222222-2222-4222-8222-222222222222';
const SENDER_DESK = '33333333-3333-4333-8333-333333333333';
const RECIPIENT_DESK = '44444444-4444-4444-8444-444444444444';
const AUTHOR = '55555555-5555-4555-8555-555555555555';

function actorOf(role: Role, relation: Relation, sameOrganisation: boolean, author: boolean): UserActor {
  const deskIds = relation === 'sender desk' ? [SENDER_DESK] : relation === 'recipient desk' ? [RECIPIENT_DESK] : [];
  return { kind: 'user', userId: author ? AUTHOR : '66666666-6666-4666-8666-666666666666', email: 'x@example.test', displayName: 'X', organisationId: sameOrganisation ? ORG : OTHER_ORG, organisationName: '', economy: 'RS', roles: [role], clearance: 'RESTRICTED', deskIds, sharingGroupIds: [] };
}

function itemOf(release: ReleaseState, readable: boolean): ItemAccess {
  return {
    classification: readable ? 'RESTRICTED' : 'CONFIDENTIAL',
    tlp: 'AMBER',
    releasableEconomies: ['RS'],
    releasableOrganisations: [],
    sharingGroups: [],
    originatorControl: false,
    ownerOrganisationId: ORG,
    ownerEconomy: 'RS',
    kind: 'information_request',
    senderDeskId: SENDER_DESK,
    recipientDeskIds: [RECIPIENT_DESK],
    release,
    authorId: AUTHOR,
    approvedBy: null,
    state: 'sent',
    retracted: false,
  };
}

describe('canSeeItem: roles × desk × release × marking × organisation × authorship', () => {
  const cases = ROLES.flatMap((role) =>
    RELATIONS.flatMap((relation) =>
      RELEASES.flatMap((release) => [true, false].flatMap((readable) => [true, false].flatMap((same) => [true, false].map((author) => ({ role, relation, release, readable, same, author }))))),
    ),
  );
  it(`agrees with the table in all ${cases.length} cases`, () => {
    const wrong = cases.filter((c) => canSeeItem(actorOf(c.role, c.relation, c.same, c.author), itemOf(c.release, c.readable)) !== expected(c.role, c.relation, c.release, c.readable, c.same, c.author));
    expect(wrong).toEqual([]);
    expect(cases.filter((c) => expected(c.role, c.relation, c.release, c.readable, c.same, c.author)).length).toBeGreaterThan(20);
  });

  it('lets only the other side act: the recipient desk acknowledges, the sender desk retracts, nobody approves their own item', () => {
    const retraction = { ...itemOf('released', true), kind: 'retraction' as const, state: null };
    expect(can(actorOf('officer', 'recipient desk', false, false), 'exchange.item.acknowledge', retraction)).toBe(true);
    expect(can(actorOf('officer', 'sender desk', true, false), 'exchange.item.acknowledge', retraction)).toBe(false);
    expect(can(actorOf('officer', 'sender desk', true, false), 'exchange.item.retract', itemOf('released', true))).toBe(true);
    expect(can(actorOf('officer', 'recipient desk', false, false), 'exchange.item.retract', itemOf('released', true))).toBe(false);
    expect(can(actorOf('contact_point', 'sender desk', true, true), 'exchange.item.approve', itemOf('awaiting_approval', true))).toBe(false);
    expect(can(actorOf('contact_point', 'no desk', true, false), 'exchange.item.approve', itemOf('awaiting_approval', true))).toBe(true);
    expect(can(actorOf('officer', 'no desk', true, false), 'exchange.item.approve', itemOf('awaiting_approval', true))).toBe(false);
    const controlled = { ...itemOf('released', true), originatorControl: true };
    expect(can(actorOf('officer', 'recipient desk', false, false), 'exchange.item.forward', controlled)).toBe(false);
    expect(can(actorOf('officer', 'recipient desk', false, false), 'exchange.item.forward', itemOf('released', true))).toBe(true);
  });
});

describe('visibleItems, the SQL twin, returns exactly what canSeeItem allows', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(async () => {
    await test?.close();
  });

  it('for every actor over items of every release and marking', async () => {
    const { deps } = test;
    const owner = await buildOrganisation(deps, { economy: 'RS' });
    const other = await buildOrganisation(deps, { economy: 'RS' });
    const alOrg = await buildOrganisation(deps, { economy: 'AL' });
    const sender = await buildDesk(deps, { economy: 'RS' });
    const recipient = await buildDesk(deps, { economy: 'AL' });
    const author = await buildUser(deps, { organisationId: owner.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [sender.id] });
    const threadId = crypto.randomUUID();
    const markings = [
      { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS', 'AL'], releasableOrganisations: [] },
      { classification: 'CONFIDENTIAL', tlp: 'AMBER', releasableEconomies: ['RS', 'AL'], releasableOrganisations: [] },
      { classification: 'RESTRICTED', tlp: 'RED', releasableEconomies: [], releasableOrganisations: [alOrg.id] },
      { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['RS'], releasableOrganisations: [] },
    ] as const;
    let n = 0;
    for (const marking of markings) {
      for (const release of RELEASES) {
        n += 1;
        await insertItem(
          deps.db,
          { ...marking, releasableEconomies: [...marking.releasableEconomies], releasableOrganisations: [...marking.releasableOrganisations], reference: `EX-T-${n}`, threadId, relation: 'new', kind: 'information', senderDeskId: sender.id, authorId: author.id, subject: 's', bodyHtml: '<p>b</p>', urgency: 'normal', handlingCode: 'H0', evaluationSource: 'A', evaluationAccuracy: 1, ownerOrganisationId: owner.id, ownerEconomy: 'RS', release },
          [recipient.id],
        );
      }
    }
    const users = [
      author,
      await buildUser(deps, { organisationId: owner.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL' }),
      await buildUser(deps, { organisationId: owner.id, roles: ['officer'], clearance: 'RESTRICTED', deskIds: [sender.id] }),
      await buildUser(deps, { organisationId: other.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL' }),
      await buildUser(deps, { organisationId: alOrg.id, roles: ['officer'], clearance: 'CONFIDENTIAL', deskIds: [recipient.id] }),
      await buildUser(deps, { economy: 'AL', roles: ['analyst'], clearance: 'CONFIDENTIAL', deskIds: [recipient.id] }),
      await buildUser(deps, { economy: 'AL', roles: ['officer'], clearance: 'CONFIDENTIAL' }),
      await buildUser(deps, { economy: 'HR', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [recipient.id] }),
      await buildUser(deps, { organisationId: alOrg.id, roles: ['auditor'], clearance: 'CONFIDENTIAL', deskIds: [recipient.id] }),
    ];
    const all = await listThreadItems(deps.db, threadId, sql`true`);
    expect(all).toHaveLength(12);
    let allowed = 0;
    for (const user of users) {
      const actor = await actorFor(deps, user.id);
      const expectedIds = all.filter((row) => canSeeItem(actor, itemAccess(row, [recipient.id]))).map((row) => row.id).sort();
      const actualIds = (await listThreadItems(deps.db, threadId, visibleItems(actor))).map((row) => row.id).sort();
      expect({ user: user.email, ids: actualIds }).toEqual({ user: user.email, ids: expectedIds });
      allowed += expectedIds.length;
    }
    expect(allowed).toBeGreaterThan(10);
  });
});
