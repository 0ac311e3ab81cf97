import { rgb } from 'pdf-lib';
import type { ReportView } from '../../../contract/cases-reports';
import { REPORT_TEMPLATES } from '../../../contract/cases-reports';
import { type MarkedDocument, createMarkedDocument } from '../../platform/pdf/marked-document';
import { type PdfLanguage, pdfTranslator } from '../../platform/pdf/pdf-strings';
import { wrapText } from '../../platform/pdf/pdf-text';

/** The line every page carries at its top and bottom. */
export function reportBanner(report: Pick<ReportView, 'marking'>): string {
  const { classification, tlp, releasableEconomies, originatorControl } = report.marking;
  return `${classification} · TLP:${tlp}${releasableEconomies.length ? ` · REL ${[...releasableEconomies].sort().join(', ')}` : ''}${originatorControl ? ' · ORCON' : ''}`;
}

export interface ReportPdfInput {
  report: ReportView;
  language: PdfLanguage;
  printedBy: string;
  printedAt: Date;
}

type Translate = ReturnType<typeof pdfTranslator>;
const LABEL_WIDTH = 170;

/** A chart as bars with its figures (count / previous period, trend). */
function writeChart(document: MarkedDocument, chart: ReportView['charts'][number], t: Translate, area: Translate) {
  const { regular } = document.fonts;
  document.gap(6);
  document.write(chart.title, { font: 'bold', size: 11 });
  document.write(t('pdf.chartMeta', { view: t(`view.${chart.view}`), from: chart.filters.from, to: chart.filters.to, taken: chart.takenAt.slice(0, 10), total: chart.total }), { grey: true, size: 8 });
  const max = Math.max(1, ...chart.figures.map((figure) => figure.count));
  for (const figure of chart.figures) {
    document.ensure(14);
    const { page, y } = document.pen();
    const label = chart.view === 'crime_area' ? area(`crimeArea.${figure.key}`) : (figure.path?.join(' → ') ?? figure.key);
    page.drawText(wrapText(label, regular, 9, LABEL_WIDTH)[0]!, { x: document.left, y, size: 9, font: regular });
    const barWidth = ((document.width - LABEL_WIDTH - 120) * figure.count) / max;
    page.drawRectangle({ x: document.left + LABEL_WIDTH, y: y - 1, width: Math.max(barWidth, 0.5), height: 9, color: rgb(0.2, 0.35, 0.6) });
    const trend = figure.trendPercent === null ? '' : ` (${figure.trendPercent > 0 ? '+' : ''}${figure.trendPercent} %)`;
    page.drawText(`${figure.count}${figure.previous === null ? '' : ` / ${figure.previous}`}${trend}`, { x: document.left + document.width - 110, y, size: 9, font: regular });
    document.advance(14);
  }
  if (chart.figures.length === 0) document.write(t('chart.empty'), { grey: true, size: 9 });
}

/** A released report: its sections in the template's order, each chart as bars with its table, the marking on every page. */
export async function renderReportPdf(input: ReportPdfInput): Promise<Uint8Array> {
  const { report } = input;
  const t = pdfTranslator(input.language, 'cases-reports');
  const area = pdfTranslator(input.language, 'cases');
  const footer = t('pdf.footer', { at: `${input.printedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`, by: input.printedBy });
  const document = await createMarkedDocument({
    title: `${report.reference} — ${report.title}`,
    banners: [reportBanner(report)],
    footer: (page, pages) => `${footer} · ${t('pdf.page', { page, pages })}`,
  });
  document.write(report.title, { font: 'bold', size: 16 });
  document.write(`${report.reference} · ${t(`template.${report.template}`)}`, { grey: true });
  document.write(t('pdf.period', { from: report.periodFrom, to: report.periodTo }), { grey: true });
  const areas = report.crimeAreas.map((key) => area(`crimeArea.${key}`)).join(', ') || t('scope.allAreas');
  const economies = report.economies.join(', ') || t('scope.allEconomies');
  document.write(t('pdf.scope', { areas, economies }), { grey: true });
  document.write(t('pdf.released', { desk: `${report.ownerDesk.name} (${report.ownerEconomy})`, author: report.authorName, at: report.releasedAt?.slice(0, 10) ?? '—', by: report.decision?.by ?? '—' }), { grey: true });
  for (const section of REPORT_TEMPLATES[report.template]) {
    document.gap(8);
    document.write(t(`section.${section}`), { font: 'bold', size: 12 });
    if (section === 'assessment' && report.likelihood && report.confidence) document.write(t('pdf.assessment', { likelihood: t(`likelihood.${report.likelihood}`), confidence: t(`confidence.${report.confidence}`) }), { font: 'bold' });
    if (report.sections[section]) document.write(report.sections[section]);
    if (section === 'charts') for (const chart of report.charts) writeChart(document, chart, t, area);
  }
  return document.save();
}
