import type { Script } from './types';

const CYRILLIC = /[\u0400-\u04FF\u0500-\u052F]/u;
const GREEK = /[\u0370-\u03FF\u1F00-\u1FFF]/u;
const LATIN = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/u;

/** Script of one character, or null for marks, digits, punctuation. */
export function charScript(ch: string): Exclude<Script, 'mixed' | 'none'> | null {
  if (CYRILLIC.test(ch)) return 'cyrillic';
  if (GREEK.test(ch)) return 'greek';
  if (LATIN.test(ch)) return 'latin';
  return null;
}

/** Script of a text: the single script of its letters, 'mixed' if several, 'none' if no letters. */
export function detectScript(text: string): Script {
  const seen = new Set<string>();
  for (const ch of text) {
    const script = charScript(ch);
    if (script) seen.add(script);
  }
  if (seen.size === 0) return 'none';
  if (seen.size > 1) return 'mixed';
  return [...seen][0] as Script;
}

/** True when some single word mixes scripts (e.g. a Cyrillic "а" inside a Latin word). */
export function hasMixedScriptWord(text: string): boolean {
  return text.split(/[\s,]+/u).some((word) => detectScript(word) === 'mixed');
}
