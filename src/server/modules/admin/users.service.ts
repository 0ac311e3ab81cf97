import { eq } from 'drizzle-orm';
import type { AccessChangeView, AdminUserPage, AdminUserView, UserCreateInput, UserListQuery, UserUpdateInput, UserWithPassword } from '../../../contract/admin';
import type { Classification, Role } from '../../../contract/core';
import type { Actor } from '../../access/actor';
import { AccessDenied } from '../../access/authorize';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/core';
import type { AuditService } from '../../platform/audit/audit.service';
import { destroyAllSessions } from '../../platform/auth/sessions';
import { ConflictProblem, ForbiddenProblem, NotFoundProblem } from '../../platform/http/errors';
import { findOrganisation } from '../directory';
import { findLockedAccounts, hashPassword, resetUserCredentials, unlockSignIn } from '../identity';
import { type AdminContext, diff } from './admin.context';
import { fieldProblem, translateDbError } from './admin.errors';
import { isSelf, refuseAdministratorLoss } from './admin.policy';
import type { FieldChange } from './admin.schema';
import { SELF_CHANGE_REFUSED, clearanceWidens, rolesWiden } from './access-changes.policy';
import { proposeAccessChange } from './access-changes.service';
import { generateOneTimePassword } from './one-time-password';
import { presentAccount } from './users.presenter';
import { type AccountRow, countOtherActiveAdministrators, emailTaken, findAccount, listAccounts, listDeskSeats } from './users.queries';
import type { SessionCache } from '../../platform/auth/session-cache';

type CreateInput = Required<Pick<UserCreateInput, 'email' | 'displayName' | 'organisationId' | 'roles' | 'clearance'>>;
type UpdateInput = UserUpdateInput;
/** 200 with the account when everything applied; 202 with the change that waits for approval. */
export type UpdateResult = { status: 200; body: AdminUserView } | { status: 202; body: AccessChangeView };

async function present(db: Db, actor: Actor, rows: AccountRow[], now: Date): Promise<AdminUserView[]> {
  const ids = rows.map((row) => row.user.id);
  const [seats, locked] = await Promise.all([listDeskSeats(db, ids), findLockedAccounts(db, ids, now)]);
  return rows.map((row) =>
    presentAccount(
      actor,
      row,
      seats.filter((seat) => seat.userId === row.user.id).map(({ id, name }) => ({ id, name })),
      locked.has(row.user.id),
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

export function createUserService(deps: { db: Db; audit: AuditService; clock: () => Date; sessionCache: SessionCache }) {
  const audit = deps.audit;

  async function loadView(db: Db, actor: Actor, id: string): Promise<AdminUserView> {
    const [view] = await present(db, actor, [await requireAccount(db, id)], deps.clock());
    return view!;
  }

  return {
    list: async (actor: Actor, query: UserListQuery): Promise<AdminUserPage> => {
      const { rows, total } = await listAccounts(deps.db, query);
      return { items: await present(deps.db, actor, rows, deps.clock()), total, page: query.page, pageSize: query.pageSize };
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

    /**
     * Applies the name and any narrowing (roles dropped, clearance lowered) at once; a move,
     * an added role or a raised clearance waits for a second administrator (202).
     */
    update: (context: AdminContext, id: string, patch: UpdateInput): Promise<UpdateResult> =>
      audit
        .command(async (tx): Promise<UpdateResult> => {
          const { user, organisation } = await requireAccount(tx, id);
          const account = { id, roles: user.roles as Role[], disabled: user.disabledAt !== null };
          const changes = diff(
            { displayName: user.displayName, organisationId: user.organisationId, roles: user.roles, clearance: user.clearance },
            patch,
          );
          if (Object.keys(changes).length === 0) return { status: 200, body: await loadView(tx, context.actor, id) };
          if (isSelf(context.actor, account) && (changes.organisationId || changes.roles || changes.clearance)) {
            throw new AccessDenied('admin.user.manage', new ForbiddenProblem(SELF_CHANGE_REFUSED), 'user', id);
          }
          if (changes.roles) {
            const refusal = refuseAdministratorLoss(context.actor, account, { roles: patch.roles }, await countOtherActiveAdministrators(tx, id));
            if (refusal) throw new ConflictProblem(refusal);
          }
          const destination = changes.organisationId ? await requireOrganisation(tx, patch.organisationId!) : null;
          const waiting: Record<string, FieldChange> = {};
          const immediate: Record<string, FieldChange> = {};
          for (const [field, change] of Object.entries(changes)) {
            const widens =
              field === 'organisationId' ||
              (field === 'roles' && rolesWiden(change.from as Role[], change.to as Role[])) ||
              (field === 'clearance' && clearanceWidens(change.from as Classification, change.to as Classification));
            (widens ? waiting : immediate)[field] = change;
          }
          if (Object.keys(immediate).length) {
            await tx
              .update(users)
              .set({ displayName: patch.displayName, roles: immediate.roles ? patch.roles : undefined, clearance: immediate.clearance ? patch.clearance : undefined, updatedAt: deps.clock() })
              .where(eq(users.id, id));
            await deps.sessionCache.publish(tx, { userId: id });
            await audit.append(tx, context, { action: 'admin.user.update', recordType: 'user', recordId: id, details: { changes: immediate } });
          }
          if (Object.keys(waiting).length === 0) return { status: 200, body: await loadView(tx, context.actor, id) };
          const change = await proposeAccessChange(
            tx,
            audit,
            context,
            { kind: 'user', recordType: 'user', recordId: id, changes: waiting, economies: [organisation.economy, destination?.economyCode], beneficiaryUserIds: [id] },
            deps.clock(),
          );
          return { status: 202, body: change };
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
        const sessionsEnded = await destroyAllSessions(tx, deps.sessionCache, id);
        await audit.append(tx, context, { action: 'admin.user.disable', recordType: 'user', recordId: id, details: { sessionsEnded } });
        return loadView(tx, context.actor, id);
      }),

    enable: (context: AdminContext, id: string): Promise<AdminUserView> =>
      audit.command(async (tx) => {
        const { user } = await requireAccount(tx, id);
        if (user.disabledAt === null) return loadView(tx, context.actor, id);
        await tx.update(users).set({ disabledAt: null, updatedAt: deps.clock() }).where(eq(users.id, id));
        await deps.sessionCache.publish(tx, { userId: id });
        await unlockSignIn(tx, id, deps.clock());
        await audit.append(tx, context, { action: 'admin.user.enable', recordType: 'user', recordId: id, details: {} });
        return loadView(tx, context.actor, id);
      }),

    /** Lifts every sign-in lock of the account (the owner can also do it with a recovery code). */
    unlock: (context: AdminContext, id: string): Promise<AdminUserView> =>
      audit.command(async (tx) => {
        await requireAccount(tx, id);
        const wasLocked = await unlockSignIn(tx, id, deps.clock());
        if (wasLocked) await audit.append(tx, context, { action: 'admin.user.unlock', recordType: 'user', recordId: id, details: {} });
        return loadView(tx, context.actor, id);
      }),

    /** New one-time password, second factor cleared so it must be enrolled again, every session ended. */
    resetCredentials: async (context: AdminContext, id: string): Promise<UserWithPassword> => {
      if (isSelf(context.actor, { id })) throw new ConflictProblem('Change your own password and second factor from your profile.');
      const oneTimePassword = generateOneTimePassword();
      const passwordHash = await hashPassword(oneTimePassword);
      return audit.command(async (tx) => {
        await requireAccount(tx, id);
        const { sessionsEnded } = await resetUserCredentials(tx, deps.sessionCache, id, { newPasswordHash: passwordHash, now: deps.clock() });
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
