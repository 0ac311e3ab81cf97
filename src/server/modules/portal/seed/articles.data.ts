import type { ArticleKind, ContentLanguage } from '../../../../contract/portal';
import { EARLIER_ARTICLES } from './articles-earlier.data';
import { RECENT_ARTICLES } from './articles-recent.data';

/** Demo articles written for Mosaic. Persons are fictional; institutions are real public bodies. */
export interface ArticleSeed {
  slug: string;
  kind: ArticleKind;
  author: string;
  daysAgo: number;
  topics: string[];
  economies: string[];
  original: ContentLanguage;
  texts: { language: ContentLanguage; title: string; lead: string; paragraphs: string[] }[];
}

/** Newest first, as the portal's demo news desk wrote them. */
export const ARTICLE_SEEDS: ArticleSeed[] = [...RECENT_ARTICLES, ...EARLIER_ARTICLES];
