import { z } from 'zod';
import { CrimeArea } from './cases';
import { Classification, EconomyCode, Marking, Tlp, Uuid } from './core';
import { isSingleLine, singleLine } from './single-line';

const day = z.iso.date();

/** Multi-line text of a section: paragraphs separated by blank lines; control characters other than line breaks and tabs refused. */
const paragraphs = z
  .string()
  .max(20_000)
  .refine((text) => isSingleLine(text.replace(/\r?\n|\t/g, ' ')), { message: 'control_character' });

/** The sections a report may hold, in the order they print. */
export const REPORT_SECTIONS = ['summary', 'key_findings', 'charts', 'assessment', 'recommendations', 'sources'] as const;
export const ReportSection = z.enum(REPORT_SECTIONS);
export type ReportSection = z.infer<typeof ReportSection>;

/**
 * Templates and their sections: a threat assessment in the manner of Europol's SOCTA, and a
 * shorter situation report. Every section of the template must be written before submitting.
 */
export const REPORT_TEMPLATES = {
  threat_assessment: ['summary', 'key_findings', 'charts', 'assessment', 'recommendations', 'sources'],
  situation_report: ['summary', 'key_findings', 'charts', 'sources'],
} as const satisfies Record<string, readonly ReportSection[]>;
export const ReportTemplate = z.enum(['threat_assessment', 'situation_report']);
export type ReportTemplate = z.infer<typeof ReportTemplate>;

/** The probability yardstick of intelligence assessments (the UK PHIA scale, as Europol's products word it). */
export const LIKELIHOODS = ['remote', 'highly_unlikely', 'unlikely', 'realistic_possibility', 'likely', 'highly_likely', 'almost_certain'] as const;
export const Likelihood = z.enum(LIKELIHOODS);
export const CONFIDENCE_LEVELS = ['low', 'moderate', 'high'] as const;
export const Confidence = z.enum(CONFIDENCE_LEVELS);

/** A returned report is edited like a draft and submitted again. */
export const REPORT_STATUSES = ['draft', 'awaiting_release', 'returned', 'released'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

/** The dashboard views a chart may show. */
export const CHART_VIEWS = ['crime_area', 'economy', 'month', 'route'] as const;
export const ChartView = z.enum(CHART_VIEWS);
export type ChartView = z.infer<typeof ChartView>;

export const ReportSectionsInput = z
  .object({
    summary: paragraphs.default(''),
    key_findings: paragraphs.default(''),
    /** Commentary that goes with the charts. */
    charts: paragraphs.default(''),
    assessment: paragraphs.default(''),
    recommendations: paragraphs.default(''),
    sources: paragraphs.default(''),
  })
  .strict();
export type ReportSectionsInput = z.infer<typeof ReportSectionsInput>;

export const ReportInput = z
  .object({
    template: ReportTemplate,
    title: singleLine().trim().min(3).max(200),
    periodFrom: day,
    periodTo: day,
    /** Crime areas in scope (empty: all). */
    crimeAreas: z.array(CrimeArea).max(11).default([]),
    /** Economies in scope (empty: the whole region). */
    economies: z.array(EconomyCode).max(50).default([]),
    ownerDeskId: Uuid,
    sections: ReportSectionsInput,
    likelihood: Likelihood.nullable().default(null),
    confidence: Confidence.nullable().default(null),
    /** Required: the marking of design §2. Every chart's figures are re-taken when it changes. */
    marking: Marking,
  })
  .strict();
export type ReportInput = z.infer<typeof ReportInput>;

export const ChartInput = z
  .object({
    view: ChartView,
    title: singleLine().trim().min(2).max(200),
    from: day,
    to: day,
    crimeArea: CrimeArea.optional(),
    /** Only the cases of this owning economy. */
    economy: EconomyCode.optional(),
  })
  .strict();
export type ChartInput = z.infer<typeof ChartInput>;

export const ReportDecisionInput = z.object({ note: singleLine().trim().max(2000).default('') }).strict();
export const ReportReturnInput = z.object({ note: singleLine().trim().min(3).max(2000) }).strict();
export const ReportListQuery = z.object({ status: ReportStatus.optional(), page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(25) }).strict();
export type ReportListQuery = z.infer<typeof ReportListQuery>;
export const ReportParams = z.object({ id: Uuid }).strict();
export const ReportChartParams = z.object({ id: Uuid, chartId: Uuid }).strict();
export const ReportPdfQuery = z.object({ lang: z.enum(['en', 'sr-Latn', 'sr-Cyrl', 'sq', 'mk']).default('en') }).strict();

export const ChartFigure = z.object({ key: z.string(), count: z.number().int(), previous: z.number().int().nullable(), trendPercent: z.number().nullable(), path: z.array(z.string()).optional() });
export type ChartFigure = z.infer<typeof ChartFigure>;

const MarkingView = z.object({ classification: Classification, tlp: Tlp, releasableEconomies: z.array(z.string()), releasableOrganisations: z.array(z.string()), sharingGroups: z.array(z.string()), originatorControl: z.boolean() });

export const ReportChart = z.object({
  id: z.string(),
  view: ChartView,
  title: z.string(),
  filters: z.object({ from: z.string(), to: z.string(), crimeArea: z.string().nullable(), economy: z.string().nullable() }),
  figures: z.array(ChartFigure),
  total: z.number().int(),
  takenAt: z.string(),
  /** The marking the figures were taken under: only cases it covers were counted. */
  marking: MarkingView,
  /** Readable cases left out because their marking is stricter than the report's; shown to the authoring desk only. */
  leftOut: z.number().int().nullable(),
});
export type ReportChart = z.infer<typeof ReportChart>;

export const ReportSummary = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  template: ReportTemplate,
  status: ReportStatus,
  periodFrom: z.string(),
  periodTo: z.string(),
  classification: Classification,
  tlp: Tlp,
  ownerEconomy: z.string(),
  ownerDesk: z.object({ id: z.string(), name: z.string() }),
  authorName: z.string(),
  updatedAt: z.string(),
  releasedAt: z.string().nullable(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;
export const ReportPage = z.object({ items: z.array(ReportSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type ReportPage = z.infer<typeof ReportPage>;

export const ReportView = ReportSummary.extend({
  crimeAreas: z.array(z.string()),
  economies: z.array(z.string()),
  sections: ReportSectionsInput,
  likelihood: Likelihood.nullable(),
  confidence: Confidence.nullable(),
  marking: MarkingView,
  charts: z.array(ReportChart),
  submittedAt: z.string().nullable(),
  /** The last decision: who approved or returned it, when, and the note. */
  decision: z.object({ kind: z.enum(['approved', 'returned']), by: z.string(), at: z.string(), note: z.string() }).nullable(),
  abilities: z.object({ edit: z.boolean(), submit: z.boolean(), approve: z.boolean(), export: z.boolean() }),
});
export type ReportView = z.infer<typeof ReportView>;
