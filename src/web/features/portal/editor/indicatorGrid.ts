import { IndicatorInput, type EditorIndicator } from '../../../../contract/portal';

/** The series as a grid: one row per economy, one column per year; empty cells are no data. */
export interface IndicatorValues {
  slug: string;
  name: string;
  description: string;
  unit: string;
  sourceName: string;
  sourceUrl: string;
  illustrative: boolean;
  topics: string[];
  years: number[];
  rows: { economy: string; values: (number | '')[] }[];
}

/** The editor's grid from a stored indicator (years sorted, missing values empty). */
export function toIndicatorValues(record?: EditorIndicator): IndicatorValues {
  const thisYear = new Date().getFullYear();
  if (!record) return { slug: '', name: '', description: '', unit: '', sourceName: '', sourceUrl: '', illustrative: false, topics: [], years: [thisYear - 2, thisYear - 1], rows: [] };
  const { input } = record;
  const years = [...new Set(input.series.flatMap((series) => series.points.map((point) => point.year)))].sort((a, b) => a - b);
  return {
    ...input,
    sourceUrl: input.sourceUrl ?? '',
    years,
    rows: input.series.map((series) => ({ economy: series.economy, values: years.map((year) => series.points.find((point) => point.year === year)?.value ?? '') })),
  };
}

/** The grid back to `IndicatorInput`: empty cells are no data, not zero. */
export function toIndicatorInput(values: IndicatorValues) {
  const { years, rows, ...rest } = values;
  return IndicatorInput.safeParse({
    ...rest,
    sourceUrl: values.sourceUrl.trim() || null,
    series: rows.map((row) => ({
      economy: row.economy,
      points: years.flatMap((year, index) => {
        const value = row.values[index];
        return typeof value === 'number' ? [{ year, value }] : [];
      }),
    })),
  });
}
