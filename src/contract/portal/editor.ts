import { z } from 'zod';
import { Page, PageQuery } from '../core';
import { ArticleInput, ArticleSummary } from './articles';
import { Slug, WorkflowStatus, WorkflowType } from './common';
import { DocumentFile, DocumentMetadataInput, DocumentSummary } from './documents';
import { EventInput, EventSummary } from './events';
import { IndicatorInput, IndicatorSummary } from './indicators';
import { InitiativeSummary } from './initiatives';
import { Topic } from './topics';

// ---------------------------------------------------------------------------------------------
// Editor side (portal.content.* actions)
// ---------------------------------------------------------------------------------------------

/** Workflow transitions. Who may take each is in docs/portal-api.md. */
export const WORKFLOW_TRANSITIONS = ['submit', 'return', 'publish', 'archive', 'restore'] as const;
export const WorkflowTransition = z.enum(WORKFLOW_TRANSITIONS);
export type WorkflowTransition = z.infer<typeof WorkflowTransition>;

export const TransitionInput = z
  .object({
    transition: WorkflowTransition,
    /** For publish: a future instant to schedule it; omitted or past = now. ISO 8601. */
    publishAt: z.iso.datetime({ offset: true }).nullable().optional(),
    /** Optional note kept in the revision history. */
    note: z.string().max(1000).optional(),
  })
  .strict();
export type TransitionInput = z.infer<typeof TransitionInput>;

export const EditorAbilities = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  return: z.boolean(),
  publish: z.boolean(),
  archive: z.boolean(),
  restore: z.boolean(),
});
export type EditorAbilities = z.infer<typeof EditorAbilities>;

export const EditorWorkflowState = z.object({
  status: WorkflowStatus,
  /** Scheduled or actual publish instant. */
  publishAt: z.iso.datetime({ offset: true }).nullable(),
  /** True when published but the publish instant is still in the future. */
  scheduled: z.boolean(),
  /** Number of the latest revision (1 = created). */
  revision: z.number().int(),
  /** Who submitted it for review (they may not publish it). */
  submittedBy: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  abilities: EditorAbilities,
});
export type EditorWorkflowState = z.infer<typeof EditorWorkflowState>;

/** One row of an editor list (any workflow type). */
export const EditorItem = z.object({
  type: WorkflowType,
  id: z.uuid(),
  slug: Slug,
  title: z.string(),
  workflow: EditorWorkflowState,
});
export type EditorItem = z.infer<typeof EditorItem>;

export const EditorListQuery = PageQuery.extend({ status: WorkflowStatus.optional() });
export type EditorListQuery = z.infer<typeof EditorListQuery>;

export const EditorItemPage = Page(EditorItem);
export type EditorItemPage = z.infer<typeof EditorItemPage>;

export const EditorArticle = z.object({ id: z.uuid(), input: ArticleInput, workflow: EditorWorkflowState });
export type EditorArticle = z.infer<typeof EditorArticle>;
export const EditorDocument = z.object({ id: z.uuid(), input: DocumentMetadataInput, file: DocumentFile, workflow: EditorWorkflowState });
export type EditorDocument = z.infer<typeof EditorDocument>;
export const EditorEvent = z.object({ id: z.uuid(), input: EventInput, workflow: EditorWorkflowState });
export type EditorEvent = z.infer<typeof EditorEvent>;
export const EditorIndicator = z.object({ id: z.uuid(), input: IndicatorInput, workflow: EditorWorkflowState });
export type EditorIndicator = z.infer<typeof EditorIndicator>;

export const Revision = z.object({
  number: z.number().int(),
  /** What happened: created, updated, or a transition name. */
  change: z.string(),
  status: WorkflowStatus,
  authorName: z.string(),
  authorId: z.uuid().nullable(),
  at: z.iso.datetime({ offset: true }),
  note: z.string().nullable(),
  /** Top-level input fields that changed compared to the previous revision. */
  changedFields: z.array(z.string()),
  /** The full input as it was after this revision. */
  snapshot: z.record(z.string(), z.unknown()),
});
export type Revision = z.infer<typeof Revision>;

export const RevisionList = z.object({ items: z.array(Revision) });
export type RevisionList = z.infer<typeof RevisionList>;

export const WorkflowParams = z.object({ type: WorkflowType, id: z.uuid() });
export const SlugParams = z.object({ slug: Slug });
export const IdParams = z.object({ id: z.uuid() });

/** Everything public tagged with one topic (each list at most 20, newest first). */
export const TopicPage = z.object({
  topic: Topic,
  articles: z.array(ArticleSummary),
  documents: z.array(DocumentSummary),
  events: z.array(EventSummary),
  initiatives: z.array(InitiativeSummary),
  indicators: z.array(IndicatorSummary),
});
export type TopicPage = z.infer<typeof TopicPage>;
