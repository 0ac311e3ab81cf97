/**
 * A synthetic population of wanted persons for the screening bench, written from the name
 * engine's lexicon: given names and surnames drawn with a Zipf-like skew (a few names are very
 * common, as in real registers), written as clerks write them (Serbian Cyrillic, ASCII-folded,
 * "SURNAME, Given", with a father's name). Planted queries are genuinely hard true variants of
 * stored names, and hard negatives (another listed surname or given name one or two letters
 * away: Petrović/Petković, Nikola/Nikolina) of the same stored names. Labels come from how the
 * variant was made, never from the engine.
 */
import { foldToAscii } from '../../src/matching';
import { GIVEN_NAME_GROUPS } from '../../src/matching/lexicon/given-names';
import { SURNAMES } from '../../src/matching/lexicon/surnames';
import { editDistance } from '../../src/matching/typo';

/** Deterministic pseudo-random numbers, so that runs compare. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Random = () => number;

/** Sampler of ranks 0..n-1 with weight 1/(rank + offset): the head is common, the tail long. */
function zipf(n: number, offset: number) {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    total += 1 / (i + offset);
    cumulative[i] = total;
  }
  return (next: Random): number => {
    const target = next() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] ?? 0) < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

const LATIN_TO_CYRILLIC: [string, string][] = [
  ['dž', 'џ'], ['lj', 'љ'], ['nj', 'њ'], ['a', 'а'], ['b', 'б'], ['v', 'в'], ['g', 'г'], ['d', 'д'], ['đ', 'ђ'], ['e', 'е'], ['ž', 'ж'],
  ['z', 'з'], ['i', 'и'], ['j', 'ј'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['r', 'р'], ['s', 'с'],
  ['t', 'т'], ['ć', 'ћ'], ['u', 'у'], ['f', 'ф'], ['h', 'х'], ['c', 'ц'], ['č', 'ч'], ['š', 'ш'],
];

const capitalise = (text: string) => text.split(' ').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');

/** Serbian Latin → Serbian Cyrillic, for words whose letters allow it; null otherwise. */
function toCyrillic(text: string): string | null {
  let rest = text.toLowerCase();
  let out = '';
  while (rest.length > 0) {
    if (rest.startsWith(' ')) {
      out += ' ';
      rest = rest.slice(1);
      continue;
    }
    const pair = LATIN_TO_CYRILLIC.find(([latin]) => rest.startsWith(latin));
    if (!pair) return null;
    out += pair[1];
    rest = rest.slice(pair[0].length);
  }
  return capitalise(out);
}

/** Letter-for-letter respellings of South Slavic letters, as other systems write them. */
const SPELLINGS: Record<string, Record<string, string>> = {
  /** ICAO-style passport Latin: Đ → DJ, the rest folded. */
  dj: { đ: 'dj', č: 'c', ć: 'c', š: 's', ž: 'z' },
  /** English-style transcription. */
  english: { đ: 'dj', č: 'ch', ć: 'ch', š: 'sh', ž: 'zh' },
  /** Albanian orthography: Gjorgjeviq, Xhafer. */
  albanian: { đ: 'gj', č: 'ç', ć: 'q', š: 'sh', ž: 'zh' },
};

function respell(text: string, system: Record<string, string>): string {
  const lower = text.toLowerCase().replace(/dž/gu, system === SPELLINGS.albanian ? 'xh' : 'dž');
  let out = '';
  for (const ch of lower) out += system[ch] ?? ch;
  return capitalise(out.replace(/dž/gu, system === SPELLINGS.english ? 'dzh' : 'dz'));
}

export interface Person {
  given: string;
  middle: string | null;
  surname: string;
  /** Given-name group (lexicon line) and surname entry, for hard negatives. */
  givenGroup: number;
  surnameEntry: number;
  female: boolean;
}

export interface WrittenPerson {
  person: Person;
  name: string;
  dateOfBirth: string;
}

function feminineSurname(surname: string): string {
  if (/(ski|cki)$/u.test(surname)) return `${surname.slice(0, -1)}a`;
  if (/(ov|ev)$/u.test(surname)) return `${surname}a`;
  if (/[^aeiou]os$/u.test(surname)) return `${surname.slice(0, -2)}ou`;
  return surname;
}

export function createPopulation(seed: number) {
  const next = seededRandom(seed);
  const pickGroup = zipf(GIVEN_NAME_GROUPS.length, 20);
  const pickSurname = zipf(SURNAMES.length, 50);
  const pickForm = (count: number) => Math.min(count - 1, Math.floor(next() ** 2 * count));

  function drawPerson(): Person {
    const givenGroup = pickGroup(next);
    const group = GIVEN_NAME_GROUPS[givenGroup]!;
    const surnameEntry = pickSurname(next);
    const spellings = SURNAMES[surnameEntry]!;
    const female = group.gender === 'f';
    const surname = spellings[pickForm(spellings.length)]!;
    const middleGroup = next() < 0.12 ? GIVEN_NAME_GROUPS[pickGroup(next)] : undefined;
    return {
      given: group.forms[pickForm(group.forms.length)]!,
      middle: middleGroup?.gender === 'm' ? middleGroup.forms[0]! : null,
      surname: female ? feminineSurname(surname) : surname,
      givenGroup,
      surnameEntry,
      female,
    };
  }

  /** As a clerk enters it: mostly as spelled, sometimes Cyrillic, ASCII-folded or "SURNAME, Given". */
  function write(person: Person): string {
    const words = [person.given, ...(person.middle ? [person.middle] : []), person.surname];
    const plain = words.join(' ');
    const roll = next();
    if (roll < 0.12) return toCyrillic(plain) ?? plain;
    if (roll < 0.22) return capitalise(foldToAscii(plain));
    if (roll < 0.3) return `${person.surname.toUpperCase()}, ${words.slice(0, -1).join(' ')}`;
    return plain;
  }

  function drawWritten(): WrittenPerson {
    const person = drawPerson();
    const year = 1950 + Math.floor(next() * 55);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    return { person, name: write(person), dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
  }

  return { drawWritten, next };
}

const LISTED_GIVEN = new Set(GIVEN_NAME_GROUPS.flatMap((group) => group.forms.map((form) => foldToAscii(form))));

/** One keyboard slip in the middle of a given name (not the first letter, not the final vowel). */
function typo(word: string, next: Random): string | null {
  const letters = [...word];
  if (letters.length < 5) return null;
  const at = 1 + Math.floor(next() * (letters.length - 3));
  const kind = next();
  const out = [...letters];
  if (kind < 0.4) [out[at], out[at + 1]] = [out[at + 1]!, out[at]!];
  else if (kind < 0.7) out.splice(at, 1);
  else out.splice(at, 0, out[at]!);
  const result = out.join('');
  // A slip that writes another listed name is another name, not a variant.
  return result !== word && !LISTED_GIVEN.has(foldToAscii(result)) ? result : null;
}

export interface PlantedQuery {
  name: string;
  kind: string;
}

/** A hard true variant of a stored name; the kind says how it was made. */
export function trueVariant(written: WrittenPerson, next: Random): PlantedQuery {
  const { person } = written;
  const words = (given: string) => [given, ...(person.middle ? [person.middle] : []), person.surname].join(' ');
  const stored = written.name;
  const storedIsCyrillic = /[\u0400-\u04FF]/u.test(stored);
  const options: Array<() => PlantedQuery | null> = [
    () => {
      if (storedIsCyrillic) return { name: capitalise(foldToAscii(words(person.given))), kind: 'cyrillic→ascii' };
      const cyrillic = toCyrillic(words(person.given));
      return cyrillic && cyrillic !== stored ? { name: cyrillic, kind: 'latin→cyrillic' } : null;
    },
    () => ({ name: respell(words(person.given), SPELLINGS.dj!), kind: 'icao dj/ascii' }),
    () => ({ name: respell(words(person.given), SPELLINGS.albanian!), kind: 'albanian spelling' }),
    () => ({ name: respell(words(person.given), SPELLINGS.english!), kind: 'english ch/sh/zh' }),
    () => ({ name: `${person.surname} ${person.given}${person.middle ? ` ${person.middle}` : ''}`, kind: 'order swap' }),
    () => ({ name: `${foldToAscii(person.surname).toUpperCase()}, ${capitalise(foldToAscii(person.given))}`, kind: 'SURNAME, Given folded' }),
    () => {
      const slipped = typo(person.given, next);
      return slipped ? { name: words(slipped), kind: 'given-name typo' } : null;
    },
    () => ({ name: person.middle ? `${person.given} ${person.surname}` : `${person.given} Ivan ${person.surname}`, kind: 'middle name added/dropped' }),
    () => {
      const cyrillic = toCyrillic(`${person.surname} ${person.given}`);
      return cyrillic ? { name: cyrillic, kind: 'cyrillic + order swap' } : null;
    },
  ];
  const start = Math.floor(next() * options.length);
  for (let i = 0; i < options.length; i += 1) {
    const made = options[(start + i) % options.length]!();
    if (made && made.name.toLowerCase() !== stored.toLowerCase()) return made;
  }
  return { name: person.surname + ' ' + person.given, kind: 'order swap' };
}

/** Listed spellings one edit apart: the neighbours a hard negative is made from. */
function neighbours(spellings: string[][], maxDistance: number): Map<string, string[]> {
  const flat = [...new Set(spellings.flatMap((entry, id) => entry.map((spelling) => `${id}\u0000${spelling}`)))];
  const folded = flat.map((item) => foldToAscii(item.split('\u0000')[1]!));
  const byFirst = new Map<string, number[]>();
  folded.forEach((word, i) => byFirst.set(word.charAt(0), [...(byFirst.get(word.charAt(0)) ?? []), i]));
  const out = new Map<string, string[]>();
  for (const indexes of byFirst.values()) {
    for (const i of indexes) {
      const [idI, spellingI] = flat[i]!.split('\u0000') as [string, string];
      for (const j of indexes) {
        const [idJ, spellingJ] = flat[j]!.split('\u0000') as [string, string];
        if (idI === idJ || Math.abs(folded[i]!.length - folded[j]!.length) > maxDistance) continue;
        if (folded[i] === folded[j]) continue;
        if (editDistance(folded[i]!, folded[j]!) <= maxDistance) out.set(spellingI, [...(out.get(spellingI) ?? []), spellingJ]);
      }
    }
  }
  return out;
}

let surnameNeighbours: Map<string, string[]> | undefined;
let givenNeighbours: Map<string, string[]> | undefined;

/**
 * A hard negative of a stored person: another listed surname one letter away
 * (Petrović/Petković), or another listed given name one or two letters away
 * (Nikola/Nikolina, Marko/Mirko), everything else as the stored name.
 */
export function hardNegative(written: WrittenPerson, next: Random): PlantedQuery | null {
  surnameNeighbours ??= neighbours(SURNAMES, 1);
  givenNeighbours ??= neighbours(GIVEN_NAME_GROUPS.map((group) => group.forms), 2);
  const { person } = written;
  const baseSurname = person.surname;
  const otherSurnames = surnameNeighbours.get(baseSurname) ?? [];
  const otherGiven = givenNeighbours.get(person.given) ?? [];
  const preferSurname = next() < 0.6;
  if ((preferSurname || otherGiven.length === 0) && otherSurnames.length > 0) {
    return { name: `${person.given} ${otherSurnames[Math.floor(next() * otherSurnames.length)]}`, kind: 'other listed surname' };
  }
  if (otherGiven.length > 0) {
    return { name: `${otherGiven[Math.floor(next() * otherGiven.length)]} ${person.surname}`, kind: 'other listed given name' };
  }
  return null;
}
