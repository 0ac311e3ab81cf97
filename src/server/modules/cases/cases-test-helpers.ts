import type { TestApp } from '../../test/build-test-app';

export type Headers = { cookie: string; 'x-csrf-token': string };

export const amber = (...economies: string[]) => ({ classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: economies });

export function caseInput(ownerDeskId: string, overrides: Record<string, unknown> = {}) {
  return { title: 'Heroin route through Preševo', summary: 'Cars with hidden compartments.', crimeArea: 'drugs', openedOn: '2026-03-02', ownerDeskId, marking: amber('RS'), ...overrides };
}

export function client(test: TestApp) {
  const send = async (method: 'GET' | 'POST', url: string, headers: Headers, payload?: unknown) =>
    test.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  return {
    get: (url: string, headers: Headers) => send('GET', url, headers),
    post: (url: string, headers: Headers, payload: unknown) => send('POST', url, headers, payload),
    /** A POST that must answer `status`; returns the JSON body. */
    ok: async (url: string, headers: Headers, payload: unknown, status = 201) => {
      const response = await send('POST', url, headers, payload);
      if (response.statusCode !== status) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      return response.json();
    },
  };
}
