import { z } from 'zod';
import { singleLine } from '../single-line';
import { EconomyCode } from '../core';
import { ContentLanguage, Slug, TopicRef } from './common';

// ---------------------------------------------------------------------------------------------
// Key statistics
// ---------------------------------------------------------------------------------------------

export const IndicatorSource = z.object({
  /** Attribution line, e.g. "UNODC, Global Report on Trafficking in Persons 2022". */
  name: z.string(),
  url: z.string().nullable(),
  /** True for illustrative demo figures that are not from a public source. */
  illustrative: z.boolean(),
});
export type IndicatorSource = z.infer<typeof IndicatorSource>;

export const IndicatorPoint = z.object({ year: z.number().int(), value: z.number() });
export const IndicatorSeries = z.object({ economy: EconomyCode, points: z.array(IndicatorPoint) });
export type IndicatorSeries = z.infer<typeof IndicatorSeries>;

export const IndicatorSummary = z.object({
  id: z.uuid(),
  slug: Slug,
  name: z.string(),
  description: z.string(),
  /** Unit of every value, e.g. "per 100,000 inhabitants", "%". */
  unit: z.string(),
  source: IndicatorSource,
  topics: z.array(TopicRef),
  /** Economies with data. */
  economies: z.array(EconomyCode),
  /** First and last year with data. */
  years: z.object({ from: z.number().int().nullable(), to: z.number().int().nullable() }),
  /** URL of the CSV download. */
  csvUrl: z.string(),
});
export type IndicatorSummary = z.infer<typeof IndicatorSummary>;

export const Indicator = IndicatorSummary.extend({ series: z.array(IndicatorSeries) });
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorList = z.object({ items: z.array(IndicatorSummary) });
export type IndicatorList = z.infer<typeof IndicatorList>;

export const IndicatorListQuery = z.object({ topic: Slug.optional(), lang: ContentLanguage.optional() });

export const IndicatorInput = z
  .object({
    slug: Slug,
    name: singleLine().trim().min(1).max(300),
    description: z.string().trim().max(3000).default(''),
    unit: singleLine().trim().min(1).max(100),
    sourceName: singleLine().trim().min(1).max(500),
    sourceUrl: z.url({ protocol: /^https?$/ }).max(1000).nullable().default(null),
    illustrative: z.boolean().default(false),
    topics: z.array(Slug).max(15).default([]),
    series: z
      .array(
        z
          .object({
            economy: EconomyCode,
            points: z.array(z.object({ year: z.number().int().min(1900).max(2100), value: z.number().finite() }).strict()).max(200),
          })
          .strict(),
      )
      .max(30),
  })
  .strict();
export type IndicatorInput = z.infer<typeof IndicatorInput>;
