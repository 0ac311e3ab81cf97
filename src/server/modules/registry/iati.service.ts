import crypto from 'node:crypto';
import type { ActivityListQuery, IatiImportReport } from '../../../contract/registry';
import { type Actor, type UserActor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { UnprocessableProblem } from '../../platform/http/errors';
import { listTopicNames } from '../portal';
import { activitiesXml } from './iati.export';
import { checkCandidate, parseIatiFile } from './iati.import';
import { validateIati } from './iati.schema-check';
import { findIdentifiers, insertAcknowledgement, insertActivity, listAllActivities, listRates, replacePairs, visibleActivities } from './registry.queries';
import { columnsOf, featuresOfInput, inputOfRow } from './registry.rows';
import { type RegistryDeps, filtersOf, scoredOverlaps } from './registry.service';
import { activityProblems, loadReference } from './registry.validate';

type Refusal = IatiImportReport['refused'][number]['problems'][number];

export function createIatiService(deps: RegistryDeps) {
  const { db, audit, clock } = deps;

  return {
    /** The activities the actor may read (or the public ones) as one IATI 2.03 file; exporting marked ones is an audited read. */
    async export(actor: Actor, query: Omit<ActivityListQuery, 'page' | 'pageSize'>, ip: string, publicOnly = false): Promise<string> {
      const scope = visibleActivities(publicOnly ? { kind: 'anonymous' } : actor);
      const rows = (await listAllActivities(db, scope, filtersOf(query))).map((entry) => entry.row);
      const marked = rows.filter((row) => !row.isPublic);
      if (marked.length) {
        await audit.command(async (tx) => {
          await audit.appendMany(tx, { actor, ip }, marked.map((row) => ({ action: 'registry.activity.read', recordType: 'registry_activity', recordId: row.id, details: { via: 'iati_export' }, subject: auditSubjectOf(row) })));
        });
      }
      const topicNames = new Map((await listTopicNames(db)).map((topic) => [topic.slug, topic.names.en ?? topic.slug]));
      return activitiesXml(rows.map((row) => ({ input: inputOfRow(row), updatedAt: row.updatedAt })), clock(), topicNames);
    },

    /**
     * Imports a file: each activity is taken or refused on its own (schema errors on its lines, the
     * registry's rules, an identifier used twice in the file or already registered); the activities
     * taken are saved together as public activities in one transaction, so nothing is half-saved.
     */
    async import(actor: UserActor, xml: string, ip: string): Promise<IatiImportReport> {
      const parsed = parseIatiFile(xml);
      if ('problem' in parsed) throw new UnprocessableProblem(`The file was not read: ${parsed.problem.message}.`, [{ path: 'xml', message: parsed.problem.kind }]);
      const schema = await validateIati(xml);
      const starts = parsed.activities.map((activity) => activity.line);
      const activityAtLine = (line: number) => {
        let index = -1;
        starts.forEach((start, position) => {
          if (start <= line) index = position;
        });
        return index;
      };
      const schemaErrors = new Map<number, Refusal[]>();
      for (const error of schema.errors) {
        const index = error.line === null ? -1 : activityAtLine(error.line);
        schemaErrors.set(index, [...(schemaErrors.get(index) ?? []), { path: 'schema', kind: 'schema', detail: error.message.trim() }]);
      }
      if (schemaErrors.has(-1)) throw new UnprocessableProblem('The file does not follow the IATI 2.03 schema outside its activities.', (schemaErrors.get(-1) ?? []).slice(0, 20).map((problem) => ({ path: 'xml', message: `schema: ${problem.detail}` })));

      const rates = await listRates(db);
      const reference = await loadReference(db, rates);
      const counts = new Map<string, number>();
      for (const activity of parsed.activities) if (activity.identifier) counts.set(activity.identifier, (counts.get(activity.identifier) ?? 0) + 1);
      const existing = await findIdentifiers(db, [...counts.keys()]);
      const report: IatiImportReport = { taken: [], refused: [] };
      const accepted: { index: number; input: ReturnType<typeof checkCandidate>['data'] & object }[] = [];
      for (const activity of parsed.activities) {
        const problems: Refusal[] = [...(schemaErrors.get(activity.index) ?? [])];
        const refuse = (path: string, kind: Refusal['kind'], detail: string) => problems.push({ path, kind, detail });
        if (activity.identifier && (counts.get(activity.identifier) ?? 0) > 1) refuse('identifier', 'duplicateInFile', 'used by more than one activity in the file');
        if (activity.identifier && existing.has(activity.identifier)) refuse('identifier', 'alreadyRegistered', 'already registered');
        const checked = checkCandidate(activity.candidate);
        if (!checked.success) checked.error.issues.slice(0, 10).forEach((issue) => refuse(issue.path.join('.'), 'invalid', issue.message));
        else activityProblems(checked.data, reference).forEach((problem) => refuse(problem.path, 'rule', problem.message));
        if (problems.length || !checked.success) {
          report.refused.push({ index: activity.index, identifier: activity.identifier, reasons: problems.map((problem) => `${problem.path}: ${problem.detail}`), problems });
        } else accepted.push({ index: activity.index, input: checked.data });
      }
      if (accepted.length === 0) return report;
      const now = clock();
      await audit.command(async (tx) => {
        for (const { index, input } of accepted) {
          const row = await insertActivity(tx, { ...columnsOf(input, rates), id: crypto.randomUUID(), ownerOrganisationId: actor.organisationId, ownerEconomy: actor.economy, authorId: actor.userId, createdAt: now, updatedAt: now });
          const features = featuresOfInput(input);
          const pairs = await scoredOverlaps(tx, features, null, row.id);
          await replacePairs(tx, row.id, pairs.map((pair) => ({ otherId: pair.row.id, score: pair.score, reasons: pair.reasons })));
          // The importer is shown, in the import's answer, the overlaps of each activity it could read.
          const shown = (await scoredOverlaps(tx, features, visibleActivities(actor), row.id)).map((overlap) => ({ id: overlap.row.id, score: overlap.score }));
          await insertAcknowledgement(tx, { activityId: row.id, userId: actor.userId, shown, at: now });
          report.taken.push({ index, identifier: input.identifier, id: row.id });
        }
        await audit.append(tx, { actor, ip }, { action: 'registry.activity.import', recordType: 'registry_activity', details: { taken: report.taken.map((entry) => entry.id), refused: report.refused.length } });
      });
      return report;
    },
  };
}
