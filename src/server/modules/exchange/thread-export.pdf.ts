import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { CLASSIFICATIONS, TLP_LEVELS } from '../../../contract/core';
import type { ItemView } from '../../../contract/exchange';
import { createTextPdf, wrapText } from '../../platform/pdf/pdf-text';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—');


/** The strictest marking and every handling code of the exported items: what each page must carry. */
export function threadBanner(items: ItemView[]): { marking: string; handling: string } {
  const classification = CLASSIFICATIONS[Math.max(...items.map((item) => CLASSIFICATIONS.indexOf(item.classification)))]!;
  const tlp = TLP_LEVELS[Math.max(...items.map((item) => TLP_LEVELS.indexOf(item.tlp)))]!;
  // Releasable only where every item is: the intersection of the lists.
  const economies = items.map((item) => item.marking.releasableEconomies).reduce((kept, list) => kept.filter((code) => list.includes(code))).sort();
  const orcon = items.some((item) => item.marking.originatorControl);
  const codes = [...new Set(items.map((item) => item.handling.code))].sort();
  const restrictions = [...new Set(items.flatMap((item) => (item.handling.text ? [item.handling.text] : [])))];
  return {
    marking: `${classification} · TLP:${tlp}${economies.length ? ` · REL ${economies.join(', ')}` : ''}${orcon ? ' · ORCON' : ''}`,
    handling: `Handling ${codes.join(', ')}${restrictions.length ? `: ${restrictions.join('; ')}` : ''}`,
  };
}

export interface ThreadExportInput {
  items: ItemView[];
  /** Plain text of each item's body, by id (null when hidden from this reader). */
  bodies: Map<string, string | null>;
  printedBy: string;
  printedAt: Date;
}

/** The thread for the case file: every visible item in order, the marking and handling code on every page. */
export async function renderThreadPdf(input: ThreadExportInput): Promise<Uint8Array> {
  const { pdf, regular, bold } = await createTextPdf();
  const first = input.items[0]!;
  pdf.setTitle(`Thread ${first.reference}`);
  const banner = threadBanner(input.items);
  const width = A4[0] - 2 * MARGIN;
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = pdf.addPage(A4);
    pages.push(page);
    y = A4[1] - MARGIN - 40;
  };
  const write = (text: string, options: { font?: PDFFont; size?: number; grey?: boolean; indent?: number } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? 10;
    for (const line of wrapText(text, font, size, width - (options.indent ?? 0))) {
      if (y - size < MARGIN + 40) newPage();
      page.drawText(line, { x: MARGIN + (options.indent ?? 0), y, size, font, color: options.grey ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0) });
      y -= size + 4;
    }
  };
  newPage();
  write(`Thread ${first.reference}`, { font: bold, size: 16 });
  write(`${input.items.length} item(s) you may read, oldest first`, { grey: true });
  for (const item of input.items) {
    y -= 10;
    write(`${item.reference} · ${item.kind.replace(/_/g, ' ')}${item.state ? ` · ${item.state.replace(/_/g, ' ')}` : ''}${item.retracted ? ' · RETRACTED' : ''}`, { font: bold, size: 11 });
    write(`From ${item.senderDesk.name} (${item.senderDesk.economy}) to ${item.recipientDesks.map((desk) => `${desk.name} (${desk.economy})`).join(', ')}`, { grey: true, size: 9 });
    write(`Written by ${item.authorName} · sent ${when(item.sentAt)} · ${item.classification} · TLP:${item.tlp} · ${item.handling.code}${item.handling.text ? ` (${item.handling.text})` : ''} · evaluation ${item.evaluation.source}${item.evaluation.accuracy}`, { grey: true, size: 9 });
    if (item.hitReference) write(`Hit ${item.hitReference}`, { size: 9 });
    if (item.subject) write(item.subject, { font: bold });
    if (item.forwardNote) write(`Forward note: ${item.forwardNote}`, { indent: 8 });
    const body = input.bodies.get(item.id);
    write(body ?? 'The content of this item was retracted by its sender.', { indent: 8 });
    for (const event of item.events) {
      const what = event.transition ? event.transition.replace(/_/g, ' ') : event.kind;
      write(`${when(event.at)} · ${event.actorName}${event.desk ? ` (${event.desk.name})` : ''}: ${what}${event.ground ? ` — ${event.ground.replace(/_/g, ' ')}` : ''}${event.note ? ` — ${event.note}` : ''}`, { size: 9, indent: 8 });
    }
  }
  const footer = `Exported ${when(input.printedAt.toISOString())} by ${input.printedBy}`;
  pages.forEach((each, index) => {
    for (const [at, text] of [
      [A4[1] - MARGIN + 8, banner.marking],
      [A4[1] - MARGIN - 10, banner.handling],
      [MARGIN - 26, banner.marking],
    ] as const) {
      const size = 9;
      const line = wrapText(text, bold, size, width)[0]!;
      each.drawRectangle({ x: MARGIN, y: at - 4, width, height: size + 8, color: rgb(0.93, 0.93, 0.93) });
      each.drawText(line, { x: MARGIN + (width - bold.widthOfTextAtSize(line, size)) / 2, y: at, size, font: bold, color: rgb(0.55, 0, 0) });
    }
    each.drawText(`${footer} · page ${index + 1} of ${pages.length}`, { x: MARGIN, y: MARGIN - 8, size: 7, font: regular, color: rgb(0.3, 0.3, 0.3) });
  });
  return pdf.save();
}
