import { eq, inArray, ne, and, sql } from 'drizzle-orm';
import type { AccessChangeView } from '../../../contract/admin';
import type { SharingGroupView } from '../../../contract/directory';
import type { Db } from '../../db/client';
import { economies, organisations, sharingGroups } from '../../db/schema/core';
import type { AuditService } from '../../platform/audit/audit.service';
import { ConflictProblem, NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import { loadSharingGroupViews } from '../directory';
import { type AdminContext, diff } from './admin.context';
import { fieldProblem, translateDbError } from './admin.errors';
import type { FieldChange } from './admin.schema';
import { membersWiden } from './access-changes.policy';
import { economiesOfOrganisations } from './access-changes.queries';
import { proposeAccessChange } from './access-changes.service';
import type { SessionCache } from '../../platform/auth/session-cache';

export type GroupUpdateResult = { status: 200; body: SharingGroupView } | { status: 202; body: AccessChangeView };

type GroupFields = {
  name: string;
  description: string | null;
  economies: string[];
  organisationIds: string[];
};

/** An empty audience over-shares nothing but silently reaches nobody: refused (design §8). */
async function validateAudience(tx: Db, fields: GroupFields, exceptId?: string) {
  const economyCodes = [...new Set(fields.economies)];
  const organisationIds = [...new Set(fields.organisationIds)];
  if (economyCodes.length + organisationIds.length === 0) {
    throw new UnprocessableProblem('A sharing group must include at least one economy or organisation.', [
      { path: 'economies', message: 'add an economy or an organisation' },
    ]);
  }
  if (economyCodes.length) {
    const known = await tx.select({ code: economies.code }).from(economies).where(inArray(economies.code, economyCodes));
    const unknown = economyCodes.filter((code) => !known.some((row) => row.code === code));
    if (unknown.length) throw fieldProblem('economies', `Unknown economies: ${unknown.join(', ')}.`);
  }
  if (organisationIds.length) {
    const known = await tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, organisationIds));
    if (known.length !== organisationIds.length) throw fieldProblem('organisationIds', 'Some organisations do not exist.');
  }
  const [duplicate] = await tx
    .select({ id: sharingGroups.id })
    .from(sharingGroups)
    .where(and(sql`lower(${sharingGroups.name}) = lower(${fields.name})`, exceptId ? ne(sharingGroups.id, exceptId) : undefined))
    .limit(1);
  if (duplicate) throw new ConflictProblem(`A sharing group named “${fields.name}” already exists.`);
  return { ...fields, economies: economyCodes, organisationIds };
}

async function groupView(tx: Db, context: AdminContext, id: string): Promise<SharingGroupView> {
  const [view] = await loadSharingGroupViews(tx, context.actor, [id]);
  return view!;
}

async function requireGroup(tx: Db, id: string) {
  const [row] = await tx.select().from(sharingGroups).where(eq(sharingGroups.id, id)).limit(1);
  if (!row) throw new NotFoundProblem();
  return row;
}

export function createSharingGroupService(deps: { db: Db; audit: AuditService; clock: () => Date; sessionCache: SessionCache }) {
  const audit = deps.audit;
  return {
    create: (context: AdminContext, input: GroupFields): Promise<SharingGroupView> =>
      audit
        .command(async (tx) => {
          const fields = await validateAudience(tx, input);
          const [row] = await tx
            .insert(sharingGroups)
            .values({ name: fields.name, description: fields.description, economyCodes: fields.economies, organisationIds: fields.organisationIds })
            .returning({ id: sharingGroups.id });
          await deps.sessionCache.publish(tx, 'everyone');
          await audit.append(tx, context, { action: 'admin.sharing_group.create', recordType: 'sharing_group', recordId: row!.id, details: { ...fields } });
          return groupView(tx, context, row!.id);
        })
        .catch(translateDbError),

    /** A new economy or organisation in the group waits for a second administrator (202); the rest applies at once. */
    update: (context: AdminContext, id: string, patch: Partial<GroupFields>): Promise<GroupUpdateResult> =>
      audit
        .command(async (tx): Promise<GroupUpdateResult> => {
          const row = await requireGroup(tx, id);
          const before: GroupFields = { name: row.name, description: row.description, economies: row.economyCodes, organisationIds: row.organisationIds };
          const changes = diff(before, patch);
          if (Object.keys(changes).length === 0) return { status: 200, body: await groupView(tx, context, id) };
          const fields = await validateAudience(tx, { ...before, ...stripUndefined(patch) }, id);
          const addedEconomies = fields.economies.filter((code) => !before.economies.includes(code));
          const addedOrganisations = fields.organisationIds.filter((organisationId) => !before.organisationIds.includes(organisationId));
          const widens = membersWiden(before.economies, fields.economies) || membersWiden(before.organisationIds, fields.organisationIds);
          const applied = widens ? { ...fields, economies: before.economies, organisationIds: before.organisationIds } : fields;
          const appliedChanges = widens ? diff({ name: before.name, description: before.description }, { name: patch.name, description: patch.description }) : changes;
          if (Object.keys(appliedChanges).length) {
            await tx
              .update(sharingGroups)
              .set({ name: applied.name, description: applied.description, economyCodes: applied.economies, organisationIds: applied.organisationIds })
              .where(eq(sharingGroups.id, id));
            await deps.sessionCache.publish(tx, 'everyone');
            await audit.append(tx, context, { action: 'admin.sharing_group.update', recordType: 'sharing_group', recordId: id, details: { changes: appliedChanges } });
          }
          if (!widens) return { status: 200, body: await groupView(tx, context, id) };
          const waiting: Record<string, FieldChange> = {};
          if (changes.economies) waiting.economies = { from: before.economies, to: fields.economies };
          if (changes.organisationIds) waiting.organisationIds = { from: before.organisationIds, to: fields.organisationIds };
          const change = await proposeAccessChange(
            tx,
            audit,
            context,
            {
              kind: 'sharing_group',
              recordType: 'sharing_group',
              recordId: id,
              changes: waiting,
              economies: [...addedEconomies, ...(await economiesOfOrganisations(tx, addedOrganisations))],
              beneficiaryEconomies: addedEconomies,
              beneficiaryOrganisationIds: addedOrganisations,
            },
            deps.clock(),
          );
          return { status: 202, body: change };
        })
        .catch(translateDbError),

    remove: (context: AdminContext, id: string): Promise<void> =>
      audit.command(async (tx) => {
        const row = await requireGroup(tx, id);
        await tx.delete(sharingGroups).where(eq(sharingGroups.id, id));
        await deps.sessionCache.publish(tx, 'everyone');
        await audit.append(tx, context, {
          action: 'admin.sharing_group.delete',
          recordType: 'sharing_group',
          recordId: id,
          details: { name: row.name, economies: row.economyCodes, organisationIds: row.organisationIds },
        });
      }),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
