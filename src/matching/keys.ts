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
      if (key.length >= MIN_KEY_LENGTH && !keys.includes(key)) keys.push(key);
    };
    const tokens = parseName(name).filter((t) => !t.isInitial);
    for (const token of tokens) add(`n:${familyStem(token.coarseForms[0] ?? '')}`);
    for (const token of tokens) {
      const group = lookupGivenName(token.coarseForms)[0];
      if (group) add(`g:${group.groupId}`);
    }
    for (const token of tokens) for (const form of token.coarseForms.slice(1, 3)) add(`n:${familyStem(form)}`);
    return keys.filter((key) => key.length >= MIN_KEY_LENGTH + 2).slice(0, MAX_INDEX_KEYS);
  } catch {
    return [];
  }
}
