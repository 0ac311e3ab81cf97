import { z } from 'zod';
import { EntityFields, EntityKind } from './cases';
import { Uuid } from './core';
import { singleLine } from './single-line';

/** Caps on one import: bigger files are refused whole (a problem document), never cut. */
export const IMPORT_MAX_BYTES = 2_000_000;
export const IMPORT_MAX_OBJECTS = 5_000;

export const IMPORT_FORMATS = ['stix', 'misp', 'csv'] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** How the columns of a CSV become an entity: one kind for every row, attribute name → column header. */
export const CsvMapping = z
  .object({
    kind: EntityKind,
    /** Attribute of the kind (`number`, `name`, `dateOfBirth` …, and `role`) → the header of the column holding it. */
    columns: z.record(z.string().regex(/^[a-zA-Z]{2,30}$/), singleLine().trim().min(1).max(100)),
  })
  .strict();
export type CsvMapping = z.infer<typeof CsvMapping>;

/** The attribute names of an entity kind, read from the contract: what a CSV column may be mapped to. */
export function attributesOfKind(kind: EntityKind): string[] {
  const option = EntityFields.options.find((candidate) => candidate.shape.kind.value === kind);
  return option ? Object.keys(option.shape.attributes.shape) : [];
}

export const CaseImportInput = z
  .object({
    format: ImportFormat,
    /** The file's text: a STIX 2.1 bundle, a MISP event (JSON), or CSV with a header row. */
    content: z.string().min(1).max(IMPORT_MAX_BYTES),
    /** Required for CSV. */
    csv: CsvMapping.optional(),
  })
  .strict();
export type CaseImportInput = z.infer<typeof CaseImportInput>;

/**
 * One entity the file would bring: `create` a new entity, `merge` with the organisation's
 * entity of the same normalised identity (linked to the case), `in_case` already linked here,
 * or `rejected` (with reasons: nothing of it is written).
 */
export const ImportItem = z.object({
  /** Where it came from: a STIX id, a MISP attribute uuid, or `line N` of the CSV. */
  source: z.string(),
  kind: EntityKind.nullable(),
  label: z.string(),
  action: z.enum(['create', 'merge', 'in_case', 'rejected']),
  reasons: z.array(z.string()),
});
export type ImportItem = z.infer<typeof ImportItem>;

export const ImportPreview = z.object({
  format: ImportFormat,
  items: z.array(ImportItem),
  /** Relationships between the file's entities that will be added. */
  relationships: z.number().int(),
  /** Objects of types Mosaic does not hold (an IPv4 address, a malware …): reported, not imported. */
  skipped: z.array(z.object({ source: z.string(), type: z.string(), reason: z.string() })),
  counts: z.object({ create: z.number().int(), merge: z.number().int(), in_case: z.number().int(), rejected: z.number().int() }),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = ImportPreview.extend({ linked: z.number().int(), relationshipsAdded: z.number().int() });
export type ImportResult = z.infer<typeof ImportResult>;

export const ExportQuery = z
  .object({
    /** The graph view's selection: only these entities of the case (and relationships among them). */
    entity: z.union([Uuid, z.array(Uuid).max(500)]).optional(),
  })
  .strict();
export type ExportQuery = z.infer<typeof ExportQuery>;
