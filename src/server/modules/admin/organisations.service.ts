import { count, eq, sql } from 'drizzle-orm';
import type { AccessChangeView, OrganisationInput, OrganisationUpdate } from '../../../contract/admin';
import type { OrganisationView } from '../../../contract/directory';
import type { Db } from '../../db/client';
import { organisations, sharingGroups, users } from '../../db/schema/core';
import type { AuditService } from '../../platform/audit/audit.service';
import { ConflictProblem, NotFoundProblem } from '../../platform/http/errors';
import { economyExists, findOrganisation, presentOrganisation } from '../directory';
import { type AdminContext, diff } from './admin.context';
import { fieldProblem, translateDbError } from './admin.errors';
import type { FieldChange } from './admin.schema';
import { proposeAccessChange } from './access-changes.service';
import { refuseDuplicateName, refuseSeatsOutside } from './organisations.checks';
import type { SessionCache } from '../../platform/auth/session-cache';

type Input = ReturnType<typeof OrganisationInput.parse>;
type Patch = ReturnType<typeof OrganisationUpdate.parse>;

async function requireEconomy(tx: Db, code: string | undefined) {
  if (code !== undefined && !(await economyExists(tx, code))) throw fieldProblem('economy', `Unknown economy ${code}.`);
}

export type OrganisationUpdateResult = { status: 200; body: OrganisationView } | { status: 202; body: AccessChangeView };

export function createOrganisationService(deps: { db: Db; audit: AuditService; clock: () => Date; sessionCache: SessionCache }) {
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

    /**
     * Name, acronym and website apply at once. A move to another economy or a new kind changes
     * what the organisation's staff read, so it waits for a second administrator (202).
     */
    update: (context: AdminContext, id: string, patch: Patch): Promise<OrganisationUpdateResult> =>
      audit
        .command(async (tx): Promise<OrganisationUpdateResult> => {
          const before = await findOrganisation(tx, id);
          if (!before) throw new NotFoundProblem();
          await requireEconomy(tx, patch.economy);
          const changes = diff(
            { name: before.name, acronym: before.acronym, kind: before.kind, economy: before.economyCode, website: before.website },
            patch,
          );
          if (Object.keys(changes).length === 0) return { status: 200, body: presentOrganisation(context.actor, before) };
          const economy = patch.economy ?? before.economyCode;
          if (changes.name || changes.economy) await refuseDuplicateName(tx, economy, patch.name ?? before.name, id);
          if (changes.economy) await refuseSeatsOutside(tx, id, economy);
          const { economy: economyChange, kind: kindChange, ...immediate } = changes;
          let row = before;
          if (Object.keys(immediate).length) {
            [row] = (await tx
              .update(organisations)
              .set({ name: patch.name, acronym: patch.acronym, website: patch.website, updatedAt: deps.clock() })
              .where(eq(organisations.id, id))
              .returning()) as [typeof before];
            await deps.sessionCache.publish(tx, 'everyone');
            await audit.append(tx, context, { action: 'admin.organisation.update', recordType: 'organisation', recordId: id, details: { changes: immediate } });
          }
          if (!economyChange && !kindChange) return { status: 200, body: presentOrganisation(context.actor, row) };
          const waiting: Record<string, FieldChange> = {};
          if (economyChange) waiting.economy = economyChange;
          if (kindChange) waiting.kind = kindChange;
          const change = await proposeAccessChange(
            tx,
            audit,
            context,
            { kind: 'organisation', recordType: 'organisation', recordId: id, changes: waiting, economies: [before.economyCode, economy], beneficiaryOrganisationIds: [id] },
            deps.clock(),
          );
          return { status: 202, body: change };
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
