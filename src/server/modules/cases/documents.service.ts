import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { CaseDocument, CaseDocumentList } from '../../../contract/cases';
import type { Marking } from '../../../contract/core';
import type { Actor, UserActor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { canReadMarked } from '../../access/marking';
import type { SealedStorage } from '../../platform/files/sealed-storage';
import { ForbiddenProblem, NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import { checkAttachment } from '../exchange';
import type { DocumentExtractor } from '../portal';
import { type CasesDeps, dayOf, loadCaseFor, requireUser } from './cases.context';
import { markingOf, widerThanCase } from './cases.marking';
import { canAddToCase, onOwningSide } from './cases.policy';
import { loadOrganisations, loadUserNames } from './cases.queries';
import type { DocumentRow } from './cases.schema';
import { markingProblems } from './cases.service';
import { findDocument, insertDocument, listDocuments, markDocumentDeleted } from './documents.queries';

/** What a case document may be. Office packages and PDFs are also read, bounded, off the event loop. */
const CASE_DOCUMENT_TYPES = ['pdf', 'docx', 'odt', 'png', 'jpg', 'jpeg', 'txt', 'csv'] as const;
const READ_IN_WORKER = new Set(['pdf', 'docx', 'odt']);

function safeFileName(name: string, extension: string): string {
  const base = name.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N} ._-]+/gu, '_').slice(0, 100).trim() || 'document';
  return `${base}.${extension}`;
}

export interface DocumentUpload {
  bytes: Buffer;
  fileName: string;
  /** Left out: the case's own marking. */
  marking: Marking | null;
}

/** Linked documents of a case: checked, sealed, listed and downloaded under their own marking; every download audited. */
export function createCaseDocumentService(deps: CasesDeps & { storage: SealedStorage; extractor: DocumentExtractor }) {
  const { db, audit, clock, storage, extractor } = deps;

  const canDelete = (actor: UserActor, row: DocumentRow, access: Parameters<typeof onOwningSide>[1]) => canAddToCase(actor, access) && (onOwningSide(actor, access) || row.uploadedBy === actor.userId);

  async function present(actor: UserActor, rows: DocumentRow[], access: Parameters<typeof onOwningSide>[1]): Promise<CaseDocument[]> {
    const names = await loadUserNames(db, rows.map((row) => row.uploadedBy));
    return rows.map((row) => ({
      id: row.id,
      fileName: row.fileName,
      mediaType: row.mediaType,
      sizeBytes: row.sizeBytes,
      sha256: row.sha256,
      createdAt: row.createdAt.toISOString(),
      uploadedBy: names.get(row.uploadedBy) ?? '—',
      marking: markingOf(row),
      canDelete: canDelete(actor, row, access),
    }));
  }

  /** A document of a case the actor reads, whose own marking admits them; else 404. */
  async function loadDocument(actor: UserActor, caseId: string, documentId: string) {
    const loaded = await loadCaseFor(db, actor, caseId, dayOf(clock()));
    const row = await findDocument(db, caseId, documentId);
    if (!row || !canReadMarked(actor, row)) throw new NotFoundProblem();
    return { ...loaded, document: row };
  }

  return {
    list: async (actor: Actor, caseId: string): Promise<CaseDocumentList> => {
      const user = requireUser(actor);
      const { access } = await loadCaseFor(db, user, caseId, dayOf(clock()));
      const rows = (await listDocuments(db, caseId)).filter((row) => canReadMarked(user, row));
      return { items: await present(user, rows, access) };
    },

    /**
     * Refuses, before anything is written, a file whose bytes are not an allowed type or not what
     * its name says, a PDF or office file that expands beyond the reader's bounds (a bomb), and a
     * marking wider than the case's. The sealed file is renamed into place after the row commits.
     */
    upload: async (actor: Actor, caseId: string, upload: DocumentUpload, ip: string): Promise<CaseDocument> => {
      const user = requireUser(actor);
      const { row: parent, access } = await loadCaseFor(db, user, caseId, dayOf(clock()), 'cases.entity.add');
      const sniffed = checkAttachment(upload.fileName, upload.bytes);
      if (!sniffed.ok || !(CASE_DOCUMENT_TYPES as readonly string[]).includes(sniffed.extension)) {
        const disguised = !sniffed.ok && sniffed.reason === 'disguised';
        throw new UnprocessableProblem(disguised ? 'The file is not what its name says.' : 'This type of file cannot be linked to a case.', [{ path: 'file', message: disguised ? 'disguised' : 'unknown_type' }]);
      }
      const marking = upload.marking ?? markingOf(parent);
      const organisations = await loadOrganisations(db, marking.releasableOrganisations);
      const economies = new Map([...organisations.values()].map((organisation) => [organisation.id, organisation.economy]));
      const problems = [...(await markingProblems(deps, marking)), ...widerThanCase(marking, parent, economies)];
      if (problems.length) throw new UnprocessableProblem('The document’s marking is not valid or is wider than the case’s.', problems);
      // Bounded, in the worker: a bomb or an endless PDF is refused here, never on the event loop.
      if (READ_IN_WORKER.has(sniffed.extension)) await extractor.extract(upload.bytes);
      const storageKey = storage.newKey();
      const staged = await storage.stage(storageKey, upload.bytes);
      let row: DocumentRow;
      try {
        row = await audit.command(async (tx) => {
          const inserted = await insertDocument(tx, {
            caseId,
            fileName: safeFileName(upload.fileName, sniffed.extension),
            mediaType: sniffed.mediaType,
            sizeBytes: upload.bytes.length,
            sha256: crypto.createHash('sha256').update(upload.bytes).digest('hex'),
            storageKey,
            uploadedBy: user.userId,
            ...marking,
            ownerOrganisationId: parent.ownerOrganisationId,
            ownerEconomy: parent.ownerEconomy,
            createdAt: clock(),
          });
          await audit.append(tx, { actor, ip }, { action: 'cases.document.upload', recordType: 'case_document', recordId: inserted.id, details: { caseId, mediaType: inserted.mediaType, sizeBytes: inserted.sizeBytes }, subject: auditSubjectOf(inserted) });
          return inserted;
        });
      } catch (error) {
        await staged.discard();
        throw error;
      }
      await staged.commit();
      return (await present(user, [row], access))[0]!;
    },

    /** Audited before the first byte leaves, under the document's own marking. */
    download: async (actor: Actor, caseId: string, documentId: string, ip: string): Promise<{ document: DocumentRow; stream: Readable }> => {
      const user = requireUser(actor);
      const { document } = await loadDocument(user, caseId, documentId);
      await audit.record({ actor, ip }, { action: 'cases.document.download', recordType: 'case_document', recordId: document.id, details: { caseId }, subject: auditSubjectOf(document) });
      return { document, stream: await storage.stream(document.storageKey) };
    },

    /** The uploader or the owning side removes a document; its sealed file is deleted once the change has committed. */
    remove: async (actor: Actor, caseId: string, documentId: string, ip: string): Promise<{ deleted: true }> => {
      const user = requireUser(actor);
      const { document, access } = await loadDocument(user, caseId, documentId);
      if (!canDelete(user, document, access)) throw new ForbiddenProblem('Only the owning side, or whoever uploaded it, removes a document.');
      await audit.command(async (tx) => {
        if (!(await markDocumentDeleted(tx, document.id, user.userId, clock()))) throw new NotFoundProblem();
        await audit.append(tx, { actor, ip }, { action: 'cases.document.delete', recordType: 'case_document', recordId: document.id, details: { caseId }, subject: auditSubjectOf(document) });
      });
      await fs.rm(path.join(storage.dir, `${document.storageKey}.bin`), { force: true });
      return { deleted: true };
    },
  };
}
