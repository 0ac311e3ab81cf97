import type { TestApp } from '../../test/build-test-app';

export type Headers = { cookie: string; 'x-csrf-token': string };

export const amberBetween = (...economies: string[]) => ({ classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: economies });

export const evaluation = { source: 'B', accuracy: 2 };

/** A complete information request; tests override what they probe. */
export function requestInput(senderDeskId: string, recipientDeskIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    senderDeskId,
    recipientDeskIds,
    kind: 'information_request',
    accessibility: 'direct',
    subject: 'Vehicle registration of a grey Renault',
    bodyHtml: '<p>Please tell us who holds the registration.</p><script>alert(1)</script>',
    marking: amberBetween('RS', 'AL'),
    handling: { code: 'H0' },
    evaluation,
    ...overrides,
  };
}

export function client(test: TestApp) {
  return {
    get: (url: string, headers: Headers) => test.app.inject({ method: 'GET', url, headers }),
    post: (url: string, headers: Headers, payload: unknown) => test.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> }),
  };
}
