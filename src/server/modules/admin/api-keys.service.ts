import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { ApiKeyCreateInput, ApiKeyCreated, ApiKeyListQuery, ApiKeyPage, ApiKeyRevokeInput, ApiKeyView } from '../../../contract/api-keys';
import { API_KEY_MAX_DAYS } from '../../../contract/api-keys';
import { type Classification, ROLES, type Role } from '../../../contract/core';
import { type Actor, type UserActor, classificationRank } from '../../access/actor';
import { can } from '../../access/policy';
import type { Db } from '../../db/client';
import { apiKeys } from '../../db/schema/api-keys';
import { users } from '../../db/schema/core';
import { newApiKeySecret, parseNetwork } from '../../platform/auth/api-keys';
import type { AuditService } from '../../platform/audit/audit.service';
import { ConflictProblem, ForbiddenProblem, NotFoundProblem } from '../../platform/http/errors';
import { type OrganisationRow, findOrganisation } from '../directory';
import { hashPassword } from '../identity';
import type { AdminContext } from './admin.context';
import { fieldProblem, translateDbError } from './admin.errors';
import { findApiKey, listApiKeys, organisationPeople } from './api-keys.queries';
import { apiKeyStatus, mayApproveApiKey, presentApiKey } from './api-keys.presenter';

const DAY_MS = 86_400_000;

/** A person of the organisation as the policy would see them, to ask what they may do. */
function asPerson(organisation: OrganisationRow, person: { roles: string[]; clearance: string }): UserActor {
  return {
    kind: 'user',
    userId: '00000000-0000-0000-0000-000000000000',
    email: '',
    displayName: '',
    organisationId: organisation.id,
    organisationName: organisation.name,
    economy: organisation.economyCode,
    roles: person.roles as Role[],
    clearance: person.clearance as Classification,
    deskIds: [],
    sharingGroupIds: [],
  };
}

/**
 * The roles a key needs for its scopes, and the highest clearance it may read at: a key carries
 * only actions that some active person of its organisation holds, at no higher a clearance.
 */
async function keyPowers(tx: Db, organisation: OrganisationRow, input: ApiKeyCreateInput): Promise<Role[]> {
  const people = await organisationPeople(tx, organisation.id);
  const roles = new Set<Role>();
  let highest = -1;
  for (const scope of input.scopes) {
    const holders = people.filter((person) => can(asPerson(organisation, person), scope));
    if (holders.length === 0) throw fieldProblem('scopes', `No active user of ${organisation.name} may take ${scope}; a key cannot carry it.`);
    const held = new Set(holders.flatMap((person) => person.roles as Role[]));
    for (const role of ROLES) {
      if (held.has(role) && can(asPerson(organisation, { roles: [role], clearance: 'PUBLIC' }), scope)) roles.add(role);
    }
    for (const holder of holders) highest = Math.max(highest, classificationRank(holder.clearance as Classification));
  }
  if (classificationRank(input.clearance) > highest) {
    throw fieldProblem('clearance', `No user of ${organisation.name} holding these scopes is cleared for ${input.clearance}.`);
  }
  return [...roles];
}

function checkInput(input: ApiKeyCreateInput, now: Date) {
  for (const [index, text] of input.allowedNetworks.entries()) {
    if (!parseNetwork(text)) throw fieldProblem(`allowedNetworks.${index}`, `${text} is not an address or a network in CIDR notation.`);
  }
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt.getTime() <= now.getTime()) throw fieldProblem('expiresAt', 'The expiry must be in the future.');
  if (expiresAt.getTime() > now.getTime() + API_KEY_MAX_DAYS * DAY_MS) throw fieldProblem('expiresAt', `A key lives at most ${API_KEY_MAX_DAYS} days.`);
  return expiresAt;
}

export function createApiKeyService(deps: { db: Db; audit: AuditService; clock: () => Date }) {
  const { db, audit, clock } = deps;

  async function loadView(tx: Db, actor: Actor, id: string): Promise<ApiKeyView> {
    const row = await findApiKey(tx, id);
    if (!row) throw new NotFoundProblem();
    return presentApiKey(actor, row, clock());
  }

  return {
    list: async (actor: Actor, query: ApiKeyListQuery): Promise<ApiKeyPage> => {
      const now = clock();
      const { rows, total } = await listApiKeys(db, { ...query, now });
      return { items: rows.map((row) => presentApiKey(actor, row, now)), total, page: query.page, pageSize: query.pageSize };
    },

    get: (actor: Actor, id: string): Promise<ApiKeyView> => loadView(db, actor, id),

    /**
     * A new key and its service account, in one transaction with its audit event. The key
     * works once a second administrator approves it: a key widens who reads marked records.
     */
    create: async (context: AdminContext, input: ApiKeyCreateInput): Promise<ApiKeyCreated> => {
      const now = clock();
      const expiresAt = checkInput(input, now);
      // The service account never signs in (it is disabled); its password is a random one nobody knows.
      const passwordHash = await hashPassword(crypto.randomBytes(32).toString('base64url'));
      const { secret, prefix, hash } = newApiKeySecret();
      return audit
        .command(async (tx) => {
          const organisation = await findOrganisation(tx, input.organisationId);
          if (!organisation) throw fieldProblem('organisationId', 'The organisation does not exist.');
          const roles = await keyPowers(tx, organisation, input);
          const id = crypto.randomUUID();
          const [serviceUser] = await tx
            .insert(users)
            .values({
              email: `api-key-${id}@api-keys.invalid`,
              displayName: `API key · ${input.name}`,
              organisationId: organisation.id,
              roles,
              clearance: input.clearance,
              passwordHash,
              disabledAt: now,
            })
            .returning({ id: users.id });
          await tx.insert(apiKeys).values({
            id,
            name: input.name,
            prefix,
            secretHash: hash,
            organisationId: organisation.id,
            serviceUserId: serviceUser!.id,
            scopes: input.scopes,
            allowedNetworks: input.allowedNetworks.map((text) => text.trim()),
            expiresAt,
            createdBy: context.actor.userId,
            createdAt: now,
          });
          await audit.append(tx, context, {
            action: 'admin.api_key.create',
            recordType: 'api_key',
            recordId: id,
            details: {
              organisationId: organisation.id,
              serviceUserId: serviceUser!.id,
              prefix,
              scopes: input.scopes,
              roles,
              clearance: input.clearance,
              allowedNetworks: input.allowedNetworks,
              expiresAt: expiresAt.toISOString(),
              createdBy: context.actor.displayName,
            },
          });
          return { key: await loadView(tx, context.actor, id), secret };
        })
        .catch(translateDbError);
    },

    approve: (context: AdminContext, id: string): Promise<ApiKeyView> =>
      audit.command(async (tx) => {
        const row = await findApiKey(tx, id);
        if (!row) throw new NotFoundProblem();
        const now = clock();
        if (apiKeyStatus(row.key, now) !== 'pending') throw new ConflictProblem('Only a key that waits for approval can be approved.');
        if (!mayApproveApiKey(context.actor, row.key, now)) throw new ForbiddenProblem('Another administrator must approve a key you created.');
        const updated = await tx
          .update(apiKeys)
          .set({ approvedBy: context.actor.userId, approvedAt: now })
          .where(and(eq(apiKeys.id, id), isNull(apiKeys.approvedAt), isNull(apiKeys.revokedAt)))
          .returning({ id: apiKeys.id });
        if (updated.length === 0) throw new ConflictProblem('The key changed meanwhile; reload it.');
        await audit.append(tx, context, {
          action: 'admin.api_key.approve',
          recordType: 'api_key',
          recordId: id,
          details: { organisationId: row.organisation.id, scopes: row.key.scopes, createdBy: row.key.createdBy },
        });
        return loadView(tx, context.actor, id);
      }),

    revoke: (context: AdminContext, id: string, input: ApiKeyRevokeInput): Promise<ApiKeyView> =>
      audit.command(async (tx) => {
        const row = await findApiKey(tx, id);
        if (!row) throw new NotFoundProblem();
        const status = apiKeyStatus(row.key, clock());
        if (status === 'revoked' || status === 'expired') throw new ConflictProblem(`The key is already ${status}.`);
        await tx
          .update(apiKeys)
          .set({ revokedBy: context.actor.userId, revokedAt: clock(), revokeReason: input.reason })
          .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
        await audit.append(tx, context, {
          action: 'admin.api_key.revoke',
          recordType: 'api_key',
          recordId: id,
          details: { organisationId: row.organisation.id, previousStatus: status, reason: input.reason },
        });
        return loadView(tx, context.actor, id);
      }),
  };
}
