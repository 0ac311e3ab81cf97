import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ContentLanguage, PORTAL_UI_LANGUAGES, SITE_PAGE_SLUGS, SearchQuery, Slug, type PortalUiLanguage } from '../../../contract/portal';
import { EconomyCode } from '../../../contract/core';
import { NotFoundProblem } from '../../platform/http/errors';
import { renderHtmlDocument } from '../../platform/http/web';
import type { ReadContext } from './portal.context';
import type { PortalServices } from './portal.services';
import { readContextFor } from './portal.route-helpers';
import { WEB_PATHS } from './feeds.service';
import { type PortalHtmlPage, describe, escapeHtml, renderPortalPage, textOfHtml } from './pages.html';
import { articleJsonLd, documentJsonLd, eventJsonLd } from './pages.jsonld';
import { economyName, label } from './pages.labels';
import * as view from './pages.views';

const NEWS_PAGE_SIZE = 20;
const open = { public: true } as const;

type Query = Record<string, string | undefined>;
type Build = (request: FastifyRequest, context: ReadContext, query: Query) => Promise<Omit<PortalHtmlPage, 'ui'>>;

/**
 * The public pages answered with their own head (title, description, Open Graph, Twitter,
 * canonical, hreflang, JSON-LD) and their main text as plain semantic HTML inside the app's root;
 * the web app replaces that markup when it starts. A slug that does not exist is a 404 page.
 */
export function registerPageRoutes(app: FastifyInstance, services: PortalServices) {
  const base = services.publicUrl;
  const uiPages = (query: Query, ui: PortalUiLanguage) => ({ languages: PORTAL_UI_LANGUAGES, canonical: query.lang ? ui : null });

  function page(path: string, build: Build) {
    app.get(path, { config: { ...open, htmlErrors: true }, schema: { hide: true } }, async (request, reply) => {
      const query = (request.query ?? {}) as Query;
      const lang = ContentLanguage.safeParse(query.lang);
      const cleanQuery = { ...query, lang: lang.success ? lang.data : undefined };
      const context = await readContextFor(services, request, cleanQuery.lang);
      let html: PortalHtmlPage;
      try {
        html = { ui: context.ui, ...(await build(request, context, cleanQuery)) };
      } catch (error) {
        if (!(error instanceof NotFoundProblem)) throw error;
        html = { ui: context.ui, status: 404, lang: context.ui, title: label(context.ui, 'notFound.title'), description: label(context.ui, 'notFound.body'), path: request.url.split('?')[0]!, mainHtml: view.notFoundMain(context.ui) };
      }
      return send(reply, html);
    });
  }

  const send = (reply: FastifyReply, html: PortalHtmlPage) =>
    reply
      .status(html.status ?? 200)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(renderHtmlDocument(renderPortalPage(html, base)));

  /** A path parameter that cannot be a slug is a page that does not exist. */
  const slugOf = (request: FastifyRequest): string => {
    const parsed = Slug.safeParse((request.params as { slug?: string }).slug);
    if (!parsed.success) throw new NotFoundProblem();
    return parsed.data;
  };

  page('/', async (_request, context, query) => {
    const news = await services.articles.listPublic(context, { page: 1, pageSize: 6 });
    const events = await services.events.listPublic(context, { page: 1, pageSize: 5, when: 'upcoming' });
    const documents = await services.documents.listPublic(context, { page: 1, pageSize: 5 });
    const ui = context.ui;
    return {
      lang: ui,
      title: label(ui, 'home.title'),
      description: label(ui, 'home.intro'),
      path: '/',
      alternates: uiPages(query, ui),
      feeds: [{ title: label(ui, 'news.title'), path: '/feeds/news' }],
      jsonLd: { '@context': 'https://schema.org', '@type': 'WebSite', name: 'Mosaic', url: `${base}/`, potentialAction: { '@type': 'SearchAction', target: `${base}/search?q={q}`, 'query-input': 'required name=q' } },
      mainHtml: [
        view.h1(label(ui, 'home.title'), label(ui, 'home.intro')),
        `<section><h2>${escapeHtml(label(ui, 'home.latestNews'))}</h2><ul>${news.items.map((item) => view.articleItem(ui, item)).join('')}</ul></section>`,
        `<section><h2>${escapeHtml(label(ui, 'home.upcomingEvents'))}</h2><ul>${events.items.map((item) => view.eventItem(ui, item)).join('')}</ul></section>`,
        `<section><h2>${escapeHtml(label(ui, 'home.featuredDocuments'))}</h2><ul>${documents.items.map(view.documentItem).join('')}</ul></section>`,
      ].join(''),
    };
  });

  page('/news', async (_request, context, query) => {
    const ui = context.ui;
    const requested = Math.max(1, Math.min(10_000, Number.parseInt(query.page ?? '1', 10) || 1));
    const list = await services.articles.listPublic(context, { page: requested, pageSize: NEWS_PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(list.total / NEWS_PAGE_SIZE));
    const items = list.items.map((item) => view.articleItem(ui, item)).join('');
    const beyond = requested > pages ? `<p>${escapeHtml(label(ui, 'newsPaging.outOfRange', { page: requested, pages }))} <a href="/news">${escapeHtml(label(ui, 'newsPaging.backToFirst'))}</a></p>` : '';
    const next = requested < pages ? `<nav aria-label="${escapeHtml(label(ui, 'paging.label'))}"><a href="/news?page=${requested + 1}" rel="next">${escapeHtml(label(ui, 'paging.next'))}</a></nav>` : '';
    return {
      lang: ui,
      title: label(ui, 'news.title'),
      description: label(ui, 'news.intro'),
      path: '/news',
      alternates: uiPages(query, ui),
      feeds: [{ title: label(ui, 'news.title'), path: '/feeds/news' }],
      mainHtml: `${view.h1(label(ui, 'news.title'), label(ui, 'news.intro'))}${beyond}<ul>${items}</ul>${next}`,
    };
  });

  page('/news/:slug', async (request, context, query) => {
    const article = await services.articles.getPublic(context, slugOf(request));
    const path = `/news/${article.slug}`;
    return {
      lang: article.language.served,
      title: article.title,
      description: describe(article.lead || textOfHtml(article.bodyHtml)),
      path,
      alternates: { languages: article.language.available, canonical: query.lang ? article.language.served : null },
      ogType: 'article',
      image: article.leadImageUrl,
      publishedAt: article.publishedAt,
      jsonLd: articleJsonLd(article, `${base}${path}`),
      mainHtml: view.articleMain(context.ui, article),
    };
  });

  page('/documents/:slug', async (request, context) => {
    const document = await services.documents.getPublic(context, slugOf(request));
    const path = `/documents/${document.slug}`;
    return {
      lang: document.language,
      title: document.title,
      description: describe(document.summary),
      path,
      jsonLd: documentJsonLd(document, `${base}${path}`, base),
      mainHtml: view.documentMain(context.ui, document),
      mentions: document.economies.map((code) => economyName(context.ui, code)),
    };
  });

  page('/events/:slug', async (request, context) => {
    const event = await services.events.getPublic(context, request.actor, slugOf(request));
    const path = `/events/${event.slug}`;
    return {
      lang: event.language,
      title: event.title,
      description: describe(event.summary),
      path,
      jsonLd: eventJsonLd(event, `${base}${path}`),
      mainHtml: view.eventMain(context.ui, event),
    };
  });

  page('/initiatives/:slug', async (request, context, query) => {
    const initiative = await services.initiatives.get(context, slugOf(request));
    return { lang: 'en', title: initiative.name, description: describe(initiative.mandate), path: `/initiatives/${initiative.slug}`, alternates: uiPages(query, context.ui), mainHtml: view.initiativeMain(context.ui, initiative) };
  });

  page('/topics/:slug', async (request, context, query) => {
    const topic = await services.topics.page(context, slugOf(request));
    const ui = context.ui;
    const headings = { articles: label(ui, 'topic.articles'), documents: label(ui, 'topic.documents'), events: label(ui, 'topic.events'), initiatives: label(ui, 'topic.initiatives'), indicators: label(ui, 'topic.indicators') };
    return {
      lang: ui,
      title: topic.topic.name,
      description: describe(topic.topic.description || topic.topic.name),
      path: `/topics/${topic.topic.slug}`,
      alternates: uiPages(query, ui),
      feeds: [{ title: topic.topic.name, path: `/feeds/topics/${topic.topic.slug}` }],
      mainHtml: view.gatheredMain(ui, topic.topic.name, topic.topic.description, topic, headings, label(ui, 'topics.nothingYet')),
    };
  });

  page('/economies/:code', async (request, context, query) => {
    const code = EconomyCode.safeParse((request.params as { code?: string }).code);
    if (!code.success) throw new NotFoundProblem();
    const economy = await services.economies.page(context, code.data);
    const ui = context.ui;
    const name = economyName(ui, economy.economy.code, economy.economy.name);
    return {
      lang: ui,
      title: name,
      description: label(ui, 'economyPage.intro', { name }),
      path: `/economies/${economy.economy.code}`,
      alternates: uiPages(query, ui),
      feeds: [{ title: name, path: `/feeds/economies/${economy.economy.code}` }],
      mainHtml: view.economyMain(ui, economy),
    };
  });

  page('/statistics', async (_request, context, query) => {
    const list = await services.indicators.list(context);
    const ui = context.ui;
    return { lang: ui, title: label(ui, 'statistics.title'), description: label(ui, 'statistics.intro'), path: '/statistics', alternates: uiPages(query, ui), mainHtml: `${view.h1(label(ui, 'statistics.title'), label(ui, 'statistics.intro'))}<ul>${list.items.map(view.indicatorItem).join('')}</ul>` };
  });

  page('/statistics/:slug', async (request, context, query) => {
    const indicator = await services.indicators.get(context, slugOf(request));
    return { lang: 'en', title: indicator.name, description: describe(indicator.description || indicator.name), path: `/statistics/${indicator.slug}`, alternates: uiPages(query, context.ui), mainHtml: view.indicatorMain(context.ui, indicator) };
  });

  page('/search', async (_request, context, query) => {
    const ui = context.ui;
    const parsed = SearchQuery.safeParse({ ...query, lang: query.lang ?? context.requested ?? undefined });
    const result = parsed.success && parsed.data.q ? await services.search(context.now, parsed.data) : null;
    const title = result ? label(ui, 'search.titleFor', { q: result.query }) : label(ui, 'search.title');
    const hits = result ? `<ul>${result.items.map((hit) => `<li><a href="/${WEB_PATHS[hit.type]}/${escapeHtml(hit.slug)}">${escapeHtml(hit.title)}</a></li>`).join('')}</ul>` : '';
    return { lang: ui, title, description: label(ui, 'search.label'), path: '/search', alternates: uiPages(query, ui), mainHtml: `${view.h1(title)}${hits}` };
  });

  page('/pages/:slug', async (request, context, query) => {
    const slug = (request.params as { slug?: string }).slug ?? '';
    if (!(SITE_PAGE_SLUGS as readonly string[]).includes(slug)) throw new NotFoundProblem();
    const sitePage = await services.sitePages.get(context, slug);
    return { lang: context.ui, title: sitePage.title, description: describe(textOfHtml(sitePage.bodyHtml)), path: `/pages/${slug}`, alternates: uiPages(query, context.ui), mainHtml: view.sitePageMain(sitePage) };
  });

  const listPage = (path: string, key: string, items: (context: ReadContext) => Promise<string[]>, mentions?: string[]) =>
    page(path, async (_request, context, query) => {
      const ui = context.ui;
      const title = label(ui, `${key}.title`);
      const intro = label(ui, `${key}.intro`);
      return { lang: ui, title, description: intro, path, alternates: uiPages(query, ui), mainHtml: `${view.h1(title, intro)}<ul>${(await items(context)).join('')}</ul>`, mentions };
    });
  listPage('/documents', 'documents', async (context) => (await services.documents.listPublic(context, { page: 1, pageSize: 25 })).items.map(view.documentItem));
  listPage('/events', 'events', async (context) => (await services.events.listPublic(context, { page: 1, pageSize: 25, when: 'upcoming' })).items.map((item) => view.eventItem(context.ui, item)));
  listPage('/initiatives', 'initiatives', async (context) => (await services.initiatives.list(context, { status: 'all' })).items.map(view.initiativeItem));
  listPage('/topics', 'topics', async (context) => (await services.topics.list(context)).items.map((topic) => `<li><a href="/topics/${escapeHtml(topic.slug)}">${escapeHtml(topic.name)}</a></li>`));
  page('/initiatives/matrix', async (_request, context, query) => {
    const ui = context.ui;
    const matrix = await services.initiatives.matrix('all');
    const names = matrix.economies.map((economy) => economyName(ui, economy.code, economy.name));
    return { lang: ui, title: label(ui, 'matrix.title'), description: label(ui, 'matrix.intro'), path: '/initiatives/matrix', alternates: uiPages(query, ui), mainHtml: view.h1(label(ui, 'matrix.title'), label(ui, 'matrix.intro')), mentions: names };
  });

  // The API's older deep links (/portal/<kind>/<slug>) move permanently to the pages' addresses.
  for (const [kind, to] of [['articles', 'news'], ['documents', 'documents'], ['events', 'events'], ['initiatives', 'initiatives'], ['statistics', 'statistics'], ['topics', 'topics']] as const) {
    app.get(`/portal/${kind}/:slug`, { config: open, schema: { hide: true } }, async (request, reply) => reply.redirect(`/${to}/${encodeURIComponent(slugOf(request))}`, 301));
  }
}
