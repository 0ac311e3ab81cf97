import { lookupGivenName } from './lexicon';
import { familyStem } from './surname-family';
import { parseName } from './tokens';

export const MAX_INDEX_KEYS = 8;
const MIN_KEY_LENGTH = 3;

/**
 * Coarse retrieval keys for a database index. Per word: its phonetic skeleton with the
 * surname gender ending normalised (so Trajkovska meets Trajkovski, Đorđević meets
 * Djordjevic, Gjorgjeviq, Ђорђевић), and for known given names the cognate group
 * (so Gjorgji meets Georgi). A variant of a name shares at least one key with it.
 */
export function nameIndexKeys(name: string): string[] {
  try {
    const keys: string[] = [];
    const add = (key: string): void => {
      if (!keys.includes(key)) keys.push(key);
    };
    const addSkeleton = (coarse: string): void => {
      const stem = familyStem(coarse);
      if (stem.length >= MIN_KEY_LENGTH) add(`n:${stem}`);
    };
    const tokens = parseName(name).filter((t) => !t.isInitial);
    for (const token of tokens) addSkeleton(token.coarseForms[0] ?? '');
    for (const token of tokens) {
      const group = lookupGivenName(token.coarseForms)[0];
      if (group) add(`g:given${group.groupId}`);
    }
    for (const token of tokens) for (const form of token.coarseForms.slice(1, 3)) addSkeleton(form);
    return keys.slice(0, MAX_INDEX_KEYS);
  } catch {
    return [];
  }
}
