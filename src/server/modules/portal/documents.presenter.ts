import type { ContentLanguage, Document, DocumentFile, DocumentMetadataInput, DocumentSummary } from '../../../contract/portal';
import { type ReadContext, topicRefs } from './portal.context';
import type { DocumentRow } from './documents.queries';

const PREVIEW_CHARS = 1500;

/**
 * Which route the download link takes: the public one (404 until publication) or the editors'
 * (any status, audited), so that the editor page and the preview offer a download that works.
 */
export type DownloadRoute = 'public' | 'editor';

export function toDocumentFile(row: DocumentRow, route: DownloadRoute = 'public'): DocumentFile {
  return {
    format: row.format as DocumentFile['format'],
    mediaType: row.mediaType,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    pageCount: row.pageCount,
    downloadUrl: route === 'editor' ? `/api/portal/editor/documents/${row.id}/file` : `/api/portal/documents/${row.slug}/file`,
  };
}

export function toDocumentSummary(context: ReadContext, row: DocumentRow, route: DownloadRoute = 'public'): DocumentSummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind as DocumentSummary['kind'],
    title: row.title,
    summary: row.summary,
    publisher: row.publisher,
    publishedOn: row.publishedOn,
    language: row.language as ContentLanguage,
    topics: topicRefs(context, row.topics),
    economies: row.economies,
    file: toDocumentFile(row, route),
  };
}

/** The preview is the start of the extracted text: page images are not rendered on the server. */
export function previewText(text: string): string {
  const clean = text.replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n\n').trim();
  if (clean.length <= PREVIEW_CHARS) return clean;
  const cut = clean.lastIndexOf(' ', PREVIEW_CHARS);
  return `${clean.slice(0, cut > PREVIEW_CHARS / 2 ? cut : PREVIEW_CHARS)} …`;
}

export function toDocument(context: ReadContext, row: DocumentRow, events: { slug: string; title: string }[], route: DownloadRoute = 'public'): Document {
  return {
    ...toDocumentSummary(context, row, route),
    preview: { kind: 'text', text: previewText(row.extractedText) },
    extractedChars: row.extractedText.length,
    events,
  };
}

export function toDocumentMetadata(row: DocumentRow): DocumentMetadataInput {
  return {
    slug: row.slug,
    kind: row.kind as DocumentMetadataInput['kind'],
    title: row.title,
    summary: row.summary,
    publisher: row.publisher,
    publishedOn: row.publishedOn,
    language: row.language as ContentLanguage,
    topics: row.topics,
    economies: row.economies,
  };
}
