import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluatePairs, parsePairsJsonl } from './evaluate';
import { checkUnlisted } from './fixtures/make-holdout-unlisted';
import { isKnownSurnameSpelling } from './fixtures/unlisted-check';
import { lookupGivenName } from './lexicon';
import { parseName } from './tokens';

export const UNLISTED_HOLDOUT_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'pairs-holdout-unlisted.jsonl');
const pairs = parsePairsJsonl(readFileSync(UNLISTED_HOLDOUT_PATH, 'utf8'));

/** A word of the pair that is neither a listed given name nor a surname the engine knows. */
function hasUnknownSurname(name: string): boolean {
  return parseName(name).some((token) => !token.isInitial && lookupGivenName(token.coarseForms, token.raw).length === 0
    && !isKnownSurnameSpelling(token.raw));
}

describe('unlisted-surname holdout (fixtures/pairs-holdout-unlisted.jsonl)', () => {
  it('uses surnames the engine does not know: none of the declared ones is listed or in the frequency lists', () => {
    expect(checkUnlisted()).toEqual([]);
  });

  it('has a surname the engine does not know in most pairs', () => {
    const unknown = pairs.filter((pair) => hasUnknownSurname(pair.a) || hasUnknownSurname(pair.b)).length;
    expect(unknown / pairs.length).toBeGreaterThanOrEqual(0.7);
  });

  it('is a real set: ≥ 300 pairs, both labels, the issue’s failure patterns as kinds', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(300);
    const kinds = new Set(pairs.map((pair) => pair.kind));
    for (const kind of ['typo', 'ocr_slip', 'neg_surname_similar', 'neg_bg_cyrillic_letter', 'bg_german_transcription',
      'bg_french_transcription', 'tr_rendering', 'md_cyrillic', 'md_russian_form', 'ro_i_a_spelling', 'alb_definite_form', 'surname_gender_form']) {
      expect(kinds.has(kind), kind).toBe(true);
    }
  });

  it('keeps precision and recall ≥ 0.95', () => {
    const report = evaluatePairs(pairs);
    const misjudged = report.misjudged.map((m) => `[${m.kind}] ${m.a} | ${m.b} → ${m.decision}`).join('\n');
    expect(report.precision, misjudged).toBeGreaterThanOrEqual(0.95);
    expect(report.recall, misjudged).toBeGreaterThanOrEqual(0.95);
  });
});
