import { detectCyrillicLanguage } from './cyrillic';
import { foldToAscii, normalizeNameForDisplay } from './fold';
import { looksRomanian } from './latin';
import { FRENCH_SIGNS, GERMAN_SIGNS } from './transcriptions';
import { isRomanianGivenName } from './lexicon';
import { memoizeByString } from './memo';
import { digitsAsLetters } from './ocr';
import { readWord } from './reading';
import type { NameContext, WordReading } from './reading';
import type { NameToken } from './types';

export const MAX_TOKENS = 6;
const MAX_INPUT = 400;
const GREEK_LATIN_ENDING = /(poulos|poulou|akis|idis|idou|ou)$/u;
const GREEK_LATIN_NOMINATIVE = /(os|is|as)$/u;

function splitWords(text: string): string[] {
  return text
    .split(/[\s\-‐–—_/]+/u)
    .map((word) => digitsAsLetters(word).replace(/[^\p{L}\p{M}.']/gu, '').replace(/'/gu, ''))
    .filter((word) => /\p{L}/u.test(word));
}

/** "SURNAME, Given Middle" → words in "Given Middle SURNAME" order, surname flagged. */
function orderedWords(display: string): Array<{ word: string; surname: boolean }> {
  const commaAt = display.indexOf(',');
  if (commaAt < 0) return splitWords(display).map((word) => ({ word, surname: false }));
  const surnames = splitWords(display.slice(0, commaAt));
  const given = splitWords(display.slice(commaAt + 1));
  if (given.length === 0) return surnames.map((word) => ({ word, surname: false }));
  return [...given.map((word) => ({ word, surname: false })), ...surnames.map((word) => ({ word, surname: true }))];
}

function nameContext(display: string, words: string[]): NameContext {
  const asciiWords = words.map((word) => foldToAscii(word));
  const romanian =
    words.some(looksRomanian) || asciiWords.some((w) => isRomanianGivenName(w) || /(escu|eanu)$/u.test(w));
  const hints = { german: asciiWords.some((w) => GERMAN_SIGNS.test(w)), french: asciiWords.some((w) => FRENCH_SIGNS.test(w)) };
  return { cyrillicLanguage: detectCyrillicLanguage(display), romanian, hints };
}

/** Latin names that read as Greek (Papadopoulos, Oikonomou) write k as c: Economou. */
function readsAsGreekLatin(asciiWords: string[]): boolean {
  return asciiWords.some((w) => (w.length >= 6 && GREEK_LATIN_ENDING.test(w)) || (w.length >= 7 && GREEK_LATIN_NOMINATIVE.test(w)));
}

/** Words recur across names (given names, common surnames): their readings are kept. */
const readWordCached = memoizeByString((key: string): WordReading => {
  const [language, flags, word] = key.split('\u0000') as [NameContext['cyrillicLanguage'], string, string];
  const hints = { german: flags.includes('g'), french: flags.includes('f') };
  return deepFreeze(readWord(word, { cyrillicLanguage: language, romanian: flags.includes('r'), hints }));
}, 50_000);

function readingKey(word: string, context: NameContext): string {
  const flags = `${context.romanian ? 'r' : ''}${context.hints?.german ? 'g' : ''}${context.hints?.french ? 'f' : ''}`;
  return `${context.cyrillicLanguage}\u0000${flags}\u0000${word}`;
}

/**
 * What a token is made of besides its place in the name: the written word and the reading
 * of it. Two tokens with the same identity relate to any other token in the same way.
 */
const identities = new WeakMap<NameToken, string>();

export function tokenIdentity(token: NameToken): string | undefined {
  return identities.get(token);
}

function deepFreeze<T extends object>(value: T): T {
  for (const field of Object.values(value)) if (typeof field === 'object' && field !== null) Object.freeze(field);
  return Object.freeze(value);
}

/** One screening compares a query with ~50 stored names; a query and popular names recur. */
const parseCached = memoizeByString((name: string): NameToken[] => Object.freeze(parseUncached(name).map(deepFreeze)) as NameToken[], 20_000);

/** Parse a free-text name into tokens; never throws. The tokens are shared and frozen. */
export function parseName(name: string): NameToken[] {
  return typeof name === 'string' ? parseCached(name.slice(0, MAX_INPUT)) : parseUncached('');
}

function parseUncached(name: string): NameToken[] {
  const display = normalizeNameForDisplay(name);
  const entries = orderedWords(display).slice(0, MAX_TOKENS);
  const words = entries.map((entry) => entry.word.replace(/\./gu, ''));
  const context = nameContext(display, words);
  const greekLatin = readsAsGreekLatin(words.map((w) => foldToAscii(w)));
  const tokens: NameToken[] = [];
  entries.forEach((entry, position) => {
    const word = words[position] ?? '';
    if (word.length === 0) return;
    const slavicSuffix = /(ic|ich|ici)$/iu.test(word);
    const hardC = greekLatin && !slavicSuffix && /^[A-Za-z]+$/u.test(word) ? word.replace(/c(?!h)/giu, 'k') : word;
    const key = readingKey(hardC, context);
    const reading = readWordCached(key);
    const token: NameToken = {
      raw: entry.word,
      script: reading.script,
      isInitial: [...word].length === 1,
      fineForms: reading.fineForms,
      coarseForms: reading.coarseForms,
      markedKey: reading.markedKey,
      fullyMarked: reading.fullyMarked,
      soundKeys: reading.soundKeys,
      alternatives: reading.alternatives,
      position,
      markedSurname: entry.surname,
    };
    identities.set(token, `${key}\u0000${entry.word}`);
    tokens.push(token);
  });
  return tokens;
}
