/**
 * Name-matching quality: the engine beside two baselines on labelled pairs files — the shared
 * development pairs and our holdout of mostly unlisted surnames (src/matching/fixtures).
 *   npx tsx bench/names-quality.ts [pairs.jsonl ...]
 * Baselines get their best threshold on the same file (an optimistic view of them):
 *   (a) PostgreSQL pg_trgm similarity(unaccent(lower(a)), unaccent(lower(b))) in PGlite;
 *   (b) a token-sorted Levenshtein ratio on lowercased, accent-stripped text.
 * Besides precision/recall at its own decision ('match'), every matcher's recall at
 * precision ≥ 0.95 (the best threshold on its score that keeps precision there; 0 if none does).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { compareNames } from '../src/matching/compare';
import { evaluatePairs, figures, parsePairsJsonl } from '../src/matching/evaluate';
import { levenshtein } from '../src/matching/typo';
import type { LabelledPair } from '../src/matching/types';

export interface QualityFigures {
  precision: number;
  recall: number;
  f1: number;
  threshold?: number;
  /** Highest recall over thresholds on the matcher's score with precision ≥ 0.95. */
  recallAtPrecision95: number;
}

export interface NamesQualityReport {
  pairs: number;
  engine: QualityFigures;
  trigram: QualityFigures;
  levenshtein: QualityFigures;
  text: string;
}

const DEV_PAIRS = path.resolve(process.cwd(), '../shared/names/pairs-dev.jsonl');
const UNLISTED_HOLDOUT = path.resolve(process.cwd(), 'src/matching/fixtures/pairs-holdout-unlisted.jsonl');
export const DEFAULT_PAIRS_FILES = [DEV_PAIRS, UNLISTED_HOLDOUT];
const PRECISION_FLOOR = 0.95;

function figuresAt(scores: number[], labels: boolean[], threshold: number) {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  scores.forEach((score, i) => {
    const predicted = score >= threshold;
    const actual = labels[i] ?? false;
    if (predicted && actual) counts.tp++;
    else if (predicted) counts.fp++;
    else if (actual) counts.fn++;
    else counts.tn++;
  });
  return figures(counts);
}

/** Highest recall over thresholds "score ≥ t ⇒ match" that keep precision ≥ 0.95. */
function recallAtPrecision(scores: number[], labels: boolean[]): number {
  let best = 0;
  for (const threshold of new Set(scores)) {
    const result = figuresAt(scores, labels, threshold);
    if (result.precision >= PRECISION_FLOOR && result.recall > best) best = result.recall;
  }
  return best;
}

/** Best F1 over all thresholds "score ≥ t ⇒ match". */
function bestThreshold(scores: number[], labels: boolean[]): QualityFigures {
  let best: QualityFigures = { precision: 0, recall: 0, f1: -1, recallAtPrecision95: recallAtPrecision(scores, labels) };
  for (const threshold of [...new Set(scores)].sort((x, y) => x - y)) {
    const result = figuresAt(scores, labels, threshold);
    if (result.f1 > best.f1) best = { ...best, ...result, threshold };
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

export async function runNamesQualityBench(filePath: string = DEV_PAIRS): Promise<NamesQualityReport> {
  const pairs = parsePairsJsonl(await readFile(filePath, 'utf8'));
  const labels = pairs.map((pair) => pair.match);
  const report = evaluatePairs(pairs);
  const engineScores = pairs.map((pair) => compareNames(pair.a, pair.b).score);
  const engine: QualityFigures = { precision: report.precision, recall: report.recall, f1: report.f1, recallAtPrecision95: recallAtPrecision(engineScores, labels) };
  const trigram = bestThreshold(await trigramScores(pairs), labels);
  const lev = bestThreshold(pairs.map((pair) => levenshteinRatio(pair.a, pair.b)), labels);
  const row = (label: string, f: QualityFigures): string =>
    `${label.padEnd(34)}${pct(f.precision).padStart(10)}${pct(f.recall).padStart(9)}${pct(f.f1).padStart(9)}${pct(f.recallAtPrecision95).padStart(12)}${f.threshold === undefined ? '' : `   (best-F1 threshold ${f.threshold.toFixed(3)})`}`;
  const text = [
    `names quality on ${pairs.length} pairs (${path.relative(process.cwd(), filePath)})`,
    `${''.padEnd(34)}${'precision'.padStart(10)}${'recall'.padStart(9)}${'F1'.padStart(9)}${'R@P≥0.95'.padStart(12)}`,
    row('engine (match only)', engine),
    row('pg_trgm similarity + unaccent', trigram),
    row('token-sorted Levenshtein ratio', lev),
    '',
    `engine / pg_trgm:      precision ${ratio(engine.precision, trigram.precision)}  recall ${ratio(engine.recall, trigram.recall)}  F1 ${ratio(engine.f1, trigram.f1)}  R@P≥0.95 ${ratio(engine.recallAtPrecision95, trigram.recallAtPrecision95)}`,
    `engine / Levenshtein:  precision ${ratio(engine.precision, lev.precision)}  recall ${ratio(engine.recall, lev.recall)}  F1 ${ratio(engine.f1, lev.f1)}  R@P≥0.95 ${ratio(engine.recallAtPrecision95, lev.recallAtPrecision95)}`,
  ].join('\n');
  return { pairs: pairs.length, engine, trigram, levenshtein: lev, text };
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
/** The bench suite: every default pairs file, one after the other. */
export async function runNamesQualitySuite(files: string[] = DEFAULT_PAIRS_FILES): Promise<NamesQualityReport[]> {
  const reports: NamesQualityReport[] = [];
  for (const file of files) reports.push(await runNamesQualityBench(file));
  return reports;
}

if (invokedDirectly) {
  const files = process.argv.slice(2).map((file) => path.resolve(file));
  runNamesQualitySuite(files.length > 0 ? files : DEFAULT_PAIRS_FILES)
    .then((reports) => console.log(reports.map((report) => report.text).join('\n\n')))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
