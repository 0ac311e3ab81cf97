/**
 * Latin-script words to the Serbian-Latin-like phonemic form (č ć đ dž š ž lj nj).
 * Resolves the region's digraph transcriptions (Albanian xh gj q ç sh zh dh th ë,
 * ICAO/English dj ch sh zh kh, German tsch sch w z, Macedonian gj kj, Bulgarian ts),
 * Romanian (ș ț, c/g before e i, ch gh) and Turkish letters.
 */
export interface LatinContext {
  /** The name as a whole reads as Romanian (marks, suffixes, or lexicon). */
  romanian: boolean;
}

const LETTER_MAP: Record<string, string> = {
  ș: 'š', ş: 'š', ă: 'a', â: 'a', î: 'i', ç: 'č', ğ: 'g', ı: 'i', ö: 'o',
  ü: 'u', ë: 'e', ǵ: 'đ', ḱ: 'ć', ő: 'o', ű: 'u', ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l',
  ǆ: 'dž', ǉ: 'lj', ǌ: 'nj',
};
const KEPT = new Set([...'čćđšž']);
const VOWELS = /[aeiou]/u;

/** Lowercase and map letters; keep the five South Slavic letters, strip other marks. */
function baseLetters(word: string): string {
  const lower = word.replace(/İ/gu, 'i').replace(/I/gu, 'i').toLowerCase().normalize('NFC');
  let out = '';
  for (const ch of lower) {
    if (KEPT.has(ch)) out += ch;
    else if (LETTER_MAP[ch] !== undefined) out += LETTER_MAP[ch];
    else out += ch.normalize('NFD').replace(/\p{M}/gu, '');
  }
  return out;
}

/** Ordered digraph rules; longer sequences first. */
const DIGRAPHS: Array<[RegExp, string]> = [
  [/tsch/gu, 'č'], [/dzh/gu, 'dž'], [/tch/gu, 'č'], [/xh/gu, 'dž'], [/sch/gu, 'š'],
  [/dj/gu, 'đ'], [/gj/gu, 'đ'], [/kj/gu, 'ć'], [/sh/gu, 'š'], [/zh/gu, 'ž'], [/kh/gu, 'h'],
  [/dh/gu, 'd'], [/th/gu, 't'], [/ph/gu, 'f'], [/ts/gu, 'c'], [/tz/gu, 'c'], [/^zw/gu, 'cv'],
  [/w/gu, 'v'], [/q/gu, 'ć'], [/x/gu, 'ks'],
];

function romanianReading(word: string): string {
  return word
    .replace(/ch(?=[eiy])/gu, 'k')
    .replace(/gh(?=[eiy])/gu, 'g')
    .replace(/c(?=[eiy])/gu, 'č')
    .replace(/g(?=[eiy])/gu, 'dž')
    .replace(/c/gu, 'k');
}

/** y is the consonant j next to a vowel, the vowel i elsewhere (Greek ELOT, Turkish, Bulgarian). */
function readY(word: string): string {
  return word.replace(/y/gu, (_match, offset: number, whole: string) => {
    const prev = whole[offset - 1] ?? '';
    const next = whole[offset + 1] ?? '';
    return VOWELS.test(prev) || VOWELS.test(next) ? 'j' : 'i';
  });
}

function applyDigraphs(word: string): string {
  let out = word;
  for (const [pattern, replacement] of DIGRAPHS) out = out.replace(pattern, replacement);
  return out;
}

/** Phonemic readings of a Latin word; "ch" is read both as č and as h (Greek χ, Bulgarian х). */
export function latinToFine(word: string, context: LatinContext): string[] {
  // Romanian ț is the sound of Serbian c, but ASCII and MRZ write it T: read both ways.
  if (/[țţȚŢ]/u.test(word)) {
    return [...latinToFine(word.replace(/[țţȚŢ]/gu, 'ʦ'), context),
      ...latinToFine(word.replace(/[țţ]/gu, 't').replace(/[ȚŢ]/gu, 'T'), context)];
  }
  const base = baseLetters(word);
  if (context.romanian) return [readY(applyDigraphs(romanianReading(base))).replace(/ʦ/gu, 'c')];
  if (!base.includes('ch') || base.includes('tch') || base.includes('sch')) {
    return [readY(applyDigraphs(base)).replace(/ʦ/gu, 'c')];
  }
  const asTch = readY(applyDigraphs(base.replace(/ch/gu, 'č')));
  // χ / х / German ch as h: word-initially or after a vowel (Christowa, Vlachos); after a
  // consonant ch is č (Stanchev), or "Stanchev" would read as Stanev.
  const asH = readY(applyDigraphs(base.replace(/(^|[aeiouy])ch/gu, '$1h').replace(/ch/gu, 'č')));
  return [asTch, asH];
}

const NATIVE_MARKS = /[čćđšžǵḱșşțţăâîçğıİöüë]/iu;

/** Written with the diacritics of a regional orthography (so č/ć/c, š/s, đ/d are told apart). */
export function hasNativeMarks(word: string): boolean {
  return NATIVE_MARKS.test(word.normalize('NFC'));
}

const ROMANIAN_MARKS = /[șşțţăâî]/iu;
const ROMANIAN_SUFFIX = /(escu|ascu|eanu|oiu)$/iu;

export function looksRomanian(word: string): boolean {
  return ROMANIAN_MARKS.test(word) || ROMANIAN_SUFFIX.test(word) || /gh[ei]/iu.test(word);
}
