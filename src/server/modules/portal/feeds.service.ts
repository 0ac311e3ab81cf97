import { asc, sql } from 'drizzle-orm';
import { Feed } from 'feed';
import { listPublicArticles, loadTranslations } from './articles.queries';
import { toArticle } from './articles.presenter';
import type { PortalServiceDeps } from './portal.deps';
import type { ReadContext } from './portal.context';
import { portalTopics } from './portal.schema';
import { searchVisible } from './search.queries';
import { rowsOf } from '../../db/migrate';

const FEED_ITEMS = 50;

const WEB_PATHS: Record<string, string> = {
  article: 'articles',
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

  /** The latest public articles in the visitor's language (each with its fallback). */
  async function newsFeed(context: ReadContext, baseUrl: string): Promise<Feed> {
    const { rows } = await listPublicArticles(db, { now: context.now, limit: FEED_ITEMS, offset: 0 });
    const translations = await loadTranslations(db, rows.map((row) => row.id));
    const language = context.requested ?? 'en';
    const query = context.requested ? `?lang=${encodeURIComponent(context.requested)}` : '';
    const feed = new Feed({
      id: `${baseUrl}/portal/news`,
      title: 'Mosaic — Security Web Portal: news and analyses',
      description: 'News, analyses, interviews and statements on regional security cooperation in South East Europe.',
      link: `${baseUrl}/portal`,
      language,
      updated: rows[0]?.publishAt ?? context.now,
      generator: 'Mosaic',
      copyright: 'Mosaic regional security cooperation platform',
      feedLinks: { rss: `${baseUrl}/feeds/news.rss${query}`, atom: `${baseUrl}/feeds/news.atom${query}` },
    });
    for (const row of rows) {
      const article = toArticle(context, row, translations.get(row.id) ?? []);
      const link = `${baseUrl}/portal/articles/${article.slug}${query}`;
      // The feed library marks titles and summaries as HTML (Atom type="html", RSS CDATA): plain
      // text is escaped so that a reader shows it as written; only the sanitised body is markup.
      feed.addItem({
        id: `${baseUrl}/portal/articles/${article.slug}`,
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
    const urls = [
      { loc: `${baseUrl}/portal`, lastmod: null },
      ...['articles', 'documents', 'events', 'initiatives', 'statistics', 'topics', 'search'].map((section) => ({ loc: `${baseUrl}/portal/${section}`, lastmod: null })),
      ...topics.map((topic) => ({ loc: `${baseUrl}/portal/topics/${topic.slug}`, lastmod: null })),
      ...items.map((item) => ({
        loc: `${baseUrl}/portal/${WEB_PATHS[item.type]}/${item.slug}`,
        lastmod: item.item_date && item.type !== 'event' ? new Date(item.item_date).toISOString().slice(0, 10) : null,
      })),
    ];
    const body = urls.map((url) => `  <url><loc>${escapeMarkup(url.loc)}</loc>${url.lastmod ? `<lastmod>${url.lastmod}</lastmod>` : ''}</url>`).join('\n');
    return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
  }

  return { newsFeed, sitemap };
}

export function robotsTxt(baseUrl: string): string {
  return ['User-agent: *', 'Allow: /portal', 'Allow: /feeds/', 'Disallow: /api/', 'Allow: /api/portal/documents/', `Sitemap: ${baseUrl}/sitemap.xml`, ''].join('\n');
}
