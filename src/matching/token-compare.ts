import { exactSurname, isAttestedName, lookupGivenName, lookupSurname, spellingKey } from './lexicon';
import type { GivenNameHit } from './lexicon';
import { areGenderForms, surnameFamily } from './surname-family';
import { memoizeByPair } from './memo';
import { tokenIdentity } from './tokens';
import { typoDistance } from './typo';
import { suffixChange } from './morphology';
import { ocrConfusion } from './ocr';
import { judgeSlip } from './plausibility';
import { germanKey } from './transcriptions';
import { isAlbanianVowelDefinite, isDefiniteForm, isDerivedGivenName } from './given-forms';
import type { NameToken } from './types';

export type TokenRelationKind =
  | 'identical' | 'transliteration' | 'ascii_variant' | 'suffix_variant' | 'lexicon_variant' | 'transcription'
  | 'cognate' | 'definite_form' | 'gender_form' | 'typo' | 'initial' | 'near' | 'different';

export interface TokenRelation {
  kind: TokenRelationKind;
  score: number;
  reason: string;
}

const SCORES: Record<TokenRelationKind, number> = {
  identical: 1, transliteration: 0.98, ascii_variant: 0.95, suffix_variant: 0.95, lexicon_variant: 0.93, transcription: 0.9,
  definite_form: 0.92, cognate: 0.9, gender_form: 0.86, typo: 0.85, initial: 0.8, near: 0.6, different: 0,
};

function relation(kind: TokenRelationKind, reason: string): TokenRelation {
  return { kind, score: SCORES[kind], reason };
}

function quote(token: NameToken): string {
  return `"${token.raw}"`;
}

function pairs(a: NameToken, b: NameToken): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const x of a.coarseForms) for (const y of b.coarseForms) out.push([x, y]);
  return out;
}

function firstLetter(token: NameToken): string {
  return token.coarseForms[0]?.charAt(0) ?? token.raw.toLowerCase().charAt(0);
}

function compareInitial(a: NameToken, b: NameToken): TokenRelation {
  const letterA = (a.fineForms[0] ?? '').charAt(0);
  const letterB = (b.fineForms[0] ?? '').charAt(0);
  const same = letterA === letterB || firstLetter(a) === firstLetter(b);
  return same
    ? relation('initial', `${quote(a)} ~ ${quote(b)}: initial agrees`)
    : relation('different', `${quote(a)} ≠ ${quote(b)}: initials differ`);
}

const MARK_BASE: Record<string, string> = { č: 'c', ć: 'c', š: 's', ž: 'z', đ: 'd', ǆ: 'd' };

/** Same length, and every differing letter is a diacritic pair such as s/š or c/ć. */
function differOnlyInMarks(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  return [...a].every((ch, i) => {
    const other = b.charAt(i);
    return ch === other || (MARK_BASE[ch] ?? ch) === (MARK_BASE[other] ?? other);
  });
}

/** Coarse keys meet: a spelling variant, unless both sides carry full diacritics that differ. */
function compareSameSound(a: NameToken, b: NameToken, key: string): TokenRelation {
  if (a.fullyMarked && b.fullyMarked && a.markedKey !== b.markedKey) {
    const stemA = a.markedKey.replace(/[čć]$/u, '');
    const stemB = b.markedKey.replace(/[čć]$/u, '');
    if (stemA === stemB) return relation('suffix_variant', `${quote(a)} ~ ${quote(b)}: -ić/-ič suffix variant`);
    if (!differOnlyInMarks(a.markedKey, b.markedKey)) {
      return relation('typo', `${quote(a)} ~ ${quote(b)}: same name with a typing slip`);
    }
    return relation('different', `${quote(a)} ≠ ${quote(b)}: both written with full diacritics, and the marks differ`);
  }
  if (a.script !== b.script || a.script !== 'latin') {
    return relation('transliteration', `${quote(a)} ~ ${quote(b)}: same name across scripts (${key})`);
  }
  return relation('ascii_variant', `${quote(a)} ~ ${quote(b)}: same name after folding/transcription (${key})`);
}

/** Dejan/Dejana, Florin/Florina, Slavko/Slavka: the feminine of a listed male given name. */
function givenFemaleForm(a: NameToken, b: NameToken, givenA: GivenNameHit[], givenB: GivenNameHit[]): TokenRelation | undefined {
  const feminine = (male: string, other: string): boolean =>
    other === male + 'a' || other === male + 'ina' || (/[oe]$/u.test(male) && other === male.slice(0, -1) + 'a');
  const x = spellingKey(a.raw);
  const y = spellingKey(b.raw);
  const maleA = givenA.some((hit) => hit.gender === 'm') && feminine(x, y);
  const maleB = givenB.some((hit) => hit.gender === 'm') && feminine(y, x);
  if (!maleA && !maleB) return undefined;
  return relation('different', `${quote(a)} ≠ ${quote(b)}: the given name changes gender`);
}

function compareByLexicon(a: NameToken, b: NameToken): TokenRelation | undefined {
  const givenA = lookupGivenName(a.coarseForms, a.raw);
  const givenB = lookupGivenName(b.coarseForms, b.raw);
  const shared = givenA.find((hit) => givenB.some((other) => other.groupId === hit.groupId));
  if (shared && isDerivedGivenName(spellingKey(a.raw), spellingKey(b.raw))) {
    return relation('different', `${quote(a)} ≠ ${quote(b)}: one given name is built from the other (another name)`);
  }
  if (shared) return relation('cognate', `${quote(a)} ~ ${quote(b)}: cognate/colloquial forms of one given name (${shared.form})`);
  const surnameA = lookupSurname(a.coarseForms);
  const surnameB = lookupSurname(b.coarseForms);
  if (surnameA !== undefined && surnameA === surnameB && !pairs(a, b).some(([x, y]) => areGenderForms(x, y))) {
    return relation('lexicon_variant', `${quote(a)} ~ ${quote(b)}: listed spellings of one surname`);
  }
  const femaleForm = givenFemaleForm(a, b, givenA, givenB);
  if (femaleForm) return femaleForm;
  if (givenA.length > 0 && givenB.length > 0) {
    const genders = givenA[0]?.gender !== givenB[0]?.gender ? ' (different gender)' : '';
    return relation('different', `${quote(a)} ≠ ${quote(b)}: different given names${genders}`);
  }
  return undefined;
}

function compareForms(a: NameToken, b: NameToken): TokenRelation {
  const all = pairs(a, b);
  if (all.some(([x, y]) => isDefiniteForm(x, y)) || isAlbanianVowelDefinite(a.raw, b.raw)) {
    return relation('definite_form', `${quote(a)} ~ ${quote(b)}: Albanian definite/indefinite form`);
  }
  if (all.some(([x, y]) => areGenderForms(x, y))) {
    return relation('gender_form', `${quote(a)} ~ ${quote(b)}: gender forms of one surname`);
  }
  const [x, y] = all[0] ?? ['', ''];
  const familyA = surnameFamily(x);
  const familyB = surnameFamily(y);
  if (familyA !== familyB && familyA !== 'other' && familyB !== 'other' && x.length >= 5 && y.length >= 5) {
    return relation('different', `${quote(a)} ≠ ${quote(b)}: different surname families (-${familyA} / -${familyB})`);
  }
  if (albanianAjDiffers(a, b)) {
    return relation('different', `${quote(a)} ≠ ${quote(b)}: an Albanian -aj surname is another family`);
  }
  const surnameA = lookupSurname(a.coarseForms);
  const surnameB = lookupSurname(b.coarseForms);
  if (surnameA !== undefined && surnameB !== undefined && surnameA !== surnameB) {
    return relation('different', `${quote(a)} ≠ ${quote(b)}: two different attested surnames`);
  }
  const attestedA = isAttestedName(a.coarseForms);
  const attestedB = isAttestedName(b.coarseForms);
  if (attestedA && attestedB) return relation('different', `${quote(a)} ≠ ${quote(b)}: two different attested names`);
  return compareSpellings(a, b, all, attestedA, attestedB);
}

/** Two adjacent letters swapped: a slip of the fingers, which real surname pairs rarely are. */
function isTransposition(x: string, y: string): boolean {
  if (x.length !== y.length) return false;
  const differing = [...x].map((ch, i) => (ch === y.charAt(i) ? -1 : i)).filter((i) => i >= 0);
  const [first, second] = differing;
  return differing.length === 2 && first !== undefined && second === first + 1 && x.charAt(first) === y.charAt(second) && x.charAt(second) === y.charAt(first);
}

/**
 * Unexplained spellings: an OCR shape confusion, a change of surname ending (never a typo), or
 * a typing distance judged by the surname model: one slip apart is a typo only when one of the
 * two spellings is an unlikely surname; two plausible spellings are likely two surnames.
 */
function compareSpellings(a: NameToken, b: NameToken, all: Array<[string, string]>, attestedA: boolean, attestedB: boolean): TokenRelation {
  const spellA = spellingKey(a.raw);
  const spellB = spellingKey(b.raw);
  const ocr = ocrConfusion(a.raw.toLowerCase(), b.raw.toLowerCase());
  if (ocr !== undefined && Math.min(spellA.length, spellB.length) >= 4) {
    return relation('typo', `${quote(a)} ~ ${quote(b)}: an OCR/keying slip (${ocr})`);
  }
  // Typing distance on the phonetic keys and on the written (ASCII-folded) spellings: a
  // transposition such as Radivojveić is one slip in writing, two in the key.
  const candidates: Array<[string, string]> = [[spellA, spellB], ...all];
  const distances = candidates.map(([p, q]) => typoDistance(p, q));
  const distance = Math.min(...distances);
  const shortest = Math.min(...all.map(([p, q]) => Math.min(p.length, q.length)));
  if (shortest < 4 || distance > 2) return relation('different', `${quote(a)} ≠ ${quote(b)}: different names`);
  const change = candidates.map(([x, y]) => suffixChange(x, y)).find((found) => found !== undefined);
  if (change) {
    return relation('different', `${quote(a)} ≠ ${quote(b)}: another ${change.region} surname ending (-${change.from} / -${change.to}), not a typo`);
  }
  if (distance > 1) return relation('near', `${quote(a)} ? ${quote(b)}: similar, but not a known variant`);
  if (isTransposition(spellA, spellB) || all.some(([p, q]) => isTransposition(p, q))) {
    return relation('typo', `${quote(a)} ~ ${quote(b)}: two letters swapped (a typing slip)`);
  }
  // Given names are a nearly closed set: a slip of a listed one is a slip (another given name
  // one letter away would be listed). The surname model judges surnames.
  const listedGiven = lookupGivenName(a.coarseForms, a.raw).length > 0 || lookupGivenName(b.coarseForms, b.raw).length > 0;
  if (listedGiven) return relation('typo', `${quote(a)} ~ ${quote(b)}: one typing slip of a listed given name`);
  // The model knows coarse keys: judge the closest pair of keys, or else the spellings.
  const closestKeys = distances.findIndex((value, i) => i > 0 && value === distance);
  const [x, y] = candidates[closestKeys > 0 ? closestKeys : 0] ?? [spellA, spellB];
  const judgement = judgeSlip(x, y, attestedA, attestedB);
  if (judgement.bothPlausible) {
    return relation('near', `${quote(a)} ? ${quote(b)}: one letter apart, but both read as plausible surnames of the region (possibly two families)`);
  }
  const unlikely = judgement.unlikely === 0 ? a : b;
  return relation('typo', `${quote(a)} ~ ${quote(b)}: one typing slip apart (${quote(unlikely)} is an unlikely spelling)`);
}

/** Hoxha/Hoxhaj, Hoti/Hotaj: the -aj ending makes another Albanian surname. */
function albanianAjDiffers(a: NameToken, b: NameToken): boolean {
  const x = spellingKey(a.raw);
  const y = spellingKey(b.raw);
  if (x.endsWith('aj') === y.endsWith('aj')) return false;
  const [aj, other] = x.endsWith('aj') ? [x, y] : [y, x];
  return aj.length >= 5 && other.length >= 3 && other.slice(0, 2) === aj.slice(0, 2);
}

/** Two different listed surnames that differ only in a doubled letter (Pappas/Papas, Karras/Karas). */
function listedSpellingsDiffer(a: NameToken, b: NameToken): boolean {
  if (a.script !== 'latin' || b.script !== 'latin') return false;
  const single = (word: string): string => spellingKey(word).replace(/(.)\1+/gu, '$1');
  if (single(a.raw) !== single(b.raw)) return false;
  const idA = exactSurname(a.raw);
  const idB = exactSurname(b.raw);
  return idA !== undefined && idB !== undefined && idA !== idB;
}

const compareTokensCached = memoizeByPair((a: NameToken, b: NameToken) => Object.freeze(compareTokensUncached(a, b)), 200_000);

/**
 * How two name tokens relate; never throws. Kept per pair of written words and their
 * readings: a screening meets the same query words against the same popular words often.
 */
export function compareTokens(a: NameToken, b: NameToken): TokenRelation {
  const identityA = tokenIdentity(a);
  const identityB = tokenIdentity(b);
  if (identityA === undefined || identityB === undefined) return compareTokensUncached(a, b);
  return compareTokensCached(identityA, identityB, a, b);
}

function compareTokensUncached(a: NameToken, b: NameToken): TokenRelation {
  if (a.isInitial || b.isInitial) return compareInitial(a, b);
  if (a.raw.toLowerCase() === b.raw.toLowerCase()) return relation('identical', `${quote(a)} = ${quote(b)}`);
  if (listedSpellingsDiffer(a, b)) return relation('different', `${quote(a)} ≠ ${quote(b)}: two different listed surnames`);
  // One side ASCII: if folding makes the two identical, the ASCII form is a rendering of the other.
  if (a.script === 'latin' && b.script === 'latin' && spellingKey(a.raw) === spellingKey(b.raw)) {
    return compareSameSound(a, b, spellingKey(a.raw));
  }
  if (bulgarianLetterDiffers(a, b)) {
    return relation('different', `${quote(a)} ≠ ${quote(b)}: in Cyrillic ъ and а/у are different letters (another family)`);
  }
  const sharedFine = a.fineForms.find((form) => b.fineForms.includes(form));
  if (sharedFine !== undefined) return compareSameSound(a, b, sharedFine);
  const sharedCoarse = a.coarseForms.find((form) => b.coarseForms.includes(form));
  if (sharedCoarse !== undefined) return compareSameSound(a, b, sharedCoarse);
  const transcription = sharedTranscription(a, b) ?? sharedTranscription(b, a);
  if (transcription) return relation('transcription', `${quote(a)} ~ ${quote(b)}: ${transcription}`);
  return compareByLexicon(a, b) ?? compareForms(a, b);
}

/** One word, read under another system's rules, spells exactly what the other word writes. */
function sharedTranscription(guessed: NameToken, written: NameToken): string | undefined {
  if (guessed.alternatives.length === 0) return undefined;
  const spelling = written.script === 'latin' ? spellingKey(written.raw) : undefined;
  const hit = guessed.alternatives.find((reading) => {
    if (reading.level === 'spelling') return reading.key === spelling;
    if (reading.level === 'german') return written.soundKeys.some((key) => germanKey(key) === reading.key);
    return written.soundKeys.includes(reading.key);
  });
  return hit ? `${quote(guessed)} is the ${hit.system} of ${quote(written)}` : undefined;
}

/**
 * Bulgarian ъ is its own letter: in Cyrillic, Пъров and Паров are two families, although
 * Latin folding makes them one. Not when one side is Serbian/Macedonian Cyrillic (which has no
 * ъ and writes а for it) or both are forms of one listed given name (Петър / Петар).
 */
function bulgarianLetterDiffers(a: NameToken, b: NameToken): boolean {
  if (a.script !== 'cyrillic' || b.script !== 'cyrillic' || a.fullyMarked || b.fullyMarked) return false;
  const x = [...a.raw.toLowerCase()];
  const y = [...b.raw.toLowerCase()];
  if (x.length !== y.length) return false;
  const differing = x.map((ch, i) => [ch, y[i] ?? ''] as const).filter(([p, q]) => p !== q);
  if (differing.length === 0 || !differing.every(([p, q]) => (p === 'ъ' && 'ау'.includes(q)) || (q === 'ъ' && 'ау'.includes(p)))) return false;
  const givenA = lookupGivenName(a.coarseForms, a.raw);
  return !lookupGivenName(b.coarseForms, b.raw).some((hit) => givenA.some((other) => other.groupId === hit.groupId));
}
