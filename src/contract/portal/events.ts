import { z } from 'zod';
import { singleLine } from '../single-line';
import { EconomyCode, Page, PageQuery } from '../core';
import { ContentLanguage, EventKind, Slug, TopicRef } from './common';
import { DocumentSummary } from './documents';

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

export const EventPlace = z.object({
  /** True for an online-only event. */
  online: z.boolean(),
  venue: z.string().nullable(),
  city: z.string().nullable(),
  economy: EconomyCode.nullable(),
  /** Link to join online (public). */
  onlineUrl: z.string().nullable(),
});
export type EventPlace = z.infer<typeof EventPlace>;

export const EventSummary = z.object({
  id: z.uuid(),
  slug: Slug,
  kind: EventKind,
  title: z.string(),
  summary: z.string(),
  /** Start as an ISO 8601 instant (UTC offset). */
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  /** IANA time zone of the venue, e.g. Europe/Belgrade; show local times in it. */
  timeZone: z.string(),
  place: EventPlace,
  organiser: z.string(),
  language: ContentLanguage,
  topics: z.array(TopicRef),
  economies: z.array(EconomyCode),
  /** True when the event has ended. */
  past: z.boolean(),
  /** URL of this event's iCalendar file. */
  icsUrl: z.string(),
});
export type EventSummary = z.infer<typeof EventSummary>;

export const Event = EventSummary.extend({
  /** Sanitised HTML agenda (safe to render). */
  agendaHtml: z.string(),
  /** Materials: public documents attached to the event (kept after it ends). */
  documents: z.array(DocumentSummary),
  /** Registrations so far. */
  registrationCount: z.number().int(),
  /** Whether the signed-in user is registered (null for visitors). */
  registered: z.boolean().nullable(),
  /** True while registration is possible (the event has not started). */
  registrationOpen: z.boolean(),
  abilities: z.object({ 'portal.event.register': z.boolean() }),
});
export type Event = z.infer<typeof Event>;

export const EventListQuery = PageQuery.extend({
  /** upcoming (default: not yet ended, soonest first), past (latest first) or all. */
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
  kind: EventKind.optional(),
  topic: Slug.optional(),
  economy: EconomyCode.optional(),
});
export type EventListQuery = z.infer<typeof EventListQuery>;

export const EventPage = Page(EventSummary);
export type EventPage = z.infer<typeof EventPage>;

export const EventInput = z
  .object({
    slug: Slug,
    kind: EventKind,
    title: singleLine().trim().min(1).max(300),
    summary: z.string().trim().max(3000).default(''),
    /** Sanitised on the server. */
    agendaHtml: z.string().max(100_000).default(''),
    /** Local wall-clock start in the event's time zone, YYYY-MM-DDTHH:mm. */
    startsLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    endsLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    /** IANA time zone, e.g. Europe/Skopje. */
    timeZone: singleLine().min(1).max(64),
    online: z.boolean().default(false),
    venue: singleLine().max(300).nullable().default(null),
    city: singleLine().max(200).nullable().default(null),
    economy: EconomyCode.nullable().default(null),
    onlineUrl: z.url({ protocol: /^https?$/ }).max(1000).nullable().default(null),
    organiser: singleLine().trim().min(1).max(300),
    language: ContentLanguage.default('en'),
    topics: z.array(Slug).max(15).default([]),
    economies: z.array(EconomyCode).max(20).default([]),
    /** Slugs of documents attached as materials. */
    documents: z.array(Slug).max(50).default([]),
  })
  .strict();
export type EventInput = z.infer<typeof EventInput>;

export const EventRegistration = z.object({
  event: EventSummary,
  /** When the user registered. ISO 8601. */
  registeredAt: z.iso.datetime({ offset: true }),
});
export type EventRegistration = z.infer<typeof EventRegistration>;

export const EventRegistrationList = z.object({ items: z.array(EventRegistration) });
export type EventRegistrationList = z.infer<typeof EventRegistrationList>;
