import { describe, expect, it } from 'vitest';
import { loadDevPairs } from './dev-pairs.fixture';
import { MAX_INDEX_KEYS, MAX_PAIR_KEYS, nameIndexKeyPairs, nameIndexKeys, nameRetrievalKeys } from './keys';
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

const sharePair = (a: string, b: string): boolean => {
  const pairsA = new Set(nameIndexKeyPairs(a));
  return nameIndexKeyPairs(b).some((key) => pairsA.has(key));
};

describe('nameIndexKeyPairs', () => {
  it('meets in any order, script, with a cognate, a definite form or a father\'s name dropped', () => {
    expect(sharePair('Marko Petrović', 'ПЕТРОВИЋ, Марко')).toBe(true);
    expect(sharePair('Marko Petrović', 'Petrovic Marko')).toBe(true);
    expect(sharePair('Gjorgji Trajkovski', 'Georgi Trajkovska')).toBe(true);
    expect(sharePair('Arben Sylaj', 'Arbeni Sylaj')).toBe(true);
    expect(sharePair('Ивайло Стойчев', 'Ivailo Stoichev')).toBe(true);
    expect(sharePair('Marko Ivan Petrović', 'Marko Petrović')).toBe(true);
  });

  it('parts when either word is another name', () => {
    expect(sharePair('Marko Petrović', 'Marko Petković')).toBe(false);
    expect(sharePair('Nikola Petrović', 'Nikolina Petrović')).toBe(false);
    expect(sharePair('Marko Petrović', 'Petar Marković')).toBe(false);
  });

  it('is bounded, deterministic and made only of single-key parts', () => {
    for (const name of ['Dejan Milutin Kostić', 'Γεώργιος Ιωάννη Παπαδόπουλος', 'Ana Maria Ioana Popescu Ionescu Stan', 'Petrović']) {
      const pairs = nameIndexKeyPairs(name);
      expect(pairs.length).toBeLessThanOrEqual(MAX_PAIR_KEYS);
      expect(nameIndexKeyPairs(name)).toEqual(pairs);
      for (const key of pairs) expect(key).toMatch(/^p:[a-z0-9]{3,}\+[a-z0-9]{3,}$/u);
    }
    expect(nameIndexKeyPairs('Petrović')).toEqual([]);
    expect(nameRetrievalKeys('Marko Petrović')).toEqual([...nameIndexKeys('Marko Petrović'), ...nameIndexKeyPairs('Marko Petrović')]);
    for (const odd of ['', '\u0000', '🙂', 'x'.repeat(5000), '\uD800']) expect(Array.isArray(nameIndexKeyPairs(odd))).toBe(true);
  });

  const positives = loadDevPairs().filter((pair) => pair.match && pair.kind !== 'typo');
  it.skipIf(positives.length === 0)('a pair key is shared by ≥ 0.95 of the dev positives other than typos', () => {
    const found = positives.filter((pair) => sharePair(pair.a, pair.b)).length;
    expect(found / positives.length).toBeGreaterThanOrEqual(0.95);
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
