import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Attachment, AttachmentList } from '../../../contract/exchange-casework';
import { auditSubjectOf } from '../../access/audit-scope';
import type { Actor } from '../../access/actor';
import { authorize } from '../../access/authorize';
import { NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import type { SealedStorage } from '../../platform/files/sealed-storage';
import { checkAttachment } from './attachments.sniff';
import { findAttachment, insertAttachment, listAttachments } from './attachments.queries';
import type { AttachmentRow } from './attachments.schema';
import { type ExchangeDeps, loadVisibleItem, requireUser } from './exchange.context';
import { contentHidden } from './exchange.presenter';

const toAttachment = (row: AttachmentRow): Attachment => ({
  id: row.id,
  fileName: row.fileName,
  mediaType: row.mediaType,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
  createdAt: row.createdAt.toISOString(),
});

/** A name safe for a content-disposition header, keeping the (checked) extension. */
function safeFileName(name: string, extension: string): string {
  const base = name.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N} ._-]+/gu, '_').slice(0, 100).trim() || 'attachment';
  return `${base}.${extension}`;
}

/** Files of items: sniffed and sealed on upload, bound to the item when it is sent, streamed and audited on download. */
export function createAttachmentService(deps: ExchangeDeps & { storage: SealedStorage }) {
  const { db, audit, clock, storage } = deps;

  /** The item's files, when the reader may see its content (a recipient of a retracted item no longer does). */
  async function visibleItem(actor: Actor, itemId: string) {
    const item = await loadVisibleItem(db, actor, itemId);
    authorize(actor, 'exchange.attachment.read', item.access, { type: 'exchange_item', id: itemId });
    return { ...item, hidden: contentHidden(actor, item.row) };
  }

  return {
    /**
     * Refuses a file whose content is not an allowed type or does not match its name's extension
     * (422) before anything is written; the sealed file is renamed into place only after the row
     * has committed.
     */
    upload: async (actor: Actor, upload: { bytes: Buffer; fileName: string }, ip: string): Promise<Attachment> => {
      const user = requireUser(actor);
      authorize(user, 'exchange.attachment.upload');
      const sniffed = checkAttachment(upload.fileName, upload.bytes);
      if (!sniffed.ok) {
        const message = sniffed.reason === 'disguised' ? 'the content does not match the file name’s type' : 'not an allowed type (PDF, PNG, JPEG, text, CSV, DOCX, XLSX, ODT, ODS)';
        throw new UnprocessableProblem(sniffed.reason === 'disguised' ? 'The file is not what its name says.' : 'This type of file cannot be attached.', [{ path: 'file', message }]);
      }
      const storageKey = storage.newKey();
      const staged = await storage.stage(storageKey, upload.bytes);
      let row: AttachmentRow;
      try {
        row = await audit.command(async (tx) => {
          const inserted = await insertAttachment(tx, {
            uploadedBy: user.userId,
            fileName: safeFileName(upload.fileName, sniffed.extension),
            mediaType: sniffed.mediaType,
            sizeBytes: upload.bytes.length,
            sha256: crypto.createHash('sha256').update(upload.bytes).digest('hex'),
            storageKey,
            createdAt: clock(),
          });
          await audit.append(tx, { actor: user, ip }, { action: 'exchange.attachment.upload', recordType: 'exchange_attachment', recordId: inserted.id, details: { mediaType: inserted.mediaType, sizeBytes: inserted.sizeBytes } });
          return inserted;
        });
      } catch (error) {
        await staged.discard();
        throw error;
      }
      await staged.commit();
      return toAttachment(row);
    },

    list: async (actor: Actor, itemId: string): Promise<AttachmentList> => {
      const { hidden } = await visibleItem(actor, itemId);
      return { items: hidden ? [] : (await listAttachments(db, [itemId])).map(toAttachment) };
    },

    /** Every download is an audit event with the item's subject, written before the first byte leaves. */
    download: async (actor: Actor, itemId: string, attachmentId: string, ip: string): Promise<{ attachment: Attachment; stream: Readable }> => {
      const { row, hidden } = await visibleItem(actor, itemId);
      const file = hidden ? null : await findAttachment(db, itemId, attachmentId);
      if (!file) throw new NotFoundProblem();
      await audit.record({ actor, ip }, { action: 'exchange.attachment.download', recordType: 'exchange_attachment', recordId: file.id, details: { itemId }, subject: auditSubjectOf(row) });
      return { attachment: toAttachment(file), stream: await storage.stream(file.storageKey) };
    },
  };
}
