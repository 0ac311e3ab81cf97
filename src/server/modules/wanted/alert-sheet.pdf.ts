import type { PDFImage } from 'pdf-lib';
import type { AlertView } from '../../../contract/wanted';
import { type MarkedDocument, createMarkedDocument } from '../../platform/pdf/marked-document';
import { PDF_LANGUAGES, type PdfLanguage, pdfTranslator } from '../../platform/pdf/pdf-strings';

/** The sheet speaks the web app's strings, so a patrol reads it in the language of the screen. */
export const SHEET_LANGUAGES = PDF_LANGUAGES;
export type SheetLanguage = PdfLanguage;

export interface SheetInput {
  alert: AlertView;
  photos: { contentType: 'image/jpeg' | 'image/png'; bytes: Buffer }[];
  printedBy: string;
  printedAt: Date;
  language: SheetLanguage;
}

/** A printable alert sheet for a patrol: the marking on every page, the action first. */
export async function renderAlertSheet(input: SheetInput): Promise<Uint8Array> {
  const { alert } = input;
  const t = (namespace: 'wanted' | 'wanted-alerts', key: string, values: Record<string, string> = {}) => pdfTranslator(input.language, namespace)(key, values);
  const releasable = alert.marking.releasableEconomies.length ? ` · ${t('wanted-alerts', 'sheet.releasableTo', { to: alert.marking.releasableEconomies.join(', ') })}` : '';
  const marking = `${alert.classification} · TLP:${alert.tlp}${releasable}${alert.marking.originatorControl ? ' · ORCON' : ''}`;
  const footer = t('wanted-alerts', 'sheet.printed', { when: `${input.printedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`, who: input.printedBy });
  const document = await createMarkedDocument({
    title: `${alert.reference} — ${alert.label}`,
    banners: [marking],
    footer: (page, pages) => `${footer} · ${t('wanted-alerts', 'sheet.page', { page: String(page), pages: String(pages) })}`,
  });
  const { write } = document;
  const grey: [number, number, number] = [0.3, 0.3, 0.3];
  const red: [number, number, number] = [0.7, 0, 0];
  write(alert.label, { font: 'bold', size: 18 });
  write(`${t('wanted', `kind.${alert.kind}`)} · ${alert.reference} · ${t('wanted', `status.${alert.status}`)}`, { size: 10, colour: grey });
  document.gap(6);
  if (alert.identityMisused) {
    write(t('wanted-alerts', 'misused.title'), { font: 'bold', size: 12, colour: red });
    write(t('wanted-alerts', 'misused.body'), { size: 10, colour: red });
    document.gap(6);
  }
  write(t('wanted-alerts', 'sheet.action'), { font: 'bold', size: 12 });
  write(t('wanted-alerts', `action.${alert.actionCode}`), { font: 'bold', size: 11 });
  if (alert.actionToTake) write(alert.actionToTake, { size: 10 });
  write(t('wanted-alerts', 'sheet.contact', { desk: alert.issuingDesk.name }), { size: 10 });
  document.gap(8);
  await drawPhotos(document, input.photos);
  for (const [label, value] of sheetRows(alert, t)) {
    if (!value) continue;
    write(label, { font: 'bold', size: 9, colour: [0.35, 0.35, 0.35] });
    write(value, { size: 10, indent: 12 });
  }
  return document.save();
}

const PHOTO_BOX = 150;

/** Up to three photos side by side, each scaled into its box. */
async function drawPhotos(document: MarkedDocument, photos: SheetInput['photos']) {
  const images: PDFImage[] = [];
  for (const photo of photos.slice(0, 3)) images.push(photo.contentType === 'image/png' ? await document.pdf.embedPng(photo.bytes) : await document.pdf.embedJpg(photo.bytes));
  if (!images.length) return;
  document.ensure(PHOTO_BOX + 10);
  const { page, y } = document.pen();
  images.forEach((image, index) => {
    const scale = Math.min(PHOTO_BOX / image.width, PHOTO_BOX / image.height);
    page.drawImage(image, { x: document.left + index * (PHOTO_BOX + 12), y: y - image.height * scale, width: image.width * scale, height: image.height * scale });
  });
  document.advance(PHOTO_BOX + 12);
}

type SheetTranslate = (namespace: 'wanted' | 'wanted-alerts', key: string, values?: Record<string, string>) => string;

/** The alert's fields as label and value, in the order a patrol reads them; empty ones are skipped. */
function sheetRows(alert: AlertView, t: SheetTranslate): [string, string | null][] {
  return [
    [t('wanted', 'field.aliases'), alert.aliases.join('; ') || null],
    [t('wanted', 'field.dateOfBirth'), alert.dateOfBirth],
    [t('wanted', 'field.nationality'), alert.nationality],
    [t('wanted-alerts', 'field.sex'), alert.sex ? t('wanted-alerts', `sex.${alert.sex}`) : null],
    [t('wanted-alerts', 'field.languages'), alert.languages.join(', ') || null],
    [t('wanted-alerts', 'field.physicalDescription'), alert.physicalDescription],
    [t('wanted', 'field.warrantReference'), alert.warrantReference],
    ...Object.entries(alert.attributes).map(([key, value]): [string, string] => [t('wanted', `field.${key}`), value]),
    ...alert.identifiers.map((item): [string, string] => [t('wanted', `identifier.${item.kind}`), item.value]),
    [t('wanted-alerts', 'sheet.validUntil'), alert.validUntil.slice(0, 10)],
    [t('wanted', 'field.remarks'), alert.remarks || null],
    ...alert.links.map((link): [string, string] => [t('wanted-alerts', `relation.${link.relation}`), `${link.alert.label} (${link.alert.reference})`]),
  ];
}
