import { type SQL, and, arrayContains, asc, count, desc, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import type { EventInput } from '../../../contract/portal';
import type { Db } from '../../db/client';
import { portalEventRegistrations, portalEvents } from './portal.schema';
import { zonedToInstant } from './events.time-zone';

export type EventRow = typeof portalEvents.$inferSelect;

export const eventIsPublic = (now: Date) => and(eq(portalEvents.status, 'published'), lte(portalEvents.publishAt, now));

export async function listPublicEvents(
  db: Db,
  params: { now: Date; when: 'upcoming' | 'past' | 'all'; kind?: string; topic?: string; economy?: string; limit: number; offset: number },
) {
  const conditions: (SQL | undefined)[] = [eventIsPublic(params.now)];
  if (params.when === 'upcoming') conditions.push(gte(portalEvents.endsAt, params.now));
  if (params.when === 'past') conditions.push(lt(portalEvents.endsAt, params.now));
  if (params.kind) conditions.push(eq(portalEvents.kind, params.kind));
  if (params.topic) conditions.push(arrayContains(portalEvents.topics, [params.topic]));
  if (params.economy) conditions.push(arrayContains(portalEvents.economies, [params.economy]));
  const where = and(...conditions);
  const order = params.when === 'upcoming' ? [asc(portalEvents.startsAt), asc(portalEvents.id)] : [desc(portalEvents.startsAt), desc(portalEvents.id)];
  const rows = await db.select().from(portalEvents).where(where).orderBy(...order).limit(params.limit).offset(params.offset);
  const [total] = await db.select({ value: count() }).from(portalEvents).where(where);
  return { rows, total: total?.value ?? 0 };
}

export async function findEventBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(portalEvents).where(eq(portalEvents.slug, slug));
  return row ?? null;
}

export async function findEventById(db: Db, id: string) {
  const [row] = await db.select().from(portalEvents).where(eq(portalEvents.id, id));
  return row ?? null;
}

export async function eventSlugTaken(db: Db, slug: string, exceptId?: string) {
  const [row] = await db.select({ id: portalEvents.id }).from(portalEvents).where(eq(portalEvents.slug, slug));
  return row !== undefined && row.id !== exceptId;
}

export function eventColumns(input: EventInput) {
  return {
    slug: input.slug,
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    agendaHtml: input.agendaHtml,
    startsLocal: input.startsLocal,
    endsLocal: input.endsLocal,
    timeZone: input.timeZone,
    startsAt: zonedToInstant(input.startsLocal, input.timeZone),
    endsAt: zonedToInstant(input.endsLocal, input.timeZone),
    online: input.online,
    venue: input.venue,
    city: input.city,
    economy: input.economy,
    onlineUrl: input.onlineUrl,
    organiser: input.organiser,
    language: input.language,
    topics: input.topics,
    economies: input.economies,
    documentSlugs: input.documents,
  };
}

export async function countRegistrations(db: Db, eventId: string): Promise<number> {
  const [row] = await db.select({ value: count() }).from(portalEventRegistrations).where(eq(portalEventRegistrations.eventId, eventId));
  return row?.value ?? 0;
}

export async function findRegistration(db: Db, eventId: string, userId: string) {
  const [row] = await db
    .select()
    .from(portalEventRegistrations)
    .where(and(eq(portalEventRegistrations.eventId, eventId), eq(portalEventRegistrations.userId, userId)));
  return row ?? null;
}

/** A user's registrations for events that are still public. */
export async function listUserRegistrations(db: Db, userId: string, now: Date) {
  const registrations = await db.select().from(portalEventRegistrations).where(eq(portalEventRegistrations.userId, userId));
  if (registrations.length === 0) return [];
  const events = await db
    .select()
    .from(portalEvents)
    .where(and(eventIsPublic(now), inArray(portalEvents.id, registrations.map((r) => r.eventId))))
    .orderBy(asc(portalEvents.startsAt));
  return events.map((event) => ({ event, registeredAt: registrations.find((r) => r.eventId === event.id)!.registeredAt }));
}

export async function listCalendarEvents(db: Db, now: Date) {
  const since = new Date(now.getTime() - 366 * 24 * 3600 * 1000);
  return db.select().from(portalEvents).where(and(eventIsPublic(now), gte(portalEvents.endsAt, since))).orderBy(asc(portalEvents.startsAt)).limit(1000);
}
