import { z } from 'zod';
import { Classification, Page, PageQuery, Uuid } from './core';
import { singleLine } from './single-line';

/**
 * The actions an API key may carry: only what a machine client needs. A key never carries
 * administration, alert entry or hit decisions, whatever its organisation's users may do.
 */
export const API_KEY_SCOPES = ['wanted.screen', 'wanted.hit.read'] as const;
export const ApiKeyScope = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

/** The longest a key may live: a machine credential is renewed at least once a year. */
export const API_KEY_MAX_DAYS = 366;

const SingleLine = (max: number) => singleLine().trim().min(2, 'at least 2 characters').max(max);

/** An IPv4 or IPv6 network in CIDR notation (a single address without a prefix means /32 or /128). */
export const Cidr = z
  .string()
  .trim()
  .max(50)
  .regex(/^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(?:\/\d{1,3})?$/, 'an address or network such as 192.0.2.0/24 or 2001:db8::/32');

export const ApiKeyCreateInput = z
  .object({
    /** What the key is for, e.g. “Border crossing Batrovci – passenger lists”. */
    name: SingleLine(120),
    /** The organisation the key acts for; its requests are audited as this organisation. */
    organisationId: Uuid,
    /** The actions the key may take; each must be one the organisation's own users could hold. */
    scopes: z.array(ApiKeyScope).min(1).max(API_KEY_SCOPES.length),
    /** The highest classification the key reads; at most the highest clearance among the organisation's users. */
    clearance: Classification,
    /** When the key stops working; at most 366 days ahead. */
    expiresAt: z.iso.datetime({ offset: true }),
    /** Addresses the key may be used from; at least one network. */
    allowedNetworks: z.array(Cidr).min(1).max(50),
  })
  .strict();
export type ApiKeyCreateInput = z.infer<typeof ApiKeyCreateInput>;

export const ApiKeyRevokeInput = z
  .object({
    /** Why the key is revoked (a leaked secret, a retired system); kept in the audit chain. */
    reason: SingleLine(300),
  })
  .strict();
export type ApiKeyRevokeInput = z.infer<typeof ApiKeyRevokeInput>;

/** `pending` until a second administrator approves the key; only an `active` key is accepted. */
export const API_KEY_STATUSES = ['pending', 'active', 'expired', 'revoked'] as const;
export const ApiKeyStatus = z.enum(API_KEY_STATUSES);

/** What the web app may offer on this key, from the same policy. */
export const ApiKeyAbilities = z.object({ approve: z.boolean(), revoke: z.boolean() });

export const ApiKeyView = z.object({
  id: Uuid,
  name: z.string(),
  /** The first characters of the secret, to tell keys apart; the secret itself is never shown again. */
  prefix: z.string(),
  organisation: z.object({ id: Uuid, name: z.string(), economy: z.string() }),
  scopes: z.array(ApiKeyScope),
  clearance: Classification,
  allowedNetworks: z.array(z.string()),
  status: ApiKeyStatus,
  createdAt: z.string(),
  createdBy: z.string(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  revokeReason: z.string().nullable(),
  abilities: ApiKeyAbilities,
});
export type ApiKeyView = z.infer<typeof ApiKeyView>;

/** The answer to creating a key: the only time its secret is shown. */
export const ApiKeyCreated = z.object({
  key: ApiKeyView,
  /** Send it as `Authorization: Bearer <secret>` or `X-API-Key: <secret>`. Store it now: Mosaic keeps only its hash. */
  secret: z.string().describe('Send as `Authorization: Bearer <secret>` or `X-API-Key: <secret>`; shown only in this answer.'),
});
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;

export const ApiKeyListQuery = PageQuery.extend({
  organisationId: Uuid.optional(),
  status: ApiKeyStatus.optional(),
}).strict();
export type ApiKeyListQuery = z.infer<typeof ApiKeyListQuery>;

export const ApiKeyPage = Page(ApiKeyView);
export type ApiKeyPage = z.infer<typeof ApiKeyPage>;
