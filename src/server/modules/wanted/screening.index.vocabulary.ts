/** Words shorter than this are not corrected: one edit away from a 3-letter word is half the vocabulary. */
export const TYPO_MIN_LENGTH = 4;
/** Words held alone are only read under a near spelling beside their partner from this length. */
export const NEAR_PAIR_MIN_LENGTH = 6;

/** The word and every form of it with one letter left out. */
function deletionsOf(word: string): Set<string> {
  const letters = [...word];
  const variants = new Set([word]);
  for (let i = 0; i < letters.length; i += 1) variants.add([...letters.slice(0, i), ...letters.slice(i + 1)].join(''));
  return variants;
}

/** Edit distance with transpositions of neighbours (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const rows = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i += 1) {
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[x.length]![y.length]!;
}

const pairKey = (a: string, b: string) => (a < b ? `p:${a}+${b}` : `p:${b}+${a}`);

/** Both readings of a pair key: each word with its partner. */
function sidesOf(key: string): [string, string][] {
  const [a, b] = key.slice(2).split('+') as [string, string];
  return [[a, b], [b, a]];
}

/** The partners of `word` in the query's pair keys. */
function partnersOf(word: string, keys: string[]): string[] {
  return keys.filter((key) => key.startsWith('p:')).flatMap((key) => sidesOf(key).filter(([a]) => a === word).map(([, b]) => b));
}

/**
 * The index's vocabulary (the distinct word skeletons of its `n:` keys) as a deletion
 * neighbourhood: each word and its one-letter deletions, to the words. A few thousand words
 * hold a million names, so this replaces a trigram search over every stored name.
 */
export class TypoVocabulary {
  private readonly deletions = new Map<string, Set<string>>();

  add(word: string): void {
    if ([...word].length < TYPO_MIN_LENGTH) return;
    for (const variant of deletionsOf(word)) {
      let words = this.deletions.get(variant);
      if (!words) this.deletions.set(variant, (words = new Set()));
      words.add(word);
    }
  }

  remove(word: string): void {
    if ([...word].length < TYPO_MIN_LENGTH) return;
    for (const variant of deletionsOf(word)) {
      const words = this.deletions.get(variant);
      if (!words) continue;
      words.delete(word);
      if (words.size === 0) this.deletions.delete(variant);
    }
  }

  /** The held words at most `reach` edits away from `word` (two at most: the neighbourhood holds one deletion a side), not the word itself. */
  private near(word: string, reach: number): string[] {
    const found = new Set<string>();
    for (const variant of deletionsOf(word)) for (const other of this.deletions.get(variant) ?? []) found.add(other);
    return [...found].filter((other) => other !== word && editDistance(word, other) <= reach);
  }

  /**
   * Keys for a misspelt name: each word of the query that the register does not hold
   * (`held(key)` is false) is replaced by the held words one edit away (two for long words:
   * insertion, deletion, substitution, transposition of neighbours), found through the deletion
   * neighbourhood (symmetric delete); both as single keys and inside the query's pair keys.
   */
  typoKeys(keys: string[], held: (key: string) => boolean): string[] {
    const found = new Set<string>();
    for (const key of keys) {
      if (!key.startsWith('n:') || held(key)) continue;
      const word = key.slice(2);
      if ([...word].length < TYPO_MIN_LENGTH) continue;
      for (const other of this.near(word, [...word].length >= 8 ? 2 : 1)) {
        found.add(`n:${other}`);
        for (const pair of partnersOf(word, keys)) if (pair !== other) found.add(pairKey(other, pair));
      }
    }
    return [...found];
  }

  /**
   * The held pair keys one word-edit away from the query's pair keys, also for words the
   * register holds: a word whose key is held alone but never beside the query's other word
   * (a surname keyed by another reading of the same letters: Попесцу / Popescu, NUHANOVIC /
   * Nuhanović) is found together with that word under its near spelling. Only pair keys that
   * alerts hold are returned, so the step adds the few alerts holding both words. One edit, and
   * only in words of NEAR_PAIR_MIN_LENGTH letters: in a short word one letter is often another
   * name (Genc / Gent), which the hard negatives of the benchmark showed as a false hit.
   */
  nearPairKeys(keys: string[], held: (key: string) => boolean): string[] {
    const found = new Set<string>();
    for (const key of keys) {
      if (!key.startsWith('p:') || held(key)) continue;
      for (const [word, partner] of sidesOf(key)) {
        if ([...word].length < NEAR_PAIR_MIN_LENGTH) continue;
        for (const other of this.near(word, 1)) {
          const candidate = pairKey(other, partner);
          if (other !== partner && held(candidate)) found.add(candidate);
        }
      }
    }
    return [...found];
  }

  approximateBytes(): number {
    let bytes = 0;
    for (const [variant, words] of this.deletions) bytes += 2 * variant.length + 64 + 16 * words.size;
    return bytes;
  }
}
