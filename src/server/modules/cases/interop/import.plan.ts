import { type EntityAddInput, EntityFields, type EntityKind, type RelationshipKind } from '../../../../contract/cases';
import type { ImportItem, ImportPreview, CaseImportInput } from '../../../../contract/cases-interop';
import { type Classification, CLASSIFICATIONS, type Marking, TLP_LEVELS, type Tlp } from '../../../../contract/core';
import { CONTROL_CHARACTER_MESSAGE, isSingleLine } from '../../../../contract/single-line';
import type { Actor, UserActor } from '../../../access/actor';
import { canReadMarked } from '../../../access/marking';
import type { Db } from '../../../db/client';
import { UnprocessableProblem } from '../../../platform/http/errors';
import { markingOf } from '../cases.marking';
import { type NormalisedEntity, normaliseEntity } from '../cases.normalise';
import type { CaseRow } from '../cases.schema';
import { findEntityByIdentity, listLinksOfCases } from '../entities.queries';
import { parseCsv } from './csv.import';
import type { Candidate, ParsedFile } from './import.candidates';
import { parseMispEvent } from './misp.import';
import { parseStixBundle } from './stix.import';

type Problem = { path: string; message: string };

/** One entity to write: its checked fields, normalised values and link marking. */
export interface PlannedEntity {
  item: ImportItem;
  fields: EntityAddInput;
  values: NormalisedEntity;
}

export interface ImportPlan {
  preview: ImportPreview;
  entities: PlannedEntity[];
  relationships: { from: PlannedEntity; to: PlannedEntity; kind: RelationshipKind; validFrom: string | null; validTo: string | null; source: string }[];
}

export function parseFile(input: CaseImportInput): ParsedFile {
  switch (input.format) {
    case 'stix':
      return parseStixBundle(input.content);
    case 'misp':
      return parseMispEvent(input.content);
    case 'csv':
      return parseCsv(input.content, input.csv);
  }
}

const stricterTlp = (a: Tlp, b: Tlp | null | undefined) => (b && TLP_LEVELS.indexOf(b) > TLP_LEVELS.indexOf(a) ? b : a);
const stricterClassification = (a: Classification, b: Classification | null | undefined) => (b && CLASSIFICATIONS.indexOf(b) > CLASSIFICATIONS.indexOf(a) ? b : a);
const withoutEmpty = (attributes: Record<string, unknown>) => Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined && value !== null && value !== ''));

/** Every string of the candidate that is not one line of text, as problem paths. */
function controlCharacters(candidate: Candidate, index: number): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string' && !isSingleLine(value)) problems.push({ path, message: 'control_character' });
    if (Array.isArray(value)) value.forEach((item, position) => visit(item, `${path}[${position}]`));
  };
  for (const [key, value] of Object.entries(candidate.attributes)) visit(value, `items[${index}].attributes.${key}`);
  visit(candidate.role, `items[${index}].role`);
  return problems;
}

/**
 * What an import would do, computed without writing: each candidate checked against the
 * contract and normalised as the add path does; equal normalised identities (within the file
 * and against the organisation's entities) become one entity. Control characters anywhere
 * refuse the file whole. A link the actor may not read is reported as a merge, never as
 * "already in the case", so a hidden link leaves no trace.
 */
export async function planImport(db: Db, actor: UserActor, row: CaseRow, input: CaseImportInput): Promise<ImportPlan> {
  const parsed = parseFile(input);
  const control = [
    ...parsed.candidates.flatMap(controlCharacters),
    ...parsed.relationships.flatMap((relationship, index) => (isSingleLine(relationship.source) ? [] : [{ path: `relationships[${index}].source`, message: 'control_character' }])),
  ];
  if (control.length) throw new UnprocessableProblem(CONTROL_CHARACTER_MESSAGE, control.slice(0, 50));
  const caseMarking = markingOf(row);
  const links = await listLinksOfCases(db, [row.id]);
  const planned = new Map<string, PlannedEntity>();
  const byRef = new Map<string, PlannedEntity>();
  const items: ImportItem[] = [];
  const entities: PlannedEntity[] = [];
  for (const candidate of parsed.candidates) {
    const checked = EntityFields.safeParse({ kind: candidate.kind, attributes: withoutEmpty(candidate.attributes) });
    const label = String(candidate.attributes.name ?? candidate.attributes.number ?? candidate.attributes.address ?? candidate.attributes.iban ?? candidate.attributes.vin ?? candidate.attributes.plate ?? candidate.attributes.serial ?? candidate.attributes.imo ?? '').slice(0, 200);
    const kind = (checked.success ? checked.data.kind : null) as EntityKind | null;
    if (!checked.success) {
      items.push({ source: candidate.source, kind, label, action: 'rejected', reasons: checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code === 'invalid_union' ? 'unknown_kind' : issue.message}`) });
      continue;
    }
    const normalised = normaliseEntity(checked.data, actor.economy);
    if (!normalised.ok) {
      items.push({ source: candidate.source, kind, label, action: 'rejected', reasons: normalised.problems.map((problem) => `${problem.path}: ${problem.message}`) });
      continue;
    }
    const identity = `${checked.data.kind}|${normalised.entity.identityKey}`;
    const same = planned.get(identity);
    if (same) {
      items.push({ source: candidate.source, kind, label: normalised.entity.label, action: same.item.action === 'create' ? 'merge' : same.item.action, reasons: [`same_as: ${same.item.source}`] });
      if (candidate.ref) byRef.set(candidate.ref, same);
      continue;
    }
    const marking: Marking = { ...caseMarking, tlp: stricterTlp(caseMarking.tlp, candidate.tlp), classification: stricterClassification(caseMarking.classification, candidate.classification) };
    const existing = await findEntityByIdentity(db, actor.organisationId, checked.data.kind, normalised.entity.identityKey);
    const link = existing ? links.find((candidateLink) => candidateLink.entityId === existing.id) : undefined;
    const action = !existing ? 'create' : link && canReadMarked(actor as Actor, link) ? 'in_case' : 'merge';
    const item: ImportItem = { source: candidate.source, kind, label: normalised.entity.label, action, reasons: [] };
    const entry: PlannedEntity = { item, fields: { ...checked.data, role: (candidate.role ?? '').slice(0, 100), marking }, values: normalised.entity };
    items.push(item);
    entities.push(entry);
    planned.set(identity, entry);
    if (candidate.ref) byRef.set(candidate.ref, entry);
  }
  const relationships = parsed.relationships.flatMap((relationship) => {
    const from = byRef.get(relationship.fromRef);
    const to = byRef.get(relationship.toRef);
    if (!from || !to || from === to) return [];
    const validTo = relationship.validFrom && relationship.validTo && relationship.validTo < relationship.validFrom ? null : relationship.validTo;
    return [{ from, to, kind: relationship.kind as RelationshipKind, validFrom: relationship.validFrom, validTo, source: relationship.source.slice(0, 300) }];
  });
  const count = (action: ImportItem['action']) => items.filter((item) => item.action === action).length;
  return {
    preview: { format: input.format, items, relationships: relationships.length, skipped: parsed.skipped, counts: { create: count('create'), merge: count('merge'), in_case: count('in_case'), rejected: count('rejected') } },
    entities,
    relationships,
  };
}
