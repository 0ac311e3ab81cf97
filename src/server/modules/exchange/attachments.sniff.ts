/** The types an attachment may have, by the extension its name must carry. */
export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
} as const;
export type AttachmentExtension = keyof typeof ATTACHMENT_TYPES;

const startsWith = (bytes: Buffer, ...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
const contains = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, 'latin1'));

/** Plain UTF-8 text: decodes strictly, and no control characters but tab and line breaks. */
function isPlainText(bytes: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return false;
  }
  return true;
}

/**
 * What the content is, from its bytes alone (a name or a claimed type proves nothing). The
 * office formats are ZIP packages told apart by the entries every one of them has.
 */
export function sniffContent(bytes: Buffer): AttachmentExtension[] {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return ['pdf'];
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return ['png'];
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return ['jpg', 'jpeg'];
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    if (contains(bytes, 'mimetypeapplication/vnd.oasis.opendocument.text')) return ['odt'];
    if (contains(bytes, 'mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return ['ods'];
    if (contains(bytes, '[Content_Types].xml') && contains(bytes, 'word/')) return ['docx'];
    if (contains(bytes, '[Content_Types].xml') && contains(bytes, 'xl/')) return ['xlsx'];
    return [];
  }
  if (isPlainText(bytes)) return ['txt', 'csv'];
  return [];
}

export type SniffOutcome = { ok: true; extension: AttachmentExtension; mediaType: string } | { ok: false; reason: 'unknown_type' | 'disguised' };

/** The file's name must carry the extension of what its content is: an .exe named .pdf is refused. */
export function checkAttachment(fileName: string, bytes: Buffer): SniffOutcome {
  const sniffed = sniffContent(bytes);
  if (sniffed.length === 0) return { ok: false, reason: 'unknown_type' };
  const extension = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase();
  const match = sniffed.find((candidate) => candidate === extension);
  if (!match) return { ok: false, reason: 'disguised' };
  return { ok: true, extension: match, mediaType: ATTACHMENT_TYPES[match] };
}
