/**
 * Surname families by suffix, on coarse keys. Surnames are carried over between
 * languages, not translated: -ić, -ov/-ev, -ski, -escu, -eanu, -oğlu and the Greek
 * endings mark different families (Nikolić ≠ Nikolov ≠ Nikolovski ≠ Nikolaou).
 * Within one family the gender forms meet (-ski/-ska, -ov/-ova, -ev/-eva, -os/-ou, -is/-i, -as/-a).
 */
export type SurnameFamily = 'ic' | 'ski' | 'ov' | 'escu' | 'eanu' | 'oglu' | 'greek' | 'other';

const FAMILY_PATTERNS: Array<[SurnameFamily, RegExp]> = [
  ['ic', /ic$/u],
  ['ski', /[sc]k[ia]$/u],
  ['ov', /[oe]va?$/u],
  ['escu', /[ea]s[ck]u$/u],
  ['oglu', /oglu$/u],
  ['eanu', /anu$/u],
  ['greek', /(opulos|opulu|idis|idu|akis|aki|[^aeiou]os|[aeio]u)$/u],
];

export function surnameFamily(coarse: string): SurnameFamily {
  for (const [family, pattern] of FAMILY_PATTERNS) if (pattern.test(coarse)) return family;
  return 'other';
}

/** The masculine/nominative form of a surname's coarse key, so both gender forms share it. */
export function familyStem(coarse: string): string {
  if (coarse.length < 5) return coarse;
  if (/[sc]ka$/u.test(coarse)) return coarse.slice(0, -1) + 'i';
  if (/[oe]va$/u.test(coarse)) return coarse.slice(0, -1);
  if (/opulu$/u.test(coarse)) return coarse.slice(0, -1) + 'os';
  if (/[aei]du$/u.test(coarse)) return coarse.slice(0, -1) + 'i'; // -idou/-adou → -idis/-adis → -idi/-adi
  if (/[^aeiou]is$/u.test(coarse)) return coarse.slice(0, -1);
  if (/[^aeiou]as$/u.test(coarse)) return coarse.slice(0, -1);
  return coarse;
}

/** The feminine Greek -ou of a masculine -os (Vlachos/Vlachou, Papadopoulos/Papadopoulou). */
function greekOsOu(a: string, b: string): boolean {
  const [os, ou] = a.endsWith('os') ? [a, b] : [b, a];
  return os.endsWith('os') && ou.endsWith('u') && os.slice(0, -2) === ou.slice(0, -1) && os.length >= 5;
}

/** Two coarse surname keys are gender forms of one family name. */
export function areGenderForms(a: string, b: string): boolean {
  if (a === b) return false;
  if (greekOsOu(a, b)) return true;
  const stemA = familyStem(a);
  if (stemA !== familyStem(b) || stemA.length < 4) return false;
  // The stem of -idou/-idis is -idi, which alone names no family: ask the written forms.
  return surnameFamily(stemA) !== 'other' || surnameFamily(a) === 'greek' || surnameFamily(b) === 'greek';
}
