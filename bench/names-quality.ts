/**
 * Name-matching quality: the engine beside two baselines on a labelled pairs file.
 *   npx tsx bench/names-quality.ts [pairs.jsonl]
 * Baselines get their best threshold on the same file (an optimistic view of them):
 *   (a) PostgreSQL pg_trgm similarity(unaccent(lower(a)), unaccent(lower(b))) in PGlite;
 *   (b) a token-sorted Levenshtein ratio on lowercased, accent-stripped text.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { evaluatePairs, figures, parsePairsJsonl } from '../src/matching/evaluate';
import { levenshtein } from '../src/matching/typo';
import type { LabelledPair } from '../src/matching/types';

export interface QualityFigures {
  precision: number;
  recall: number;
  f1: number;
  threshold?: number;
}

export interface NamesQualityReport {
  pairs: number;
  engine: QualityFigures;
  trigram: QualityFigures;
  levenshtein: QualityFigures;
  text: string;
}

const DEFAULT_PAIRS = path.resolve(process.cwd(), '../shared/names/pairs-dev.jsonl');

/** Best F1 over all thresholds "score ≥ t ⇒ match". */
function bestThreshold(scores: number[], labels: boolean[]): QualityFigures {
  let best: QualityFigures = { precision: 0, recall: 0, f1: -1 };
  for (const threshold of [...new Set(scores)].sort((x, y) => x - y)) {
    const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
    scores.forEach((score, i) => {
      const predicted = score >= threshold;
      const actual = labels[i] ?? false;
      if (predicted && actual) counts.tp++;
      else if (predicted) counts.fp++;
      else if (actual) counts.fn++;
      else counts.tn++;
    });
    const result = figures(counts);
    if (result.f1 > best.f1) best = { ...result, threshold };
  }
  return best;
}

async function trigramScores(pairs: LabelledPair[]): Promise<number[]> {
  const db = await PGlite.create({ extensions: { pg_trgm, unaccent } });
  try {
    await db.exec('create extension if not exists pg_trgm; create extension if not exists unaccent');
    const scores: number[] = [];
    for (const pair of pairs) {
      const result = await db.query<{ s: number }>('select similarity(unaccent(lower($1)), unaccent(lower($2))) as s', [pair.a, pair.b]);
      scores.push(Number(result.rows[0]?.s ?? 0));
    }
    return scores;
  } finally {
    await db.close();
  }
}

function sortedTokens(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[\s,]+/u).filter(Boolean).sort().join(' ');
}

function levenshteinRatio(a: string, b: string): number {
  const x = sortedTokens(a);
  const y = sortedTokens(b);
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - levenshtein(x, y) / longest;
}

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;
const ratio = (engine: number, baseline: number): string => (baseline === 0 ? '∞' : `${(engine / baseline).toFixed(2)}×`);

export async function runNamesQualityBench(filePath: string = DEFAULT_PAIRS): Promise<NamesQualityReport> {
  const pairs = parsePairsJsonl(await readFile(filePath, 'utf8'));
  const labels = pairs.map((pair) => pair.match);
  const report = evaluatePairs(pairs);
  const engine: QualityFigures = { precision: report.precision, recall: report.recall, f1: report.f1 };
  const trigram = bestThreshold(await trigramScores(pairs), labels);
  const lev = bestThreshold(pairs.map((pair) => levenshteinRatio(pair.a, pair.b)), labels);
  const row = (label: string, f: QualityFigures): string =>
    `${label.padEnd(34)}${pct(f.precision).padStart(10)}${pct(f.recall).padStart(9)}${pct(f.f1).padStart(9)}${f.threshold === undefined ? '' : `   (best threshold ${f.threshold.toFixed(3)})`}`;
  const text = [
    `names quality on ${pairs.length} pairs (${filePath})`,
    `${''.padEnd(34)}${'precision'.padStart(10)}${'recall'.padStart(9)}${'F1'.padStart(9)}`,
    row('engine (match only)', engine),
    row('pg_trgm similarity + unaccent', trigram),
    row('token-sorted Levenshtein ratio', lev),
    '',
    `engine / pg_trgm:      precision ${ratio(engine.precision, trigram.precision)}  recall ${ratio(engine.recall, trigram.recall)}  F1 ${ratio(engine.f1, trigram.f1)}`,
    `engine / Levenshtein:  precision ${ratio(engine.precision, lev.precision)}  recall ${ratio(engine.recall, lev.recall)}  F1 ${ratio(engine.f1, lev.f1)}`,
  ].join('\n');
  return { pairs: pairs.length, engine, trigram, levenshtein: lev, text };
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  runNamesQualityBench(process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_PAIRS)
    .then((report) => console.log(report.text))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
