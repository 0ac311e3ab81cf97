import { asc, eq, sql } from 'drizzle-orm';
import { Feed } from 'feed';
import { listPublicArticles, loadTranslations } from './articles.queries';
import { toArticle } from './articles.presenter';
import type { PortalServiceDeps } from './portal.deps';
import type { ReadContext } from './portal.context';
import { portalSitePages, portalTopics } from './portal.schema';
import { searchVisible } from './search.queries';
import { rowsOf } from '../../db/migrate';
import { economies } from '../../db/schema/core';
import { NotFoundProblem } from '../../platform/http/errors';

const FEED_ITEMS = 50;

export interface FeedScope {
  topic?: string;
  economy?: string;
}

/** The web app's path of each kind of item (the canonical address of its page). */
export const WEB_PATHS: Record<string, string> = {
  article: 'news',
  document: 'documents',
  event: 'events',
  initiative: 'initiatives',
  indicator: 'statistics',
};

/** Entities valid in both XML and HTML: for the sitemap, and for plain text in a feed's HTML fields. */
function escapeMarkup(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[char]!);
}

export function createFeedService(deps: PortalServiceDeps) {
  const { db } = deps;

  /** What a feed covers: all news, one topic's or one economy's; unknown ones are a 404. */
  async function scopeOf(context: ReadContext, scope: FeedScope) {
    if (scope.topic) {
      const names = context.topicNames.get(scope.topic);
      if (!names) throw new NotFoundProblem(`No topic ${scope.topic}.`);
      const name = names[context.ui] ?? names.en ?? scope.topic;
      return { name, page: `/topics/${scope.topic}`, feed: `/feeds/topics/${scope.topic}`, filter: { topic: scope.topic } };
    }
    if (scope.economy) {
      const [economy] = await db.select({ name: economies.name }).from(economies).where(eq(economies.code, scope.economy));
      if (!economy) throw new NotFoundProblem(`No economy ${scope.economy}.`);
      return { name: economy.name, page: `/economies/${scope.economy}`, feed: `/feeds/economies/${scope.economy}`, filter: { economy: scope.economy } };
    }
    return { name: null, page: '/news', feed: '/feeds/news', filter: {} };
  }

  /** The latest public articles in the visitor's language (each with its fallback). */
  async function newsFeed(context: ReadContext, baseUrl: string, scope: FeedScope = {}): Promise<Feed> {
    const covered = await scopeOf(context, scope);
    const { rows } = await listPublicArticles(db, { now: context.now, limit: FEED_ITEMS, offset: 0, ...covered.filter });
    const translations = await loadTranslations(db, rows.map((row) => row.id));
    const language = context.requested ?? 'en';
    const query = context.requested ? `?lang=${encodeURIComponent(context.requested)}` : '';
    const feed = new Feed({
      id: `${baseUrl}${covered.page}`,
      title: `Mosaic — Security Web Portal: ${covered.name ? `news on ${covered.name}` : 'news and analyses'}`,
      description: 'News, analyses, interviews and statements on regional security cooperation in South East Europe.',
      // The channel's link is the web page that lists the same items (it exists: /news, /topics/…, /economies/…).
      link: `${baseUrl}${covered.page}${query}`,
      language,
      updated: rows[0]?.publishAt ?? context.now,
      generator: 'Mosaic',
      copyright: 'Mosaic regional security cooperation platform',
      feedLinks: { rss: `${baseUrl}${covered.feed}.rss${query}`, atom: `${baseUrl}${covered.feed}.atom${query}` },
    });
    for (const row of rows) {
      const article = toArticle(context, row, translations.get(row.id) ?? []);
      const link = `${baseUrl}/news/${article.slug}${query}`;
      // The feed library marks titles and summaries as HTML (Atom type="html", RSS CDATA): plain
      // text is escaped so that a reader shows it as written; only the sanitised body is markup.
      feed.addItem({
        id: `${baseUrl}/news/${article.slug}`,
        link,
        title: escapeMarkup(article.title),
        description: escapeMarkup(article.lead),
        content: article.bodyHtml,
        date: new Date(article.publishedAt),
        published: new Date(article.publishedAt),
        author: [{ name: article.author }],
        category: article.topics.map((topic) => ({ name: topic.name, term: topic.slug })),
      });
    }
    return feed;
  }

  /** Every public page by its stable slug. */
  async function sitemap(now: Date, baseUrl: string): Promise<string> {
    const items = rowsOf<{ type: string; slug: string; item_date: string | Date | null }>(
      await db.execute(sql`select ps.type, ps.slug, ps.item_date from portal_search ps where ${searchVisible(now)} order by ps.type, ps.slug limit 45000`),
    );
    const topics = await db.select({ slug: portalTopics.slug }).from(portalTopics).orderBy(asc(portalTopics.sortOrder));
    const economyCodes = await db.select({ code: economies.code }).from(economies).orderBy(asc(economies.sortOrder));
    const pages = await db.select({ slug: portalSitePages.slug }).from(portalSitePages).orderBy(asc(portalSitePages.sortOrder));
    const urls = [
      { loc: `${baseUrl}/`, lastmod: null },
      ...['news', 'documents', 'events', 'initiatives', 'initiatives/matrix', 'statistics', 'topics', 'search'].map((section) => ({ loc: `${baseUrl}/${section}`, lastmod: null })),
      ...topics.map((topic) => ({ loc: `${baseUrl}/topics/${topic.slug}`, lastmod: null })),
      ...economyCodes.map((economy) => ({ loc: `${baseUrl}/economies/${economy.code}`, lastmod: null })),
      ...pages.map((page) => ({ loc: `${baseUrl}/pages/${page.slug}`, lastmod: null })),
      ...items.map((item) => ({
        loc: `${baseUrl}/${WEB_PATHS[item.type]}/${item.slug}`,
        lastmod: item.item_date && item.type !== 'event' ? new Date(item.item_date).toISOString().slice(0, 10) : null,
      })),
    ];
    const body = urls.map((url) => `  <url><loc>${escapeMarkup(url.loc)}</loc>${url.lastmod ? `<lastmod>${url.lastmod}</lastmod>` : ''}</url>`).join('\n');
    return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
  }

  return { newsFeed, sitemap };
}

export function robotsTxt(baseUrl: string): string {
  return ['User-agent: *', 'Allow: /', 'Allow: /feeds/', 'Disallow: /api/', 'Allow: /api/portal/documents/', `Sitemap: ${baseUrl}/sitemap.xml`, ''].join('\n');
}
