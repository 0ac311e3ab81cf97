import type {
  Article,
  ArticleSummary,
  Document,
  DocumentSummary,
  EconomyPage,
  Event,
  EventSummary,
  Indicator,
  IndicatorSummary,
  Initiative,
  InitiativeSummary,
  PortalUiLanguage,
  SitePage,
  TopicPage,
  TopicRef,
} from '../../../contract/portal';
import { escapeHtml } from './pages.html';
import { economyName, label } from './pages.labels';

/** Plain, semantic markup of each public page (what a crawler or link preview reads). */

const e = escapeHtml;

function formatDate(ui: PortalUiLanguage, iso: string, withTime = false, timeZone?: string): string {
  return new Intl.DateTimeFormat(ui, { dateStyle: 'long', ...(withTime ? { timeStyle: 'short', timeZone } : { timeZone: 'UTC' }) }).format(new Date(iso));
}

const time = (ui: PortalUiLanguage, iso: string, withTime = false, timeZone?: string) => `<time datetime="${e(iso)}">${e(formatDate(ui, iso, withTime, timeZone))}</time>`;

function chips(ui: PortalUiLanguage, topics: TopicRef[], economies: string[]): string {
  const items = [
    ...topics.map((topic) => `<li><a href="/topics/${e(topic.slug)}">${e(topic.name)}</a></li>`),
    ...economies.map((code) => `<li><a href="/economies/${e(code)}">${e(economyName(ui, code))}</a></li>`),
  ];
  return items.length ? `<ul>${items.join('')}</ul>` : '';
}

export function h1(title: string, intro?: string): string {
  return `<h1>${e(title)}</h1>${intro ? `<p>${e(intro)}</p>` : ''}`;
}

function section(title: string, items: string[], empty?: string): string {
  if (items.length === 0 && !empty) return '';
  return `<section><h2>${e(title)}</h2>${items.length ? `<ul>${items.join('')}</ul>` : `<p>${e(empty ?? '')}</p>`}</section>`;
}

export const articleItem = (ui: PortalUiLanguage, item: ArticleSummary) =>
  `<li><a href="/news/${e(item.slug)}">${e(item.title)}</a> ${time(ui, item.publishedAt)}<p>${e(item.lead)}</p></li>`;
export const documentItem = (item: DocumentSummary) => `<li><a href="/documents/${e(item.slug)}">${e(item.title)}</a> <span>${e(item.publisher)}, ${e(item.publishedOn.slice(0, 4))}</span></li>`;
export const eventItem = (ui: PortalUiLanguage, item: EventSummary) =>
  `<li><a href="/events/${e(item.slug)}">${e(item.title)}</a> ${time(ui, item.startsAt, true, item.timeZone)}</li>`;
export const initiativeItem = (item: InitiativeSummary) => `<li><a href="/initiatives/${e(item.slug)}">${e(item.acronym ? `${item.name} (${item.acronym})` : item.name)}</a></li>`;
export const indicatorItem = (item: IndicatorSummary) => `<li><a href="/statistics/${e(item.slug)}">${e(item.name)}</a> <span>${e(item.unit)}</span></li>`;

export function articleMain(ui: PortalUiLanguage, article: Article): string {
  return [
    '<article>',
    `<h1>${e(article.title)}</h1>`,
    article.lead ? `<p><strong>${e(article.lead)}</strong></p>` : '',
    `<p>${e(label(ui, 'article.byline', { author: article.author }))} · ${time(ui, article.publishedAt)}</p>`,
    article.leadImageUrl ? `<img src="${e(article.leadImageUrl)}" alt="${e(article.leadImageAlt ?? '')}" />` : '',
    // Sanitised when it was written (allow-list of tags, no scripts or handlers): safe markup.
    `<div>${article.bodyHtml}</div>`,
    chips(ui, article.topics, article.economies),
    '</article>',
  ].join('');
}

export function documentMain(ui: PortalUiLanguage, document: Document): string {
  const paragraphs = document.preview.text
    .split(/\n\s*\n/)
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => `<p>${e(text)}</p>`);
  return [
    '<article>',
    `<h1>${e(document.title)}</h1>`,
    `<p>${e(document.summary)}</p>`,
    `<dl><dt>${e(label(ui, 'documents.publisher'))}</dt><dd>${e(document.publisher)}</dd><dt>${e(label(ui, 'documents.published'))}</dt><dd>${time(ui, `${document.publishedOn}T00:00:00Z`)}</dd></dl>`,
    `<p><a href="${e(document.file.downloadUrl)}">${e(label(ui, 'documents.download', { format: document.file.format.toUpperCase(), size: `${Math.max(1, Math.round(document.file.sizeBytes / 1024))} KB` }))}</a></p>`,
    paragraphs.length ? `<section><h2>${e(label(ui, 'documents.preview'))}</h2>${paragraphs.join('')}</section>` : '',
    chips(ui, document.topics, document.economies),
    '</article>',
  ].join('');
}

export function eventMain(ui: PortalUiLanguage, event: Event): string {
  const place = event.place.online ? label(ui, 'events.online') : [event.place.venue, event.place.city, event.place.economy ? economyName(ui, event.place.economy) : null].filter(Boolean).join(', ');
  return [
    '<article>',
    `<h1>${e(event.title)}</h1>`,
    `<p>${e(event.summary)}</p>`,
    '<dl>',
    `<dt>${e(label(ui, 'events.starts'))}</dt><dd>${time(ui, event.startsAt, true, event.timeZone)}</dd>`,
    `<dt>${e(label(ui, 'events.ends'))}</dt><dd>${time(ui, event.endsAt, true, event.timeZone)}</dd>`,
    `<dt>${e(label(ui, 'events.timeZone'))}</dt><dd>${e(event.timeZone)}</dd>`,
    `<dt>${e(label(ui, 'events.place'))}</dt><dd>${e(place)}</dd>`,
    `<dt>${e(label(ui, 'events.organiser'))}</dt><dd>${e(event.organiser)}</dd>`,
    '</dl>',
    event.agendaHtml ? `<section><h2>${e(label(ui, 'events.agenda'))}</h2>${event.agendaHtml}</section>` : '',
    section(label(ui, 'events.documents'), event.documents.map(documentItem)),
    chips(ui, event.topics, event.economies),
    '</article>',
  ].join('');
}

export function initiativeMain(ui: PortalUiLanguage, initiative: Initiative): string {
  return [
    '<article>',
    h1(initiative.acronym ? `${initiative.name} (${initiative.acronym})` : initiative.name),
    `<p>${e(initiative.mandate)}</p>`,
    section(label(ui, 'initiatives.members'), initiative.memberEconomies.map((code) => `<li><a href="/economies/${e(code)}">${e(economyName(ui, code))}</a></li>`)),
    initiative.otherMembers ? `<p>${e(label(ui, 'initiatives.otherMembers'))}: ${e(initiative.otherMembers)}</p>` : '',
    initiative.website ? `<p><a href="${e(initiative.website)}">${e(label(ui, 'initiatives.website'))}</a></p>` : '',
    '</article>',
  ].join('');
}

export function indicatorMain(ui: PortalUiLanguage, indicator: Indicator): string {
  const years = [...new Set(indicator.series.flatMap((series) => series.points.map((point) => point.year)))].sort();
  const number = new Intl.NumberFormat(ui, { maximumFractionDigits: 2, minimumFractionDigits: 0 });
  const rows = indicator.series.map(
    (series) =>
      `<tr><th scope="row">${e(economyName(ui, series.economy))}</th>${years
        .map((year) => {
          const point = series.points.find((candidate) => candidate.year === year);
          return `<td>${point ? e(number.format(point.value)) : ''}</td>`;
        })
        .join('')}</tr>`,
  );
  return [
    h1(indicator.name, indicator.description),
    indicator.source.illustrative ? `<p>${e(label(ui, 'statistics.illustrativeNotice'))}</p>` : '',
    `<p>${e(label(ui, 'statistics.source'))}: ${e(indicator.source.name)}</p>`,
    `<table><caption>${e(label(ui, 'statistics.table'))} (${e(indicator.unit)})</caption><thead><tr><th scope="col">${e(label(ui, 'statistics.economy'))}</th>${years.map((year) => `<th scope="col">${year}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
  ].join('');
}

type Gathered = Pick<TopicPage, 'articles' | 'documents' | 'events' | 'initiatives' | 'indicators'>;

/** A topic's or an economy's page: its lists, each under a heading. */
export function gatheredMain(ui: PortalUiLanguage, title: string, intro: string, data: Gathered, headings: Record<keyof Gathered, string>, empty: string): string {
  return [
    h1(title, intro),
    section(headings.articles, data.articles.map((item) => articleItem(ui, item)), empty),
    section(headings.documents, data.documents.map(documentItem), empty),
    section(headings.events, data.events.map((item) => eventItem(ui, item)), empty),
    section(headings.initiatives, data.initiatives.map(initiativeItem), empty),
    section(headings.indicators, data.indicators.map(indicatorItem), empty),
  ].join('');
}

export function economyMain(ui: PortalUiLanguage, page: EconomyPage): string {
  const name = economyName(ui, page.economy.code, page.economy.name);
  const headings = {
    articles: label(ui, 'economyPage.articles'),
    documents: label(ui, 'economyPage.documents'),
    events: label(ui, 'economyPage.events'),
    initiatives: label(ui, 'economyPage.initiatives'),
    indicators: label(ui, 'economyPage.indicators', { name }),
  };
  return gatheredMain(ui, name, label(ui, 'economyPage.intro', { name }), page, headings, label(ui, 'economyPage.empty'));
}

export function sitePageMain(page: SitePage): string {
  // Sanitised when saved (and the seed is the project's own text).
  return `<article><h1>${e(page.title)}</h1>${page.bodyHtml}</article>`;
}

export function notFoundMain(ui: PortalUiLanguage): string {
  return `${h1(label(ui, 'notFound.title'), label(ui, 'notFound.body'))}<ul><li><a href="/">${e(label(ui, 'notFound.home'))}</a></li><li><a href="/search">${e(label(ui, 'notFound.search'))}</a></li></ul>`;
}
