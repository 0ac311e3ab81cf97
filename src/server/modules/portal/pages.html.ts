import { PORTAL_UI_LANGUAGES, type PortalUiLanguage } from '../../../contract/portal';
import type { HtmlDocument } from '../../platform/http/web';
import { label } from './pages.labels';

/** Text for HTML content and attribute values: every character that could end either is an entity. */
export function escapeHtml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[char]!);
}

/** JSON inside <script type="application/ld+json">: no `</script>`, comment or line separator can break out. */
export function jsonLdScript(data: object): string {
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/ld+json">${json}</script>`;
}

/** Sanitised rich text as plain text (tags dropped, the sanitiser's entities decoded). */
export function textOfHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(nbsp|lt|gt|quot|#39|amp);/g, (_m, entity: string) => ({ nbsp: ' ', lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[entity]!);
}

/** A description for meta tags from plain text: whitespace folded, cut at a word. */
export function describe(text: string, max = 200): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

const KOSOVO = /kosov|косов/i;

/** What a server-rendered page says about itself; every string is plain text unless named *Html. */
export interface PortalHtmlPage {
  status?: number;
  ui: PortalUiLanguage;
  /** The language the main text is written in (the <html lang>). */
  lang: string;
  title: string;
  description: string;
  /** The web path (no query): the canonical address is PUBLIC_URL + path. */
  path: string;
  /** Languages the page exists in (?lang=…): alternates, and the canonical one when the visitor named one. */
  alternates?: { languages: readonly string[]; canonical: string | null };
  ogType?: 'website' | 'article';
  image?: string | null;
  jsonLd?: object;
  publishedAt?: string;
  /** Feeds of this page (RSS and Atom), linked from the head. */
  feeds?: { title: string; path: string }[];
  /** The page's <main> content, already escaped markup. */
  mainHtml: string;
  /** Names the region's economies may appear in (for the Kosovo* footnote) beside the main text. */
  mentions?: string[];
}

function head(page: PortalHtmlPage, baseUrl: string): string {
  const fullTitle = page.path === '/' ? `Mosaic — ${page.title}` : `${page.title} — Mosaic`;
  const canonicalQuery = page.alternates?.canonical ? `?lang=${encodeURIComponent(page.alternates.canonical)}` : '';
  const canonical = `${baseUrl}${page.path}${canonicalQuery}`;
  const tags = [
    `<title>${escapeHtml(fullTitle)}</title>`,
    `<meta name="description" content="${escapeHtml(page.description)}" />`,
    `<link rel="canonical" href="${escapeHtml(canonical)}" />`,
    ...(page.alternates && page.alternates.languages.length > 1
      ? [
          ...page.alternates.languages.map((language) => `<link rel="alternate" hreflang="${escapeHtml(language)}" href="${escapeHtml(`${baseUrl}${page.path}?lang=${encodeURIComponent(language)}`)}" />`),
          `<link rel="alternate" hreflang="x-default" href="${escapeHtml(`${baseUrl}${page.path}`)}" />`,
        ]
      : []),
    `<meta property="og:site_name" content="Mosaic" />`,
    `<meta property="og:type" content="${page.ogType ?? 'website'}" />`,
    `<meta property="og:title" content="${escapeHtml(page.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(page.description)}" />`,
    `<meta property="og:url" content="${escapeHtml(canonical)}" />`,
    `<meta property="og:locale" content="${escapeHtml(page.lang.replace('-', '_'))}" />`,
    ...(page.image ? [`<meta property="og:image" content="${escapeHtml(page.image)}" />`] : []),
    ...(page.publishedAt ? [`<meta property="article:published_time" content="${escapeHtml(page.publishedAt)}" />`] : []),
    `<meta name="twitter:card" content="${page.image ? 'summary_large_image' : 'summary'}" />`,
    `<meta name="twitter:title" content="${escapeHtml(page.title)}" />`,
    `<meta name="twitter:description" content="${escapeHtml(page.description)}" />`,
    ...(page.feeds ?? []).flatMap((feed) => [
      `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(feed.title)}" href="${escapeHtml(`${baseUrl}${feed.path}.rss`)}" />`,
      `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(feed.title)}" href="${escapeHtml(`${baseUrl}${feed.path}.atom`)}" />`,
    ]),
    ...(page.jsonLd ? [jsonLdScript(page.jsonLd)] : []),
  ];
  return tags.map((tag) => `    ${tag}`).join('\n');
}

const NAV: [string, string][] = [
  ['/', 'nav.home'],
  ['/news', 'nav.news'],
  ['/documents', 'nav.documents'],
  ['/topics', 'nav.topics'],
  ['/initiatives', 'nav.initiatives'],
  ['/events', 'nav.events'],
  ['/statistics', 'nav.statistics'],
  ['/search', 'nav.search'],
];

export const FOOTER_PAGES = ['about', 'contact', 'legal', 'privacy', 'accessibility'] as const;

const LANGUAGE_NAMES: Record<PortalUiLanguage, string> = { en: 'English', 'sr-Latn': 'Srpski (latinica)', 'sr-Cyrl': 'Српски (ћирилица)', sq: 'Shqip', mk: 'Македонски' };

/** The footer, in the server's plain markup; the web app renders the same links (PortalFooter). */
function footer(ui: PortalUiLanguage, path: string, kosovo: boolean): string {
  const link = (href: string, text: string, extra = '') => `<li><a href="${escapeHtml(href)}"${extra}>${escapeHtml(text)}</a></li>`;
  return [
    `<footer aria-label="${escapeHtml(label(ui, 'footer.label'))}">`,
    ...(kosovo ? [`<p id="kosovo-footnote">${escapeHtml(label(ui, 'kosovoFootnote'))}</p>`] : []),
    `<p>${escapeHtml(label(ui, 'footer.publisher'))}</p>`,
    `<nav aria-label="${escapeHtml(label(ui, 'footer.site'))}"><ul>`,
    ...FOOTER_PAGES.map((slug) => link(`/pages/${slug}`, label(ui, `footer.${slug}`))),
    '</ul></nav>',
    `<nav aria-label="${escapeHtml(label(ui, 'footer.languages'))}"><ul>`,
    ...PORTAL_UI_LANGUAGES.map((language) => link(`${path}?lang=${language}`, LANGUAGE_NAMES[language], ` lang="${language}" hreflang="${language}"`)),
    '</ul></nav>',
    `<nav aria-label="${escapeHtml(label(ui, 'footer.feeds'))}"><ul>`,
    link('/feeds/news.rss', label(ui, 'footer.newsRss')),
    link('/feeds/news.atom', label(ui, 'footer.newsAtom')),
    link('/feeds/events.ics', label(ui, 'footer.calendar')),
    '</ul></nav>',
    '</footer>',
  ].join('');
}

/** The whole server-rendered document: head tags, a plain header and navigation, <main>, footer. */
export function renderPortalPage(page: PortalHtmlPage, baseUrl: string): HtmlDocument {
  const { ui } = page;
  // The footnote is shown once per page wherever the name appears (content, facets, lists).
  const kosovo = KOSOVO.test(page.mainHtml) || (page.mentions ?? []).some((text) => KOSOVO.test(text));
  const body = [
    `<a href="#main">${escapeHtml(label(ui, 'common.skipToContent'))}</a>`,
    `<header><a href="/">Mosaic</a> <span>${escapeHtml(label(ui, 'common.tagline'))}</span>`,
    `<nav aria-label="${escapeHtml(label(ui, 'common.mainNavigation'))}"><ul>`,
    ...NAV.map(([href, key]) => `<li><a href="${href}">${escapeHtml(label(ui, key))}</a></li>`),
    '</ul></nav></header>',
    `<main id="main" lang="${escapeHtml(page.lang)}">${page.mainHtml}</main>`,
    footer(ui, page.path, kosovo),
  ].join('');
  return { lang: escapeHtml(ui), head: head(page, baseUrl), body };
}
