import { expect } from 'vitest';
import type { ApiKeyScope } from '../../contract/api-keys';
import type { Classification } from '../../contract/core';
import type { TestApp } from './build-test-app';
import { signedInUser } from './factories';

type Headers = Record<string, string>;

/** Two administrators: one creates keys, the other approves them (four eyes). */
export async function keyAdministrators(test: TestApp) {
  const creator = await signedInUser(test.deps, { roles: ['administrator'], economy: 'RS' });
  const approver = await signedInUser(test.deps, { roles: ['administrator'], economy: 'RS' });
  return { creator, approver };
}

/** Creates a key through the API, approves it unless told not to, and returns its id and secret. */
export async function issueApiKey(
  test: TestApp,
  admins: { creator: { headers: Headers }; approver: { headers: Headers } },
  input: { organisationId: string; scopes?: ApiKeyScope[]; clearance?: Classification; allowedNetworks?: string[]; expiresInDays?: number; approve?: boolean },
) {
  const expiresAt = new Date(test.deps.clock().getTime() + (input.expiresInDays ?? 90) * 86_400_000).toISOString();
  const created = await test.app.inject({
    method: 'POST',
    url: '/api/admin/api-keys',
    headers: admins.creator.headers,
    payload: {
      name: 'Border system passenger lists',
      organisationId: input.organisationId,
      scopes: input.scopes ?? ['wanted.screen'],
      clearance: input.clearance ?? 'RESTRICTED',
      expiresAt,
      allowedNetworks: input.allowedNetworks ?? ['127.0.0.0/8', '::1/128'],
    },
  });
  expect(created.statusCode).toBe(201);
  const { key, secret } = created.json() as { key: { id: string }; secret: string };
  if (input.approve !== false) {
    const approved = await test.app.inject({ method: 'POST', url: `/api/admin/api-keys/${key.id}/approve`, headers: admins.approver.headers });
    expect(approved.statusCode).toBe(200);
  }
  return { id: key.id, secret };
}
