import { asc, eq } from 'drizzle-orm';
import { type EditorSitePage, PORTAL_UI_LANGUAGES, type SitePage, type SitePageInput, type SitePageLinks, type SitePageSlug } from '../../../contract/portal';
import { NotFoundProblem } from '../../platform/http/errors';
import type { PortalServiceDeps, WriteContext } from './portal.deps';
import type { ReadContext } from './portal.context';
import { sanitizeRichText } from './portal.sanitize';
import { portalSitePages } from './portal.schema';

type SitePageRow = typeof portalSitePages.$inferSelect;

/** The footer's pages: public reads in the UI language, and the editors' change of their text. */
export function createSitePageService(deps: PortalServiceDeps) {
  const { db } = deps;

  const textOf = (context: ReadContext, row: SitePageRow) => row.translations[context.ui] ?? row.translations.en ?? Object.values(row.translations)[0]!;

  const toEditor = (row: SitePageRow): EditorSitePage => ({
    slug: row.slug as SitePageSlug,
    translations: PORTAL_UI_LANGUAGES.flatMap((language) => {
      const text = row.translations[language];
      return text ? [{ language, title: text.title, bodyHtml: text.bodyHtml }] : [];
    }),
    updatedAt: row.updatedAt.toISOString(),
  });

  async function load(slug: string): Promise<SitePageRow> {
    const [row] = await db.select().from(portalSitePages).where(eq(portalSitePages.slug, slug));
    if (!row) throw new NotFoundProblem(`No page ${slug}.`);
    return row;
  }

  return {
    get: async (context: ReadContext, slug: string): Promise<SitePage> => {
      const row = await load(slug);
      const text = textOf(context, row);
      return { slug: row.slug as SitePageSlug, title: text.title, bodyHtml: text.bodyHtml, language: context.ui, updatedAt: row.updatedAt.toISOString() };
    },

    links: async (context: ReadContext): Promise<SitePageLinks> => {
      const rows = await db.select().from(portalSitePages).orderBy(asc(portalSitePages.sortOrder));
      return { items: rows.map((row) => ({ slug: row.slug as SitePageSlug, title: textOf(context, row).title })) };
    },

    getForEditor: async (slug: string): Promise<EditorSitePage> => toEditor(await load(slug)),

    update: async (context: WriteContext, slug: string, input: SitePageInput): Promise<EditorSitePage> => {
      const translations = Object.fromEntries(input.translations.map((item) => [item.language, { title: item.title, bodyHtml: sanitizeRichText(item.bodyHtml) }]));
      const row = await deps.audit.command(async (tx) => {
        const [updated] = await tx.update(portalSitePages).set({ translations, updatedAt: deps.clock() }).where(eq(portalSitePages.slug, slug)).returning();
        if (!updated) throw new NotFoundProblem(`No page ${slug}.`);
        await deps.audit.append(tx, context, { action: 'portal.site_page.update', recordType: 'portal_site_page', recordId: slug, details: { fields: ['translations'] } });
        return updated;
      });
      return toEditor(row);
    },
  };
}
