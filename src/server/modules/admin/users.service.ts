import { and, eq, inArray, ne } from 'drizzle-orm';
import type { AdminUserPage, AdminUserView, UserCreateInput, UserListQuery, UserUpdateInput, UserWithPassword } from '../../../contract/admin';
import type { Role } from '../../../contract/core';
import type { Actor } from '../../access/actor';
import type { Db } from '../../db/client';
import { deskMembers, desks, users } from '../../db/schema/core';
import type { AuditService } from '../../platform/audit/audit.service';
import { destroyAllSessions } from '../../platform/auth/sessions';
import { ConflictProblem, NotFoundProblem } from '../../platform/http/errors';
import { findOrganisation } from '../directory';
import { hashPassword, resetUserCredentials } from '../identity';
import { type AdminContext, diff } from './admin.context';
import { fieldProblem, translateDbError } from './admin.errors';
import { isSelf, refuseAdministratorLoss } from './admin.policy';
import { generateOneTimePassword } from './one-time-password';
import { presentAccount } from './users.presenter';
import { type AccountRow, countOtherActiveAdministrators, emailTaken, findAccount, listAccounts, listDeskSeats } from './users.queries';

type CreateInput = Required<Pick<UserCreateInput, 'email' | 'displayName' | 'organisationId' | 'roles' | 'clearance'>>;
type UpdateInput = UserUpdateInput;

async function present(db: Db, actor: Actor, rows: AccountRow[]): Promise<AdminUserView[]> {
  const seats = await listDeskSeats(
    db,
    rows.map((row) => row.user.id),
  );
  return rows.map((row) =>
    presentAccount(
      actor,
      row,
      seats.filter((seat) => seat.userId === row.user.id).map(({ id, name }) => ({ id, name })),
    ),
  );
}

async function requireAccount(db: Db, id: string): Promise<AccountRow> {
  const row = await findAccount(db, id);
  if (!row) throw new NotFoundProblem();
  return row;
}

async function requireOrganisation(db: Db, id: string) {
  const organisation = await findOrganisation(db, id);
  if (!organisation) throw fieldProblem('organisationId', 'Unknown organisation.');
  return organisation;
}

export function createUserService(deps: { db: Db; audit: AuditService; clock: () => Date }) {
  const audit = deps.audit;

  async function loadView(db: Db, actor: Actor, id: string): Promise<AdminUserView> {
    const [view] = await present(db, actor, [await requireAccount(db, id)]);
    return view!;
  }

  return {
    list: async (actor: Actor, query: UserListQuery): Promise<AdminUserPage> => {
      const { rows, total } = await listAccounts(deps.db, query);
      return { items: await present(deps.db, actor, rows), total, page: query.page, pageSize: query.pageSize };
    },

    get: (actor: Actor, id: string) => loadView(deps.db, actor, id),

    create: async (context: AdminContext, input: CreateInput): Promise<UserWithPassword> => {
      const oneTimePassword = generateOneTimePassword();
      const passwordHash = await hashPassword(oneTimePassword);
      return audit
        .command(async (tx) => {
          const organisation = await requireOrganisation(tx, input.organisationId);
          if (await emailTaken(tx, input.email)) throw new ConflictProblem('A user with this e-mail already exists.');
          const now = deps.clock();
          const [row] = await tx
            .insert(users)
            .values({
              email: input.email,
              displayName: input.displayName,
              organisationId: organisation.id,
              roles: input.roles,
              clearance: input.clearance,
              passwordHash,
              passwordChangedAt: now,
              createdAt: now,
              updatedAt: now,
            })
            .returning({ id: users.id });
          await audit.append(tx, context, {
            action: 'admin.user.create',
            recordType: 'user',
            recordId: row!.id,
            details: { email: input.email, displayName: input.displayName, organisationId: organisation.id, roles: input.roles, clearance: input.clearance },
          });
          return { user: await loadView(tx, context.actor, row!.id), oneTimePassword };
        })
        .catch(translateDbError);
    },

    update: (context: AdminContext, id: string, patch: UpdateInput): Promise<AdminUserView> =>
      audit
        .command(async (tx) => {
          const { user, organisation } = await requireAccount(tx, id);
          const account = { id, roles: user.roles as Role[], disabled: user.disabledAt !== null };
          const changes = diff(
            { displayName: user.displayName, organisationId: user.organisationId, roles: user.roles, clearance: user.clearance },
            patch,
          );
          if (Object.keys(changes).length === 0) return loadView(tx, context.actor, id);
          if (changes.roles) {
            const refusal = refuseAdministratorLoss(context.actor, account, { roles: patch.roles }, await countOtherActiveAdministrators(tx, id));
            if (refusal) throw new ConflictProblem(refusal);
          }
          const details: Record<string, unknown> = { changes };
          if (changes.organisationId) {
            const target = await requireOrganisation(tx, patch.organisationId!);
            if (target.economyCode !== organisation.economy) {
              // A desk is staffed by its own economy only: seats elsewhere end with the move.
              const seats = await tx
                .select({ deskId: desks.id })
                .from(deskMembers)
                .innerJoin(desks, eq(desks.id, deskMembers.deskId))
                .where(and(eq(deskMembers.userId, id), ne(desks.economyCode, target.economyCode)));
              const deskIds = seats.map((seat) => seat.deskId);
              if (deskIds.length) await tx.delete(deskMembers).where(and(eq(deskMembers.userId, id), inArray(deskMembers.deskId, deskIds)));
              details.removedFromDesks = deskIds;
            }
          }
          await tx
            .update(users)
            .set({ displayName: patch.displayName, organisationId: patch.organisationId, roles: patch.roles, clearance: patch.clearance, updatedAt: deps.clock() })
            .where(eq(users.id, id));
          await audit.append(tx, context, { action: 'admin.user.update', recordType: 'user', recordId: id, details });
          return loadView(tx, context.actor, id);
        })
        .catch(translateDbError),

    disable: (context: AdminContext, id: string): Promise<AdminUserView> =>
      audit.command(async (tx) => {
        const { user } = await requireAccount(tx, id);
        const account = { id, roles: user.roles as Role[], disabled: user.disabledAt !== null };
        const refusal = refuseAdministratorLoss(context.actor, account, { disable: true }, await countOtherActiveAdministrators(tx, id));
        if (refusal) throw new ConflictProblem(refusal);
        if (account.disabled) return loadView(tx, context.actor, id);
        await tx.update(users).set({ disabledAt: deps.clock(), updatedAt: deps.clock() }).where(eq(users.id, id));
        const sessionsEnded = await destroyAllSessions(tx, id);
        await audit.append(tx, context, { action: 'admin.user.disable', recordType: 'user', recordId: id, details: { sessionsEnded } });
        return loadView(tx, context.actor, id);
      }),

    enable: (context: AdminContext, id: string): Promise<AdminUserView> =>
      audit.command(async (tx) => {
        const { user } = await requireAccount(tx, id);
        if (user.disabledAt === null) return loadView(tx, context.actor, id);
        await tx.update(users).set({ disabledAt: null, failedSignIns: 0, lockedUntil: null, updatedAt: deps.clock() }).where(eq(users.id, id));
        await audit.append(tx, context, { action: 'admin.user.enable', recordType: 'user', recordId: id, details: {} });
        return loadView(tx, context.actor, id);
      }),

    /** New one-time password, second factor cleared so it must be enrolled again, every session ended. */
    resetCredentials: async (context: AdminContext, id: string): Promise<UserWithPassword> => {
      if (isSelf(context.actor, { id })) throw new ConflictProblem('Change your own password and second factor from your profile.');
      const oneTimePassword = generateOneTimePassword();
      const passwordHash = await hashPassword(oneTimePassword);
      return audit.command(async (tx) => {
        await requireAccount(tx, id);
        const { sessionsEnded } = await resetUserCredentials(tx, id, { newPasswordHash: passwordHash, now: deps.clock() });
        await audit.append(tx, context, {
          action: 'admin.user.reset_credentials',
          recordType: 'user',
          recordId: id,
          details: { passwordReplaced: true, secondFactorCleared: true, sessionsEnded },
        });
        return { user: await loadView(tx, context.actor, id), oneTimePassword };
      });
    },
  };
}
