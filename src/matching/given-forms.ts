/**
 * Forms of one given name, and given names built from another (which are other names).
 * On lowercase ASCII spellings or coarse keys as stated.
 */

/** Albanian definite form on coarse keys: Agron/Agroni, Gjergj/Gjergji, Mark/Marku. */
export function isDefiniteForm(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1 || !long.startsWith(short) || short.length < 3) return false;
  const ending = long.slice(-1);
  const lastOfShort = short.slice(-1);
  if ('aeiou'.includes(lastOfShort)) return false;
  return ending === 'i' || (ending === 'u' && 'kgh'.includes(lastOfShort));
}

/**
 * Albanian definite forms that change the last vowel, on the written words (so the ë must be
 * written): feminine -ë → -a (Shpresë/Shpresa, Vjollcë/Vjollca) and the unstressed ë of -ër,
 * -ël, -ën dropped before -i (Pjetër/Pjetri, Shtjefën/Shtjefni).
 */
export function isAlbanianVowelDefinite(a: string, b: string): boolean {
  if (!/[ëË]/u.test(a) && !/[ëË]/u.test(b)) return false;
  const [x, y] = [a.toLowerCase().normalize('NFC'), b.toLowerCase().normalize('NFC')];
  const feminine = (indefinite: string, definite: string): boolean =>
    indefinite.endsWith('ë') && definite.endsWith('a') && indefinite.slice(0, -1) === definite.slice(0, -1) && indefinite.length >= 4;
  const masculine = (indefinite: string, definite: string): boolean => {
    const match = /^(.{2,})ë([rln])$/u.exec(indefinite);
    return match !== null && definite === `${match[1]}${match[2]}i`;
  };
  return feminine(x, y) || feminine(y, x) || masculine(x, y) || masculine(y, x);
}

/** Endings that build a new given name from another (Dimitra → Dimitrina, Marija → Marijana). */
const DERIVING_ENDINGS = ['alija', 'ina', 'ana', 'ica', 'ka', 'ko', 'ce'];

/**
 * One spelling is another with a name-building ending (after its final vowel, if any): two
 * names, even when a lexicon line lists both as forms of one (Aleksandra/Aleksandrina).
 */
export function isDerivedGivenName(a: string, b: string): boolean {
  const derives = (base: string, derived: string): boolean => {
    const stem = base.replace(/[aeiou]$/u, '');
    return stem.length >= 3 && DERIVING_ENDINGS.some((ending) => derived === base + ending || derived === stem + ending);
  };
  return a !== b && (derives(a, b) || derives(b, a));
}
