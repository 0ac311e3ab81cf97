import { readFile } from 'node:fs/promises';
import { compareNames, MATCH_THRESHOLD, POSSIBLE_THRESHOLD } from './compare';
import { evaluatePairs, parsePairsJsonl } from './evaluate';
import type { EvaluationReport } from './evaluate';

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

/** Printable comparison for `mosaic names compare A B`. */
export function runNamesCompare(a: string, b: string): string {
  const comparison = compareNames(a, b);
  return [
    `${a}  ↔  ${b}`,
    `score ${comparison.score.toFixed(3)}  decision ${comparison.decision}  (match ≥ ${MATCH_THRESHOLD}, possible ≥ ${POSSIBLE_THRESHOLD})`,
    ...comparison.reasons.map((reason) => `  - ${reason}`),
  ].join('\n');
}

export function formatReport(report: EvaluationReport): string {
  const lines = [
    `pairs ${report.pairs}  precision ${pct(report.precision)}  recall ${pct(report.recall)}  F1 ${pct(report.f1)}  ('possible' answers: ${report.possible}, counted as no)`,
    '',
    'kind                              pairs  correct  precision  recall   F1',
  ];
  for (const kind of [...report.perKind].sort((x, y) => x.kind.localeCompare(y.kind))) {
    lines.push(
      `${kind.kind.padEnd(34)}${String(kind.pairs).padStart(5)}  ${String(kind.correct).padStart(7)}  ${pct(kind.precision).padStart(9)}  ${pct(kind.recall).padStart(6)}  ${pct(kind.f1).padStart(6)}`,
    );
  }
  if (report.misjudged.length > 0) {
    lines.push('', 'misjudged:');
    for (const m of report.misjudged) {
      lines.push(`  [${m.kind}] ${m.a} | ${m.b}: expected ${m.match ? 'match' : 'no match'}, got ${m.decision} ${m.score}`);
      for (const reason of m.reasons) lines.push(`      ${reason}`);
    }
  }
  return lines.join('\n');
}

/** Evaluate a JSON Lines file of labelled pairs, for `mosaic names eval FILE`. */
export async function runNamesEval(filePath: string): Promise<{ text: string; precision: number; recall: number; f1: number }> {
  const report = evaluatePairs(parsePairsJsonl(await readFile(filePath, 'utf8')));
  return { text: formatReport(report), precision: report.precision, recall: report.recall, f1: report.f1 };
}
