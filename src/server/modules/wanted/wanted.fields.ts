import { type AlertFields, type WantedKind, isPersonKind } from '../../../contract/wanted';
import { ACTIONS_BY_KIND } from '../../../contract/wanted-alerts';
import type { ActionCode } from '../../../contract/wanted-actions';
import {
  foldToAscii,
  isValidVin,
  nameRetrievalKeys,
  normalizeDocumentNumber,
  normalizePlate,
  normalizeSerial,
  normalizeVin,
  validateNameInput,
} from '../../../matching';

const VIN_SHAPE = /^[A-HJ-NPR-Z0-9]{17}$/u;

/** A plate as compared: the engine's form with O/0 and I/1 folded too (they get misread). */
export function plateKey(plate: string): string {
  return normalizePlate(plate).replace(/O/gu, '0').replace(/I/gu, '1');
}

export type IdentifierKind = 'vin' | 'plate' | 'serial' | 'document' | 'other';

/** An alert's fields checked for its kind and turned into what is stored. */
export interface AlertDraft {
  actionCode: ActionCode;
  actionNote: string;
  primaryName: string | null;
  sex: 'female' | 'male' | null;
  physicalDescription: string | null;
  languages: string[];
  identityMisused: boolean;
  names: { name: string; folded: string; isAlias: boolean }[];
  keys: string[];
  dateOfBirth: string | null;
  nationality: string | null;
  identifiers: { kind: IdentifierKind; value: string; normalized: string }[];
  attributes: Record<string, string>;
}

export interface FieldProblem {
  path: string;
  message: string;
}

const MAX_KEYS_PER_ALERT = 48;

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Checks a date of birth: a real calendar date, not in the future, not absurdly old. */
export function dateOfBirthProblem(value: string, now: Date): string | null {
  if (!isRealDate(value)) return 'date of birth is not a real date';
  if (value > now.toISOString().slice(0, 10)) return 'date of birth is in the future';
  if (value < '1900-01-01') return 'date of birth is before 1900';
  return null;
}

function checkName(path: string, name: string, problems: FieldProblem[]): string | null {
  const verdict = validateNameInput(name);
  if (!verdict.ok) {
    problems.push({ path, message: verdict.reason });
    return null;
  }
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function cleanText(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

function addIdentifier(draft: AlertDraft, kind: IdentifierKind, value: string, normalize: (raw: string) => string): boolean {
  const normalized = normalize(value);
  if (!normalized) return false;
  if (!draft.identifiers.some((item) => item.kind === kind && item.normalized === normalized)) {
    draft.identifiers.push({ kind, value: value.trim(), normalized });
  }
  return true;
}

function personDraft(fields: AlertFields, kind: WantedKind, now: Date, draft: AlertDraft, problems: FieldProblem[]) {
  if (!cleanText(fields.name)) problems.push({ path: 'name', message: 'a person alert needs a name' });
  else {
    const name = checkName('name', fields.name ?? '', problems);
    if (name) {
      draft.primaryName = name;
      draft.names.push({ name, folded: foldToAscii(name), isAlias: false });
    }
  }
  (fields.aliases ?? []).forEach((alias, index) => {
    if (!alias.trim()) return;
    const name = checkName(`aliases.${index}`, alias, problems);
    if (name && !draft.names.some((known) => known.name === name)) draft.names.push({ name, folded: foldToAscii(name), isAlias: true });
  });
  const keys = new Set<string>();
  for (const { name } of draft.names) for (const key of nameRetrievalKeys(name)) keys.add(key);
  draft.keys = [...keys].slice(0, MAX_KEYS_PER_ALERT);
  if (fields.dateOfBirth) {
    const problem = dateOfBirthProblem(fields.dateOfBirth, now);
    if (problem) problems.push({ path: 'dateOfBirth', message: problem });
    else draft.dateOfBirth = fields.dateOfBirth;
  }
  draft.nationality = fields.nationality ?? null;
  draft.sex = fields.sex ?? null;
  draft.physicalDescription = cleanText(fields.physicalDescription) ?? null;
  draft.languages = [...new Set(fields.languages ?? [])];
  draft.identityMisused = fields.identityMisused ?? false;
  if (fields.documentNumber && !addIdentifier(draft, 'document', fields.documentNumber, normalizeDocumentNumber)) {
    problems.push({ path: 'documentNumber', message: 'document number has no letters or digits' });
  }
  if (kind === 'person_arrest' && !cleanText(fields.warrantReference)) {
    problems.push({ path: 'warrantReference', message: 'a person wanted for arrest needs the warrant reference' });
  }
  if (kind === 'person_missing_minor' && draft.dateOfBirth) {
    const adultSince = new Date(now);
    adultSince.setUTCFullYear(adultSince.getUTCFullYear() - 18);
    if (draft.dateOfBirth <= adultSince.toISOString().slice(0, 10)) {
      problems.push({ path: 'dateOfBirth', message: 'a missing minor must be under 18 (check the kind or the date of birth)' });
    }
  }
}

function vehicleDraft(fields: AlertFields, draft: AlertDraft, problems: FieldProblem[]) {
  const vin = cleanText(fields.vin);
  const plate = cleanText(fields.plate);
  if (!vin && !plate) problems.push({ path: 'vin', message: 'a vehicle alert needs a VIN or a plate' });
  if (vin) {
    const normalized = normalizeVin(vin);
    if (!VIN_SHAPE.test(normalized)) problems.push({ path: 'vin', message: 'VIN must be 17 letters and digits (no I, O or Q)' });
    else if (!isValidVin(normalized)) problems.push({ path: 'vin', message: 'VIN check digit (9th character) is wrong' });
    else draft.identifiers.push({ kind: 'vin', value: vin, normalized });
  }
  if (plate && !addIdentifier(draft, 'plate', plate, plateKey)) problems.push({ path: 'plate', message: 'plate has no letters or digits' });
}

function firearmDraft(fields: AlertFields, draft: AlertDraft, problems: FieldProblem[]) {
  const serial = cleanText(fields.serial);
  if (!serial) problems.push({ path: 'serial', message: 'a firearm alert needs the serial number' });
  else if (!addIdentifier(draft, 'serial', serial, normalizeSerial)) problems.push({ path: 'serial', message: 'serial has no letters or digits' });
}

function documentDraft(fields: AlertFields, draft: AlertDraft, problems: FieldProblem[]) {
  const number = cleanText(fields.documentNumber);
  if (!number) problems.push({ path: 'documentNumber', message: 'a document alert needs the document number' });
  else if (!addIdentifier(draft, 'document', number, normalizeDocumentNumber)) {
    problems.push({ path: 'documentNumber', message: 'document number has no letters or digits' });
  }
  if (!cleanText(fields.documentType)) problems.push({ path: 'documentType', message: 'a document alert needs the document type' });
  if (!fields.issuingEconomy) problems.push({ path: 'issuingEconomy', message: 'a document alert needs the issuing economy' });
}

function objectDraft(fields: AlertFields, draft: AlertDraft, problems: FieldProblem[]) {
  if (!cleanText(fields.description)) problems.push({ path: 'description', message: 'an object alert needs a description' });
  (fields.identifiers ?? []).forEach((identifier) => {
    if (identifier.trim()) addIdentifier(draft, 'other', identifier, normalizeSerial);
  });
}

const ATTRIBUTE_FIELDS = ['make', 'model', 'colour', 'calibre', 'firearmType', 'documentType', 'issuingEconomy', 'description'] as const;

/** Validates the fields for the kind; returns the draft or the list of problems. */
export function draftAlert(kind: WantedKind, fields: AlertFields, now: Date): { draft: AlertDraft } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const allowed = ACTIONS_BY_KIND[kind];
  const code = cleanText(fields.actionCode) ?? allowed[0]!;
  const actionCode = allowed.find((candidate) => candidate === code);
  if (!actionCode) problems.push({ path: 'actionCode', message: `"${code.slice(0, 60)}" is not an action for this kind; use one of: ${allowed.join(', ')}` });
  const draft: AlertDraft = {
    actionCode: actionCode ?? allowed[0]!, actionNote: cleanText(fields.actionToTake) ?? '', primaryName: null, sex: null, physicalDescription: null,
    languages: [], identityMisused: false, names: [], keys: [], dateOfBirth: null, nationality: null, identifiers: [], attributes: {},
  };
  if (isPersonKind(kind)) personDraft(fields, kind, now, draft, problems);
  else if (kind === 'vehicle') vehicleDraft(fields, draft, problems);
  else if (kind === 'firearm') firearmDraft(fields, draft, problems);
  else if (kind === 'document') documentDraft(fields, draft, problems);
  else objectDraft(fields, draft, problems);
  for (const field of ATTRIBUTE_FIELDS) {
    const value = cleanText(fields[field]);
    if (value) draft.attributes[field] = value;
  }
  if (fields.remarks && /\p{Cc}/u.test(fields.remarks.replace(/[\n\r\t]/g, ''))) {
    problems.push({ path: 'remarks', message: 'remarks contain control characters' });
  }
  return problems.length ? { problems } : { draft };
}

/**
 * What a card or list calls the alert: the person's name; a vehicle by make, model, plate and
 * colour; a firearm by make, type and serial; a document by type and number; else the description.
 */
export function labelFor(row: { primaryName: string | null; kind: WantedKind; attributes: Record<string, string> }, identifiers: { kind: string; value: string }[]): string {
  if (row.primaryName) return row.primaryName;
  const a = row.attributes;
  const of = (kind: string) => identifiers.find((item) => item.kind === kind)?.value;
  const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' · ');
  const label =
    row.kind === 'vehicle' ? joined([a.make, a.model].filter(Boolean).join(' '), of('plate') ?? of('vin'), a.colour)
      : row.kind === 'firearm' ? joined([a.make, a.firearmType].filter(Boolean).join(' '), of('serial'))
        : row.kind === 'document' ? joined(a.documentType, of('document'), a.issuingEconomy)
          : joined(a.description, of('other'));
  return label || identifiers[0]?.value || a.description || '—';
}
