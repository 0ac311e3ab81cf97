import { CLASSIFICATIONS, TLP_LEVELS } from '../../../contract/core';
import type { ItemView } from '../../../contract/exchange';
import type { FollowUpView } from '../../../contract/exchange-casework';
import { type MarkedDocument, createMarkedDocument } from '../../platform/pdf/marked-document';
import { type PdfLanguage, pdfTranslator } from '../../platform/pdf/pdf-strings';

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—');

/** The strictest marking and every handling code of the exported items: what each page must carry. */
export function threadBanner(items: ItemView[], t: (key: string, values?: Record<string, string>) => string = pdfTranslator('en', 'exchange')): { marking: string; handling: string } {
  const classification = CLASSIFICATIONS[Math.max(...items.map((item) => CLASSIFICATIONS.indexOf(item.classification)))]!;
  const tlp = TLP_LEVELS[Math.max(...items.map((item) => TLP_LEVELS.indexOf(item.tlp)))]!;
  // Releasable only where every item is: the intersection of the lists.
  const economies = items.map((item) => item.marking.releasableEconomies).reduce((kept, list) => kept.filter((code) => list.includes(code))).sort();
  const orcon = items.some((item) => item.marking.originatorControl);
  const codes = [...new Set(items.map((item) => item.handling.code))].sort();
  const restrictions = [...new Set(items.flatMap((item) => (item.handling.text ? [item.handling.text] : [])))];
  return {
    marking: `${classification} · TLP:${tlp}${economies.length ? ` · REL ${economies.join(', ')}` : ''}${orcon ? ' · ORCON' : ''}`,
    handling: t('pdf.handling', { codes: `${codes.join(', ')}${restrictions.length ? `: ${restrictions.join('; ')}` : ''}` }),
  };
}

export interface ThreadExportInput {
  items: ItemView[];
  /** Plain text of each item's body, by id (null when hidden from this reader). */
  bodies: Map<string, string | null>;
  printedBy: string;
  printedAt: Date;
  /** The UI language of the one who asked for it: every label is printed in it. */
  language: PdfLanguage;
  /** The hit behind a follow-up thread with its report and decision, as far as the reader may see it. */
  followUp: FollowUpView | null;
}

/** The thread for the case file: every visible item in order, the marking and handling code on every page. */
export async function renderThreadPdf(input: ThreadExportInput): Promise<Uint8Array> {
  const t = pdfTranslator(input.language, 'exchange');
  const first = input.items[0]!;
  const banner = threadBanner(input.items, t);
  const footer = t('pdf.footer', { at: when(input.printedAt.toISOString()), by: input.printedBy });
  const document = await createMarkedDocument({
    title: t('pdf.title', { reference: first.reference }),
    banners: [banner.marking, banner.handling],
    footer: (page, pages) => `${footer} · ${t('pdf.page', { page, pages })}`,
  });
  const { write } = document;
  write(t('pdf.title', { reference: first.reference }), { font: 'bold', size: 16 });
  write(t('pdf.count', { count: input.items.length }), { grey: true });
  for (const item of input.items) {
    document.gap(10);
    const heading = [item.reference, t(`kind.${item.kind}`), item.state ? t(`state.${item.state}`) : null, item.retracted ? t('pdf.retracted') : null].filter(Boolean).join(' · ');
    write(heading, { font: 'bold', size: 11 });
    write(t('pdf.desks', { from: `${item.senderDesk.name} (${item.senderDesk.economy})`, to: item.recipientDesks.map((desk) => `${desk.name} (${desk.economy})`).join(', ') }), { grey: true, size: 9 });
    const handling = `${item.handling.code}${item.handling.text ? ` (${item.handling.text})` : ''}`;
    write(t('pdf.meta', { author: item.authorName, sent: when(item.sentAt), marking: `${item.classification} · TLP:${item.tlp}`, handling, evaluation: `${item.evaluation.source}${item.evaluation.accuracy}` }), { grey: true, size: 9 });
    if (item.hitReference) write(t('pdf.hit', { reference: item.hitReference }), { size: 9 });
    if (item.subject) write(item.subject, { font: 'bold' });
    if (item.forwardNote) write(t('pdf.forwardNote', { note: item.forwardNote }), { indent: 8 });
    const body = input.bodies.get(item.id);
    write(body ?? t('pdf.retractedBody'), { indent: 8 });
    for (const event of item.events) {
      const what = event.transition ? t(`transition.${event.transition}`) : t(`event.${event.kind}`);
      const ground = event.ground ? ` — ${t(`ground.${event.ground}`)}` : '';
      write(`${when(event.at)} · ${event.actorName}${event.desk ? ` (${event.desk.name})` : ''}: ${what}${ground}${event.note ? ` — ${event.note}` : ''}`, { size: 9, indent: 8 });
    }
  }
  if (input.followUp) writeFollowUp(input.followUp, write, t);
  return document.save();
}

/** The hit, the screener's report (where and when found, action taken) and the holding desk's decision and release. */
function writeFollowUp(followUp: FollowUpView, write: MarkedDocument['write'], t: (key: string, values?: Record<string, string>) => string) {
  const { hit } = followUp;
  write('', {});
  write(t('pdf.followUp.title', { reference: hit.reference }), { font: 'bold', size: 12 });
  write(`${t(`casework.followUp.status.${hit.status}`)} · ${t('pdf.followUp.holding', { desk: hit.holdingDesk.name, screener: `${hit.screener.displayName} (${hit.screener.organisation})` })}`, { grey: true, size: 9 });
  for (const message of hit.messages) {
    if (message.kind === 'report') {
      const { report } = message;
      write(t('pdf.followUp.report', { author: message.author, at: when(message.createdAt) }), { font: 'bold', size: 10 });
      write(`${t('pdf.followUp.foundAt')}: ${when(report.foundAt)} · ${report.place}`, { indent: 8 });
      write(`${t('pdf.followUp.actionTaken')}: ${report.actionTaken}`, { indent: 8 });
      if (report.inCustody) write(`${t('pdf.followUp.inCustody')}: ${report.inCustody}`, { indent: 8 });
      if (report.seized) write(`${t('pdf.followUp.seized')}: ${report.seized}`, { indent: 8 });
      write(`${t('pdf.followUp.contact')}: ${report.contact}`, { indent: 8 });
    } else {
      write(t('pdf.followUp.decision', { author: message.author, at: when(message.createdAt), decision: t(`casework.followUp.status.${message.decision}`) }), { font: 'bold', size: 10 });
      if (message.note) write(message.note, { indent: 8 });
    }
  }
  if (followUp.release) {
    write(t('casework.followUp.released', { organisation: followUp.release.organisation, name: followUp.release.releasedBy, when: when(followUp.release.releasedAt) }), { size: 9 });
  }
}
