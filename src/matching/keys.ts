import { lookupGivenName } from './lexicon';
import { familyStem } from './surname-family';
import { parseName } from './tokens';
import type { NameToken } from './types';

export const MAX_INDEX_KEYS = 8;
/** Pair keys per name: a three-word name makes 3 word pairs, each with its cognate-group variants. */
export const MAX_PAIR_KEYS = 12;
const MIN_KEY_LENGTH = 3;

/** What one word contributes to keys: its main skeleton, the cognate group, alternative skeletons. */
interface WordKeys {
  skeleton: string | null;
  group: string | null;
  alternatives: string[];
  /** The Albanian indefinite form of a word in the definite (Arbeni → Arben, Marku → Mark): pairs only. */
  indefinite: string | null;
}

/** Mirrors the engine's definite-form relation (token-compare.ts) on skeletons. */
function indefiniteOf(skeleton: string | null): string | null {
  if (skeleton === null || skeleton.length < 4) return null;
  const stem = skeleton.slice(0, -1);
  const last = stem.slice(-1);
  if ('aeiou'.includes(last)) return null;
  return skeleton.endsWith('i') || (skeleton.endsWith('u') && 'kgh'.includes(last)) ? stem : null;
}

function skeletonOf(coarse: string | undefined): string | null {
  const stem = familyStem(coarse ?? '');
  return stem.length >= MIN_KEY_LENGTH ? stem : null;
}

function analyse(name: string): WordKeys[] {
  const tokens: NameToken[] = parseName(name).filter((t) => !t.isInitial);
  return tokens.map((token) => {
    const group = lookupGivenName(token.coarseForms)[0];
    const skeleton = skeletonOf(token.coarseForms[0]);
    const alternatives = token.coarseForms
      .slice(1, 3)
      .map(skeletonOf)
      .filter((key): key is string => key !== null && key !== skeleton);
    return { skeleton, group: group ? `given${group.groupId}` : null, alternatives, indefinite: indefiniteOf(skeleton) };
  });
}

/**
 * Coarse retrieval keys for a database index. Per word: its phonetic skeleton with the
 * surname gender ending normalised (so Trajkovska meets Trajkovski, Đorđević meets
 * Djordjevic, Gjorgjeviq, Ђорђевић), and for known given names the cognate group
 * (so Gjorgji meets Georgi). A variant of a name shares at least one key with it.
 */
export function nameIndexKeys(name: string): string[] {
  try {
    const keys: string[] = [];
    const add = (key: string | null): void => {
      if (key !== null && !keys.includes(key)) keys.push(key);
    };
    const words = analyse(name);
    for (const word of words) add(word.skeleton && `n:${word.skeleton}`);
    for (const word of words) add(word.group && `g:${word.group}`);
    for (const word of words) for (const alternative of word.alternatives) add(`n:${alternative}`);
    return keys.slice(0, MAX_INDEX_KEYS);
  } catch {
    return [];
  }
}

/** An order-insensitive key for two word keys: "Petrović Marko" and "Marko Petrović" share it. */
function pairKey(a: string, b: string): string | null {
  if (a === b) return null;
  return a < b ? `p:${a}+${b}` : `p:${b}+${a}`;
}

/**
 * Combined keys: for every two words of a name, the pair of their skeletons, and of the
 * cognate group of one with the skeleton (or group) of the other, in either order
 * (`p:marko+petrovic`, `p:given12+petrovic`). A true variant keeps a pair of words (order
 * swaps, scripts, a father's name added or dropped, a cognate given name), so it shares a pair
 * key; a pair key is held by few alerts even when each of its words is common, which makes
 * it the selective first step of retrieval. Skeletons first, then groups, then the alternative
 * readings of ambiguous words and Albanian indefinite forms; at most MAX_PAIR_KEYS, deterministic.
 */
export function nameIndexKeyPairs(name: string): string[] {
  try {
    const words = analyse(name);
    const keys: string[] = [];
    const add = (a: string | null, b: string | null): void => {
      const key = a !== null && b !== null ? pairKey(a, b) : null;
      if (key !== null && !keys.includes(key)) keys.push(key);
    };
    const eachPair = (visit: (x: WordKeys, y: WordKeys) => void): void => {
      for (let i = 0; i < words.length; i += 1) for (let j = i + 1; j < words.length; j += 1) visit(words[i]!, words[j]!);
    };
    eachPair((x, y) => add(x.skeleton, y.skeleton));
    eachPair((x, y) => {
      add(x.group, y.skeleton);
      add(x.skeleton, y.group);
      add(x.group, y.group);
    });
    const others = (word: WordKeys): string[] => [...word.alternatives, ...(word.indefinite ? [word.indefinite] : [])];
    eachPair((x, y) => {
      for (const other of others(x)) add(other, y.skeleton ?? y.group);
      for (const other of others(y)) add(x.skeleton ?? x.group, other);
      for (const a of others(x)) for (const b of others(y)) add(a, b);
    });
    return keys.slice(0, MAX_PAIR_KEYS);
  } catch {
    return [];
  }
}

/** Everything an index stores for one name: the single keys, then the pair keys. */
export function nameRetrievalKeys(name: string): string[] {
  return [...nameIndexKeys(name), ...nameIndexKeyPairs(name)];
}
