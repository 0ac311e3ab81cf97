import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { OrganisationInput, OrganisationUpdate } from '../../../contract/admin';
import type { OrganisationView } from '../../../contract/directory';
import type { Db } from '../../db/client';
import { deskMembers, desks, organisations, sharingGroups, users } from '../../db/schema/core';
import type { AuditService } from '../../platform/audit/audit.service';
import { ConflictProblem, NotFoundProblem } from '../../platform/http/errors';
import { economyExists, findOrganisation, presentOrganisation } from '../directory';
import { type AdminContext, diff } from './admin.context';
import { fieldProblem, translateDbError } from './admin.errors';

type Input = ReturnType<typeof OrganisationInput.parse>;
type Patch = ReturnType<typeof OrganisationUpdate.parse>;

async function requireEconomy(tx: Db, code: string | undefined) {
  if (code !== undefined && !(await economyExists(tx, code))) throw fieldProblem('economy', `Unknown economy ${code}.`);
}

async function refuseDuplicateName(tx: Db, economy: string, name: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.economyCode, economy), sql`lower(${organisations.name}) = lower(${name})`, exceptId ? ne(organisations.id, exceptId) : undefined))
    .limit(1);
  if (row) throw new ConflictProblem(`An organisation named “${name}” already exists in ${economy}.`);
}

export function createOrganisationService(deps: { db: Db; audit: AuditService; clock: () => Date }) {
  const audit = deps.audit;
  return {
    create: (context: AdminContext, input: Input): Promise<OrganisationView> =>
      audit
        .command(async (tx) => {
          await requireEconomy(tx, input.economy);
          await refuseDuplicateName(tx, input.economy, input.name);
          const [row] = await tx
            .insert(organisations)
            .values({ name: input.name, acronym: input.acronym ?? null, kind: input.kind, economyCode: input.economy, website: input.website ?? null })
            .returning();
          await audit.append(tx, context, {
            action: 'admin.organisation.create',
            recordType: 'organisation',
            recordId: row!.id,
            details: { name: row!.name, acronym: row!.acronym, kind: row!.kind, economy: row!.economyCode, website: row!.website },
          });
          return presentOrganisation(context.actor, row!);
        })
        .catch(translateDbError),

    update: (context: AdminContext, id: string, patch: Patch): Promise<OrganisationView> =>
      audit
        .command(async (tx) => {
          const before = await findOrganisation(tx, id);
          if (!before) throw new NotFoundProblem();
          await requireEconomy(tx, patch.economy);
          const changes = diff(
            { name: before.name, acronym: before.acronym, kind: before.kind, economy: before.economyCode, website: before.website },
            patch,
          );
          if (Object.keys(changes).length === 0) return presentOrganisation(context.actor, before);
          const economy = patch.economy ?? before.economyCode;
          if (changes.name || changes.economy) await refuseDuplicateName(tx, economy, patch.name ?? before.name, id);
          if (changes.economy) {
            // Desk members must belong to the desk's economy; moving their organisation would break that.
            const [seated] = await tx
              .select({ seats: count() })
              .from(deskMembers)
              .innerJoin(users, eq(users.id, deskMembers.userId))
              .innerJoin(desks, eq(desks.id, deskMembers.deskId))
              .where(and(eq(users.organisationId, id), ne(desks.economyCode, economy)));
            if ((seated?.seats ?? 0) > 0) throw new ConflictProblem('Users of this organisation sit on desks of its economy; remove them from those desks first.');
          }
          const [row] = await tx
            .update(organisations)
            .set({
              name: patch.name,
              acronym: patch.acronym,
              kind: patch.kind,
              economyCode: patch.economy,
              website: patch.website,
              updatedAt: deps.clock(),
            })
            .where(eq(organisations.id, id))
            .returning();
          await audit.append(tx, context, { action: 'admin.organisation.update', recordType: 'organisation', recordId: id, details: { changes } });
          return presentOrganisation(context.actor, row!);
        })
        .catch(translateDbError),

    remove: (context: AdminContext, id: string): Promise<void> =>
      audit
        .command(async (tx) => {
          const before = await findOrganisation(tx, id);
          if (!before) throw new NotFoundProblem();
          const [people] = await tx.select({ total: count() }).from(users).where(eq(users.organisationId, id));
          if ((people?.total ?? 0) > 0) throw new ConflictProblem('The organisation still has users; move or disable them, and keep the organisation.');
          const [grouped] = await tx
            .select({ total: count() })
            .from(sharingGroups)
            .where(sql`${id}::uuid = any(${sharingGroups.organisationIds})`);
          if ((grouped?.total ?? 0) > 0) throw new ConflictProblem('The organisation is part of a sharing group; remove it from the group first.');
          await tx.delete(organisations).where(eq(organisations.id, id));
          await audit.append(tx, context, {
            action: 'admin.organisation.delete',
            recordType: 'organisation',
            recordId: id,
            details: { name: before.name, acronym: before.acronym, kind: before.kind, economy: before.economyCode },
          });
        })
        .catch(translateDbError),
  };
}
