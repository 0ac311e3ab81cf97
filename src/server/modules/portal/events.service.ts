import { and, eq } from 'drizzle-orm';
import type { EditorEvent, Event, EventInput, EventListQuery, EventPage, EventRegistration, EventRegistrationList } from '../../../contract/portal';
import { type Actor, anonymousActor, isUser } from '../../access/actor';
import { can } from '../../access/policy';
import type { Db } from '../../db/client';
import { ConflictProblem, NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import { toDocumentSummary } from './documents.presenter';
import { findPublicDocumentsBySlugs } from './documents.queries';
import { type PortalServiceDeps, type WriteContext, assertEditable, demoteFromReview } from './portal.deps';
import { type ReadContext, assertKnownReferences } from './portal.context';
import { htmlToText, sanitizeRichText } from './portal.sanitize';
import { portalEventRegistrations, portalEvents } from './portal.schema';
import { upsertSearchRow } from './search.queries';
import { loadWorkflowRow, recordRevision, workflowState } from './workflow.service';
import { toCalendar, toEventInput, toEventSummary } from './events.presenter';
import {
  type EventRow,
  countRegistrations,
  eventColumns,
  eventSlugTaken,
  findEventById,
  findEventBySlug,
  findRegistration,
  listCalendarEvents,
  listPublicEvents,
  listUserRegistrations,
} from './events.queries';
import { isValidTimeZone } from './events.time-zone';

export async function reindexEvent(db: Db, id: string) {
  const row = (await findEventById(db, id))!;
  await upsertSearchRow(db, {
    type: 'event',
    itemId: id,
    slug: row.slug,
    title: row.title,
    text: `${row.summary}\n${row.organiser}\n${[row.venue, row.city].filter(Boolean).join(', ')}\n${htmlToText(row.agendaHtml)}`,
    topics: row.topics,
    economies: row.economies,
    languages: [row.language],
    year: row.startsAt.getUTCFullYear(),
    itemDate: row.startsAt,
    status: row.status,
    publishAt: row.publishAt,
  });
}

function cleanEventInput(input: EventInput): EventInput {
  if (!isValidTimeZone(input.timeZone)) throw new UnprocessableProblem('Unknown time zone.', [{ path: 'timeZone', message: 'not an IANA time zone' }]);
  if (input.endsLocal < input.startsLocal) throw new UnprocessableProblem('The event ends before it starts.', [{ path: 'endsLocal', message: 'before the start' }]);
  if (!input.online && !input.city) throw new UnprocessableProblem('An event in a place needs a city.', [{ path: 'city', message: 'required unless online' }]);
  return { ...input, agendaHtml: sanitizeRichText(input.agendaHtml) };
}

const isPublic = (row: EventRow, now: Date) => row.status === 'published' && row.publishAt !== null && row.publishAt <= now;

export function createEventService(deps: PortalServiceDeps) {
  async function loadPublic(now: Date, slug: string) {
    const row = await findEventBySlug(deps.db, slug);
    if (!row || !isPublic(row, now)) throw new NotFoundProblem(`No event ${slug}.`);
    return row;
  }

  /** The public page of an event; the preview shows a draft as an anonymous visitor will see it. */
  async function presentEvent(context: ReadContext, actor: Actor, row: EventRow): Promise<Event> {
    const documents = await findPublicDocumentsBySlugs(deps.db, context.now, row.documentSlugs);
    const registered = isUser(actor) ? (await findRegistration(deps.db, row.id, actor.userId)) !== null : null;
    return {
      ...toEventSummary(context, row),
      agendaHtml: row.agendaHtml,
      documents: documents.map((document) => toDocumentSummary(context, document)),
      registrationCount: await countRegistrations(deps.db, row.id),
      registered,
      registrationOpen: row.startsAt > context.now,
      abilities: { 'portal.event.register': can(actor, 'portal.event.register') && row.startsAt > context.now },
    };
  }

  async function getEditor(context: WriteContext, id: string): Promise<EditorEvent> {
    const row = await findEventById(deps.db, id);
    const workflow = await loadWorkflowRow(deps.db, 'events', id);
    if (!row || !workflow) throw new NotFoundProblem();
    return { id, input: toEventInput(row), workflow: workflowState(context.actor, workflow, deps.clock()) };
  }

  async function save(context: WriteContext, id: string | null, rawInput: EventInput): Promise<EditorEvent> {
    const input = cleanEventInput(rawInput);
    await assertKnownReferences(deps.db, input.topics, [...input.economies, ...(input.economy ? [input.economy] : [])]);
    const now = deps.clock();
    const savedId = await deps.audit.command(async (tx) => {
      if (await eventSlugTaken(tx, input.slug, id ?? undefined)) throw new ConflictProblem(`The slug ${input.slug} is already used by another event.`);
      if (id === null) {
        const [row] = await tx.insert(portalEvents).values({ ...eventColumns(input), createdAt: now, updatedAt: now }).returning({ id: portalEvents.id });
        await recordRevision(tx, { type: 'events', itemId: row!.id, number: 1, change: 'created', status: 'draft', actor: context.actor, snapshot: input, at: now });
        await reindexEvent(tx, row!.id);
        await deps.audit.append(tx, context, { action: 'portal.event.create', recordType: 'portal_event', recordId: row!.id, details: { slug: input.slug } });
        return row!.id;
      }
      const workflow = await assertEditable(tx, context, 'events', id);
      const revision = workflow.revision + 1;
      await tx.update(portalEvents).set({ ...eventColumns(input), revision, updatedAt: now }).where(eq(portalEvents.id, id));
      const status = await demoteFromReview(tx, 'portal_events', id, workflow.status);
      await recordRevision(tx, { type: 'events', itemId: id, number: revision, change: 'updated', status, actor: context.actor, snapshot: input, at: now });
      await reindexEvent(tx, id);
      await deps.audit.append(tx, context, { action: 'portal.event.update', recordType: 'portal_event', recordId: id, details: { slug: input.slug, revision } });
      return id;
    });
    return getEditor(context, savedId);
  }

  return {
    listPublic: async (context: ReadContext, query: EventListQuery): Promise<EventPage> => {
      const { rows, total } = await listPublicEvents(deps.db, { now: context.now, ...query, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      return { items: rows.map((row) => toEventSummary(context, row)), total, page: query.page, pageSize: query.pageSize };
    },

    getPublic: async (context: ReadContext, actor: Actor, slug: string): Promise<Event> => presentEvent(context, actor, await loadPublic(context.now, slug)),

    /** The event in any status as a visitor will see it once published (the reviewer's preview). */
    preview: async (context: ReadContext, id: string): Promise<Event> => {
      const row = await findEventById(deps.db, id);
      if (!row) throw new NotFoundProblem();
      return presentEvent(context, anonymousActor, row);
    },

    calendar: async (now: Date, baseUrl: string, slug?: string) => {
      const rows = slug ? [await loadPublic(now, slug)] : await listCalendarEvents(deps.db, now);
      return toCalendar(rows, baseUrl, slug ? rows[0]!.title : 'Mosaic — regional security events').toString();
    },

    register: async (context: ReadContext, writer: WriteContext, slug: string): Promise<EventRegistration> => {
      if (!isUser(writer.actor)) throw new NotFoundProblem();
      const userId = writer.actor.userId;
      const row = await loadPublic(context.now, slug);
      if (row.startsAt <= context.now) throw new ConflictProblem('Registration is closed: the event has already started.');
      const registeredAt = await deps.audit.command(async (tx) => {
        const [inserted] = await tx
          .insert(portalEventRegistrations)
          .values({ eventId: row.id, userId, registeredAt: context.now })
          .onConflictDoNothing()
          .returning();
        if (!inserted) throw new ConflictProblem('You are already registered for this event.');
        await deps.audit.append(tx, writer, { action: 'portal.event.register', recordType: 'portal_event', recordId: row.id });
        return inserted.registeredAt;
      });
      return { event: toEventSummary(context, row), registeredAt: registeredAt.toISOString() };
    },

    unregister: async (context: ReadContext, writer: WriteContext, slug: string) => {
      if (!isUser(writer.actor)) throw new NotFoundProblem();
      const userId = writer.actor.userId;
      const row = await loadPublic(context.now, slug);
      await deps.audit.command(async (tx) => {
        const removed = await tx
          .delete(portalEventRegistrations)
          .where(and(eq(portalEventRegistrations.eventId, row.id), eq(portalEventRegistrations.userId, userId)))
          .returning();
        if (removed.length === 0) throw new NotFoundProblem('You are not registered for this event.');
        await deps.audit.append(tx, writer, { action: 'portal.event.unregister', recordType: 'portal_event', recordId: row.id });
      });
    },

    myRegistrations: async (context: ReadContext, actor: Actor): Promise<EventRegistrationList> => {
      if (!isUser(actor)) return { items: [] };
      const rows = await listUserRegistrations(deps.db, actor.userId, context.now);
      return { items: rows.map(({ event, registeredAt }) => ({ event: toEventSummary(context, event), registeredAt: registeredAt.toISOString() })) };
    },

    getEditor,
    create: (context: WriteContext, input: EventInput) => save(context, null, input),
    update: (context: WriteContext, id: string, input: EventInput) => save(context, id, input),
  };
}
