import type { Article, ArticleInput, ArticleListQuery, ArticlePage, EditorArticle } from '../../../contract/portal';
import type { Db } from '../../db/client';
import { ConflictProblem, NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import { type PortalServiceDeps, type WriteContext, assertEditable, demoteFromReview } from './portal.deps';
import { type ReadContext, assertKnownReferences } from './portal.context';
import { htmlToText, sanitizeRichText } from './portal.sanitize';
import { upsertSearchRow } from './search.queries';
import { loadWorkflowRow, recordRevision, workflowState } from './workflow.service';
import {
  type ArticleRow,
  findArticleById,
  findArticleBySlug,
  insertArticleShell,
  listPublicArticles,
  loadTranslations,
  slugTaken,
  writeArticle,
} from './articles.queries';
import { toArticle, toArticleInput, toArticleSummary } from './articles.presenter';

function isPublic(row: ArticleRow, now: Date) {
  return row.status === 'published' && row.publishAt !== null && row.publishAt <= now;
}

/** Sanitises every body on the server and checks that the languages make sense. */
export function cleanArticleInput(input: ArticleInput): ArticleInput {
  const languages = input.translations.map((t) => t.language);
  if (new Set(languages).size !== languages.length) throw new UnprocessableProblem('Each language may appear once.', [{ path: 'translations', message: 'duplicate language' }]);
  if (!languages.includes(input.originalLanguage)) {
    throw new UnprocessableProblem('The original language needs a translation.', [{ path: 'originalLanguage', message: 'no translation in this language' }]);
  }
  return { ...input, translations: input.translations.map((t) => ({ ...t, bodyHtml: sanitizeRichText(t.bodyHtml) })) };
}

export async function reindexArticle(db: Db, id: string) {
  const row = (await findArticleById(db, id))!;
  const translations = (await loadTranslations(db, [id])).get(id) ?? [];
  const original = translations.find((t) => t.language === row.originalLanguage) ?? translations[0]!;
  await upsertSearchRow(db, {
    type: 'article',
    itemId: id,
    slug: row.slug,
    title: original.title,
    text: translations
      .map((t) => `${t.language === original.language ? '' : `${t.title}\n`}${t.lead}\n${htmlToText(t.bodyHtml)}`)
      .join('\n'),
    topics: row.topics,
    economies: row.economies,
    languages: [original.language, ...translations.map((t) => t.language).filter((l) => l !== original.language)],
    year: row.publishAt ? row.publishAt.getUTCFullYear() : null,
    itemDate: row.publishAt,
    status: row.status,
    publishAt: row.publishAt,
  });
}

export function createArticleService(deps: PortalServiceDeps) {
  async function getEditor(context: WriteContext, id: string): Promise<EditorArticle> {
    const row = await findArticleById(deps.db, id);
    const workflow = await loadWorkflowRow(deps.db, 'articles', id);
    if (!row || !workflow) throw new NotFoundProblem();
    const translations = (await loadTranslations(deps.db, [id])).get(id) ?? [];
    return { id, input: toArticleInput(row, translations), workflow: workflowState(context.actor, workflow, deps.clock()) };
  }

  return {
    listPublic: async (context: ReadContext, query: ArticleListQuery): Promise<ArticlePage> => {
      const { rows, total } = await listPublicArticles(deps.db, {
        now: context.now,
        kind: query.kind,
        topic: query.topic,
        economy: query.economy,
        language: query.language,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      const translations = await loadTranslations(deps.db, rows.map((row) => row.id));
      return { items: rows.map((row) => toArticleSummary(context, row, translations.get(row.id) ?? [])), total, page: query.page, pageSize: query.pageSize };
    },

    getPublic: async (context: ReadContext, slug: string): Promise<Article> => {
      const row = await findArticleBySlug(deps.db, slug);
      if (!row || !isPublic(row, context.now)) throw new NotFoundProblem(`No article ${slug}.`);
      const translations = (await loadTranslations(deps.db, [row.id])).get(row.id) ?? [];
      return toArticle(context, row, translations);
    },

    getEditor,

    create: async (context: WriteContext, rawInput: ArticleInput): Promise<EditorArticle> => {
      const input = cleanArticleInput(rawInput);
      await assertKnownReferences(deps.db, input.topics, input.economies);
      const now = deps.clock();
      const id = await deps.audit.command(async (tx) => {
        if (await slugTaken(tx, input.slug)) throw new ConflictProblem(`The slug ${input.slug} is already used by another article.`);
        const newId = await insertArticleShell(tx, input, now);
        await writeArticle(tx, newId, input, now, 1);
        await recordRevision(tx, { type: 'articles', itemId: newId, number: 1, change: 'created', status: 'draft', actor: context.actor, snapshot: input, at: now });
        await reindexArticle(tx, newId);
        await deps.audit.append(tx, context, { action: 'portal.article.create', recordType: 'portal_article', recordId: newId, details: { slug: input.slug } });
        return newId;
      });
      return getEditor(context, id);
    },

    update: async (context: WriteContext, id: string, rawInput: ArticleInput): Promise<EditorArticle> => {
      const input = cleanArticleInput(rawInput);
      await assertKnownReferences(deps.db, input.topics, input.economies);
      const now = deps.clock();
      await deps.audit.command(async (tx) => {
        const workflow = await assertEditable(tx, context, 'articles', id);
        if (await slugTaken(tx, input.slug, id)) throw new ConflictProblem(`The slug ${input.slug} is already used by another article.`);
        const revision = workflow.revision + 1;
        await writeArticle(tx, id, input, now, revision);
        const status = await demoteFromReview(tx, 'portal_articles', id, workflow.status);
        await recordRevision(tx, { type: 'articles', itemId: id, number: revision, change: 'updated', status, actor: context.actor, snapshot: input, at: now });
        await reindexArticle(tx, id);
        await deps.audit.append(tx, context, { action: 'portal.article.update', recordType: 'portal_article', recordId: id, details: { slug: input.slug, revision } });
      });
      return getEditor(context, id);
    },
  };
}
