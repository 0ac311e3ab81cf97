import { Document as DocxDocument, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { foldChar } from '../search.fold';

/** Generates real PDF, DOCX and ODT files for the demo library (and for tests of the upload path). */

export interface DocumentText {
  title: string;
  paragraphs: string[];
}

// The standard PDF fonts speak WinAnsi only: other letters are written in their ASCII fold.
const WIN_ANSI_EXTRA = new Set(['Š', 'š', 'Ž', 'ž', 'Œ', 'œ', 'Ÿ', '€', '–', '—', '‘', '’', '“', '”', '•', '…']);
function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    out += (code >= 0x20 && code <= 0xff) || WIN_ANSI_EXTRA.has(char) ? char : foldChar(char);
  }
  return out;
}

export async function makePdf(content: DocumentText): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(toWinAnsi(content.title));
  pdf.setProducer('Mosaic demo');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = 595;
  const height = 842;
  const margin = 56;
  let page = pdf.addPage([width, height]);
  let y = height - margin;
  const write = (text: string, size: number, face = font) => {
    const words = toWinAnsi(text).split(/\s+/);
    let line = '';
    const flush = () => {
      if (y < margin) {
        page = pdf.addPage([width, height]);
        y = height - margin;
      }
      page.drawText(line, { x: margin, y, size, font: face });
      y -= size * 1.45;
      line = '';
    };
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (face.widthOfTextAtSize(candidate, size) > width - 2 * margin && line) {
        flush();
        line = word;
      } else {
        line = candidate;
      }
    }
    if (line) flush();
    y -= size * 0.6;
  };
  write(content.title, 16, bold);
  for (const paragraph of content.paragraphs) write(paragraph, 11);
  return Buffer.from(await pdf.save());
}

export async function makeDocx(content: DocumentText): Promise<Buffer> {
  const document = new DocxDocument({
    creator: 'Mosaic demo',
    title: content.title,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(content.title)] }),
          ...content.paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!);

/** A minimal valid ODT: the stored mimetype first, a manifest, and content.xml. */
export function makeOdt(content: DocumentText, options: { encrypted?: boolean } = {}): Buffer {
  const body = [
    `<text:h text:outline-level="1">${escapeXml(content.title)}</text:h>`,
    ...content.paragraphs.map((text) => `<text:p>${escapeXml(text)}</text:p>`),
  ].join('');
  const contentXml = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  const encryption = options.encrypted ? '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>' : '';
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${encryption}</manifest:file-entry></manifest:manifest>`;
  return Buffer.from(
    zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8(contentXml),
      'META-INF/manifest.xml': strToU8(manifest),
    }),
  );
}
