import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { deskMembers, desks, organisations, users } from '../../db/schema/core';
import { ConflictProblem } from '../../platform/http/errors';

export async function refuseDuplicateName(tx: Db, economy: string, name: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.economyCode, economy), sql`lower(${organisations.name}) = lower(${name})`, exceptId ? ne(organisations.id, exceptId) : undefined))
    .limit(1);
  if (row) throw new ConflictProblem(`An organisation named “${name}” already exists in ${economy}.`);
}

/** Desk members must belong to the desk's economy; moving their organisation would break that. */
export async function refuseSeatsOutside(tx: Db, organisationId: string, economy: string) {
  const [seated] = await tx
    .select({ seats: count() })
    .from(deskMembers)
    .innerJoin(users, eq(users.id, deskMembers.userId))
    .innerJoin(desks, eq(desks.id, deskMembers.deskId))
    .where(and(eq(users.organisationId, organisationId), ne(desks.economyCode, economy)));
  if ((seated?.seats ?? 0) > 0) throw new ConflictProblem('Users of this organisation sit on desks of its economy; remove them from those desks first.');
}
