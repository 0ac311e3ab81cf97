import zlib from 'node:zlib';
import { Zip, ZipDeflate, type ZipInputFile, strToU8 } from 'fflate';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';

/**
 * Hostile documents for the tests and the upload benchmark: a DOCX and an ODT that inflate to
 * hundreds of megabytes, a PDF whose content stream does, and a PDF of 20,000 pages. Each is
 * made in milliseconds: the compressed data is one sync-flushed DEFLATE block of a megabyte of
 * spaces, repeated (its back-references stay inside the block, so the copies decode alike).
 */

const MB = 1024 * 1024;
const FILLER = 0x20;

function repeatedDeflateRaw(megabytes: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(MB, FILLER), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  // 0x03 0x00: an empty final block with fixed codes.
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00])]);
}

function crcOfFiller(megabytes: number): number {
  const chunk = Buffer.alloc(MB, FILLER);
  let crc = 0;
  for (let i = 0; i < megabytes; i += 1) crc = zlib.crc32(chunk, crc);
  return crc;
}

/** Adler-32 of n filler bytes in closed form: a = 1 + n·v, b = n + v·n(n+1)/2 (mod 65521). */
function adlerOfFiller(length: number): number {
  const n = BigInt(length);
  const v = BigInt(FILLER);
  const a = (1n + n * v) % 65521n;
  const b = (n + (v * n * (n + 1n)) / 2n) % 65521n;
  return Number((b << 16n) | a);
}

function zipOf(entries: { name: string; text?: string; fillerMegabytes?: number }[]): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  for (const entry of entries) {
    if (entry.fillerMegabytes === undefined) {
      const file = new ZipDeflate(entry.name, { level: 6 });
      zip.add(file);
      file.push(strToU8(entry.text ?? ''), true);
      continue;
    }
    const compressed = repeatedDeflateRaw(entry.fillerMegabytes);
    const file: ZipInputFile = { filename: entry.name, size: entry.fillerMegabytes * MB, crc: crcOfFiller(entry.fillerMegabytes), compression: 8 };
    zip.add(file);
    file.ondata!(null, new Uint8Array(compressed), true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

/** A DOCX (word/document.xml) that inflates to `megabytes` MB. */
export function makeDocxBomb(megabytes: number): Buffer {
  return zipOf([
    { name: '[Content_Types].xml', text: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
    { name: '_rels/.rels', text: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
    { name: 'word/document.xml', fillerMegabytes: megabytes },
  ]);
}

/** An ODT whose content.xml inflates to `megabytes` MB. */
export function makeOdtBomb(megabytes: number): Buffer {
  return zipOf([
    { name: 'mimetype', text: 'application/vnd.oasis.opendocument.text' },
    { name: 'content.xml', fillerMegabytes: megabytes },
  ]);
}

/** A one-page PDF whose content stream inflates to `megabytes` MB. */
export async function makePdfStreamBomb(megabytes: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([200, 200]);
  const data = Buffer.concat([Buffer.from([0x78, 0xda]), repeatedDeflateRaw(megabytes), Buffer.alloc(4)]);
  data.writeUInt32BE(adlerOfFiller(megabytes * MB), data.length - 4);
  const dict = pdf.context.obj({ Filter: PDFName.of('FlateDecode'), Length: PDFNumber.of(data.length) });
  page.node.set(PDFName.of('Contents'), pdf.context.register(PDFRawStream.of(dict, data)));
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/**
 * A PDF of `pages` distinct, empty pages, written directly (pdf-lib needs seconds per thousand
 * pages): a catalog, one page tree, the pages and a cross-reference table.
 */
export function makeManyPagePdf(pages: number): Buffer {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Count ${pages} /Kids [${Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ')}] >>`];
  for (let i = 0; i < pages; i += 1) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>');
  const parts = ['%PDF-1.7\n'];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(length);
    const part = `${index + 1} 0 obj\n${object}\nendobj\n`;
    parts.push(part);
    length += part.length;
  });
  parts.push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`);
  parts.push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`);
  const body = parts.join('');
  return Buffer.from(body, 'latin1');
}
