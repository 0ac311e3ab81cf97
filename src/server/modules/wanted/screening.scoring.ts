import { MATCH_THRESHOLD, POSSIBLE_THRESHOLD, compareNames } from '../../../matching';

export type ScreenDecision = 'match' | 'possible' | 'no_match';

export interface ScoredAlert {
  alertId: string;
  score: number;
  decision: ScreenDecision;
  reasons: string[];
}

export interface PersonQuery {
  name: string;
  dateOfBirth?: string;
  nationality?: string;
}

export interface PersonCandidate {
  alertId: string;
  names: string[];
  dateOfBirth: string | null;
  nationality: string | null;
  documentMatches: boolean;
}

const DOB_AGREES = 0.1;
const DOB_CLOSE = -0.05;
const DOB_DIFFERS = -0.3;
const NATIONALITY_AGREES = 0.03;
const NATIONALITY_DIFFERS = -0.05;
const DOCUMENT_MATCHES = 0.2;

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

/** Adjusts a name score by what else the screener knows, and says why. */
export function adjustForFacts(base: { score: number; reasons: string[] }, query: PersonQuery, candidate: PersonCandidate): { score: number; reasons: string[] } {
  let score = base.score;
  const reasons = [...base.reasons];
  if (query.dateOfBirth && candidate.dateOfBirth) {
    if (query.dateOfBirth === candidate.dateOfBirth) {
      score += DOB_AGREES;
      reasons.push('date of birth agrees');
    } else if (datesClose(query.dateOfBirth, candidate.dateOfBirth)) {
      score += DOB_CLOSE;
      reasons.push('date of birth close (day, month or year off, or day and month swapped)');
    } else {
      score += DOB_DIFFERS;
      reasons.push('date of birth differs');
    }
  }
  if (query.nationality && candidate.nationality) {
    if (query.nationality === candidate.nationality) {
      score += NATIONALITY_AGREES;
      reasons.push('nationality agrees');
    } else {
      score += NATIONALITY_DIFFERS;
      reasons.push('nationality differs');
    }
  }
  if (candidate.documentMatches) {
    score = Math.max(score + DOCUMENT_MATCHES, POSSIBLE_THRESHOLD + 0.05);
    reasons.push("document number matches the alert's");
  }
  return { score: Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000, reasons };
}

/** Compares the query with every name of each candidate (the best name counts), then weighs the other facts. */
export function scorePersonCandidates(query: PersonQuery, candidates: PersonCandidate[]): ScoredAlert[] {
  const scored = candidates.map((candidate) => {
    let best = { score: 0, reasons: ['no name compared'] };
    for (const name of candidate.names) {
      const comparison = compareNames(query.name, name);
      if (comparison.score > best.score || best.reasons[0] === 'no name compared') best = comparison;
    }
    const adjusted = adjustForFacts(best, query, candidate);
    return { alertId: candidate.alertId, score: adjusted.score, decision: decide(adjusted.score), reasons: adjusted.reasons };
  });
  return scored.sort((a, b) => b.score - a.score);
}
