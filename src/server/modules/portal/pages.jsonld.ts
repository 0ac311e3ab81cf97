import type { Article, Document, Event } from '../../../contract/portal';

/** schema.org descriptions of articles, events and documents for the page's JSON-LD. */

const publisher = { '@type': 'Organization', name: 'Mosaic' };

export function articleJsonLd(article: Article, url: string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.lead,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    inLanguage: article.language.served,
    author: { '@type': 'Person', name: article.author },
    publisher,
    url,
    mainEntityOfPage: url,
    ...(article.leadImageUrl ? { image: [article.leadImageUrl] } : {}),
    keywords: article.topics.map((topic) => topic.name).join(', '),
  };
}

export function eventJsonLd(event: Event, url: string): object {
  const physical = { '@type': 'Place', name: event.place.venue ?? event.place.city ?? '', address: { '@type': 'PostalAddress', addressLocality: event.place.city ?? '', addressCountry: event.place.economy ?? '' } };
  const virtual = { '@type': 'VirtualLocation', url: event.place.onlineUrl ?? url };
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    description: event.summary,
    startDate: event.startsAt,
    endDate: event.endsAt,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: event.place.online ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
    location: event.place.online ? virtual : physical,
    organizer: { '@type': 'Organization', name: event.organiser },
    inLanguage: event.language,
    url,
  };
}

export function documentJsonLd(document: Document, url: string, baseUrl: string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'DigitalDocument',
    name: document.title,
    description: document.summary,
    datePublished: document.publishedOn,
    inLanguage: document.language,
    publisher: { '@type': 'Organization', name: document.publisher },
    encodingFormat: document.file.mediaType,
    url,
    ...(document.file.pageCount ? { numberOfPages: document.file.pageCount } : {}),
    associatedMedia: { '@type': 'MediaObject', contentUrl: `${baseUrl}${document.file.downloadUrl}`, encodingFormat: document.file.mediaType },
  };
}
