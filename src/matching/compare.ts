import { compareTokens } from './token-compare';
import type { TokenRelation } from './token-compare';
import { parseName } from './tokens';
import type { Decision, NameComparison, NameToken } from './types';

/**
 * Score at or above which two names are judged the same person's name. Every token
 * relation that is a documented variant scores ≥ 0.85; one "near" pair (a non-typo
 * edit between unknown names) pulls the score to about 0.7.
 */
export const MATCH_THRESHOLD = 0.8;
/** Score at or above which the pair is shown for human review ('possible'). */
export const POSSIBLE_THRESHOLD = 0.55;

const CONFLICT_SCORE = 0.25;
/** A name that agrees only through an initial and one full word: highest 'possible'. */
const INITIAL_CAP = MATCH_THRESHOLD - 0.03;
const UNMATCHED_PENALTY = 0.02;
const ORDER_PENALTY = 0.01;
const DIGIT_IN_WORD = /\p{L}\d|\d\p{L}/u;
const LOOSE_WHEN_REORDERED = new Set(['definite_form', 'cognate', 'gender_form', 'lexicon_variant']);

interface Alignment {
  pairs: Array<{ a: NameToken; b: NameToken; relation: TokenRelation }>;
  total: number;
}

/** Best one-to-one alignment of tokens by total relation score (names have ≤ 6 tokens). */
function bestAlignment(tokensA: NameToken[], tokensB: NameToken[], matrix: TokenRelation[][]): Alignment {
  let best: Alignment = { pairs: [], total: 0 };
  const used = new Set<number>();
  const current: Alignment['pairs'] = [];
  const walk = (i: number, total: number): void => {
    if (i === tokensA.length) {
      if (total > best.total + 1e-9) best = { pairs: [...current], total };
      return;
    }
    walk(i + 1, total);
    tokensB.forEach((b, j) => {
      const rel = matrix[i]?.[j];
      const a = tokensA[i];
      if (!rel || !a || rel.score <= 0 || used.has(j)) return;
      used.add(j);
      current.push({ a, b, relation: rel });
      walk(i + 1, total + rel.score);
      current.pop();
      used.delete(j);
    });
  };
  walk(0, 0);
  return best;
}

function decide(score: number): Decision {
  if (score >= MATCH_THRESHOLD) return 'match';
  if (score >= POSSIBLE_THRESHOLD) return 'possible';
  return 'no_match';
}

function result(score: number, reasons: string[]): NameComparison {
  const rounded = Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000;
  return { score: rounded, decision: decide(rounded), reasons };
}

function crossesOrder(alignment: Alignment): boolean {
  const sorted = [...alignment.pairs].sort((x, y) => x.a.position - y.a.position);
  return sorted.some((pair, i) => i > 0 && pair.b.position < (sorted[i - 1]?.b.position ?? 0));
}

function differenceReasons(tokensA: NameToken[], tokensB: NameToken[], matrix: TokenRelation[][]): string[] {
  const reasons: string[] = [];
  tokensA.forEach((_, i) => {
    const row = matrix[i] ?? [];
    const nearest = [...row].sort((x, y) => y.score - x.score)[0];
    if (nearest && nearest.score === 0 && tokensB.length > 0) reasons.push(nearest.reason);
  });
  return reasons.slice(0, 3);
}

/** Compare two personal names across scripts and orthographies. Never throws. */
export function compareNames(a: string, b: string): NameComparison {
  try {
    const comparison = compareParsed(parseName(a), parseName(b));
    if (DIGIT_IN_WORD.test(a) || DIGIT_IN_WORD.test(b)) comparison.reasons.push('digits inside a word read as the letters they resemble (OCR)');
    return comparison;
  } catch (error) {
    return result(0, [`could not compare: ${error instanceof Error ? error.message : 'unknown error'}`]);
  }
}

function compareParsed(tokensA: NameToken[], tokensB: NameToken[]): NameComparison {
  if (tokensA.length === 0 || tokensB.length === 0) return result(0, ['a name has no letters']);
  const matrix = tokensA.map((x) => tokensB.map((y) => compareTokens(x, y)));
  const alignment = bestAlignment(tokensA, tokensB, matrix);
  const matchedA = new Set(alignment.pairs.map((p) => p.a));
  const matchedB = new Set(alignment.pairs.map((p) => p.b));
  const leftA = tokensA.filter((t) => !matchedA.has(t));
  const leftB = tokensB.filter((t) => !matchedB.has(t));
  const fullPairs = alignment.pairs.filter((p) => p.relation.kind !== 'initial');
  const reasons = alignment.pairs.map((p) => p.relation.reason);

  if (fullPairs.length === 0) {
    return result(0, ['no name element in common', ...differenceReasons(tokensA, tokensB, matrix)]);
  }
  if (leftA.length > 0 && leftB.length > 0) {
    const unmatched = `unmatched on both sides: ${leftA.map((t) => t.raw).join(' ')} / ${leftB.map((t) => t.raw).join(' ')}`;
    return result(CONFLICT_SCORE, [...reasons, unmatched, ...differenceReasons(leftA, leftB, leftA.map((x) => leftB.map((y) => compareTokens(x, y))))]);
  }
  const scores = alignment.pairs.map((p) => p.relation.score);
  const min = Math.min(...scores);
  const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
  let score = 0.6 * min + 0.4 * mean;
  const left = [...leftA, ...leftB];
  if (left.length > 0) {
    score -= Math.min(3, left.length) * UNMATCHED_PENALTY;
    reasons.push(`extra element(s) on one side only (middle name, patronymic or father's initial): ${left.map((t) => t.raw).join(' ')}`);
  }
  const initials = alignment.pairs.filter((p) => p.relation.kind === 'initial');
  const solid = fullPairs.every((p) => p.relation.score >= MATCH_THRESHOLD);
  if (fullPairs.length < 2 && initials.length > 0 && solid && fullPairs.length + initials.length >= 2) {
    // "D. Rakočević" for "Dragan Rakočević": never a match on an initial, but above candidates
    // that agree on less.
    score = Math.min(score, INITIAL_CAP);
    reasons.push(`the given name is only an initial that agrees (${initials.map((p) => `${p.a.raw} / ${p.b.raw}`).join(', ')}): possible, never a match`);
  } else if (fullPairs.length < 2 && Math.min(tokensA.length, tokensB.length) >= 2) {
    score = Math.min(score, POSSIBLE_THRESHOLD + 0.1);
    reasons.push('only one full name element agrees');
  } else if (fullPairs.length < 2) {
    score = Math.min(score, MATCH_THRESHOLD - 0.05);
    reasons.push('single-word name: too little to confirm');
  }
  if (crossesOrder(alignment)) {
    score -= ORDER_PENALTY;
    reasons.push('name order differs');
    // Reordered *and* only related by form (Hasan Ibrahimi / Ibrahim Hasani): one person's given
    // name is the other's surname.
    if (alignment.pairs.some((p) => LOOSE_WHEN_REORDERED.has(p.relation.kind))) {
      score = Math.min(score, POSSIBLE_THRESHOLD + 0.1);
      reasons.push('reordered words agree only as related forms (given name against surname)');
    }
  }
  return result(score, reasons);
}
