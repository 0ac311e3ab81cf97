import { type APIRequestContext, type APIResponse, expect } from '@playwright/test';

interface SessionAnswer {
  csrfToken: string | null;
  user: { id: string; email: string; displayName: string } | null;
}

/** Who a request context (a page's, a signed-in storage state's) is signed in as, with its CSRF token. */
export async function sessionOf(request: APIRequestContext): Promise<SessionAnswer> {
  const response = await request.get('/api/auth/session');
  expect(response.status()).toBe(200);
  return (await response.json()) as SessionAnswer;
}

/** A state-changing API call as the signed-in user: JSON body, the session's CSRF token. */
export async function apiWrite(request: APIRequestContext, method: 'POST' | 'PUT', url: string, body: unknown): Promise<APIResponse> {
  const { csrfToken } = await sessionOf(request);
  expect(csrfToken, 'a signed-in session has a CSRF token').toBeTruthy();
  return request.fetch(url, { method, data: body, headers: { 'x-csrf-token': csrfToken!, 'content-type': 'application/json' } });
}
