import { describe, expect, it } from 'vitest';
import { LABELLED_PAIRS, featuresOfSide, quality } from './overlap.pairs';
import { OVERLAP_THRESHOLD, scoreOverlap } from './overlap.scoring';
import { titleSimilarity } from './overlap.words';

/** The title baseline's threshold: the best it can do on these pairs, so the comparison is fair to it. */
function bestBaseline() {
  let best = { threshold: 0, precision: 0, recall: 0, f1: 0 };
  for (let threshold = 0.05; threshold < 1; threshold += 0.05) {
    const result = quality((pair) => titleSimilarity(pair.a.title, pair.b.title) >= threshold);
    if (result.f1 > best.f1) best = { threshold, ...result };
  }
  return best;
}

describe('overlap quality on the labelled pairs', () => {
  it('finds the same work across languages and scripts and passes over merely similar work, better than the title baseline', () => {
    const ours = quality((pair) => scoreOverlap(featuresOfSide(pair.a), featuresOfSide(pair.b)).score >= OVERLAP_THRESHOLD);
    const baseline = bestBaseline();
    expect(LABELLED_PAIRS.filter((pair) => pair.same).length).toBeGreaterThanOrEqual(10);
    expect(ours.recall).toBeGreaterThanOrEqual(0.9);
    expect(ours.precision).toBeGreaterThanOrEqual(0.9);
    expect(ours.f1).toBeGreaterThan(baseline.f1);
  });

  it('explains a warning with its reasons', () => {
    const [pair] = LABELLED_PAIRS;
    const { reasons } = scoreOverlap(featuresOfSide(pair!.a), featuresOfSide(pair!.b));
    expect(reasons.map((reason) => reason.code)).toEqual(expect.arrayContaining(['economy', 'topics', 'target_groups', 'text']));
    expect(reasons.find((reason) => reason.code === 'text')?.shared).toEqual(expect.arrayContaining(['police', 'firearms']));
  });
});
