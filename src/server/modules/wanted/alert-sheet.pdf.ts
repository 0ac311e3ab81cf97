import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PDFFont, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import type { AlertView } from '../../../contract/wanted';
import { createTextPdf, wrapText } from '../../platform/pdf/pdf-text';

export const SHEET_LANGUAGES = ['en', 'sr-Latn', 'sr-Cyrl', 'sq', 'mk'] as const;
export type SheetLanguage = (typeof SHEET_LANGUAGES)[number];

type Strings = { [key: string]: string | Strings };

const here = path.dirname(fileURLToPath(import.meta.url));
const localesDir = path.resolve(here, '../../../web/locales');
const stringCache = new Map<string, Strings>();

/** The sheet speaks the web app's strings, so a patrol reads it in the language of the screen. */
function strings(language: SheetLanguage, namespace: string): Strings {
  const key = `${language}/${namespace}`;
  let cached = stringCache.get(key);
  if (!cached) {
    cached = JSON.parse(fs.readFileSync(path.join(localesDir, language, `${namespace}.json`), 'utf8')) as Strings;
    stringCache.set(key, cached);
  }
  return cached;
}

function translator(language: SheetLanguage) {
  return (namespace: string, key: string, values: Record<string, string> = {}): string => {
    const lookup = (lang: SheetLanguage) => {
      let value: string | Strings | undefined = strings(lang, namespace);
      for (const part of key.split('.')) value = typeof value === 'object' ? value[part] : undefined;
      return typeof value === 'string' ? value : undefined;
    };
    const text = lookup(language) ?? lookup('en') ?? key;
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
  };
}


export interface SheetInput {
  alert: AlertView;
  photos: { contentType: 'image/jpeg' | 'image/png'; bytes: Buffer }[];
  printedBy: string;
  printedAt: Date;
  language: SheetLanguage;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;

/** A printable alert sheet for a patrol: the marking on every page, the action first. */
export async function renderAlertSheet(input: SheetInput): Promise<Uint8Array> {
  const { alert } = input;
  const t = translator(input.language);
  const { pdf, regular, bold } = await createTextPdf();
  pdf.setTitle(`${alert.reference} — ${alert.label}`);
  const releasable = alert.marking.releasableEconomies.length ? ` · ${t('wanted-alerts', 'sheet.releasableTo', { to: alert.marking.releasableEconomies.join(', ') })}` : '';
  const marking = `${alert.classification} · TLP:${alert.tlp}${releasable}${alert.marking.originatorControl ? ' · ORCON' : ''}`;
  const width = A4[0] - 2 * MARGIN;
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = pdf.addPage(A4);
    pages.push(page);
    y = A4[1] - MARGIN - 28;
  };
  const ensure = (height: number) => {
    if (y - height < MARGIN + 30) newPage();
  };
  const write = (text: string, options: { font?: PDFFont; size?: number; colour?: ReturnType<typeof rgb>; indent?: number } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? 10;
    for (const line of wrapText(text, font, size, width - (options.indent ?? 0))) {
      ensure(size + 4);
      page.drawText(line, { x: MARGIN + (options.indent ?? 0), y, size, font, color: options.colour ?? rgb(0, 0, 0) });
      y -= size + 4;
    }
  };
  newPage();
  write(alert.label, { font: bold, size: 18 });
  write(`${t('wanted', `kind.${alert.kind}`)} · ${alert.reference} · ${t('wanted', `status.${alert.status}`)}`, { size: 10, colour: rgb(0.3, 0.3, 0.3) });
  y -= 6;
  if (alert.identityMisused) {
    write(t('wanted-alerts', 'misused.title'), { font: bold, size: 12, colour: rgb(0.7, 0, 0) });
    write(t('wanted-alerts', 'misused.body'), { size: 10, colour: rgb(0.7, 0, 0) });
    y -= 6;
  }
  write(t('wanted-alerts', 'sheet.action'), { font: bold, size: 12 });
  write(t('wanted-alerts', `action.${alert.actionCode}`), { font: bold, size: 11 });
  if (alert.actionToTake) write(alert.actionToTake, { size: 10 });
  write(t('wanted-alerts', 'sheet.contact', { desk: alert.issuingDesk.name }), { size: 10 });
  y -= 8;
  const images: PDFImage[] = [];
  for (const photo of input.photos.slice(0, 3)) images.push(photo.contentType === 'image/png' ? await pdf.embedPng(photo.bytes) : await pdf.embedJpg(photo.bytes));
  if (images.length) {
    const box = 150;
    ensure(box + 10);
    images.forEach((image, index) => {
      const scale = Math.min(box / image.width, box / image.height);
      page.drawImage(image, { x: MARGIN + index * (box + 12), y: y - image.height * scale, width: image.width * scale, height: image.height * scale });
    });
    y -= box + 12;
  }
  const rows: [string, string | null][] = [
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
  for (const [label, value] of rows) {
    if (!value) continue;
    write(label, { font: bold, size: 9, colour: rgb(0.35, 0.35, 0.35) });
    write(value, { size: 10, indent: 12 });
  }
  const footer = t('wanted-alerts', 'sheet.printed', { when: `${input.printedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`, who: input.printedBy });
  pages.forEach((each, index) => {
    for (const at of [A4[1] - MARGIN + 8, MARGIN - 26]) {
      const size = 10;
      const textWidth = bold.widthOfTextAtSize(marking, size);
      each.drawRectangle({ x: MARGIN, y: at - 4, width, height: size + 8, color: rgb(0.93, 0.93, 0.93) });
      each.drawText(marking, { x: MARGIN + (width - textWidth) / 2, y: at, size, font: bold, color: rgb(0.55, 0, 0) });
    }
    each.drawText(`${footer} · ${t('wanted-alerts', 'sheet.page', { page: String(index + 1), pages: String(pages.length) })}`, { x: MARGIN, y: MARGIN - 8, size: 7, font: regular, color: rgb(0.3, 0.3, 0.3) });
  });
  return pdf.save();
}
