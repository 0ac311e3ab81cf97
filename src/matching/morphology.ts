/**
 * Surname-forming endings of the region. Two spellings that share a stem and end in two
 * different endings of this table are two surnames, never a typing slip, even when only one
 * letter differs: Danev/Danchev, Spirkoski/Spirkovski, Kokkinis/Kokkinos, Stanciu/Stancu,
 * Pânzaru/Pânzariu, Argyriou/Argyrou, Vrbanić/Vrbančić. Endings are written on the lowercase
 * ASCII spelling and on the coarse key (both are checked), longest first.
 */
const ENDINGS: ReadonlyArray<{ region: string; endings: string[] }> = [
  { region: 'South Slavic', endings: ['ovic', 'evic', 'cic', 'ic', 'ovich', 'evich', 'ich', 'ac', 'ak', 'in', 'ov', 'ev'] },
  { region: 'Macedonian', endings: ['ovski', 'evski', 'oski', 'eski', 'ski', 'ovska', 'evska', 'oska', 'eska', 'ska'] },
  { region: 'Bulgarian', endings: ['chev', 'cev', 'chov', 'cov', 'kov', 'ev', 'ov', 'iev', 'ieva', 'eva', 'ova', 'ski'] },
  { region: 'Greek', endings: ['iopoulos', 'iopulos', 'opoulos', 'opulos', 'idis', 'adis', 'akis', 'iu', 'u', 'is', 'os', 'as', 'es', 'i', 'a'] },
  { region: 'Romanian', endings: ['escu', 'ascu', 'eanu', 'anu', 'ariu', 'aru', 'ciu', 'cu', 'oiu', 'iu', 'u', 'ache', 'achi', 'ica', 'ita', 'ean', 'an'] },
  { region: 'Albanian', endings: ['aj', 'ej', 'i', 'a', 'u', 'iu', 'ku', 'aku', 'llari', 'ari'] },
  { region: 'Turkish', endings: ['oglu', 'ogullari', 'ci', 'li', 'lu', 'er', 'el', 'en', 'an', 'in', 'un'] },
];

export interface SuffixChange {
  stem: string;
  from: string;
  to: string;
  region: string;
}

const MIN_STEM = 3;

function splitsOf(word: string): Array<{ stem: string; ending: string; region: string }> {
  const out: Array<{ stem: string; ending: string; region: string }> = [];
  for (const { region, endings } of ENDINGS) {
    for (const ending of endings) {
      if (word.length - ending.length >= MIN_STEM && word.endsWith(ending)) out.push({ stem: word.slice(0, -ending.length), ending, region });
    }
  }
  return out;
}

/** The two words are one stem with two different endings of one region's table: another surname. */
export function suffixChange(a: string, b: string): SuffixChange | undefined {
  if (a === b) return undefined;
  const splitsB = splitsOf(b);
  let best: SuffixChange | undefined;
  for (const x of splitsOf(a)) {
    for (const y of splitsB) {
      if (y.stem !== x.stem || y.region !== x.region || y.ending === x.ending) continue;
      // The longest pair of endings names the change best (-ciu/-cu rather than -iu/-u).
      if (!best || x.ending.length + y.ending.length > best.from.length + best.to.length) best = { stem: x.stem, from: x.ending, to: y.ending, region: x.region };
    }
  }
  return best;
}
