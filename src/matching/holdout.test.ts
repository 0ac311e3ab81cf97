import { describe, expect, it } from 'vitest';
import { evaluatePairs } from './evaluate';
import { loadHoldoutPairs } from './holdout-pairs.fixture';
import { nameIndexKeys } from './keys';

const pairs = loadHoldoutPairs();

describe('held-out labelled pairs (fixtures/pairs-holdout.jsonl)', () => {
  it('is a real set: ≥ 400 pairs, both labels, every dev kind', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(400);
    expect(pairs.some((p) => p.match) && pairs.some((p) => !p.match)).toBe(true);
    expect(new Set(pairs.map((p) => p.kind)).size).toBeGreaterThanOrEqual(31);
  });

  it('keeps precision and recall ≥ 0.95', () => {
    const report = evaluatePairs(pairs);
    const misjudged = report.misjudged.map((m) => `[${m.kind}] ${m.a} | ${m.b} → ${m.decision}`).join('\n');
    expect(report.precision, misjudged).toBeGreaterThanOrEqual(0.95);
    expect(report.recall, misjudged).toBeGreaterThanOrEqual(0.95);
  });

  it('nameIndexKeys recalls ≥ 0.99 of the positives', () => {
    const positives = pairs.filter((p) => p.match);
    const missed = positives.filter((p) => {
      const keysA = new Set(nameIndexKeys(p.a));
      return !nameIndexKeys(p.b).some((key) => keysA.has(key));
    });
    expect(1 - missed.length / positives.length, missed.map((p) => `${p.a} | ${p.b}`).join('\n')).toBeGreaterThanOrEqual(0.99);
  });

  it('nameIndexKeys stays selective on the negatives of different surnames', () => {
    const negatives = pairs.filter((p) => p.kind === 'neg_easy');
    for (const p of negatives) {
      const keysA = new Set(nameIndexKeys(p.a));
      expect(nameIndexKeys(p.b).some((key) => keysA.has(key)), `${p.a} | ${p.b}`).toBe(false);
    }
  });
});
