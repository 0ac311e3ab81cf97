import { Unzip, UnzipInflate, Unzlib, unzipSync, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { getDocumentProxy } from 'unpdf';
import type { DocumentFormat } from '../../../contract/portal';

/**
 * Runs inside a worker thread (documents.extract.ts starts it): sniffs the type and extracts the
 * text of an uploaded document within limits. Every archive is inflated here by streaming, counting
 * the bytes that come out, and stops at the cap; the text extractors only ever see what passed.
 */

export interface ExtractionLimits {
  /** Uncompressed bytes of all entries of a DOCX/ODT together, and of all PDF streams together. */
  maxExpandedBytes: number;
  maxArchiveEntries: number;
  maxPdfPages: number;
  maxTextCharacters: number;
}

export type ExtractionOutcome =
  | { ok: true; format: DocumentFormat; text: string; pageCount: number | null }
  | { ok: false; status: 415 | 422; detail: string; limit?: string };

export interface ExtractionTask {
  bytes: Uint8Array;
  limits: ExtractionLimits;
}

/** A refusal with the status and the words the uploader sees. */
class Refusal extends Error {
  constructor(
    readonly status: 415 | 422,
    readonly detail: string,
    readonly limit?: string,
  ) {
    super(detail);
  }
}

const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// A compressed chunk of this size inflates to at most ~16 MB at DEFLATE's 1:1032 ratio.
const CHUNK = 16 * 1024;
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function expansionRefusal(limits: ExtractionLimits): Refusal {
  return new Refusal(422, `The document expands to more than ${megabytes(limits.maxExpandedBytes)} when unpacked and is refused.`, `maxExpandedBytes: ${limits.maxExpandedBytes}`);
}

const damagedZip = () => new Refusal(422, 'The file is a damaged ZIP archive and cannot be read.');

/** Names and declared sizes from the central directory, without inflating anything. */
function listZip(bytes: Uint8Array, limits: ExtractionLimits): Set<string> {
  const names = new Set<string>();
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.add(file.name);
        declared += file.originalSize;
        return false;
      },
    });
  } catch {
    throw damagedZip();
  }
  if (names.size > limits.maxArchiveEntries) {
    throw new Refusal(422, `The document has more than ${limits.maxArchiveEntries} parts and is refused.`, `maxArchiveEntries: ${limits.maxArchiveEntries}`);
  }
  if (declared > limits.maxExpandedBytes) throw expansionRefusal(limits);
  return names;
}

/**
 * Inflates every entry by streaming, counting what comes out (the declared sizes may lie), and
 * keeps the entries `keep` asks for. Stops at the first byte over the cap.
 */
function inflateZip(bytes: Uint8Array, limits: ExtractionLimits, keep: (name: string) => boolean): Map<string, Uint8Array> {
  const kept = new Map<string, Uint8Array>();
  let expanded = 0;
  let entries = 0;
  // fflate catches what a handler throws, so a refusal is remembered and raised between pushes.
  let refusal: Refusal | null = null;
  const unzip = new Unzip((file) => {
    entries += 1;
    if (entries > limits.maxArchiveEntries) {
      refusal ??= new Refusal(422, `The document has more than ${limits.maxArchiveEntries} parts and is refused.`, `maxArchiveEntries: ${limits.maxArchiveEntries}`);
      return;
    }
    const chunks: Uint8Array[] | null = keep(file.name) ? [] : null;
    file.ondata = (error, chunk, final) => {
      if (refusal) return;
      if (error) {
        refusal = damagedZip();
        return;
      }
      expanded += chunk.length;
      if (expanded > limits.maxExpandedBytes) {
        refusal = expansionRefusal(limits);
        file.terminate();
        return;
      }
      chunks?.push(chunk);
      if (final && chunks) kept.set(file.name, Buffer.concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && !refusal; offset += CHUNK) unzip.push(bytes.subarray(offset, offset + CHUNK), offset + CHUNK >= bytes.length);
  } catch {
    refusal ??= damagedZip();
  }
  if (refusal) throw refusal;
  return kept;
}

function sniffFormat(bytes: Uint8Array, limits: ExtractionLimits): { format: DocumentFormat; names: Set<string> } {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { format: 'pdf', names: new Set() };
  if (head.length === 8 && OLE_MAGIC.every((byte, i) => head[i] === byte)) {
    throw new Refusal(422, 'This is a password-protected Office file or an old .doc file. Remove the password and save it as DOCX, or upload a PDF.');
  }
  if (head.length > 4 && head.readUInt32LE(0) === 0x04034b50) {
    const names = listZip(bytes, limits);
    if (names.has('word/document.xml')) return { format: 'docx', names };
    if (names.has('mimetype')) return { format: 'odt', names };
    throw new Refusal(415, 'This ZIP file is neither a DOCX nor an ODT text document.');
  }
  throw new Refusal(415, 'Only PDF, DOCX and ODT documents are accepted; the content of this file is none of them.');
}

function assertTextWithin(characters: number, limits: ExtractionLimits) {
  if (characters > limits.maxTextCharacters) {
    throw new Refusal(422, `The document holds more than ${limits.maxTextCharacters.toLocaleString('en')} characters of text and is refused.`, `maxTextCharacters: ${limits.maxTextCharacters}`);
  }
}

function indexOfBytes(bytes: Buffer, text: string, from: number): number {
  return bytes.indexOf(text, from, 'latin1');
}

/**
 * Inflates every FlateDecode stream of the PDF by streaming, counting the output, before the PDF
 * reader sees the file: a stream of a few kilobytes must not become hundreds of megabytes.
 */
function assertPdfStreamsWithin(bytes: Uint8Array, limits: ExtractionLimits) {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let expanded = 0;
  let from = 0;
  for (;;) {
    const keyword = indexOfBytes(pdf, 'stream', from);
    if (keyword < 0) return;
    from = keyword + 6;
    if (pdf.subarray(Math.max(0, keyword - 3), keyword).toString('latin1') === 'end') continue;
    let start = keyword + 6;
    if (pdf[start] === 0x0d) start += 1;
    if (pdf[start] === 0x0a) start += 1;
    const end = indexOfBytes(pdf, 'endstream', start);
    if (end < 0) return;
    from = end + 9;
    // A stream that is not zlib (an image, another filter) fails on its first bytes and is skipped.
    let over = false;
    const inflater = new Unzlib((chunk) => {
      expanded += chunk.length;
      over ||= expanded > limits.maxExpandedBytes;
    });
    try {
      for (let offset = start; offset < end && !over; offset += CHUNK) inflater.push(pdf.subarray(offset, Math.min(end, offset + CHUNK)), offset + CHUNK >= end);
    } catch {
      // not a zlib stream, or a damaged one: pdf.js decides what it makes of it
    }
    if (over) throw expansionRefusal(limits);
  }
}

async function extractPdf(bytes: Uint8Array, limits: ExtractionLimits): Promise<ExtractionOutcome> {
  assertPdfStreamsWithin(bytes, limits);
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: true, verbosity: 0 });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new Refusal(422, 'The PDF is password-protected. Upload it without a password.');
    throw new Refusal(422, 'The PDF is damaged or incomplete and cannot be read.');
  }
  try {
    if (pdf.numPages > limits.maxPdfPages) {
      throw new Refusal(422, `The PDF has ${pdf.numPages.toLocaleString('en')} pages; at most ${limits.maxPdfPages.toLocaleString('en')} are accepted.`, `maxPdfPages: ${limits.maxPdfPages}`);
    }
    const pages: string[] = [];
    let characters = 0;
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const content = await (await pdf.getPage(number)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      characters += text.length;
      assertTextWithin(characters, limits);
      pages.push(text);
    }
    // The same normalisation as unpdf's merged text.
    const text = pages.join('\n').replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n');
    return { ok: true, format: 'pdf', text, pageCount: pdf.numPages };
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(422, 'The PDF is damaged or incomplete and cannot be read.');
  } finally {
    await pdf.destroy();
  }
}

/** mammoth reads the XML parts; media are counted while inflating but not kept. */
const isDocxPart = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');

async function extractDocx(bytes: Uint8Array, limits: ExtractionLimits): Promise<ExtractionOutcome> {
  const parts = inflateZip(bytes, limits, isDocxPart);
  // mammoth gets an archive rebuilt from the parts that were counted, never the uploaded one.
  const checked = Buffer.from(zipSync(Object.fromEntries(parts), { level: 0 }));
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: checked })).value;
  } catch {
    throw new Refusal(422, 'The DOCX file is damaged and cannot be read.');
  }
  assertTextWithin(text.length, limits);
  return { ok: true, format: 'docx', text, pageCount: null };
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
function extractOdt(bytes: Uint8Array, limits: ExtractionLimits): ExtractionOutcome {
  const entries = inflateZip(bytes, limits, (name) => ['mimetype', 'content.xml', 'META-INF/manifest.xml'].includes(name));
  const mimetype = entries.get('mimetype');
  if (!mimetype || Buffer.from(mimetype).toString('latin1').trim() !== ODT_MIMETYPE) throw new Refusal(415, 'This ZIP file is neither a DOCX nor an ODT text document.');
  const manifest = entries.get('META-INF/manifest.xml');
  if (manifest && Buffer.from(manifest).toString('utf8').includes('encryption-data')) {
    throw new Refusal(422, 'The ODT file is password-protected. Upload it without a password.');
  }
  const content = entries.get('content.xml');
  if (!content) throw new Refusal(422, 'The ODT file has no content and cannot be read.');
  const xml = Buffer.from(content).toString('utf8');
  const bodyStart = xml.indexOf('<office:body');
  if (bodyStart < 0) throw new Refusal(422, 'The ODT file has no document body.');
  const text = xml
    .slice(bodyStart)
    .replace(/<text:s(?:\s+text:c="(\d+)")?\s*\/>/g, (_m, count?: string) => ' '.repeat(Math.min(Number(count ?? 1), 100)))
    .replace(/<text:(tab|line-break)\s*\/>/g, ' ')
    .replace(/<\/text:(p|h)>/g, '\n')
    .replace(/<[^>]+>/g, '');
  const decoded = decodeXmlEntities(text).replace(/\n{3,}/g, '\n\n').trim();
  assertTextWithin(decoded.length, limits);
  return { ok: true, format: 'odt', text: decoded, pageCount: null };
}

/** The worker's task: never throws, answers the text or the reason for refusing the file. */
export async function extractInWorker({ bytes, limits }: ExtractionTask): Promise<ExtractionOutcome> {
  try {
    if (bytes.length === 0) throw new Refusal(422, 'The file is empty.');
    const { format } = sniffFormat(bytes, limits);
    switch (format) {
      case 'pdf':
        return await extractPdf(bytes, limits);
      case 'docx':
        return await extractDocx(bytes, limits);
      case 'odt':
        return extractOdt(bytes, limits);
    }
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, status: error.status, detail: error.detail, limit: error.limit };
    throw error;
  }
}
