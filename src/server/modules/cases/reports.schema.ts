import { boolean, date, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ChartFigure, ChartView, ReportSectionsInput, ReportStatus, ReportTemplate } from '../../../contract/cases-reports';
import type { Classification, Marking, Tlp } from '../../../contract/core';

const tz = { withTimezone: true } as const;

/** A chart as stored: the filters, the figures taken at writing time and the marking they were taken under. */
export interface StoredChart {
  id: string;
  view: ChartView;
  title: string;
  filters: { from: string; to: string; crimeArea: string | null; economy: string | null };
  figures: ChartFigure[];
  total: number;
  takenAt: string;
  takenBy: string;
  marking: Marking;
  leftOut: number;
}

export const caseReports = pgTable('case_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  reference: text('reference').notNull(),
  template: text('template').$type<ReportTemplate>().notNull(),
  title: text('title').notNull(),
  periodFrom: date('period_from').notNull(),
  periodTo: date('period_to').notNull(),
  crimeAreas: text('crime_areas').array().notNull().default([]),
  economies: text('economies').array().notNull().default([]),
  sections: jsonb('sections').$type<ReportSectionsInput>().notNull(),
  likelihood: text('likelihood'),
  confidence: text('confidence'),
  charts: jsonb('charts').$type<StoredChart[]>().notNull(),
  status: text('status').$type<ReportStatus>().notNull(),
  authorId: uuid('author_id').notNull(),
  ownerDeskId: uuid('owner_desk_id').notNull(),
  approverScope: text('approver_scope').$type<'organisation' | 'economy'>(),
  submittedAt: timestamp('submitted_at', tz),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', tz),
  decision: text('decision').$type<'approved' | 'returned'>(),
  decisionNote: text('decision_note').notNull().default(''),
  releasedAt: timestamp('released_at', tz),
  classification: text('classification').$type<Classification>().notNull(),
  tlp: text('tlp').$type<Tlp>().notNull(),
  releasableEconomies: text('releasable_economies').array().notNull().default([]),
  releasableOrganisations: uuid('releasable_organisations').array().notNull().default([]),
  sharingGroups: uuid('sharing_groups').array().notNull().default([]),
  originatorControl: boolean('originator_control').notNull().default(false),
  ownerOrganisationId: uuid('owner_organisation_id').notNull(),
  ownerEconomy: text('owner_economy').notNull(),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
});
export type ReportRow = typeof caseReports.$inferSelect;
