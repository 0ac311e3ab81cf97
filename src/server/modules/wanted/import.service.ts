import Papa from 'papaparse';
import { AlertFields, type ImportInput, type ImportReport, WantedKind } from '../../../contract/wanted';
import type { Actor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { BadRequestProblem, ConflictProblem } from '../../platform/http/errors';
import { foldToAscii } from '../../../matching';
import { createDuplicateService } from './alert-duplicates.service';
import { compatibilityOf } from './compatibility';
import { assertIssuingDesk, insertDraftedAlert, requireUser, type WantedDeps } from './alerts.service';
import { assertUsableMarking } from './recipients';
import { type AlertDraft, draftAlert } from './wanted.fields';

export const IMPORT_MAX_ROWS = 5000;

const LIST_FIELDS = new Set(['aliases', 'identifiers', 'languages']);
const YES_NO: Record<string, boolean> = { true: true, yes: true, '1': true, false: false, no: false, '0': false };

function camelCase(key: string): string {
  return key.trim().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** A row's cells: empty ones dropped, lists split on `;`, keys in the contract's camelCase. */
function rowToObject(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, rawValue] of Object.entries(row)) {
    const key = camelCase(rawKey);
    if (!key) continue;
    if (Array.isArray(rawValue)) out[key] = rawValue.map(String);
    else if (rawValue === null || rawValue === undefined || String(rawValue).trim() === '') continue;
    else if (LIST_FIELDS.has(key)) out[key] = String(rawValue).split(';').map((part) => part.trim()).filter(Boolean);
    else if (key === 'identityMisused' && typeof rawValue !== 'boolean') out[key] = YES_NO[String(rawValue).trim().toLowerCase()] ?? String(rawValue);
    else if (typeof rawValue === 'boolean') out[key] = rawValue;
    else out[key] = typeof rawValue === 'string' ? rawValue.trim() : String(rawValue);
  }
  return out;
}

/** A date alone means the start of that day (UTC). */
function parseMoment(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

interface ValidRow {
  kind: WantedKind;
  fields: AlertFields;
  validFrom: Date;
  validUntil: Date;
  reviewAt: Date | null;
  draft: AlertDraft;
}

/** Checks one row; returns what to insert or every reason it cannot be imported. */
export function checkImportRow(row: Record<string, unknown>, now: Date): { row: ValidRow } | { reasons: string[] } {
  const { kind: rawKind, validFrom: rawFrom, validUntil: rawUntil, reviewAt: rawReview, ...rest } = rowToObject(row);
  const reasons: string[] = [];
  const kind = WantedKind.safeParse(rawKind);
  if (!kind.success) reasons.push(rawKind === undefined ? 'kind is missing' : `unknown kind "${String(rawKind).slice(0, 40)}"`);
  const validFrom = rawFrom === undefined ? now : parseMoment(rawFrom);
  const validUntil = parseMoment(rawUntil);
  const reviewAt = rawReview === undefined ? null : parseMoment(rawReview);
  if (!validFrom) reasons.push('valid_from is not a date');
  if (!validUntil) reasons.push(rawUntil === undefined ? 'valid_until is missing' : 'valid_until is not a date');
  if (rawReview !== undefined && !reviewAt) reasons.push('review_at is not a date');
  if (validFrom && validUntil && validUntil <= validFrom) reasons.push('valid_until is not after valid_from');
  if (validUntil && validUntil <= now) reasons.push('valid_until is in the past');
  if (reviewAt && validUntil && reviewAt > validUntil) reasons.push('review_at is after valid_until');
  const fields = AlertFields.safeParse(rest);
  if (!fields.success) {
    for (const issue of fields.error.issues) reasons.push(`${issue.path.join('.') || 'row'}: ${issue.message}`);
  }
  if (!kind.success || !fields.success || !validFrom || !validUntil) return { reasons };
  const drafted = draftAlert(kind.data, fields.data, now);
  if ('problems' in drafted) reasons.push(...drafted.problems.map((problem) => `${problem.path}: ${problem.message}`));
  if (reasons.length || 'problems' in drafted) return { reasons };
  return { row: { kind: kind.data, fields: fields.data, validFrom, validUntil, reviewAt, draft: drafted.draft } };
}

/** Rows with the line each came from (CSV: the header is line 1; JSON: the item's position from 1). */
export function parseImportContent(format: ImportInput['format'], content: string): { line: number; row: Record<string, unknown> }[] {
  if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch {
      throw new BadRequestProblem('The JSON content does not parse.');
    }
    if (!Array.isArray(parsed)) throw new BadRequestProblem('The JSON content must be an array of rows.');
    return parsed.map((row, index) => ({ line: index + 1, row: row !== null && typeof row === 'object' && !Array.isArray(row) ? (row as Record<string, unknown>) : { kind: undefined } }));
  }
  const parsed = Papa.parse<Record<string, string>>(content.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  if (!parsed.meta.fields?.includes('kind')) throw new BadRequestProblem('The CSV needs a header row with at least the column "kind".');
  let line = 1;
  return parsed.data.map((row) => {
    line += 1;
    const { __parsed_extra: _extra, ...cells } = row as Record<string, string> & { __parsed_extra?: unknown };
    return { line, row: cells };
  });
}

/** What makes two rows of one file the same subject: the folded name and date of birth, or an identifier. */
function subjectKeysOf(draft: AlertDraft): string[] {
  if (draft.primaryName) return [`person|${foldToAscii(draft.primaryName)}|${draft.dateOfBirth ?? ''}`];
  return draft.identifiers.map((item) => `${item.kind}|${item.normalized}`);
}

/**
 * Bulk import: every row is checked; the valid ones are imported together in one
 * transaction (with their audit events), the others are reported with line and reasons.
 */
export function createImportService(deps: WantedDeps) {
  const { db, audit, clock } = deps;
  const duplicates = createDuplicateService(deps);
  return {
    run: async (actor: Actor, input: ImportInput, ip: string): Promise<ImportReport> => {
      const user = requireUser(actor);
      await assertIssuingDesk(db, user, input.issuingDeskId);
      await assertUsableMarking(db, input.marking);
      const rows = parseImportContent(input.format, input.content);
      if (rows.length === 0) throw new BadRequestProblem('The file holds no rows.');
      if (rows.length > IMPORT_MAX_ROWS) throw new BadRequestProblem(`At most ${IMPORT_MAX_ROWS} rows per import.`);
      const now = clock();
      const valid: ValidRow[] = [];
      const rejected: ImportReport['rejected'] = [];
      // Rows of one file are held to the same rules among themselves.
      const batchSubjects = new Map<string, { kind: WantedKind; line: number }[]>();
      for (const { line, row } of rows) {
        const checked = checkImportRow(row, now);
        if ('reasons' in checked) {
          rejected.push({ line, reasons: checked.reasons });
          continue;
        }
        const { kind, draft, fields } = checked.row;
        const subject = { kind, name: draft.primaryName ?? undefined, dateOfBirth: draft.dateOfBirth ?? undefined, documentNumber: fields.documentNumber, identifiers: draft.identifiers };
        const conflict = await duplicates.assertNoConflict(user, subject).then(() => null, (error: unknown) => {
          if (error instanceof ConflictProblem) return error.message;
          throw error;
        });
        const earlier = subjectKeysOf(draft).flatMap((key) => batchSubjects.get(key) ?? []).find((seen) => compatibilityOf(kind, seen.kind) !== 'compatible');
        if (conflict) rejected.push({ line, reasons: [conflict] });
        else if (earlier) rejected.push({ line, reasons: [`the same subject as line ${earlier.line}, and this kind cannot stand beside it (one alert per economy per subject)`] });
        else {
          valid.push(checked.row);
          for (const key of subjectKeysOf(draft)) batchSubjects.set(key, [...(batchSubjects.get(key) ?? []), { kind, line }]);
        }
      }
      const references = await audit.command(async (tx) => {
        const created: string[] = [];
        for (const item of valid) {
          const { kind, fields, validFrom, validUntil, reviewAt, draft } = item;
          const alert = await insertDraftedAlert(tx, user, { kind, issuingDeskId: input.issuingDeskId, marking: input.marking, validFrom, validUntil, reviewAt, fields }, draft, now);
          await audit.append(tx, { actor, ip }, { action: 'wanted.alert.create', recordType: 'wanted_alert', recordId: alert.id, details: { kind, via: 'import' }, subject: auditSubjectOf(alert) });
          created.push(alert.reference);
        }
        await audit.append(tx, { actor, ip }, { action: 'wanted.alert.import', details: { format: input.format, rows: rows.length, imported: created.length, rejected: rejected.length } });
        return created;
      });
      return { imported: references.length, references, rejected };
    },
  };
}
