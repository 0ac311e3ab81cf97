import { sql } from 'drizzle-orm';
import type { WorkflowType } from '../../../../contract/portal';
import { anonymousActor } from '../../../access/actor';
import type { Db } from '../../../db/client';
import { rowsOf } from '../../../db/migrate';
import type { AppDeps } from '../../../platform/deps';
import { upsertInitiative } from '../initiatives.service';
import { createPortalServices } from '../portal.services';
import { SEARCH_TYPES_BY_WORKFLOW, latestSnapshot, recordRevision } from '../workflow.service';
import { notifySearchChange } from '../search.queries';
import { ARTICLE_SEEDS } from './articles.data';
import { makeDocx, makeOdt, makePdf } from './document-files';
import { DOCUMENT_SEEDS } from './documents.data';
import { EVENT_SEEDS } from './events.data';
import { INDICATOR_SEEDS } from './indicators.data';
import { INITIATIVE_SEEDS } from './initiatives.data';

const DAY = 24 * 3600 * 1000;
const TABLES: Record<WorkflowType, string> = { articles: 'portal_articles', documents: 'portal_documents', events: 'portal_events', indicators: 'portal_indicators' };

/** Demo content skips the four-eyes review: it is published directly, and the revision says so. */
async function publishDemo(deps: AppDeps, type: WorkflowType, id: string, publishAt: Date) {
  await deps.audit.command(async (tx: Db) => {
    const at = publishAt.toISOString();
    await tx.execute(sql`update ${sql.raw(TABLES[type])} set status = 'published', publish_at = ${at}::timestamptz, revision = revision + 1 where id = ${id}`);
    const dated = type === 'articles' || type === 'indicators';
    await tx.execute(sql`update portal_search set status = 'published', publish_at = ${at}::timestamptz
      ${dated ? sql`, item_date = ${at}::timestamptz, year = ${publishAt.getUTCFullYear()}` : sql``}
      where type = ${SEARCH_TYPES_BY_WORKFLOW[type]} and item_id = ${id}`);
    await notifySearchChange(tx, SEARCH_TYPES_BY_WORKFLOW[type], id);
    await recordRevision(tx, { type, itemId: id, number: 2, change: 'publish', status: 'published', actor: anonymousActor, note: 'demo content, published by the seed', snapshot: (await latestSnapshot(tx, type, id)) ?? {}, at: deps.clock() });
    await deps.audit.append(tx, { actor: anonymousActor }, { action: `portal.${SEARCH_TYPES_BY_WORKFLOW[type]}.publish`, recordType: `portal_${SEARCH_TYPES_BY_WORKFLOW[type]}`, recordId: id, actorLabel: 'seed', details: { demo: true } });
  });
}

const localDate = (date: Date) => date.toISOString().slice(0, 10);
const paragraphsHtml = (paragraphs: string[]) => paragraphs.map((text) => `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');

/**
 * Loads the portal's demo content through the same services as editors use (documents go through
 * the upload path: sniffing, extraction, encryption). Does nothing if portal content exists.
 */
export async function seedPortalDemo(deps: AppDeps): Promise<void> {
  const existing = rowsOf<{ n: number }>(await deps.db.execute(sql`select (select count(*) from portal_articles) + (select count(*) from portal_initiatives) as n`));
  if (Number(existing[0]?.n ?? 0) > 0) return;
  const services = createPortalServices(deps);
  const context = { actor: anonymousActor };
  const now = deps.clock();

  await deps.audit.command(async (tx) => {
    for (const initiative of INITIATIVE_SEEDS) await upsertInitiative(tx, initiative, now);
  });

  for (const seed of DOCUMENT_SEEDS) {
    const content = { title: seed.metadata.title, paragraphs: seed.paragraphs };
    const bytes = seed.format === 'pdf' ? await makePdf(content) : seed.format === 'docx' ? await makeDocx(content) : makeOdt(content);
    const created = await services.documents.upload(context, { bytes, fileName: seed.fileName, metadata: seed.metadata });
    await publishDemo(deps, 'documents', created.id, new Date(`${seed.metadata.publishedOn}T08:00:00Z`));
  }

  for (const seed of ARTICLE_SEEDS) {
    const created = await services.articles.create(context, {
      slug: seed.slug,
      kind: seed.kind,
      author: seed.author,
      leadImageUrl: null,
      topics: seed.topics,
      economies: seed.economies,
      originalLanguage: seed.original,
      translations: seed.texts.map((text) => ({ language: text.language, title: text.title, lead: text.lead, bodyHtml: paragraphsHtml(text.paragraphs), leadImageAlt: null })),
    });
    await publishDemo(deps, 'articles', created.id, new Date(now.getTime() - seed.daysAgo * DAY));
  }

  for (const seed of EVENT_SEEDS) {
    const start = new Date(now.getTime() + seed.dayOffset * DAY);
    const end = new Date(start.getTime() + (seed.days - 1) * DAY);
    const created = await services.events.create(context, { ...seed.input, startsLocal: `${localDate(start)}T${seed.startTime}`, endsLocal: `${localDate(end)}T${seed.endTime}` });
    await publishDemo(deps, 'events', created.id, new Date(Math.min(now.getTime(), start.getTime() - 30 * DAY)));
  }

  for (const seed of INDICATOR_SEEDS) {
    const created = await services.indicators.create(context, seed);
    await publishDemo(deps, 'indicators', created.id, new Date(now.getTime() - 40 * DAY));
  }

  // One draft and one scheduled article, so editors see the workflow at work.
  await services.articles.create(context, {
    slug: 'draft-annual-report-preview',
    kind: 'news',
    author: 'Portal editorial desk',
    leadImageUrl: null,
    topics: ['security-sector-reform'],
    economies: [],
    originalLanguage: 'en',
    translations: [{ language: 'en', title: 'Draft: preview of the annual report', lead: 'Not yet published.', bodyHtml: '<p>Draft text.</p>', leadImageAlt: null }],
  });
  const scheduled = await services.articles.create(context, {
    slug: 'scheduled-conference-announcement',
    kind: 'news',
    author: 'Portal editorial desk',
    leadImageUrl: null,
    topics: ['border-security'],
    economies: ['MK'],
    originalLanguage: 'en',
    translations: [{ language: 'en', title: 'Announcement: Border Security and Migration Conference', lead: 'Registration opens soon.', bodyHtml: '<p>Details follow.</p>', leadImageAlt: null }],
  });
  await publishDemo(deps, 'articles', scheduled.id, new Date(now.getTime() + 3 * DAY));
}
