import type { Article, ContentLanguage } from '../../../contract/portal';
import type { Db } from '../../db/client';
import { NotFoundProblem } from '../../platform/http/errors';
import { findArticleById, loadTranslations } from './articles.queries';
import { toArticle } from './articles.presenter';
import { buildReadContext } from './portal.context';

/**
 * An article in any status as the public page will show it: the same presenter as the public
 * read, over the saved text (bodies are sanitised when saved), in the requested language.
 */
export async function previewArticle(db: Db, now: Date, id: string, lang: ContentLanguage | undefined): Promise<Article> {
  const row = await findArticleById(db, id);
  if (!row) throw new NotFoundProblem();
  const translations = (await loadTranslations(db, [id])).get(id) ?? [];
  if (translations.length === 0) throw new NotFoundProblem();
  return toArticle(await buildReadContext(db, now, lang ?? null), row, translations);
}
