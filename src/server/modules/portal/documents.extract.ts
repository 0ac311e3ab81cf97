import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import type { DocumentFormat } from '../../../contract/portal';
import { HttpProblem, UnprocessableProblem } from '../../platform/http/errors';

export const MEDIA_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export interface ExtractedDocument {
  format: DocumentFormat;
  text: string;
  pageCount: number | null;
}

class UnsupportedTypeProblem extends HttpProblem {
  constructor(detail: string) {
    super(415, 'Unsupported media type', detail);
  }
}

/** The file's type from its content (magic bytes), never from its name or declared type. */
export function sniffFormat(bytes: Buffer): DocumentFormat {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    throw new UnprocessableProblem('This is a password-protected Office file or an old .doc file. Remove the password and save it as DOCX, or upload a PDF.');
  }
  if (bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    const names = listZip(bytes);
    if (names.has('word/document.xml')) return 'docx';
    if (names.has('mimetype')) {
      const entry = unzipEntries(bytes, ['mimetype']).mimetype;
      if (entry && Buffer.from(entry).toString('latin1').trim() === ODT_MIMETYPE) return 'odt';
    }
    throw new UnsupportedTypeProblem('This ZIP file is neither a DOCX nor an ODT text document.');
  }
  throw new UnsupportedTypeProblem('Only PDF, DOCX and ODT documents are accepted; the content of this file is none of them.');
}

function listZip(bytes: Buffer): Set<string> {
  const names = new Set<string>();
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.add(file.name);
        return false;
      },
    });
  } catch {
    throw new UnprocessableProblem('The file is a damaged ZIP archive and cannot be read.');
  }
  return names;
}

function unzipEntries(bytes: Buffer, wanted: string[]): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        if (file.originalSize > MAX_UNZIPPED_BYTES) throw new UnprocessableProblem('The document expands to more than 200 MB and is refused.');
        return wanted.includes(file.name);
      },
    });
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    throw new UnprocessableProblem('The file is a damaged ZIP archive and cannot be read.');
  }
}

async function extractPdf(bytes: Buffer): Promise<ExtractedDocument> {
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: true, verbosity: 0 });
    const { totalPages, text } = await extractText(pdf, { mergePages: true });
    await pdf.destroy();
    return { format: 'pdf', text, pageCount: totalPages };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new UnprocessableProblem('The PDF is password-protected. Upload it without a password.');
    throw new UnprocessableProblem('The PDF is damaged or incomplete and cannot be read.');
  }
}

async function extractDocx(bytes: Buffer): Promise<ExtractedDocument> {
  try {
    const result = await mammoth.extractRawText({ buffer: bytes });
    return { format: 'docx', text: result.value, pageCount: null };
  } catch {
    throw new UnprocessableProblem('The DOCX file is damaged and cannot be read.');
  }
}

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_match, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? '';
  });
}

/** ODT: the text of content.xml — paragraphs and headings become lines. */
function extractOdt(bytes: Buffer): ExtractedDocument {
  const entries = unzipEntries(bytes, ['content.xml', 'META-INF/manifest.xml']);
  const manifest = entries['META-INF/manifest.xml'];
  if (manifest && Buffer.from(manifest).toString('utf8').includes('encryption-data')) {
    throw new UnprocessableProblem('The ODT file is password-protected. Upload it without a password.');
  }
  const content = entries['content.xml'];
  if (!content) throw new UnprocessableProblem('The ODT file has no content and cannot be read.');
  const xml = Buffer.from(content).toString('utf8');
  const bodyStart = xml.indexOf('<office:body');
  if (bodyStart < 0) throw new UnprocessableProblem('The ODT file has no document body.');
  const text = xml
    .slice(bodyStart)
    .replace(/<text:s(?:\s+text:c="(\d+)")?\s*\/>/g, (_m, count?: string) => ' '.repeat(Math.min(Number(count ?? 1), 100)))
    .replace(/<text:(tab|line-break)\s*\/>/g, ' ')
    .replace(/<\/text:(p|h)>/g, '\n')
    .replace(/<[^>]+>/g, '');
  return { format: 'odt', text: decodeXmlEntities(text).replace(/\n{3,}/g, '\n\n').trim(), pageCount: null };
}

/** Sniffs the type and extracts the text; malformed or protected files are refused with a problem. */
export async function extractDocument(bytes: Buffer): Promise<ExtractedDocument> {
  if (bytes.length === 0) throw new UnprocessableProblem('The file is empty.');
  const format = sniffFormat(bytes);
  switch (format) {
    case 'pdf':
      return extractPdf(bytes);
    case 'docx':
      return extractDocx(bytes);
    case 'odt':
      return extractOdt(bytes);
  }
}
