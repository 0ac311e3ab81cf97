import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_APPROVAL_REFUSALS, SETTINGS_FIELD_CODES, SETTINGS_PROBLEM_CODES } from '../../../contract/exchange-routing';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, signedInUser } from '../../test/factories';
import type { Headers } from './exchange-test-helpers';

let test: TestApp;
const desks = { rs: '', al: '' };
let rsAdmin: Headers;
let rsAdmin2: Headers;
let alAdmin: Headers;
let regAdmin: Headers;
const approval = { classification: 'CONFIDENTIAL', tlp: 'RED', approverScope: 'organisation' };
const put = (headers: Headers, payload: unknown) => test.app.inject({ method: 'PUT', url: '/api/exchange/settings/RS', headers, payload: payload as Record<string, unknown> });
const post = (headers: Headers, what: 'approval' | 'rejection') => test.app.inject({ method: 'POST', url: `/api/exchange/settings/RS/proposal/${what}`, headers });

beforeAll(async () => {
  test = await buildTestApp();
  const { deps } = test;
  desks.rs = (await buildDesk(deps, { economy: 'RS', area: 'police_cooperation', name: 'RS police cooperation' })).id;
  desks.al = (await buildDesk(deps, { economy: 'AL', area: 'police_cooperation', name: 'AL police cooperation' })).id;
  await signedInUser(deps, { economy: 'RS', roles: ['contact_point'], deskIds: [desks.rs] });
  rsAdmin = (await signedInUser(deps, { economy: 'RS', roles: ['administrator'], clearance: 'CONFIDENTIAL' })).headers;
  rsAdmin2 = (await signedInUser(deps, { economy: 'RS', roles: ['administrator'], clearance: 'CONFIDENTIAL' })).headers;
  alAdmin = (await signedInUser(deps, { economy: 'AL', roles: ['administrator'], clearance: 'CONFIDENTIAL' })).headers;
  regAdmin = (await signedInUser(deps, { economy: 'REG', roles: ['administrator'], clearance: 'CONFIDENTIAL' })).headers;
});
afterAll(() => test.close());

describe('the settings refusals', () => {
  it('carry a stable code in the problem document, and field codes for an invalid change', async () => {
    const foreign = await test.app.inject({ method: 'GET', url: '/api/exchange/settings/RS', headers: alAdmin });
    expect([foreign.statusCode, foreign.json().code]).toEqual([403, 'exchange.settings.not_reviewer']);
    const regional = await put(regAdmin, { contactDeskId: null, approval, rules: [] });
    expect([regional.statusCode, regional.json().code]).toEqual([403, 'exchange.settings.not_manager']);

    const invalid = await put(rsAdmin, { contactDeskId: desks.al, approval, rules: [{ crimeArea: 'no-such-area', mode: 'direct' }, { crimeArea: '*', mode: 'direct' }, { crimeArea: '*', mode: 'direct' }] });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    expect(invalid.json().code).toBe('exchange.settings.invalid');
    expect(invalid.json().errors.map((error: { path: string; code: string }) => [error.path, error.code])).toEqual([
      ['contactDeskId', 'desk_foreign'],
      ['rules.0.crimeArea', 'area_unknown'],
      ['rules.2.crimeArea', 'area_duplicate'],
    ]);
  });

  it('name the waiting change, the proposer’s own approval and a change that is gone', async () => {
    expect((await put(rsAdmin, { contactDeskId: null, approval, rules: [{ crimeArea: '*', mode: 'via_contact_point' }] })).statusCode).toBe(202);
    const again = await put(rsAdmin2, { contactDeskId: null, approval, rules: [] });
    expect([again.statusCode, again.json().code]).toEqual([409, 'exchange.settings.proposal_waiting']);
    const own = await post(rsAdmin, 'approval');
    expect([own.statusCode, own.json().code]).toEqual([403, 'exchange.settings.refused_proposer']);
    expect((await post(rsAdmin2, 'rejection')).statusCode).toBe(200);
    const gone = await post(rsAdmin2, 'approval');
    expect([gone.statusCode, gone.json().code]).toEqual([409, 'exchange.settings.no_proposal']);
  });

  it('have words in every UI language for every code', () => {
    const localesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../web/locales');
    for (const locale of ['en', 'sq', 'sr-Latn', 'sr-Cyrl', 'mk']) {
      const settings = JSON.parse(fs.readFileSync(path.join(localesDir, locale, 'exchange.json'), 'utf8')).settings;
      for (const code of SETTINGS_PROBLEM_CODES.filter((name) => !name.startsWith('refused_'))) expect(settings.problem[code], `${locale} ${code}`).toEqual(expect.any(String));
      for (const code of SETTINGS_FIELD_CODES) expect(settings.problem[code], `${locale} ${code}`).toEqual(expect.any(String));
      for (const refusal of SETTINGS_APPROVAL_REFUSALS) expect(settings.refusal[refusal], `${locale} ${refusal}`).toEqual(expect.any(String));
    }
  });
});
