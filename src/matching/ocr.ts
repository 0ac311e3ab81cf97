/**
 * Slips of optical character recognition and of re-keying from scans: letter shapes that
 * read as others (rn/m, cl/d, e/c, l/i/1, vv/w, O/0), and digits inside a word, which are read
 * as the letters they resemble before anything is stripped (K0SANOVIC, Bje1obrk).
 */
const SHAPE_CONFUSIONS: ReadonlyArray<readonly [string, string]> = [
  ['rn', 'm'], ['cl', 'd'], ['e', 'c'], ['l', 'i'], ['vv', 'w'], ['ii', 'u'], ['nn', 'm'],
];

/** The shape confusion that makes one lowercase spelling the other, if it is exactly one. */
export function ocrConfusion(a: string, b: string): string | undefined {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  const hit = SHAPE_CONFUSIONS.find(([p, q]) => (x === p && y === q) || (x === q && y === p));
  return hit ? `${hit[0]}/${hit[1]}` : undefined;
}

const LATIN_LOOKALIKES: Record<string, [string, string]> = {
  0: ['o', 'O'], 1: ['l', 'I'], 2: ['z', 'Z'], 4: ['a', 'A'], 5: ['s', 'S'], 6: ['b', 'G'], 7: ['t', 'T'], 8: ['b', 'B'], 9: ['g', 'g'],
};
const CYRILLIC_LOOKALIKES: Record<string, [string, string]> = {
  0: ['о', 'О'], 3: ['з', 'З'], 4: ['ч', 'Ч'], 6: ['б', 'Б'],
};

/** Digits inside a word that has letters, read as the letter they resemble in the word's case and script. */
export function digitsAsLetters(word: string): string {
  if (!/\d/u.test(word) || !/\p{L}/u.test(word)) return word;
  const cyrillic = /\p{Script=Cyrillic}/u.test(word);
  const upper = word === word.toUpperCase() && /\p{Lu}.*\p{Lu}/u.test(word);
  const table = cyrillic ? CYRILLIC_LOOKALIKES : LATIN_LOOKALIKES;
  return word.replace(/\d/gu, (digit) => table[digit]?.[upper ? 1 : 0] ?? digit);
}
