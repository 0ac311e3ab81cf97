import { sql } from 'drizzle-orm';
import type {
  EditorItem,
  EditorItemPage,
  EditorListQuery,
  EditorWorkflowState,
  RevisionList,
  SearchType,
  TransitionInput,
  WorkflowStatus,
  WorkflowType,
} from '../../../contract/portal';
import { type Actor, isUser } from '../../access/actor';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import type { AuditService } from '../../platform/audit/audit.service';
import { ConflictProblem, ForbiddenProblem, NotFoundProblem } from '../../platform/http/errors';
import { TRANSITIONS, canTransition, editorAbilities } from './portal.policy';
import { portalRevisions } from './portal.schema';
import { notifySearchChange } from './search.queries';
import type { ReviewNotices } from './review-notices.service';

const TABLES: Record<WorkflowType, string> = {
  articles: 'portal_articles',
  documents: 'portal_documents',
  events: 'portal_events',
  indicators: 'portal_indicators',
};

const TITLE_SQL: Record<WorkflowType, string> = {
  articles:
    '(select t.title from portal_article_translations t where t.article_id = x.id order by (t.language = x.original_language) desc, t.language limit 1)',
  documents: 'x.title',
  events: 'x.title',
  indicators: 'x.name',
};

export const SEARCH_TYPES_BY_WORKFLOW: Record<WorkflowType, SearchType> = {
  articles: 'article',
  documents: 'document',
  events: 'event',
  indicators: 'indicator',
};

/** The workflow columns every editorial table shares. */
export interface WorkflowRow {
  id: string;
  slug: string;
  title: string;
  status: WorkflowStatus;
  publish_at: string | Date | null;
  submitted_by: string | null;
  submitted_by_name: string | null;
  revision: number;
  created_at: string | Date;
  updated_at: string | Date;
}

const iso = (value: string | Date) => new Date(value).toISOString();

function selectRows(type: WorkflowType) {
  return sql.raw(`select x.id, x.slug, ${TITLE_SQL[type]} as title, x.status, x.publish_at, x.submitted_by,
      (select u.display_name from users u where u.id = x.submitted_by) as submitted_by_name,
      x.revision, x.created_at, x.updated_at
    from ${TABLES[type]} x`);
}

export async function loadWorkflowRow(db: Db, type: WorkflowType, id: string): Promise<WorkflowRow | null> {
  const result = await db.execute(sql`${selectRows(type)} where x.id = ${id}`);
  return rowsOf<WorkflowRow>(result)[0] ?? null;
}

export function workflowState(actor: Actor, row: WorkflowRow, now: Date): EditorWorkflowState {
  const publishAt = row.publish_at ? new Date(row.publish_at) : null;
  return {
    status: row.status,
    publishAt: publishAt?.toISOString() ?? null,
    scheduled: row.status === 'published' && publishAt !== null && publishAt > now,
    revision: row.revision,
    submittedBy: row.submitted_by_name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    abilities: editorAbilities(actor, { status: row.status, submittedBy: row.submitted_by }),
  };
}

export function toEditorItem(actor: Actor, type: WorkflowType, row: WorkflowRow, now: Date): EditorItem {
  return { type, id: row.id, slug: row.slug, title: row.title ?? row.slug, workflow: workflowState(actor, row, now) };
}

export async function listEditorItems(db: Db, actor: Actor, type: WorkflowType, query: EditorListQuery, now: Date): Promise<EditorItemPage> {
  const where = query.status ? sql` where x.status = ${query.status}` : sql``;
  const offset = (query.page - 1) * query.pageSize;
  const result = await db.execute(sql`${selectRows(type)}${where} order by x.updated_at desc, x.id limit ${query.pageSize} offset ${offset}`);
  const countResult = await db.execute(sql`select count(*)::int as total from ${sql.raw(TABLES[type])} x${where}`);
  return {
    items: rowsOf<WorkflowRow>(result).map((row) => toEditorItem(actor, type, row, now)),
    total: rowsOf<{ total: number }>(countResult)[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** JSON with sorted keys: jsonb does not keep key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function changedFields(previous: Record<string, unknown> | null, next: Record<string, unknown>): string[] {
  if (!previous) return Object.keys(next);
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
  return [...keys].filter((key) => stableJson(previous[key]) !== stableJson(next[key]));
}

export async function latestSnapshot(db: Db, type: WorkflowType, id: string): Promise<Record<string, unknown> | null> {
  const result = await db.execute(
    sql`select snapshot from portal_revisions where item_type = ${type} and item_id = ${id} order by number desc limit 1`,
  );
  const snapshot = rowsOf<{ snapshot: unknown }>(result)[0]?.snapshot;
  if (snapshot === undefined) return null;
  return (typeof snapshot === 'string' ? JSON.parse(snapshot) : snapshot) as Record<string, unknown>;
}

/** Stores one revision: who, when, what changed and the full snapshot after the change. */
export async function recordRevision(
  tx: Db,
  entry: { type: WorkflowType; itemId: string; number: number; change: string; status: WorkflowStatus; actor: Actor; note?: string | null; snapshot: Record<string, unknown>; at: Date },
) {
  const previous = entry.number > 1 ? await latestSnapshot(tx, entry.type, entry.itemId) : null;
  await tx.insert(portalRevisions).values({
    itemType: entry.type,
    itemId: entry.itemId,
    number: entry.number,
    change: entry.change,
    status: entry.status,
    authorId: isUser(entry.actor) ? entry.actor.userId : null,
    authorName: isUser(entry.actor) ? entry.actor.displayName : 'system',
    at: entry.at,
    note: entry.note ?? null,
    changedFields: changedFields(previous, entry.snapshot),
    snapshot: entry.snapshot,
  });
}

export async function listRevisions(db: Db, type: WorkflowType, id: string): Promise<RevisionList> {
  if (!(await loadWorkflowRow(db, type, id))) throw new NotFoundProblem();
  const result = await db.execute(
    sql`select number, change, status, author_id, author_name, at, note, changed_fields, snapshot from portal_revisions
        where item_type = ${type} and item_id = ${id} order by number desc`,
  );
  return {
    items: rowsOf<{ number: number; change: string; status: WorkflowStatus; author_id: string | null; author_name: string; at: string | Date; note: string | null; changed_fields: string[]; snapshot: unknown }>(result).map((row) => ({
      number: row.number,
      change: row.change,
      status: row.status,
      authorId: row.author_id,
      authorName: row.author_name,
      at: iso(row.at),
      note: row.note,
      changedFields: row.changed_fields,
      snapshot: (typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot) as Record<string, unknown>,
    })),
  };
}

/** Moves an item along the workflow in one transaction with its revision, search row and audit event. */
export async function transitionItem(
  deps: { db: Db; audit: AuditService; clock: () => Date; reviewNotices?: ReviewNotices },
  context: { actor: Actor; ip?: string },
  type: WorkflowType,
  id: string,
  input: TransitionInput,
): Promise<EditorItem> {
  const now = deps.clock();
  await deps.audit.command(async (tx) => {
    const locked = await tx.execute(sql`select id from ${sql.raw(TABLES[type])} where id = ${id} for update`);
    if (rowsOf(locked).length === 0) throw new NotFoundProblem();
    const row = (await loadWorkflowRow(tx, type, id))!;
    const step = TRANSITIONS[input.transition];
    if (step.from !== row.status) throw new ConflictProblem(`A ${row.status} item cannot be ${input.transition}ed; it must be ${step.from}.`);
    if (!canTransition(context.actor, input.transition, { status: row.status, submittedBy: row.submitted_by })) {
      throw new ForbiddenProblem(
        input.transition === 'publish' ? 'The editor who submitted an item for review cannot publish it; another editor must approve it.' : undefined,
      );
    }
    const requestedAt = input.publishAt ? new Date(input.publishAt) : null;
    const publishAt = input.transition === 'publish' ? (requestedAt && requestedAt > now ? requestedAt : now) : row.publish_at ? new Date(row.publish_at) : null;
    const submittedBy = input.transition === 'submit' && isUser(context.actor) ? context.actor.userId : input.transition === 'return' || input.transition === 'restore' ? null : row.submitted_by;
    const revision = row.revision + 1;
    await tx.execute(sql`update ${sql.raw(TABLES[type])} set status = ${step.to}, publish_at = ${publishAt?.toISOString() ?? null}::timestamptz,
        submitted_by = ${submittedBy}, revision = ${revision}, updated_at = ${now.toISOString()}::timestamptz where id = ${id}`);
    const datedByPublication = type === 'articles' || type === 'indicators';
    await tx.execute(sql`update portal_search set status = ${step.to}, publish_at = ${publishAt?.toISOString() ?? null}::timestamptz
        ${datedByPublication ? sql`, item_date = ${publishAt?.toISOString() ?? null}::timestamptz, year = ${publishAt ? publishAt.getUTCFullYear() : null}` : sql``}
        where type = ${SEARCH_TYPES_BY_WORKFLOW[type]} and item_id = ${id}`);
    await notifySearchChange(tx, SEARCH_TYPES_BY_WORKFLOW[type], id);
    await recordRevision(tx, {
      type,
      itemId: id,
      number: revision,
      change: input.transition,
      status: step.to,
      actor: context.actor,
      note: input.note,
      snapshot: (await latestSnapshot(tx, type, id)) ?? {},
      at: now,
    });
    if (input.transition === 'submit') await deps.reviewNotices?.submitted(tx, { type, id, title: row.title ?? row.slug, submittedBy });
    await deps.audit.append(tx, context, {
      action: `portal.${SEARCH_TYPES_BY_WORKFLOW[type]}.${input.transition}`,
      recordType: `portal_${SEARCH_TYPES_BY_WORKFLOW[type]}`,
      recordId: id,
      details: { from: row.status, to: step.to, publishAt: publishAt?.toISOString() ?? null },
    });
  });
  return toEditorItem(context.actor, type, (await loadWorkflowRow(deps.db, type, id))!, now);
}
