import { and, arrayContains, asc, eq, inArray, lte } from 'drizzle-orm';
import type { EditorIndicator, Indicator, IndicatorInput, IndicatorList, IndicatorSummary } from '../../../contract/portal';
import type { Db } from '../../db/client';
import { ConflictProblem, NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import { type PortalServiceDeps, type WriteContext, assertEditable, demoteFromReview } from './portal.deps';
import { type ReadContext, assertKnownReferences, topicRefs } from './portal.context';
import { portalIndicatorValues, portalIndicators } from './portal.schema';
import { upsertSearchRow } from './search.queries';
import { loadWorkflowRow, recordRevision, workflowState } from './workflow.service';

type IndicatorRow = typeof portalIndicators.$inferSelect;
type ValueRow = typeof portalIndicatorValues.$inferSelect;

export const indicatorIsPublic = (now: Date) => and(eq(portalIndicators.status, 'published'), lte(portalIndicators.publishAt, now));

function seriesOf(values: ValueRow[]) {
  const byEconomy = new Map<string, { year: number; value: number }[]>();
  for (const value of [...values].sort((a, b) => a.economy.localeCompare(b.economy) || a.year - b.year)) {
    byEconomy.set(value.economy, [...(byEconomy.get(value.economy) ?? []), { year: value.year, value: value.value }]);
  }
  return [...byEconomy.entries()].map(([economy, points]) => ({ economy, points }));
}

export function toIndicatorSummary(context: ReadContext, row: IndicatorRow, values: ValueRow[]): IndicatorSummary {
  const years = values.map((value) => value.year);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    unit: row.unit,
    source: { name: row.sourceName, url: row.sourceUrl, illustrative: row.illustrative },
    topics: topicRefs(context, row.topics),
    economies: [...new Set(values.map((value) => value.economy))].sort(),
    years: { from: years.length ? Math.min(...years) : null, to: years.length ? Math.max(...years) : null },
    csvUrl: `/api/portal/indicators/${row.slug}/data.csv`,
  };
}

const csvCell = (value: string | number) => {
  const text = String(value);
  // Quote, and neutralise spreadsheet formulas (a cell starting with = + - @).
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
};

async function loadValues(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(portalIndicatorValues).where(inArray(portalIndicatorValues.indicatorId, ids));
}

export async function reindexIndicator(db: Db, id: string) {
  const [row] = await db.select().from(portalIndicators).where(eq(portalIndicators.id, id));
  const values = await loadValues(db, [id]);
  await upsertSearchRow(db, {
    type: 'indicator',
    itemId: id,
    slug: row!.slug,
    title: row!.name,
    text: `${row!.description}\n${row!.unit}\n${row!.sourceName}`,
    topics: row!.topics,
    economies: [...new Set(values.map((value) => value.economy))],
    languages: ['en'],
    year: row!.publishAt ? row!.publishAt.getUTCFullYear() : null,
    itemDate: row!.publishAt,
    status: row!.status,
    publishAt: row!.publishAt,
  });
}

function inputOf(row: IndicatorRow, values: ValueRow[]): IndicatorInput {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    unit: row.unit,
    sourceName: row.sourceName,
    sourceUrl: row.sourceUrl,
    illustrative: row.illustrative,
    topics: row.topics,
    series: seriesOf(values),
  };
}

export function createIndicatorService(deps: PortalServiceDeps) {
  const { db } = deps;

  async function loadPublic(now: Date, slug: string) {
    const [row] = await db.select().from(portalIndicators).where(and(indicatorIsPublic(now), eq(portalIndicators.slug, slug)));
    if (!row) throw new NotFoundProblem(`No indicator ${slug}.`);
    return { row, values: await loadValues(db, [row.id]) };
  }

  async function getEditor(context: WriteContext, id: string): Promise<EditorIndicator> {
    const [row] = await db.select().from(portalIndicators).where(eq(portalIndicators.id, id));
    const workflow = await loadWorkflowRow(db, 'indicators', id);
    if (!row || !workflow) throw new NotFoundProblem();
    return { id, input: inputOf(row, await loadValues(db, [id])), workflow: workflowState(context.actor, workflow, deps.clock()) };
  }

  async function save(context: WriteContext, id: string | null, input: IndicatorInput): Promise<EditorIndicator> {
    await assertKnownReferences(db, input.topics, input.series.map((series) => series.economy));
    for (const series of input.series) {
      const years = series.points.map((point) => point.year);
      if (new Set(years).size !== years.length) throw new UnprocessableProblem(`Duplicate year in the series of ${series.economy}.`, [{ path: 'series', message: 'duplicate year' }]);
    }
    const now = deps.clock();
    const columns = { slug: input.slug, name: input.name, description: input.description, unit: input.unit, sourceName: input.sourceName, sourceUrl: input.sourceUrl, illustrative: input.illustrative, topics: input.topics };
    const savedId = await deps.audit.command(async (tx) => {
      const [clash] = await tx.select({ id: portalIndicators.id }).from(portalIndicators).where(eq(portalIndicators.slug, input.slug));
      if (clash && clash.id !== id) throw new ConflictProblem(`The slug ${input.slug} is already used by another indicator.`);
      let itemId: string;
      let revision = 1;
      let status: IndicatorRow['status'] = 'draft';
      if (id === null) {
        const [row] = await tx.insert(portalIndicators).values({ ...columns, createdAt: now, updatedAt: now }).returning({ id: portalIndicators.id });
        itemId = row!.id;
      } else {
        const workflow = await assertEditable(tx, context, 'indicators', id);
        itemId = id;
        revision = workflow.revision + 1;
        await tx.update(portalIndicators).set({ ...columns, revision, updatedAt: now }).where(eq(portalIndicators.id, id));
        status = await demoteFromReview(tx, 'portal_indicators', id, workflow.status);
        await tx.delete(portalIndicatorValues).where(eq(portalIndicatorValues.indicatorId, id));
      }
      const values = input.series.flatMap((series) => series.points.map((point) => ({ indicatorId: itemId, economy: series.economy, year: point.year, value: point.value })));
      if (values.length > 0) await tx.insert(portalIndicatorValues).values(values);
      await recordRevision(tx, { type: 'indicators', itemId, number: revision, change: id === null ? 'created' : 'updated', status: status as 'draft', actor: context.actor, snapshot: input, at: now });
      await reindexIndicator(tx, itemId);
      await deps.audit.append(tx, context, { action: id === null ? 'portal.indicator.create' : 'portal.indicator.update', recordType: 'portal_indicator', recordId: itemId, details: { slug: input.slug } });
      return itemId;
    });
    return getEditor(context, savedId);
  }

  return {
    list: async (context: ReadContext, topic?: string): Promise<IndicatorList> => {
      const rows = await db
        .select()
        .from(portalIndicators)
        .where(and(indicatorIsPublic(context.now), topic ? arrayContains(portalIndicators.topics, [topic]) : undefined))
        .orderBy(asc(portalIndicators.name));
      const values = await loadValues(db, rows.map((row) => row.id));
      return { items: rows.map((row) => toIndicatorSummary(context, row, values.filter((value) => value.indicatorId === row.id))) };
    },

    get: async (context: ReadContext, slug: string): Promise<Indicator> => {
      const { row, values } = await loadPublic(context.now, slug);
      return { ...toIndicatorSummary(context, row, values), series: seriesOf(values) };
    },

    /** The indicator in any status as its public page will show it (the reviewer's preview). */
    preview: async (context: ReadContext, id: string): Promise<Indicator> => {
      const [row] = await db.select().from(portalIndicators).where(eq(portalIndicators.id, id));
      if (!row) throw new NotFoundProblem();
      const values = await loadValues(db, [id]);
      return { ...toIndicatorSummary(context, row, values), series: seriesOf(values) };
    },

    csv: async (now: Date, slug: string): Promise<string> => {
      const { row, values } = await loadPublic(now, slug);
      // Whether the figures are illustrative is a column of its own, not a note added to the source's name.
      const lines = [['indicator', 'economy', 'year', 'value', 'unit', 'source', 'illustrative'].join(',')];
      for (const series of seriesOf(values)) {
        for (const point of series.points) lines.push([row.slug, series.economy, point.year, point.value, row.unit, row.sourceName, row.illustrative ? 'yes' : 'no'].map(csvCell).join(','));
      }
      return `${lines.join('\r\n')}\r\n`;
    },

    getEditor,
    create: (context: WriteContext, input: IndicatorInput) => save(context, null, input),
    update: (context: WriteContext, id: string, input: IndicatorInput) => save(context, id, input),
  };
}
