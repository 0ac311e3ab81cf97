import ical, { type ICalCalendar } from 'ical-generator';
import type { ContentLanguage, EventInput, EventSummary } from '../../../contract/portal';
import { type ReadContext, topicRefs } from './portal.context';
import type { EventRow } from './events.queries';

export function toEventSummary(context: ReadContext, row: EventRow): EventSummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind as EventSummary['kind'],
    title: row.title,
    summary: row.summary,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    place: { online: row.online, venue: row.venue, city: row.city, economy: row.economy, onlineUrl: row.onlineUrl },
    organiser: row.organiser,
    language: row.language as ContentLanguage,
    topics: topicRefs(context, row.topics),
    economies: row.economies,
    past: row.endsAt < context.now,
    icsUrl: `/api/portal/events/${row.slug}/event.ics`,
  };
}

export function toEventInput(row: EventRow): EventInput {
  return {
    slug: row.slug,
    kind: row.kind as EventInput['kind'],
    title: row.title,
    summary: row.summary,
    agendaHtml: row.agendaHtml,
    startsLocal: row.startsLocal,
    endsLocal: row.endsLocal,
    timeZone: row.timeZone,
    online: row.online,
    venue: row.venue,
    city: row.city,
    economy: row.economy,
    onlineUrl: row.onlineUrl,
    organiser: row.organiser,
    language: row.language as ContentLanguage,
    topics: row.topics,
    economies: row.economies,
    documents: row.documentSlugs,
  };
}

/**
 * A TEXT value (RFC 5545 §3.3.11) for the properties ical-generator writes verbatim (the calendar's
 * NAME and X-WR-CALNAME): backslash, semicolon and comma escaped, line breaks as `\n`, other
 * control characters dropped — so no value can start a property of its own.
 */
export function icalText(value: string): string {
  return value
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\p{Cc}/gu, '');
}

/** For the properties ical-generator escapes itself: line breaks stay (it writes them as `\n`), other control characters go. */
const withoutControls = (value: string) => value.replace(/[^\P{Cc}\r\n]/gu, '');

/**
 * iCalendar with times in UTC (ical-generator's recommendation without a VTIMEZONE generator);
 * calendar clients show them in the reader's zone, and the event's own zone is in the description.
 */
export function toCalendar(rows: EventRow[], publicBaseUrl: string, name: string): ICalCalendar {
  // ical-generator escapes the event's own text properties (SUMMARY, DESCRIPTION, LOCATION, URL).
  const calendar = ical({ name: icalText(name), prodId: { company: 'Mosaic', product: 'Security Web Portal', language: 'EN' } });
  for (const row of rows) {
    const place = row.online ? 'Online' : [row.venue, row.city].filter(Boolean).join(', ');
    calendar.createEvent({
      id: `${row.id}@mosaic`,
      start: row.startsAt,
      end: row.endsAt,
      summary: withoutControls(row.title),
      description: withoutControls(`${row.summary}\n\nOrganiser: ${row.organiser}\nLocal time zone: ${row.timeZone}`),
      location: place ? withoutControls(place) : null,
      url: `${publicBaseUrl}/events/${row.slug}`,
      stamp: row.updatedAt,
    });
  }
  return calendar;
}
