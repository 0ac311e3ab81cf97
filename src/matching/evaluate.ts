import { compareNames } from './compare';
import type { Decision, LabelledPair } from './types';

export interface KindFigures {
  kind: string;
  pairs: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface MisjudgedPair extends LabelledPair {
  decision: Decision;
  score: number;
  reasons: string[];
}

export interface EvaluationReport {
  pairs: number;
  precision: number;
  recall: number;
  f1: number;
  /** Pairs answered 'possible' (counted as predicted false). */
  possible: number;
  perKind: KindFigures[];
  misjudged: MisjudgedPair[];
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Precision, recall, F1; an empty denominator counts as perfect (nothing to get wrong). */
export function figures(counts: Counts): { precision: number; recall: number; f1: number } {
  const precision = counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function tally(counts: Counts, predicted: boolean, actual: boolean): void {
  if (predicted && actual) counts.tp++;
  else if (predicted) counts.fp++;
  else if (actual) counts.fn++;
  else counts.tn++;
}

/** Evaluate the engine: 'match' is predicted true; 'possible' and 'no_match' predicted false. */
export function evaluatePairs(pairs: LabelledPair[]): EvaluationReport {
  const overall: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const byKind = new Map<string, Counts>();
  const misjudged: MisjudgedPair[] = [];
  let possible = 0;
  for (const pair of pairs) {
    const comparison = compareNames(pair.a, pair.b);
    const predicted = comparison.decision === 'match';
    if (comparison.decision === 'possible') possible++;
    tally(overall, predicted, pair.match);
    const counts = byKind.get(pair.kind) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
    tally(counts, predicted, pair.match);
    byKind.set(pair.kind, counts);
    if (predicted !== pair.match) misjudged.push({ ...pair, ...comparison });
  }
  const perKind = [...byKind.entries()].map(([kind, counts]) => ({
    kind,
    pairs: counts.tp + counts.fp + counts.fn + counts.tn,
    correct: counts.tp + counts.tn,
    ...figures(counts),
  }));
  return { pairs: pairs.length, ...figures(overall), possible, perKind, misjudged };
}

/** Parse JSON Lines of labelled pairs, skipping blank and malformed lines. */
export function parsePairsJsonl(text: string): LabelledPair[] {
  const pairs: LabelledPair[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isLabelledPair(value)) pairs.push(value);
    } catch {
      // a malformed line is skipped, not fatal
    }
  }
  return pairs;
}

function isLabelledPair(value: unknown): value is LabelledPair {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.a === 'string' && typeof record.b === 'string' && typeof record.match === 'boolean'
    && typeof record.kind === 'string';
}
