/** Percentile of a sorted or unsorted sample (nearest-rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function formatNumber(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(digits);
}

export interface FigureRow {
  figure: string;
  value: number;
  unit: string;
  baseline: number;
  baselineLabel: string;
  /** Whether a bigger value is better (throughput) or worse (latency). */
  higherIsBetter: boolean;
  aim?: string;
}

/** Prints each figure beside its baseline from the same run, with the ratio. */
export function printFigures(title: string, rows: FigureRow[]) {
  console.log(`\n== ${title}`);
  for (const row of rows) {
    const ratio = row.value / row.baseline;
    console.log(
      `  ${row.figure.padEnd(44)} ${formatNumber(row.value).padStart(10)} ${row.unit.padEnd(6)}` +
        ` | ${row.baselineLabel.padEnd(34)} ${formatNumber(row.baseline).padStart(10)} ${row.unit.padEnd(6)}` +
        ` | ratio ${Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a'}${row.aim ? `  (aim: ${row.aim})` : ''}`,
    );
  }
}
