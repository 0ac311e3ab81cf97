import net from 'node:net';
import type { FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Action } from '../../../contract/actions';
import { type Actor, type UserActor, anonymousActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { type ApiKeyRow, apiKeys } from '../../db/schema/api-keys';
import { organisations, users } from '../../db/schema/core';
import type { AppDeps } from '../deps';
import { ForbiddenProblem, type HttpProblem, UnauthorizedProblem } from '../http/errors';
import { randomToken, sha256Hex } from '../crypto/secrets';
import { actorMembershipColumns, toActor } from './sessions';

const KEY_PREFIX = 'mosaic_';
const KEY_PATTERN = /^mosaic_[A-Za-z0-9_-]{43}$/;
/** Last use is written at most this often per key, so a busy client does not write on every call. */
const LAST_USE_EVERY_MS = 60_000;

/** A new secret: 256 random bits behind a recognisable prefix (secret scanners look for it). */
export function newApiKeySecret(): { secret: string; prefix: string; hash: string } {
  const secret = `${KEY_PREFIX}${randomToken(32)}`;
  return { secret, prefix: secret.slice(0, KEY_PREFIX.length + 6), hash: sha256Hex(secret) };
}

/** `Authorization: Bearer <key>` or `X-API-Key: <key>`; null when the request carries neither. */
export function presentedApiKey(request: FastifyRequest): string | null {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string') return header.trim();
  const authorization = request.headers.authorization;
  if (authorization && /^bearer\s/i.test(authorization)) return authorization.slice(7).trim();
  return null;
}

/** A CIDR network as the allow-list keeps it (`192.0.2.0/24`, `2001:db8::/32`), or null when it is not one. */
export function parseNetwork(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const version = net.isIP(address);
  if (version === 0) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
  if (prefix < 0 || prefix > max) return null;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

function clientAddress(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return mapped ? mapped[1]! : ip;
}

export function addressAllowed(networks: readonly string[], ip: string): boolean {
  const address = clientAddress(ip);
  const version = net.isIP(address);
  if (version === 0) return false;
  const list = new net.BlockList();
  for (const text of networks) {
    const network = parseNetwork(text);
    if (network) list.addSubnet(network.address, network.prefix, network.family);
  }
  return list.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

export type ApiKeyRefusal = 'unknown' | 'pending' | 'revoked' | 'expired' | 'address' | 'scope';

const REFUSALS: Record<ApiKeyRefusal, () => HttpProblem> = {
  unknown: () => new UnauthorizedProblem('The API key is not valid.'),
  pending: () => new UnauthorizedProblem('The API key waits for a second administrator’s approval.'),
  revoked: () => new UnauthorizedProblem('The API key has been revoked.'),
  expired: () => new UnauthorizedProblem('The API key has expired.'),
  address: () => new ForbiddenProblem('The API key may not be used from this address.'),
  scope: () => new UnauthorizedProblem('The API key does not carry the scope this request needs.'),
};

/** Why a stored key may not be used now from this address, or null when it may. */
export function apiKeyRefusal(key: Pick<ApiKeyRow, 'approvedAt' | 'revokedAt' | 'expiresAt' | 'allowedNetworks'>, ip: string, now: Date): ApiKeyRefusal | null {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (!key.approvedAt) return 'pending';
  if (!addressAllowed(key.allowedNetworks, ip)) return 'address';
  return null;
}

/** The key behind a secret with the actor it acts as: its service account, no desks, only its scopes. */
async function loadApiKey(db: Db, secret: string): Promise<{ key: ApiKeyRow; actor: UserActor } | null> {
  if (!KEY_PATTERN.test(secret)) return null;
  const [row] = await db
    .select({
      key: apiKeys,
      // Only what the actor needs: never the service account's password hash or second factor.
      user: { id: users.id, email: users.email, displayName: users.displayName, roles: users.roles, clearance: users.clearance },
      organisation: { id: organisations.id, name: organisations.name, economyCode: organisations.economyCode },
      ...actorMembershipColumns(),
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.serviceUserId))
    .innerJoin(organisations, eq(organisations.id, apiKeys.organisationId))
    .where(eq(apiKeys.secretHash, sha256Hex(secret)))
    .limit(1);
  if (!row) return null;
  const actor: UserActor = {
    ...toActor(row.user, row.organisation, { deskIds: [], sharingGroupIds: row.sharingGroupIds }),
    email: `api-key:${row.key.id}`,
    apiKey: { id: row.key.id, scopes: row.key.scopes as Action[] },
  };
  return { key: row.key, actor };
}

/**
 * The actor of a request that presents an API key. A key that is unknown, waiting for
 * approval, revoked, expired, used from outside its networks, or sent to a guarded route
 * outside its scopes is refused with a problem document and the attempt is audited; on a
 * public route a valid key's caller is anonymous.
 */
export async function authenticateApiKey(deps: Pick<AppDeps, 'db' | 'audit' | 'clock'>, request: FastifyRequest, secret: string): Promise<Actor> {
  const now = deps.clock();
  const loaded = await loadApiKey(deps.db, secret);
  const action = request.routeOptions.config.access;
  const refusal = !loaded ? 'unknown' : (apiKeyRefusal(loaded.key, request.ip, now) ?? (action && !loaded.actor.apiKey!.scopes.includes(action) ? 'scope' : null));
  if (refusal) {
    await deps.audit.record(
      { actor: loaded?.actor ?? anonymousActor, ip: request.ip },
      {
        action: 'auth.api_key',
        recordType: loaded ? 'api_key' : undefined,
        recordId: loaded?.key.id,
        outcome: 'denied',
        actorLabel: loaded ? undefined : 'api-key:unknown',
        details: { reason: refusal, method: request.method, route: request.routeOptions.url ?? null, ...(action ? { requiredScope: action } : {}) },
      },
    );
    throw REFUSALS[refusal]();
  }
  const { key, actor } = loaded!;
  // Every call of a key is in the audit chain, whatever the route audits itself.
  await deps.audit.command(async (tx) => {
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USE_EVERY_MS || key.lastUsedIp !== request.ip) {
      await tx.update(apiKeys).set({ lastUsedAt: now, lastUsedIp: request.ip }).where(eq(apiKeys.id, key.id));
    }
    await deps.audit.append(tx, { actor, ip: request.ip }, {
      action: 'auth.api_key',
      recordType: 'api_key',
      recordId: key.id,
      details: { method: request.method, route: request.routeOptions.url ?? null, ...(action ? { scope: action } : {}) },
    });
  });
  return action ? actor : anonymousActor;
}
