import crypto from 'node:crypto';
import { and, arrayContains, eq } from 'drizzle-orm';
import type { Document, DocumentListQuery, DocumentMetadataInput, DocumentPage, EditorDocument } from '../../../contract/portal';
import type { Db } from '../../db/client';
import { ConflictProblem, NotFoundProblem } from '../../platform/http/errors';
import { type PortalServiceDeps, type WriteContext, assertEditable, demoteFromReview } from './portal.deps';
import { type ReadContext, assertKnownReferences } from './portal.context';
import { portalDocuments, portalEvents } from './portal.schema';
import { upsertSearchRow } from './search.queries';
import { loadWorkflowRow, recordRevision, workflowState } from './workflow.service';
import { type DocumentExtractor, MEDIA_TYPES } from './documents.extract';
import { type DocumentRow, documentSlugTaken, findDocumentById, findDocumentBySlug, listPublicDocuments, metadataColumns } from './documents.queries';
import { type DownloadRoute, toDocument, toDocumentFile, toDocumentMetadata, toDocumentSummary } from './documents.presenter';
import type { DocumentStorage } from './documents.storage';
import { eventIsPublic } from './events.queries';

export async function reindexDocument(db: Db, id: string) {
  const row = (await findDocumentById(db, id))!;
  await upsertSearchRow(db, {
    type: 'document',
    itemId: id,
    slug: row.slug,
    title: row.title,
    text: `${row.summary}\n${row.publisher}\n${row.extractedText}`,
    topics: row.topics,
    economies: row.economies,
    languages: [row.language],
    year: Number(row.publishedOn.slice(0, 4)),
    itemDate: new Date(`${row.publishedOn}T00:00:00Z`),
    status: row.status,
    publishAt: row.publishAt,
  });
}

const isPublic = (row: DocumentRow, now: Date) => row.status === 'published' && row.publishAt !== null && row.publishAt <= now;

/** A file name safe for a content-disposition header, with the extension of the sniffed type. */
function safeFileName(name: string, format: string): string {
  const base = name.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N} ._-]+/gu, '_').slice(0, 100).trim() || 'document';
  return `${base}.${format}`;
}

export function createDocumentService(deps: PortalServiceDeps & { storage: DocumentStorage; extractor: DocumentExtractor }) {
  async function getEditor(context: WriteContext, id: string): Promise<EditorDocument> {
    const row = await findDocumentById(deps.db, id);
    const workflow = await loadWorkflowRow(deps.db, 'documents', id);
    if (!row || !workflow) throw new NotFoundProblem();
    return { id, input: toDocumentMetadata(row), file: toDocumentFile(row, 'editor'), workflow: workflowState(context.actor, workflow, deps.clock()) };
  }

  async function presentDocument(context: ReadContext, row: DocumentRow, route: DownloadRoute = 'public'): Promise<Document> {
    const events = await deps.db
      .select({ slug: portalEvents.slug, title: portalEvents.title })
      .from(portalEvents)
      .where(and(eventIsPublic(context.now), arrayContains(portalEvents.documentSlugs, [row.slug])));
    return toDocument(context, row, events, route);
  }

  return {
    listPublic: async (context: ReadContext, query: DocumentListQuery): Promise<DocumentPage> => {
      const { rows, total } = await listPublicDocuments(deps.db, { now: context.now, ...query, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      return { items: rows.map((row) => toDocumentSummary(context, row)), total, page: query.page, pageSize: query.pageSize };
    },

    getPublic: async (context: ReadContext, slug: string): Promise<Document> => {
      const row = await findDocumentBySlug(deps.db, slug);
      if (!row || !isPublic(row, context.now)) throw new NotFoundProblem(`No document ${slug}.`);
      return presentDocument(context, row);
    },

    /** The document in any status as its public page will show it (the reviewer's preview), downloading through the editors' route. */
    preview: async (context: ReadContext, id: string): Promise<Document> => {
      const row = await findDocumentById(deps.db, id);
      if (!row) throw new NotFoundProblem();
      return presentDocument(context, row, 'editor');
    },

    download: async (now: Date, slug: string) => {
      const row = await findDocumentBySlug(deps.db, slug);
      if (!row || !isPublic(row, now)) throw new NotFoundProblem(`No document ${slug}.`);
      return { bytes: await deps.storage.read(row.storageKey), mediaType: row.mediaType, fileName: row.fileName };
    },

    /** The file of a document in any status, for an editor (the preview's download); audited. */
    downloadForEditor: async (context: WriteContext, id: string) => {
      const row = await findDocumentById(deps.db, id);
      if (!row) throw new NotFoundProblem();
      const bytes = await deps.storage.read(row.storageKey);
      await deps.audit.record(context, { action: 'portal.document.download', recordType: 'portal_document', recordId: id, details: { status: row.status } });
      return { bytes, mediaType: row.mediaType, fileName: row.fileName };
    },

    getEditor,

    /**
     * Sniffs and extracts the file in the extraction worker (bounded in expansion, pages, text
     * and time) and seals it before anything is written; the sealed file is staged
     * under a temporary name and renamed only after the database transaction has committed.
     */
    upload: async (context: WriteContext, upload: { bytes: Buffer; fileName: string; metadata: DocumentMetadataInput }): Promise<EditorDocument> => {
      const { metadata } = upload;
      await assertKnownReferences(deps.db, metadata.topics, metadata.economies);
      if (await documentSlugTaken(deps.db, metadata.slug)) throw new ConflictProblem(`The slug ${metadata.slug} is already used by another document.`);
      const extracted = await deps.extractor.extract(upload.bytes);
      const storageKey = deps.storage.newKey();
      const staged = await deps.storage.stage(storageKey, upload.bytes);
      const now = deps.clock();
      let id: string;
      try {
        id = await deps.audit.command(async (tx) => {
          if (await documentSlugTaken(tx, metadata.slug)) throw new ConflictProblem(`The slug ${metadata.slug} is already used by another document.`);
          const [row] = await tx
            .insert(portalDocuments)
            .values({
              ...metadataColumns(metadata),
              format: extracted.format,
              mediaType: MEDIA_TYPES[extracted.format],
              fileName: safeFileName(upload.fileName, extracted.format),
              sizeBytes: upload.bytes.length,
              pageCount: extracted.pageCount,
              storageKey,
              sha256: crypto.createHash('sha256').update(upload.bytes).digest('hex'),
              extractedText: extracted.text.split(String.fromCharCode(0)).join(''),
              createdAt: now,
              updatedAt: now,
            })
            .returning({ id: portalDocuments.id });
          await recordRevision(tx, { type: 'documents', itemId: row!.id, number: 1, change: 'created', status: 'draft', actor: context.actor, snapshot: metadata, at: now });
          await reindexDocument(tx, row!.id);
          await deps.audit.append(tx, context, {
            action: 'portal.document.upload',
            recordType: 'portal_document',
            recordId: row!.id,
            details: { slug: metadata.slug, format: extracted.format, sizeBytes: upload.bytes.length },
          });
          return row!.id;
        });
      } catch (error) {
        await staged.discard();
        throw error;
      }
      await staged.commit();
      return getEditor(context, id);
    },

    updateMetadata: async (context: WriteContext, id: string, metadata: DocumentMetadataInput): Promise<EditorDocument> => {
      await assertKnownReferences(deps.db, metadata.topics, metadata.economies);
      const now = deps.clock();
      await deps.audit.command(async (tx) => {
        const workflow = await assertEditable(tx, context, 'documents', id);
        if (await documentSlugTaken(tx, metadata.slug, id)) throw new ConflictProblem(`The slug ${metadata.slug} is already used by another document.`);
        const revision = workflow.revision + 1;
        await tx.update(portalDocuments).set({ ...metadataColumns(metadata), revision, updatedAt: now }).where(eq(portalDocuments.id, id));
        const status = await demoteFromReview(tx, 'portal_documents', id, workflow.status);
        await recordRevision(tx, { type: 'documents', itemId: id, number: revision, change: 'updated', status, actor: context.actor, snapshot: metadata, at: now });
        await reindexDocument(tx, id);
        await deps.audit.append(tx, context, { action: 'portal.document.update', recordType: 'portal_document', recordId: id, details: { slug: metadata.slug, revision } });
      });
      return getEditor(context, id);
    },

  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
