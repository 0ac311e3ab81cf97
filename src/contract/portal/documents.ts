import { z } from 'zod';
import { singleLine } from '../single-line';
import { EconomyCode, Page, PageQuery } from '../core';
import { ContentLanguage, DocumentFormat, DocumentKind, Slug, TopicRef } from './common';

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

export const DocumentFile = z.object({
  format: DocumentFormat,
  /** Media type served with the download. */
  mediaType: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  /** Number of pages (PDF only; null when unknown). */
  pageCount: z.number().int().nullable(),
  /** Public download URL (GET). */
  downloadUrl: z.string(),
});
export type DocumentFile = z.infer<typeof DocumentFile>;

export const DocumentSummary = z.object({
  id: z.uuid(),
  slug: Slug,
  kind: DocumentKind,
  title: z.string(),
  /** Short description (plain text). */
  summary: z.string(),
  /** Who published the document (an institution). */
  publisher: z.string(),
  /** Publication date of the document itself (YYYY-MM-DD). */
  publishedOn: z.iso.date(),
  language: ContentLanguage,
  topics: z.array(TopicRef),
  economies: z.array(EconomyCode),
  file: DocumentFile,
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const Document = DocumentSummary.extend({
  /**
   * Preview of the first page. Rendering page images is not done on the server: the preview is
   * the first ~1,500 characters of the extracted text (kind 'text').
   */
  preview: z.object({ kind: z.literal('text'), text: z.string() }),
  /** Number of characters of text extracted for search. */
  extractedChars: z.number().int(),
  /** Events this document belongs to (materials). */
  events: z.array(z.object({ slug: Slug, title: z.string() })),
});
export type Document = z.infer<typeof Document>;

export const DocumentListQuery = PageQuery.extend({
  kind: DocumentKind.optional(),
  topic: Slug.optional(),
  economy: EconomyCode.optional(),
  language: ContentLanguage.optional(),
  /** Publication year. */
  year: z.coerce.number().int().min(1900).max(2100).optional(),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;

export const DocumentPage = Page(DocumentSummary);
export type DocumentPage = z.infer<typeof DocumentPage>;

/**
 * Metadata of an uploaded document. On upload it travels as the multipart field `metadata`
 * (a JSON string) beside the field `file`; on update as the JSON body.
 */
export const DocumentMetadataInput = z
  .object({
    slug: Slug,
    kind: DocumentKind,
    title: singleLine().trim().min(1).max(300),
    summary: z.string().trim().max(3000).default(''),
    publisher: singleLine().trim().min(1).max(300),
    publishedOn: z.iso.date(),
    language: ContentLanguage,
    topics: z.array(Slug).max(15).default([]),
    economies: z.array(EconomyCode).max(20).default([]),
  })
  .strict();
export type DocumentMetadataInput = z.infer<typeof DocumentMetadataInput>;

/** Upload limit for document files. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
