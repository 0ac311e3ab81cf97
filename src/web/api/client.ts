import type { z } from 'zod';

/** A problem document (RFC 9457) from the API, thrown by every failed call. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: { path: string; message: string; code?: string }[] = [],
    /** The problem's stable code, when the server gives one: translate it rather than show `detail`. */
    readonly code?: string,
  ) {
    super(detail ?? title);
  }
}

let csrfToken: string | null = null;

/** Set from the session view; sent back on every state-changing request. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null | string[]>;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((item) => params.append(key, item));
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Calls the API and parses the answer with the contract's schema. */
export async function api<T extends z.ZodType>(schema: T, path: string, options: RequestOptions = {}): Promise<z.infer<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(buildUrl(path, options.query), { method, headers, body, credentials: 'same-origin', signal: options.signal });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string; code?: string; errors?: { path: string; message: string; code?: string }[] };
    throw new ApiError(response.status, problem.title ?? response.statusText, problem.detail, problem.errors, problem.code);
  }
  if (response.status === 204) return schema.parse(undefined);
  return schema.parse(await response.json());
}
