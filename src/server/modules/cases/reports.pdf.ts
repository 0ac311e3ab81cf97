import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { ReportView } from '../../../contract/cases-reports';
import { REPORT_TEMPLATES } from '../../../contract/cases-reports';
import { type PdfLanguage, pdfTranslator } from '../../platform/pdf/pdf-strings';
import { createTextPdf, wrapText } from '../../platform/pdf/pdf-text';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;

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

/** A released report: its sections in the template's order, each chart as bars with its table, the marking on every page. */
export async function renderReportPdf(input: ReportPdfInput): Promise<Uint8Array> {
  const { report } = input;
  const { pdf, regular, bold } = await createTextPdf();
  const t = pdfTranslator(input.language, 'cases-reports');
  const area = (key: string) => pdfTranslator(input.language, 'cases')(`crimeArea.${key}`);
  pdf.setTitle(`${report.reference} — ${report.title}`);
  const width = A4[0] - 2 * MARGIN;
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = pdf.addPage(A4);
    pages.push(page);
    y = A4[1] - MARGIN - 24;
  };
  const room = (height: number) => {
    if (y - height < MARGIN + 24) newPage();
  };
  const write = (text: string, options: { font?: PDFFont; size?: number; grey?: boolean; indent?: number } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? 10;
    for (const line of wrapText(text, font, size, width - (options.indent ?? 0))) {
      room(size);
      page.drawText(line, { x: MARGIN + (options.indent ?? 0), y, size, font, color: options.grey ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0) });
      y -= size + 4;
    }
  };
  newPage();
  write(report.title, { font: bold, size: 16 });
  write(`${report.reference} · ${t(`template.${report.template}`)}`, { grey: true });
  write(t('pdf.period', { from: report.periodFrom, to: report.periodTo }), { grey: true });
  const areas = report.crimeAreas.map(area).join(', ') || t('scope.allAreas');
  const economies = report.economies.join(', ') || t('scope.allEconomies');
  write(t('pdf.scope', { areas, economies }), { grey: true });
  write(t('pdf.released', { desk: `${report.ownerDesk.name} (${report.ownerEconomy})`, author: report.authorName, at: report.releasedAt?.slice(0, 10) ?? '—', by: report.decision?.by ?? '—' }), { grey: true });
  for (const section of REPORT_TEMPLATES[report.template]) {
    y -= 8;
    write(t(`section.${section}`), { font: bold, size: 12 });
    if (section === 'assessment' && report.likelihood && report.confidence) write(t('pdf.assessment', { likelihood: t(`likelihood.${report.likelihood}`), confidence: t(`confidence.${report.confidence}`) }), { font: bold });
    if (report.sections[section]) write(report.sections[section]);
    if (section === 'charts') for (const chart of report.charts) writeChart(chart);
  }

  function writeChart(chart: ReportView['charts'][number]) {
    y -= 6;
    write(chart.title, { font: bold, size: 11 });
    write(t('pdf.chartMeta', { view: t(`view.${chart.view}`), from: chart.filters.from, to: chart.filters.to, taken: chart.takenAt.slice(0, 10), total: chart.total }), { grey: true, size: 8 });
    const max = Math.max(1, ...chart.figures.map((figure) => figure.count));
    const labelWidth = 170;
    for (const figure of chart.figures) {
      room(14);
      const label = chart.view === 'crime_area' ? area(figure.key) : (figure.path?.join(' → ') ?? figure.key);
      page.drawText(wrapText(label, regular, 9, labelWidth)[0]!, { x: MARGIN, y, size: 9, font: regular });
      const barWidth = ((width - labelWidth - 120) * figure.count) / max;
      page.drawRectangle({ x: MARGIN + labelWidth, y: y - 1, width: Math.max(barWidth, 0.5), height: 9, color: rgb(0.2, 0.35, 0.6) });
      const trend = figure.trendPercent === null ? '' : ` (${figure.trendPercent > 0 ? '+' : ''}${figure.trendPercent} %)`;
      page.drawText(`${figure.count}${figure.previous === null ? '' : ` / ${figure.previous}`}${trend}`, { x: A4[0] - MARGIN - 110, y, size: 9, font: regular });
      y -= 14;
    }
    if (chart.figures.length === 0) write(t('chart.empty'), { grey: true, size: 9 });
  }

  const banner = reportBanner(report);
  const footer = t('pdf.footer', { at: `${input.printedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`, by: input.printedBy });
  pages.forEach((each, index) => {
    for (const at of [A4[1] - MARGIN + 8, MARGIN - 26]) {
      each.drawRectangle({ x: MARGIN, y: at - 4, width, height: 17, color: rgb(0.93, 0.93, 0.93) });
      each.drawText(banner, { x: MARGIN + (width - bold.widthOfTextAtSize(banner, 9)) / 2, y: at, size: 9, font: bold, color: rgb(0.55, 0, 0) });
    }
    each.drawText(`${footer} · ${t('pdf.page', { page: index + 1, pages: pages.length })}`, { x: MARGIN, y: MARGIN - 8, size: 7, font: regular, color: rgb(0.3, 0.3, 0.3) });
  });
  return pdf.save();
}
