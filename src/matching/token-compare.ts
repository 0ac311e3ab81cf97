import { exactSurname, isAttestedName, lookupGivenName, lookupSurname, spellingKey } from './lexicon';
import type { GivenNameHit } from './lexicon';
import { areGenderForms, surnameFamily } from './surname-family';
import { memoizeByPair } from './memo';
import { tokenIdentity } from './tokens';
import { typoDistance } from './typo';
import type { NameToken } from './types';

export type TokenRelationKind =
  | 'identical' | 'transliteration' | 'ascii_variant' | 'suffix_variant' | 'lexicon_variant'
  | 'cognate' | 'definite_form' | 'gender_form' | 'typo' | 'initial' | 'near' | 'different';

export interface TokenRelation {
  kind: TokenRelationKind;
  score: number;
  reason: string;
}

const SCORES: Record<TokenRelationKind, number> = {
  identical: 1, transliteration: 0.98, ascii_variant: 0.95, suffix_variant: 0.95, lexicon_variant: 0.93,
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

/** Albanian definite form: Agron/Agroni, Gjergj/Gjergji, Mark/Marku. */
function isDefiniteForm(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1 || !long.startsWith(short) || short.length < 3) return false;
  const ending = long.slice(-1);
  const lastOfShort = short.slice(-1);
  if ('aeiou'.includes(lastOfShort)) return false;
  return ending === 'i' || (ending === 'u' && 'kgh'.includes(lastOfShort));
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
  if (all.some(([x, y]) => isDefiniteForm(x, y))) {
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
  // Typing distance on the phonetic keys and on the written (ASCII-folded) spellings: a
  // transposition such as Radivojveić is one slip in writing, two in the key.
  const distance = Math.min(typoDistance(spellingKey(a.raw), spellingKey(b.raw)), ...all.map(([p, q]) => typoDistance(p, q)));
  const shortest = Math.min(...all.map(([p, q]) => Math.min(p.length, q.length)));
  if (distance <= 1 && shortest >= 4) return relation('typo', `${quote(a)} ~ ${quote(b)}: one typing slip apart`);
  if (distance <= 2 && shortest >= 4) return relation('near', `${quote(a)} ? ${quote(b)}: similar, but not a known variant`);
  return relation('different', `${quote(a)} ≠ ${quote(b)}: different names`);
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
  const sharedFine = a.fineForms.find((form) => b.fineForms.includes(form));
  if (sharedFine !== undefined) return compareSameSound(a, b, sharedFine);
  const sharedCoarse = a.coarseForms.find((form) => b.coarseForms.includes(form));
  if (sharedCoarse !== undefined) return compareSameSound(a, b, sharedCoarse);
  return compareByLexicon(a, b) ?? compareForms(a, b);
}
