import type { CaseImportInput, ImportPreview, ImportResult } from '../../../../contract/cases-interop';
import type { Actor } from '../../../access/actor';
import { auditSubjectOf } from '../../../access/audit-scope';
import { type CasesDeps, dayOf, loadCaseFor, requireUser } from '../cases.context';
import { insertRelationship } from '../cases.queries';
import { correlateEntity } from '../correlation';
import { insertEntity } from '../correlation.queries';
import { noticeHoldingDesks } from '../entities.service';
import { findEntityByIdentity, insertLink } from '../entities.queries';
import { loadExportData } from './interop.data';
import { planImport } from './import.plan';
import { buildMispEvent } from './misp.export';
import { buildStixBundle } from './stix.export';

export type ExportFormat = 'stix' | 'misp';

export function createInteropService(deps: CasesDeps) {
  const { db, audit, clock } = deps;

  return {
    /** The case (or the graph selection) as STIX 2.1 or MISP, holding only what the reader may see; audited with ids only. */
    export: async (actor: Actor, caseId: string, format: ExportFormat, selection: string[] | null, ip: string) => {
      const loaded = await loadCaseFor(db, actor, caseId, dayOf(clock()));
      const data = await loadExportData(db, actor, loaded, clock(), selection);
      const document = format === 'stix' ? buildStixBundle(data) : buildMispEvent(data);
      await audit.record({ actor, ip }, { action: 'cases.case.export', recordType: 'case', recordId: caseId, details: { format, selection: selection !== null, linkIds: data.items.map((item) => item.linkId), relationships: data.relationships.length }, subject: auditSubjectOf(loaded.row) });
      return { document, filename: `${loaded.row.reference}.${format === 'stix' ? 'stix' : 'misp'}.json` };
    },

    preview: async (actor: Actor, caseId: string, input: CaseImportInput, ip: string): Promise<ImportPreview> => {
      const user = requireUser(actor);
      const { row } = await loadCaseFor(db, user, caseId, dayOf(clock()), 'cases.entity.add');
      const { preview } = await planImport(db, user, row, input);
      await audit.record({ actor, ip }, { action: 'cases.case.import_preview', recordType: 'case', recordId: caseId, details: { format: input.format, ...preview.counts, skipped: preview.skipped.length }, subject: auditSubjectOf(row) });
      return preview;
    },

    /**
     * The import in one transaction: each entity as the add path stores it (the organisation's
     * entity reused on an equal identity, a new one correlated across economies and the holding
     * desks told), its link under the case's marking or the file's stricter one, then the
     * relationships; rejected items are reported and not written.
     */
    commit: async (actor: Actor, caseId: string, input: CaseImportInput, ip: string): Promise<ImportResult> => {
      const user = requireUser(actor);
      const today = dayOf(clock());
      const { row } = await loadCaseFor(db, user, caseId, today, 'cases.entity.add');
      const plan = await planImport(db, user, row, input);
      const now = clock();
      return audit.command(async (tx) => {
        const ids = new Map<object, string>();
        let linked = 0;
        for (const planned of plan.entities) {
          const { fields, values } = planned;
          const existing = await findEntityByIdentity(tx, user.organisationId, fields.kind, values.identityKey);
          const entity = existing ?? (await insertEntity(tx, { ownerOrganisationId: user.organisationId, kind: fields.kind, label: values.label, attributes: values.attributes, identityKey: values.identityKey, dateOfBirth: values.dateOfBirth, createdAt: now, updatedAt: now }, values.keys));
          ids.set(planned, entity.id);
          const link = await insertLink(tx, { caseId, entityId: entity.id, role: fields.role, addedBy: user.userId, ...fields.marking, ownerOrganisationId: row.ownerOrganisationId, ownerEconomy: row.ownerEconomy, createdAt: now });
          if (!link) continue;
          linked += 1;
          const found = existing ? [] : await correlateEntity(tx, entity, values.keys, deps.config.CASES_CORRELATION_CAP, now);
          await noticeHoldingDesks(tx, user, entity, found.map((item) => item.otherEntityId), today);
          await audit.append(tx, { actor, ip }, { action: 'cases.entity.add', recordType: 'case_entity', recordId: entity.id, details: { caseId, linkId: link.id, kind: entity.kind, reused: existing !== null, fields: Object.keys(fields.attributes), via: `import:${input.format}` }, subject: auditSubjectOf(link) });
        }
        let relationshipsAdded = 0;
        for (const relationship of plan.relationships) {
          const fromEntityId = ids.get(relationship.from)!;
          const toEntityId = ids.get(relationship.to)!;
          const id = await insertRelationship(tx, { caseId, fromEntityId, toEntityId, kind: relationship.kind, validFrom: relationship.validFrom, validTo: relationship.validTo, source: relationship.source, createdBy: user.userId, createdAt: now });
          relationshipsAdded += 1;
          await audit.append(tx, { actor, ip }, { action: 'cases.relationship.add', recordType: 'case', recordId: caseId, details: { relationshipId: id, kind: relationship.kind, fromEntityId, toEntityId, via: `import:${input.format}` }, subject: auditSubjectOf(row) });
        }
        await audit.append(tx, { actor, ip }, { action: 'cases.case.import', recordType: 'case', recordId: caseId, details: { format: input.format, ...plan.preview.counts, linked, relationships: relationshipsAdded, skipped: plan.preview.skipped.length }, subject: auditSubjectOf(row) });
        return { ...plan.preview, linked, relationshipsAdded };
      });
    },
  };
}
