import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkAttachment } from './attachments.sniff';

const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const docx = Buffer.from(zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new TextEncoder().encode('<w:document/>') }, { level: 0 }));
const odt = Buffer.from(zipSync({ mimetype: new TextEncoder().encode('application/vnd.oasis.opendocument.text') }, { level: 0 }));

describe('attachment type sniffing', () => {
  it('accepts content whose bytes match the name’s extension, and names the sniffed type', () => {
    expect(checkAttachment('report.PDF', pdf)).toEqual({ ok: true, extension: 'pdf', mediaType: 'application/pdf' });
    expect(checkAttachment('photo.png', png)).toMatchObject({ ok: true, mediaType: 'image/png' });
    expect(checkAttachment('statement.docx', docx)).toMatchObject({ ok: true, extension: 'docx' });
    expect(checkAttachment('statement.odt', odt)).toMatchObject({ ok: true, extension: 'odt' });
    expect(checkAttachment('plates.csv', Buffer.from('plate,seen\nNS-482-KT,2026-03-02\n'))).toMatchObject({ ok: true, extension: 'csv' });
    expect(checkAttachment('белешка.txt', Buffer.from('Ђорђевић виђен на прелазу.\n'))).toMatchObject({ ok: true, extension: 'txt' });
  });

  it('refuses a disguised file, a program, a bare ZIP and text with control characters', () => {
    expect(checkAttachment('report.pdf', Buffer.from('MZ\x90\x00\x03'))).toEqual({ ok: false, reason: 'unknown_type' });
    expect(checkAttachment('report.pdf', png)).toEqual({ ok: false, reason: 'disguised' });
    expect(checkAttachment('statement.docx', odt)).toEqual({ ok: false, reason: 'disguised' });
    expect(checkAttachment('report', pdf)).toEqual({ ok: false, reason: 'disguised' });
    expect(checkAttachment('archive.docx', Buffer.from(zipSync({ 'a.txt': new Uint8Array([65]) })))).toEqual({ ok: false, reason: 'unknown_type' });
    expect(checkAttachment('notes.txt', Buffer.from('line\u0000hidden'))).toEqual({ ok: false, reason: 'unknown_type' });
  });
});
