import crypto from 'node:crypto';
import type { Activity, ActivityInput, ActivityListQuery, ActivityPage, ActivitySaveInput, OverlapInput, OverlapList, RegistryOptions } from '../../../contract/registry';
import { auditSubjectOf } from '../../access/audit-scope';
import { type Actor, type UserActor, isUser } from '../../access/actor';
import { authorize } from '../../access/authorize';
import { can } from '../../access/policy';
import type { Db } from '../../db/client';
import type { AuditService } from '../../platform/audit/audit.service';
import { ConflictProblem, NotFoundProblem, UnauthorizedProblem, UnprocessableProblem } from '../../platform/http/errors';
import { loadMarkingChoices } from '../directory';
import { listTopicNames } from '../portal';
import { OVERLAP_THRESHOLD, type OverlapFeatures, scoreOverlap } from './overlap.scoring';
import { overlapWords } from './overlap.words';
import { activityAccess, presentActivity, presentSummary } from './registry.presenter';
import {
  type ActivityFilters,
  findActivity,
  findIdentifiers,
  insertAcknowledgement,
  insertActivity,
  listAcknowledgements,
  listActivities,
  listRates,
  loadActivities,
  organisationName,
  overlapCandidates,
  replacePairs,
  updateActivityRow,
  visibleActivities,
} from './registry.queries';
import { columnsOf, featuresOfInput, featuresOfRow, foldName, knownCurrencies } from './registry.rows';
import type { ActivityRow } from './registry.schema';
import { activityProblems, loadReference } from './registry.validate';

export interface RegistryDeps {
  db: Db;
  audit: AuditService;
  clock: () => Date;
}

const list = <T>(value: T | T[] | undefined): T[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);

export function filtersOf(query: Omit<ActivityListQuery, 'page' | 'pageSize'>): ActivityFilters {
  return { economies: list(query.economy), topics: list(query.topic), statuses: list(query.status), organisation: query.organisation, q: query.q ? foldName(query.q) : undefined };
}

function requireUser(actor: Actor): UserActor {
  if (!isUser(actor)) throw new UnauthorizedProblem();
  return actor;
}

/** Scores the shortlist the database gives and keeps those at or above the threshold, best first, with their rows. */
export async function scoredOverlaps(db: Db, features: OverlapFeatures, scope: ReturnType<typeof visibleActivities> | null, excludeId: string | null) {
  if (features.economies.length === 0) return [];
  const candidates = await overlapCandidates(db, features, scope, excludeId);
  const best = candidates
    .map((candidate) => ({ id: candidate.id, ...scoreOverlap(features, featuresOfRow(candidate)) }))
    .filter((candidate) => candidate.score >= OVERLAP_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, 20);
  const loaded = new Map((await loadActivities(db, best.map((entry) => entry.id))).map((entry) => [entry.row.id, entry]));
  return best.flatMap((entry) => {
    const found = loaded.get(entry.id);
    return found ? [{ ...found, score: entry.score, reasons: entry.reasons }] : [];
  });
}

function draftFeatures(input: OverlapInput): OverlapFeatures {
  return {
    economies: input.recipientEconomies,
    start: input.plannedStart && input.plannedEnd && input.plannedStart <= input.plannedEnd ? input.plannedStart : null,
    end: input.plannedStart && input.plannedEnd && input.plannedStart <= input.plannedEnd ? input.plannedEnd : null,
    topics: input.topics,
    targetGroups: input.targetGroups,
    sectors: input.sectors,
    implementers: [...new Set(input.implementers.map(foldName).filter(Boolean))],
    words: overlapWords([...input.title, ...input.description]),
  };
}

export function createRegistryService(deps: RegistryDeps) {
  const { db, audit, clock } = deps;

  /** An activity the actor may read, or 404 exactly as for one that does not exist. */
  async function loadVisible(actor: Actor, id: string, action: 'registry.activity.read' | 'registry.activity.update' = 'registry.activity.read'): Promise<ActivityRow> {
    const row = await findActivity(db, id);
    if (!row) throw new NotFoundProblem();
    const access = activityAccess(row);
    authorize(actor, 'registry.activity.read', access, { type: 'registry_activity', id });
    if (action !== 'registry.activity.read') authorize(actor, action, access, { type: 'registry_activity', id });
    return row;
  }

  async function view(actor: Actor, row: ActivityRow): Promise<Activity> {
    const acknowledgements = await listAcknowledgements(db, row.id);
    const shownIds = [...new Set(acknowledgements.flatMap((entry) => entry.shown.map((shown) => shown.id)))];
    // Only activities the reader may see are named in what the author was shown.
    const readable = new Set((await loadActivities(db, shownIds)).filter((entry) => can(actor, 'registry.activity.read', activityAccess(entry.row))).map((entry) => entry.row.id));
    return presentActivity(
      row,
      await organisationName(db, row.ownerOrganisationId),
      acknowledgements.map((entry) => ({ at: entry.at.toISOString(), by: entry.by, shown: entry.shown.filter((shown) => readable.has(shown.id)) })),
      { update: can(actor, 'registry.activity.update', activityAccess(row)) },
    );
  }

  async function save(actor: UserActor, input: ActivitySaveInput, existing: ActivityRow | null, ip: string): Promise<Activity> {
    const activity: ActivityInput = input.activity;
    const rates = await listRates(db);
    const problems = activityProblems(activity, await loadReference(db, rates));
    if (problems.length) throw new UnprocessableProblem('The activity is not complete or not valid.', problems);
    const taken = (await findIdentifiers(db, [activity.identifier])).get(activity.identifier);
    if (taken && taken !== existing?.id) throw new ConflictProblem(`Another activity already has the identifier ${activity.identifier}.`);
    const features = featuresOfInput(activity);
    const shown = await scoredOverlaps(db, features, visibleActivities(actor), existing?.id ?? null);
    const missing = shown.filter((overlap) => !input.acknowledgedOverlaps.includes(overlap.row.id));
    if (missing.length) {
      throw new UnprocessableProblem('Look at the activities that may be the same work and acknowledge them before saving.', missing.map((overlap) => ({ path: 'acknowledgedOverlaps', message: overlap.row.id })));
    }
    const now = clock();
    const row = await audit.command(async (tx) => {
      const columns = columnsOf(activity, rates);
      const saved = existing
        ? await updateActivityRow(tx, existing.id, { ...columns, updatedAt: now })
        : await insertActivity(tx, { ...columns, id: crypto.randomUUID(), ownerOrganisationId: actor.organisationId, ownerEconomy: actor.economy, authorId: actor.userId, createdAt: now, updatedAt: now });
      const acknowledged = shown.map((overlap) => ({ id: overlap.row.id, score: overlap.score }));
      await insertAcknowledgement(tx, { activityId: saved.id, userId: actor.userId, shown: acknowledged, at: now });
      // The board's pairs are kept against every activity, whoever may read it; the board filters by reader.
      const pairs = await scoredOverlaps(tx, features, null, saved.id);
      await replacePairs(tx, saved.id, pairs.map((pair) => ({ otherId: pair.row.id, score: pair.score, reasons: pair.reasons })));
      await audit.append(tx, { actor, ip }, {
        action: existing ? 'registry.activity.update' : 'registry.activity.create',
        recordType: 'registry_activity',
        recordId: saved.id,
        details: { acknowledgedOverlaps: acknowledged.map((entry) => entry.id), public: saved.isPublic },
        subject: saved.isPublic ? null : auditSubjectOf(saved),
      });
      return saved;
    });
    return view(actor, row);
  }

  return {
    async options(actor: Actor): Promise<RegistryOptions> {
      const user = requireUser(actor);
      const [choices, topics, rates] = await Promise.all([loadMarkingChoices(db), listTopicNames(db), listRates(db)]);
      return {
        topics: topics.map((topic) => ({ slug: topic.slug, name: topic.names.en ?? topic.slug })),
        economies: choices.economies.map((economy) => economy.code),
        currencies: knownCurrencies(rates),
        markingChoices: { organisations: choices.organisations.map(({ id, name }) => ({ id, name })), sharingGroups: choices.sharingGroups },
        ownOrganisation: { id: user.organisationId, name: user.organisationName },
      };
    },

    async list(actor: Actor, query: ActivityListQuery, publicOnly = false): Promise<ActivityPage> {
      const scope = publicOnly ? visibleActivities({ kind: 'anonymous' }) : visibleActivities(actor);
      const { rows, total } = await listActivities(db, scope, filtersOf(query), query);
      return { items: rows.map((entry) => presentSummary(entry.row, entry.ownerName)), total, page: query.page, pageSize: query.pageSize };
    },

    async read(actor: Actor, id: string, ip: string): Promise<Activity> {
      const row = await loadVisible(actor, id);
      if (!row.isPublic) {
        await audit.record({ actor, ip }, { action: 'registry.activity.read', recordType: 'registry_activity', recordId: row.id, subject: auditSubjectOf(row) });
      }
      return view(actor, row);
    },

    async readPublic(id: string): Promise<Activity> {
      const row = await findActivity(db, id);
      if (!row || !row.isPublic) throw new NotFoundProblem();
      return view({ kind: 'anonymous' }, row);
    },

    async overlaps(actor: Actor, input: OverlapInput): Promise<OverlapList> {
      const found = await scoredOverlaps(db, draftFeatures(input), visibleActivities(actor), input.excludeId);
      return { threshold: OVERLAP_THRESHOLD, items: found.map((overlap) => ({ activity: presentSummary(overlap.row, overlap.ownerName), score: overlap.score, reasons: overlap.reasons })) };
    },

    create: (actor: Actor, input: ActivitySaveInput, ip: string) => save(requireUser(actor), input, null, ip),

    async update(actor: Actor, id: string, input: ActivitySaveInput, ip: string) {
      const row = await loadVisible(actor, id, 'registry.activity.update');
      return save(requireUser(actor), input, row, ip);
    },
  };
}
