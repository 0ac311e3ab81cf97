import type { ApiKeyScope, ApiKeyView } from '../../../contract/api-keys';
import type { Classification } from '../../../contract/core';
import type { Actor } from '../../access/actor';
import { can } from '../../access/policy';
import type { ApiKeyWithContext } from './api-keys.queries';

export function apiKeyStatus(key: ApiKeyWithContext['key'], now: Date): ApiKeyView['status'] {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt.getTime() <= now.getTime()) return 'expired';
  return key.approvedAt ? 'active' : 'pending';
}

/** No one approves the key they created: a second administrator does. */
export function mayApproveApiKey(actor: Actor, key: ApiKeyWithContext['key'], now: Date): boolean {
  return can(actor, 'admin.api_key.manage') && actor.kind === 'user' && apiKeyStatus(key, now) === 'pending' && key.createdBy !== actor.userId;
}

export function presentApiKey(actor: Actor, row: ApiKeyWithContext, now: Date): ApiKeyView {
  const { key } = row;
  const status = apiKeyStatus(key, now);
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    organisation: row.organisation,
    scopes: key.scopes as ApiKeyScope[],
    clearance: row.clearance as Classification,
    allowedNetworks: key.allowedNetworks,
    status,
    createdAt: key.createdAt.toISOString(),
    createdBy: row.createdByName,
    approvedAt: iso(key.approvedAt),
    approvedBy: row.approvedByName,
    expiresAt: key.expiresAt.toISOString(),
    lastUsedAt: iso(key.lastUsedAt),
    lastUsedIp: key.lastUsedIp,
    revokedAt: iso(key.revokedAt),
    revokedBy: row.revokedByName,
    revokeReason: key.revokeReason,
    abilities: {
      approve: mayApproveApiKey(actor, key, now),
      revoke: can(actor, 'admin.api_key.manage') && (status === 'active' || status === 'pending'),
    },
  };
}
