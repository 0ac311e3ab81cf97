import { describe, expect, it } from 'vitest';
import { loadDevPairs } from './dev-pairs.fixture';
import { MAX_INDEX_KEYS, nameIndexKeys } from './keys';
import { validateNameInput } from './validate';

const shareKey = (a: string, b: string): boolean => {
  const keysA = new Set(nameIndexKeys(a));
  return nameIndexKeys(b).some((key) => keysA.has(key));
};

describe('nameIndexKeys', () => {
  it('meets across scripts, suffixes and gender forms', () => {
    expect(shareKey('Branko Đokić', 'Бранко Ђокић')).toBe(true);
    expect(shareKey('Đokić', 'Gjokiq')).toBe(true);
    expect(shareKey('Trpevska', 'Трпевски')).toBe(true);
    expect(shareKey('Gjorgji', 'Georgios')).toBe(true); // cognate group
  });

  it('stays small and selective', () => {
    for (const name of ['Dejan Milutin Kostić', 'Γεώργιος Ιωάννη Παπαδόπουλος', 'A B', 'Jo Li']) {
      const keys = nameIndexKeys(name);
      expect(keys.length).toBeLessThanOrEqual(MAX_INDEX_KEYS);
      for (const key of keys) expect(key.replace(/^n:/u, '').length).toBeGreaterThanOrEqual(3);
    }
    expect(shareKey('Dejan Kostić', 'Sorin Popescu')).toBe(false);
  });

  it('never throws', () => {
    for (const odd of ['', '\u0000', '🙂', 'x'.repeat(5000), '\uD800']) expect(Array.isArray(nameIndexKeys(odd))).toBe(true);
  });

  const positives = loadDevPairs().filter((pair) => pair.match);
  it.skipIf(positives.length === 0)('recalls ≥ 0.99 of the dev positives', () => {
    const found = positives.filter((pair) => shareKey(pair.a, pair.b)).length;
    expect(found / positives.length).toBeGreaterThanOrEqual(0.99);
  });
});

describe('validateNameInput', () => {
  it.each([
    ['', false], ['   ', false], ['D', false], ['D.', false], ['x'.repeat(201), false], ['Dejan\u0007Kostić', false],
    ['Pаvle Lukić', false], ['Dejan Kostić', true], ['Ђокић Branko', true], ['Σοφία', true],
  ])('%j → ok=%s', (input, ok) => expect(validateNameInput(input).ok).toBe(ok));

  it('gives a reason', () => {
    const result = validateNameInput('');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/empty/u);
  });
});
