import { eq, inArray } from 'drizzle-orm';
import { getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Marking } from '../../../contract/core';
import { auditEvents } from '../../db/schema/core';
import { rowsOf } from '../../db/migrate';
import { type TestApp, buildTestApp } from '../../test/build-test-app';
import { buildDesk, buildOrganisation, signedInUser } from '../../test/factories';
import { sql } from 'drizzle-orm';
import { type Headers, amber, caseInput, client } from './cases-test-helpers';
import { casesCoveredBy, reportCovers } from './reports.marking';

/*
 * Risk-analysis reports (docs/cases.md, "Reports"): an RS analyst writes one with charts taken
 * from the cases she may read; only cases the report's marking covers are counted; a contact
 * point of her organisation other than her releases it; only then does an ME analyst, whom the
 * marking admits, read it; an AL analyst never sees it, in the list, its total or by id.
 */
let test: TestApp;
let http: ReturnType<typeof client>;
type Who = 'author' | 'cp' | 'otherDesk' | 'me' | 'al' | 'mkCp';
const who = {} as Record<Who, Headers>;
let rsDeskId = '';
let rsPoliceId = '';

const put = (url: string, headers: Headers, payload: unknown) => test.app.inject({ method: 'PUT', url, headers, payload: payload as Record<string, unknown> });
const del = (url: string, headers: Headers) => test.app.inject({ method: 'DELETE', url, headers });

function reportInput(overrides: Record<string, unknown> = {}) {
  return {
    template: 'threat_assessment',
    title: 'Drug trafficking on the southern route, 2026',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    crimeAreas: ['drugs'],
    economies: ['RS', 'ME'],
    ownerDeskId: rsDeskId,
    sections: { summary: 'Heroin moves north in cars.', key_findings: 'Couriers change cars at the border.', charts: '', assessment: 'Volumes will grow.', recommendations: 'Joint checks at the crossings.', sources: 'Case files of the desk.' },
    likelihood: 'likely',
    confidence: 'moderate',
    marking: amber('RS', 'ME'),
    ...overrides,
  };
}
const chart = (view = 'crime_area', overrides: Record<string, unknown> = {}) => ({ view, title: 'Cases by crime area', from: '2026-01-01', to: '2026-12-31', ...overrides });

beforeAll(async () => {
  test = await buildTestApp();
  http = client(test);
  const { deps } = test;
  const rsDesk = await buildDesk(deps, { economy: 'RS', area: 'police_cooperation', name: 'RS police cooperation desk' });
  const rsOther = await buildDesk(deps, { economy: 'RS', area: 'border' });
  const alDesk = await buildDesk(deps, { economy: 'AL', area: 'police_cooperation' });
  const mkDesk = await buildDesk(deps, { economy: 'MK', area: 'police_cooperation' });
  const meDesk = await buildDesk(deps, { economy: 'ME', area: 'police_cooperation' });
  rsDeskId = rsDesk.id;
  const rsPolice = await buildOrganisation(deps, { economy: 'RS' });
  rsPoliceId = rsPolice.id;
  who.author = (await signedInUser(deps, { organisationId: rsPolice.id, roles: ['analyst'], clearance: 'CONFIDENTIAL', deskIds: [rsDesk.id] })).headers;
  who.cp = (await signedInUser(deps, { organisationId: rsPolice.id, roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [rsOther.id] })).headers;
  who.otherDesk = (await signedInUser(deps, { organisationId: rsPolice.id, roles: ['officer'], clearance: 'CONFIDENTIAL', deskIds: [rsOther.id] })).headers;
  who.me = (await signedInUser(deps, { economy: 'ME', roles: ['analyst'], clearance: 'CONFIDENTIAL', deskIds: [meDesk.id] })).headers;
  who.al = (await signedInUser(deps, { economy: 'AL', roles: ['analyst'], clearance: 'CONFIDENTIAL', deskIds: [alDesk.id] })).headers;
  who.mkCp = (await signedInUser(deps, { economy: 'MK', roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [mkDesk.id] })).headers;
  // The author reads two RS cases: one AMBER for RS and ME, one CONFIDENTIAL / RED. The AL case she cannot read.
  const open = await http.ok('/api/cases', who.author, caseInput(rsDesk.id, { marking: amber('RS', 'ME') }));
  await http.ok(`/api/cases/${open.id}/events`, who.author, { occurredOn: '2026-03-01', place: 'Kapitan Andreevo', economy: 'BG', description: 'Crossing' });
  await http.ok(`/api/cases/${open.id}/events`, who.author, { occurredOn: '2026-03-04', place: 'Preševo', economy: 'RS', description: 'Stop' });
  await http.ok('/api/cases', who.author, caseInput(rsDesk.id, { title: 'Rifles from old stocks', crimeArea: 'firearms', openedOn: '2026-04-10', marking: { classification: 'CONFIDENTIAL', tlp: 'RED' } }));
  await http.ok('/api/cases', who.al, caseInput(alDesk.id, { title: 'Cannabis via Durrës', openedOn: '2026-03-05', marking: amber('AL') }));
});

afterAll(async () => {
  await test?.close();
});

async function newReport(overrides: Record<string, unknown> = {}) {
  return http.ok('/api/cases/reports', who.author, reportInput(overrides));
}

describe('bad input', () => {
  it('refuses a report without a marking, with a control character, for another desk, backwards or naming unknown economies', async () => {
    const { marking: _marking, ...unmarked } = reportInput();
    expect((await http.post('/api/cases/reports', who.author, unmarked)).statusCode).toBe(400);
    const controlled = await http.post('/api/cases/reports', who.author, reportInput({ title: 'Route\u0007 north' }));
    expect(controlled.statusCode).toBe(422);
    expect(controlled.headers['content-type']).toContain('application/problem+json');
    const wrong = await http.post('/api/cases/reports', who.author, reportInput({ ownerDeskId: crypto.randomUUID(), periodFrom: '2026-12-31', periodTo: '2026-01-01', economies: ['ZZ'], marking: amber('QQ') }));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors.map((error: { path: string; message: string }) => `${error.path}: ${error.message}`).sort()).toEqual(['economies: unknown_economy', 'marking.releasableEconomies: unknown_economy', 'ownerDeskId: not_your_desk', 'periodTo: bad_period']);
    const list = await http.get('/api/cases/reports', who.author);
    expect(list.json().total).toBe(0);
  });

  it('will not submit a report without its sections, a chart or the assessment’s wording', async () => {
    const report = await newReport({ sections: { summary: 'Only a summary.' }, likelihood: null });
    const answer = await http.post(`/api/cases/reports/${report.id}/submission`, who.author, {});
    expect(answer.statusCode).toBe(422);
    const paths = answer.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['sections.key_findings', 'sections.assessment', 'sections.recommendations', 'sections.sources', 'charts', 'likelihood']));
    expect(paths).not.toContain('sections.summary');
    expect(paths).not.toContain('confidence');
  });
});

describe('the figures of a chart', () => {
  it('count only the readable cases the report’s marking covers, and say how many were left out to the author', async () => {
    const report = await newReport();
    const withChart = await http.ok(`/api/cases/reports/${report.id}/charts`, who.author, chart());
    const figures = withChart.charts[0];
    // The AMBER RS+ME case counts; the CONFIDENTIAL / RED one is stricter than the report and is left out; the AL case was never readable.
    expect(figures.figures).toEqual([{ key: 'drugs', count: 1, previous: 0, trendPercent: null }]);
    expect(figures).toMatchObject({ total: 1, leftOut: 1 });
    const routes = await http.ok(`/api/cases/reports/${report.id}/charts`, who.author, chart('route', { title: 'Routes' }));
    expect(routes.charts[1].figures).toEqual([{ key: 'BG>RS', path: ['BG', 'RS'], count: 1, previous: 0, trendPercent: null }]);
    // A stricter marking re-takes every chart under it: now both RS cases count.
    const strict = await put(`/api/cases/reports/${report.id}`, who.author, reportInput({ marking: { classification: 'CONFIDENTIAL', tlp: 'RED' } }));
    expect(strict.statusCode).toBe(200);
    expect(strict.json().charts[0]).toMatchObject({ total: 2, leftOut: 0, marking: { classification: 'CONFIDENTIAL', tlp: 'RED' } });
    expect(strict.json().charts[0].figures.map((figure: { key: string }) => figure.key).sort()).toEqual(['drugs', 'firearms']);
    // A marking for everyone covers neither case.
    const open = await put(`/api/cases/reports/${report.id}`, who.author, reportInput({ marking: { classification: 'PUBLIC', tlp: 'CLEAR' } }));
    expect(open.json().charts[0]).toMatchObject({ total: 0, leftOut: 2, figures: [] });
    const removed = await del(`/api/cases/reports/${report.id}/charts/${open.json().charts[1].id}`, who.author);
    expect(removed.json().charts).toHaveLength(1);
  });

  it('uses the same rule in SQL as in code over every combination of markings', async () => {
    const markings: Marking[] = [];
    for (const classification of ['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'] as const) {
      for (const tlp of ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const) {
        for (const lists of [{ releasableEconomies: [], releasableOrganisations: [] }, { releasableEconomies: ['RS'], releasableOrganisations: [] }, { releasableEconomies: ['RS', 'ME'], releasableOrganisations: [] }, { releasableEconomies: [], releasableOrganisations: [rsPoliceId] }]) {
          for (const originatorControl of [false, true]) markings.push({ classification, tlp, ...lists, sharingGroups: [], originatorControl });
        }
      }
    }
    const rows = await Promise.all(markings.slice(0, 120).map((marking, index) => http.ok('/api/cases', who.author, caseInput(rsDeskId, { title: `Marking ${index}`, openedOn: '2020-01-01', marking }))));
    const ids = rows.map((row: { id: string }) => row.id);
    const economies = new Map([[rsPoliceId, 'RS']]);
    for (const report of markings.filter((_, index) => index % 7 === 0)) {
      const found = rowsOf<{ id: string }>(await test.deps.db.execute(sql`select id from case_records where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) and ${casesCoveredBy(report, economies)}`));
      const expected = ids.filter((_, index) => reportCovers(report, markings[index]!, economies));
      expect(found.map((row) => row.id).sort()).toEqual([...expected].sort());
    }
  });
});

describe('release by a second person', () => {
  let reportId = '';

  it('keeps a draft and a report awaiting release on the authoring desk and with its approvers', async () => {
    const report = await newReport();
    reportId = report.id;
    await http.ok(`/api/cases/reports/${reportId}/charts`, who.author, chart());
    for (const headers of [who.me, who.al, who.otherDesk, who.cp]) {
      expect((await http.get(`/api/cases/reports/${reportId}`, headers)).statusCode).toBe(404);
      expect((await http.get('/api/cases/reports', headers)).json()).toMatchObject({ items: [], total: 0 });
    }
    const submitted = await http.ok(`/api/cases/reports/${reportId}/submission`, who.author, {}, 200);
    expect(submitted).toMatchObject({ status: 'awaiting_release', abilities: { approve: false, edit: false } });
    expect((await put(`/api/cases/reports/${reportId}`, who.author, reportInput())).statusCode).toBe(403);
    // The contact point of the author's organisation now sees it; still nobody beyond.
    const forApprover = await http.get(`/api/cases/reports/${reportId}`, who.cp);
    expect(forApprover.json()).toMatchObject({ status: 'awaiting_release', abilities: { approve: true } });
    expect(forApprover.json().charts[0].leftOut).toBeNull();
    for (const headers of [who.me, who.al, who.otherDesk, who.mkCp]) expect((await http.get(`/api/cases/reports/${reportId}`, headers)).statusCode).toBe(404);
  });

  it('refuses the author’s own approval with 403, another economy’s contact point with 404', async () => {
    const own = await http.post(`/api/cases/reports/${reportId}/approval`, who.author, {});
    expect(own.statusCode).toBe(403);
    // A contact point who wrote a report may not release it either, and is told why.
    const rsOtherDesk = (await http.get('/api/cases/options', who.cp)).json().desks[0].id as string;
    const cpReport = await http.ok('/api/cases/reports', who.cp, reportInput({ ownerDeskId: rsOtherDesk }));
    await http.ok(`/api/cases/reports/${cpReport.id}/charts`, who.cp, chart());
    await http.ok(`/api/cases/reports/${cpReport.id}/submission`, who.cp, {}, 200);
    const ownCp = await http.post(`/api/cases/reports/${cpReport.id}/approval`, who.cp, {});
    expect(ownCp.statusCode).toBe(403);
    expect(ownCp.json().detail).toContain('other than its author');
    expect((await http.post(`/api/cases/reports/${reportId}/approval`, who.mkCp, {})).statusCode).toBe(404);
    expect((await http.post(`/api/cases/reports/${reportId}/approval`, who.otherDesk, {})).statusCode).toBe(403);
  });

  it('is released by the contact point: readers the marking admits see it, others of other economies see nothing', async () => {
    const released = await http.ok(`/api/cases/reports/${reportId}/approval`, who.cp, { note: 'Checked against the sources.' }, 200);
    expect(released).toMatchObject({ status: 'released', decision: { kind: 'approved' } });
    const read = await http.get(`/api/cases/reports/${reportId}`, who.me);
    expect(read.statusCode).toBe(200);
    expect(read.json().charts[0]).toMatchObject({ total: 1, leftOut: null });
    expect((await http.get('/api/cases/reports', who.me)).json().total).toBe(1);
    expect((await http.get(`/api/cases/reports/${reportId}`, who.al)).statusCode).toBe(404);
    expect((await http.get('/api/cases/reports', who.al)).json()).toMatchObject({ items: [], total: 0 });
    expect((await http.get(`/api/cases/reports/${reportId}/export.pdf`, who.al)).statusCode).toBe(404);
    const events = await test.deps.db.select().from(auditEvents).where(eq(auditEvents.recordId, reportId));
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(['cases.report.create', 'cases.report.chart_add', 'cases.report.submit', 'cases.report.approve', 'cases.report.read']));
    expect(events.find((event) => event.action === 'cases.report.read' && event.actorEconomy === 'ME')).toBeDefined();
  });

  it('exports the released report as a PDF with the marking on every page, audited', async () => {
    const answer = await http.get(`/api/cases/reports/${reportId}/export.pdf`, who.me);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(answer.rawPayload));
    for (let number = 1; number <= pdf.numPages; number++) {
      const text = (await (await pdf.getPage(number)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
      expect(text).toContain('RESTRICTED · TLP:AMBER · REL ME, RS');
    }
    const exports = await test.deps.db.select().from(auditEvents).where(inArray(auditEvents.action, ['cases.report.export']));
    expect(exports.some((event) => event.recordId === reportId)).toBe(true);
  });

  it('is returned with a note, edited by the author and submitted again', async () => {
    const report = await newReport();
    await http.ok(`/api/cases/reports/${report.id}/charts`, who.author, chart());
    await http.ok(`/api/cases/reports/${report.id}/submission`, who.author, {}, 200);
    expect((await http.post(`/api/cases/reports/${report.id}/return`, who.cp, { note: '' })).statusCode).toBe(400);
    const returned = await http.ok(`/api/cases/reports/${report.id}/return`, who.cp, { note: 'Name the sources of the key findings.' }, 200);
    expect(returned).toMatchObject({ status: 'returned', decision: { kind: 'returned', note: 'Name the sources of the key findings.' } });
    expect((await http.get(`/api/cases/reports/${report.id}`, who.cp)).statusCode).toBe(404);
    expect((await http.get(`/api/cases/reports/${report.id}/export.pdf`, who.author)).statusCode).toBe(403);
    expect((await put(`/api/cases/reports/${report.id}`, who.author, reportInput({ sections: { ...reportInput().sections, sources: 'Case files C-RS-1 and C-RS-2.' } }))).statusCode).toBe(200);
    expect((await http.ok(`/api/cases/reports/${report.id}/submission`, who.author, {}, 200)).status).toBe('awaiting_release');
    const events = await test.deps.db.select().from(auditEvents).where(eq(auditEvents.recordId, report.id));
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(['cases.report.return', 'cases.report.update']));
  });
});
