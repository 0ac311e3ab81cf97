import { readWord } from '../reading';
import type { NameContext } from '../reading';
import { GIVEN_NAME_GROUPS } from './given-names';
import type { Gender } from './given-names';
import { SURNAMES } from './surnames';
import { familyStem } from '../surname-family';
import { foldToAscii } from '../fold';
import { memoizeByString } from '../memo';

export type { Gender } from './given-names';

export interface GivenNameHit {
  groupId: number;
  gender: Gender;
  /** The lexicon spelling that was met. */
  form: string;
}

const CONTEXTS: NameContext[] = [
  { cyrillicLanguage: 'generic', romanian: false },
  { cyrillicLanguage: 'generic', romanian: true },
];

function keysOf(word: string): string[] {
  const keys = new Set<string>();
  for (const context of CONTEXTS) for (const key of readWord(word, context).coarseForms) keys.add(key);
  return [...keys];
}

function buildGivenIndex(): Map<string, GivenNameHit[]> {
  const index = new Map<string, GivenNameHit[]>();
  GIVEN_NAME_GROUPS.forEach((group, groupId) => {
    for (const form of group.forms) {
      for (const key of keysOf(form)) {
        const hits = index.get(key) ?? [];
        if (!hits.some((hit) => hit.groupId === groupId)) hits.push({ groupId, gender: group.gender, form });
        index.set(key, hits);
      }
    }
  });
  return index;
}

/** Surname index keyed by family stem, so -ski/-ska, -ov/-ova, -os/-ou forms meet. */
function buildSurnameIndex(): Map<string, number> {
  const index = new Map<string, number>();
  SURNAMES.forEach((spellings, surnameId) => {
    for (const spelling of spellings) {
      for (const key of keysOf(spelling)) index.set(familyStem(key), surnameId);
    }
  });
  return index;
}

let givenIndex: Map<string, GivenNameHit[]> | undefined;
let surnameIndex: Map<string, number> | undefined;
let exactGiven: Map<string, Set<number>> | undefined;
let exactSurnames: Map<string, number> | undefined;

/** Lowercase ASCII spelling of one word, as the lexicon's exact indexes key it. */
export const spellingKey: (word: string) => string = memoizeByString((word) => foldToAscii(word).replace(/[^a-z]/gu, ''), 50_000);

function buildExactGiven(): Map<string, Set<number>> {
  const index = new Map<string, Set<number>>();
  GIVEN_NAME_GROUPS.forEach((group, groupId) => {
    for (const form of group.forms) {
      const ids = index.get(spellingKey(form)) ?? new Set<number>();
      ids.add(groupId);
      index.set(spellingKey(form), ids);
    }
  });
  return index;
}

/**
 * Given-name groups these keys spell. When the written spelling is itself a listed form,
 * only its own groups count: Kemal is not Cemal, although Albanian Qemal (= Kemal) and
 * Cemal share a coarse key.
 */
export function lookupGivenName(coarseForms: readonly string[], spelling?: string): GivenNameHit[] {
  const facts = factsOf(coarseForms);
  const key = spelling ?? NO_SPELLING;
  let hits = facts.givenBySpelling.get(key);
  if (!hits) {
    hits = Object.freeze(lookupGivenNameUncached(coarseForms, spelling)) as GivenNameHit[];
    facts.givenBySpelling.set(key, hits);
  }
  return hits;
}

/**
 * Lexicon answers for one word's coarse forms. A parsed word's forms are one frozen array
 * shared by every name that contains the word, so the answers are kept beside that array.
 */
interface FormFacts {
  givenBySpelling: Map<string, GivenNameHit[]>;
  surname?: { id: number | undefined };
  attested?: boolean;
}
const NO_SPELLING = '\u0000';
const factsByForms = new WeakMap<readonly string[], FormFacts>();

function factsOf(coarseForms: readonly string[]): FormFacts {
  let facts = factsByForms.get(coarseForms);
  if (!facts) {
    facts = { givenBySpelling: new Map() };
    // Only frozen arrays are safe to remember by identity.
    if (Object.isFrozen(coarseForms)) factsByForms.set(coarseForms, facts);
  }
  return facts;
}

function lookupGivenNameUncached(coarseForms: readonly string[], spelling?: string): GivenNameHit[] {
  givenIndex ??= buildGivenIndex();
  exactGiven ??= buildExactGiven();
  const hits: GivenNameHit[] = [];
  for (const key of coarseForms) {
    for (const hit of givenIndex.get(key) ?? []) {
      if (!hits.some((h) => h.groupId === hit.groupId)) hits.push(hit);
    }
  }
  const exact = spelling === undefined ? undefined : exactGiven.get(spellingKey(spelling));
  if (!exact) return hits;
  const own = hits.filter((hit) => exact.has(hit.groupId));
  return own.length > 0 ? own : hits;
}

/** Id of the listed surname written exactly so (ASCII-folded), if any. */
export function exactSurname(word: string): number | undefined {
  if (!exactSurnames) {
    exactSurnames = new Map();
    SURNAMES.forEach((spellings, id) => {
      for (const spelling of spellings) exactSurnames?.set(spellingKey(spelling), id);
    });
  }
  return exactSurnames.get(spellingKey(word));
}

/** Id of the attested surname these keys spell, if any. */
export function lookupSurname(coarseForms: readonly string[]): number | undefined {
  const facts = factsOf(coarseForms);
  facts.surname ??= { id: lookupSurnameUncached(coarseForms) };
  return facts.surname.id;
}

function lookupSurnameUncached(coarseForms: readonly string[]): number | undefined {
  surnameIndex ??= buildSurnameIndex();
  for (const key of coarseForms) {
    // Greek feminine -ou is looked up through its masculine -os.
    const candidates = /[^aeiou]u$/u.test(key) ? [key, key.slice(0, -1) + 'os'] : [key];
    for (const candidate of candidates) {
      const id = surnameIndex.get(familyStem(candidate));
      if (id !== undefined) return id;
    }
  }
  return undefined;
}

export function isAttestedName(coarseForms: readonly string[]): boolean {
  const facts = factsOf(coarseForms);
  facts.attested ??= lookupGivenName(coarseForms).length > 0 || lookupSurname(coarseForms) !== undefined
    || coarseForms.some(isDerivedSurname);
  return facts.attested;
}

/** Endings that turn a given name into a surname (coarse keys), longest first. */
const PATRONYMIC_ENDINGS = ['opulos', 'ovski', 'evski', 'ovic', 'evic', 'oski', 'eski', 'escu', 'oglu', 'idis',
  'akis', 'ski', 'ova', 'eva', 'ic', 'ov', 'ev', 'in', 'aj', 'i', 'u'];
let givenStems: Set<string> | undefined;

function buildGivenStems(): Set<string> {
  const stems = new Set<string>();
  for (const group of GIVEN_NAME_GROUPS) {
    for (const form of group.forms) {
      for (const key of keysOf(form)) {
        if (key.length < 3) continue;
        stems.add(key);
        if (/[aeiou]$/u.test(key)) stems.add(key.slice(0, -1));
        if (/[^aeiou][aeo]r$/u.test(key)) stems.add(key.slice(0, -2) + 'r'); // Petar → Petr-ović
        if (/(os|is|as|es)$/u.test(key)) stems.add(key.slice(0, -2)); // Nikos → Nik-, Kostas → Kost-
      }
    }
  }
  return stems;
}

/**
 * A surname built regularly from a listed given name (Milanović, Stojanovski, Hasanaj,
 * Petrescu, Ahmetoğlu, Nikolaidis) is attested even when it is not listed itself.
 */
export function isDerivedSurname(coarse: string): boolean {
  givenStems ??= buildGivenStems();
  for (const ending of PATRONYMIC_ENDINGS) {
    if (!coarse.endsWith(ending)) continue;
    const stem = coarse.slice(0, -ending.length);
    if (stem.length >= 3 && givenStems.has(stem)) return true;
  }
  return false;
}

const ROMANIAN_GIVEN = new Set(['gheorghe', 'ion', 'ioan', 'vasile', 'mircea', 'dumitru', 'nicolae', 'mihai', 'andrei',
  'alexandru', 'ovidiu', 'radu', 'sorin', 'viorel', 'costel', 'liviu', 'marius', 'iulian', 'catalin', 'ionut',
  'constantin', 'andreea', 'mihaela', 'raluca', 'oana', 'ioana', 'florin', 'cristian', 'cristina', 'simona']);

/** Lowercase ASCII given names that mark a Latin name as Romanian (c and g before e/i soften). */
export function isRomanianGivenName(asciiLower: string): boolean {
  return ROMANIAN_GIVEN.has(asciiLower);
}
