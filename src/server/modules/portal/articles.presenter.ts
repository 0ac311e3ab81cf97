import type { Article, ArticleInput, ArticleSummary, ContentLanguage } from '../../../contract/portal';
import { type ReadContext, topicRefs } from './portal.context';
import { pickLanguage } from './portal.language';
import type { ArticleRow, TranslationRow } from './articles.queries';

export function toArticleSummary(context: ReadContext, row: ArticleRow, translations: TranslationRow[]): ArticleSummary {
  const language = pickLanguage(context.requested, translations.map((t) => t.language), row.originalLanguage);
  const text = translations.find((t) => t.language === language.served) ?? translations[0]!;
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind as ArticleSummary['kind'],
    title: text.title,
    lead: text.lead,
    leadImageUrl: row.leadImageUrl,
    leadImageAlt: text.leadImageAlt,
    author: row.author,
    publishedAt: (row.publishAt ?? row.createdAt).toISOString(),
    topics: topicRefs(context, row.topics),
    economies: row.economies,
    language: { ...language, served: text.language as ContentLanguage },
  };
}

export function toArticle(context: ReadContext, row: ArticleRow, translations: TranslationRow[]): Article {
  const summary = toArticleSummary(context, row, translations);
  const text = translations.find((t) => t.language === summary.language.served)!;
  return { ...summary, bodyHtml: text.bodyHtml, updatedAt: row.updatedAt.toISOString() };
}

export function toArticleInput(row: ArticleRow, translations: TranslationRow[]): ArticleInput {
  return {
    slug: row.slug,
    kind: row.kind as ArticleInput['kind'],
    author: row.author,
    leadImageUrl: row.leadImageUrl,
    topics: row.topics,
    economies: row.economies,
    originalLanguage: row.originalLanguage as ContentLanguage,
    translations: translations
      .map((t) => ({ language: t.language as ContentLanguage, title: t.title, lead: t.lead, bodyHtml: t.bodyHtml, leadImageAlt: t.leadImageAlt }))
      .sort((a, b) => (a.language === row.originalLanguage ? -1 : b.language === row.originalLanguage ? 1 : a.language.localeCompare(b.language))),
  };
}
