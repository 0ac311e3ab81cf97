import type { ScreeningReason } from '../../../contract/wanted';
import { MATCH_THRESHOLD, type NameComparison, POSSIBLE_THRESHOLD, compareNames } from '../../../matching';
import { type FactReason, factReason, nameReason } from './screening.reasons';

export type ScreenDecision = 'match' | 'possible' | 'no_match';

export interface ScoredAlert {
  alertId: string;
  score: number;
  decision: ScreenDecision;
  reasons: ScreeningReason[];
}

export interface PersonQuery {
  name: string;
  dateOfBirth?: string;
  nationality?: string;
  sex?: 'female' | 'male';
  /** Normalised; empty when none was given. */
  documentNumber?: string;
}

export interface PersonCandidate {
  alertId: string;
  names: string[];
  dateOfBirth: string | null;
  nationality: string | null;
  sex: string | null;
  /** The alert's document numbers, normalised. */
  documentNumbers: string[];
}

const DOB_AGREES = 0.1;
const DOB_CLOSE = -0.05;
const DOB_DIFFERS = -0.3;
const NATIONALITY_AGREES = 0.03;
const NATIONALITY_DIFFERS = -0.05;
const SEX_DIFFERS = -0.3;
const DOCUMENT_MATCHES = 0.2;
const DOCUMENT_DIFFERS = -0.2;
/** A conflicting answer is shown below the match threshold, so that the score and the class agree. */
const CONFLICT_SCORE_CEILING = MATCH_THRESHOLD - 0.01;

export function decide(score: number): ScreenDecision {
  if (score >= MATCH_THRESHOLD) return 'match';
  if (score >= POSSIBLE_THRESHOLD) return 'possible';
  return 'no_match';
}

/** Same year with day and month swapped, or one of them off: a typing slip rather than another person. */
function datesClose(a: string, b: string): boolean {
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  if (ya !== yb) return ma === mb && da === db && Math.abs(Number(ya) - Number(yb)) === 1;
  return (ma === db && da === mb) || ma === mb || da === db;
}

interface Facts {
  score: number;
  reasons: ScreeningReason[];
  /** Facts the screener stated that the alert contradicts: a date of birth, the sex, a document number. */
  conflicts: FactReason[];
}

/**
 * Weighs what else the screener stated. Only the facts the screener supplied are compared: a
 * fact left empty neither raises nor lowers the answer, so the answer says nothing about the
 * alert's value for it.
 */
export function weighFacts(nameScore: number, query: PersonQuery, candidate: PersonCandidate): Facts {
  let score = nameScore;
  const reasons: ScreeningReason[] = [];
  const conflicts: FactReason[] = [];
  const note = (code: FactReason, delta: number) => {
    score += delta;
    reasons.push(factReason(code));
  };
  if (query.dateOfBirth && candidate.dateOfBirth) {
    if (query.dateOfBirth === candidate.dateOfBirth) note('dob_agrees', DOB_AGREES);
    else if (datesClose(query.dateOfBirth, candidate.dateOfBirth)) note('dob_close', DOB_CLOSE);
    else {
      note('dob_differs', DOB_DIFFERS);
      conflicts.push('dob_differs');
    }
  }
  if (query.nationality && candidate.nationality) {
    if (query.nationality === candidate.nationality) note('nationality_agrees', NATIONALITY_AGREES);
    else note('nationality_differs', NATIONALITY_DIFFERS);
  }
  if (query.sex && (candidate.sex === 'female' || candidate.sex === 'male')) {
    if (query.sex === candidate.sex) reasons.push(factReason('sex_agrees'));
    else {
      note('sex_differs', SEX_DIFFERS);
      conflicts.push('sex_differs');
    }
  }
  if (query.documentNumber && candidate.documentNumbers.length > 0) {
    if (candidate.documentNumbers.includes(query.documentNumber)) {
      score = Math.max(score + DOCUMENT_MATCHES, POSSIBLE_THRESHOLD + 0.05);
      reasons.push(factReason('document_matches'));
    } else {
      note('document_differs', DOCUMENT_DIFFERS);
      conflicts.push('document_differs');
    }
  }
  return { score, reasons, conflicts };
}

/**
 * The decision on a name score and the stated facts. A conflicting date of birth, sex or
 * document number makes a match at most possible; and a name that matches on its own stays
 * at least possible, so that the holding desk, not the officer, rules the conflict out.
 */
export function decideWithFacts(nameScore: number, facts: Facts): { score: number; decision: ScreenDecision; reasons: ScreeningReason[] } {
  let score = Math.round(Math.max(0, Math.min(1, facts.score)) * 1000) / 1000;
  let decision = decide(score);
  const reasons = [...facts.reasons];
  if (facts.conflicts.length > 0) {
    if (decision === 'match' || (decision === 'no_match' && decide(nameScore) === 'match')) {
      decision = 'possible';
      reasons.push(factReason('conflict_caps'));
    }
    if (decision === 'possible') score = Math.max(POSSIBLE_THRESHOLD, Math.min(score, CONFLICT_SCORE_CEILING));
  }
  return { score, decision, reasons };
}

/** Compares the query with every name of each candidate (the best name counts), then weighs the other facts. */
export function scorePersonCandidates(query: PersonQuery, candidates: PersonCandidate[]): ScoredAlert[] {
  // Homonyms often hold the very same stored name: each distinct one is compared once.
  const compared = new Map<string, NameComparison>();
  const compare = (name: string) => compared.get(name) ?? compared.set(name, compareNames(query.name, name)).get(name)!;
  const scored = candidates.map((candidate) => {
    let best: { score: number; reasons: string[] } | null = null;
    for (const name of candidate.names) {
      const comparison = compare(name);
      if (!best || comparison.score > best.score) best = comparison;
    }
    const nameScore = best?.score ?? 0;
    const decided = decideWithFacts(nameScore, weighFacts(nameScore, query, candidate));
    // Reasons are worded only for what is answered: most of a shortlist rescores to no match.
    if (decided.decision === 'no_match') return { alertId: candidate.alertId, score: decided.score, decision: decided.decision, reasons: [] };
    const nameReasons = (best?.reasons ?? []).map(nameReason);
    return { alertId: candidate.alertId, score: decided.score, decision: decided.decision, reasons: [...nameReasons, ...decided.reasons] };
  });
  return scored.sort((a, b) => b.score - a.score);
}
