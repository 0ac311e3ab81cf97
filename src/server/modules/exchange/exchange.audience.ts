import { and, inArray, isNull } from 'drizzle-orm';
import type { Marking } from '../../../contract/core';
import type { DeskRef, RecipientPreview } from '../../../contract/exchange';
import type { UserActor } from '../../access/actor';
import { type MarkedRecord, canReadMarked } from '../../access/marking';
import type { Db } from '../../db/client';
import { deskMembers, economies, organisations, sharingGroups, users } from '../../db/schema/core';
import { actorMembershipColumns, toActor } from '../../platform/auth/sessions';
import { eq } from 'drizzle-orm';
import { DESK_ROLES } from './exchange.policy';
import { loadDeskRefs } from './exchange.queries';

type Problem = { path: string; message: string };

/** The enabled members of each desk, as actors, so that the marking rule itself decides who can read. */
async function loadDeskMembers(db: Db, deskIds: string[]): Promise<Map<string, UserActor[]>> {
  const byDesk = new Map<string, UserActor[]>();
  if (deskIds.length === 0) return byDesk;
  const rows = await db
    .select({ deskId: deskMembers.deskId, user: users, organisation: organisations, ...actorMembershipColumns() })
    .from(deskMembers)
    .innerJoin(users, eq(users.id, deskMembers.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(inArray(deskMembers.deskId, deskIds), isNull(users.disabledAt)));
  for (const row of rows) {
    const actor = toActor(row.user, row.organisation, { deskIds: row.deskIds, sharingGroupIds: row.sharingGroupIds });
    if (!actor.roles.some((role) => (DESK_ROLES as readonly string[]).includes(role))) continue;
    byDesk.set(row.deskId, [...(byDesk.get(row.deskId) ?? []), actor]);
  }
  return byDesk;
}

/** The enabled members of the desks whom the marking lets read the record. */
export async function readersOfDesks(db: Db, deskIds: string[], record: MarkedRecord): Promise<string[]> {
  const members = await loadDeskMembers(db, deskIds);
  return [...new Set([...members.values()].flat().filter((actor) => canReadMarked(actor, record)).map((actor) => actor.userId))];
}

/** Economies, organisations and sharing groups the marking names must exist. */
export async function markingProblems(db: Db, marking: Marking): Promise<Problem[]> {
  const [economyRows, organisationRows, groupRows] = await Promise.all([
    marking.releasableEconomies.length ? db.select({ code: economies.code }).from(economies).where(inArray(economies.code, marking.releasableEconomies)) : [],
    marking.releasableOrganisations.length
      ? db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, marking.releasableOrganisations))
      : [],
    marking.sharingGroups.length ? db.select({ id: sharingGroups.id }).from(sharingGroups).where(inArray(sharingGroups.id, marking.sharingGroups)) : [],
  ]);
  const problems: Problem[] = [];
  if (economyRows.length !== new Set(marking.releasableEconomies).size) problems.push({ path: 'marking.releasableEconomies', message: 'an economy code is unknown' });
  if (organisationRows.length !== new Set(marking.releasableOrganisations).size) problems.push({ path: 'marking.releasableOrganisations', message: 'an organisation is unknown' });
  if (groupRows.length !== new Set(marking.sharingGroups).size) problems.push({ path: 'marking.sharingGroups', message: 'a sharing group is unknown' });
  return problems;
}

export interface AudienceInput {
  senderDeskId: string;
  recipientDeskIds: string[];
  record: MarkedRecord;
  /** A request goes to exactly one desk. */
  single: boolean;
}

/**
 * Exactly who would be able to read the item: per recipient desk, the members the marking lets
 * read; and every reason the item cannot go as it is (a desk that does not exist, has no active
 * member, or none of whose members may read under the marking — never a silent over- or under-share).
 */
export async function previewAudience(db: Db, input: AudienceInput): Promise<Omit<RecipientPreview, 'needsApproval' | 'via'>> {
  const recipientIds = [...new Set(input.recipientDeskIds)];
  const [refs, members] = await Promise.all([loadDeskRefs(db, [input.senderDeskId, ...recipientIds]), loadDeskMembers(db, [input.senderDeskId, ...recipientIds])]);
  const problems: Problem[] = [];
  if (input.single && recipientIds.length !== 1) problems.push({ path: 'recipientDeskIds', message: 'a request goes to exactly one desk' });
  const readersOf = (deskId: string) => (members.get(deskId) ?? []).filter((actor) => canReadMarked(actor, input.record));
  const desks: (DeskRef & { readers: number })[] = [];
  recipientIds.forEach((deskId, index) => {
    const ref = refs.get(deskId);
    const path = `recipientDeskIds.${index}`;
    if (!ref) return problems.push({ path, message: 'this desk does not exist' });
    const readers = readersOf(deskId).length;
    desks.push({ ...ref, readers });
    if (deskId === input.senderDeskId) problems.push({ path, message: `${ref.name} is the sending desk` });
    else if ((members.get(deskId) ?? []).length === 0) problems.push({ path, message: `${ref.name} is inactive: it has no active members` });
    else if (readers === 0) problems.push({ path, message: `nobody at ${ref.name} may read an item with this marking` });
    return undefined;
  });
  const everyone = new Set([input.senderDeskId, ...recipientIds].flatMap((deskId) => readersOf(deskId).map((actor) => actor.userId)));
  if (everyone.size === 0) problems.push({ path: 'marking', message: 'nobody could read this item' });
  return { desks, readers: everyone.size, problems };
}

/** Organisation id → economy, for the organisations a marking lists. */
export async function economiesOfOrganisations(db: Db, organisationIds: string[]): Promise<Map<string, string>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db.select({ id: organisations.id, economy: organisations.economyCode }).from(organisations).where(inArray(organisations.id, organisationIds));
  return new Map(rows.map((row) => [row.id, row.economy]));
}
