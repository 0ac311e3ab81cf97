/**
 * Greek to Latin readings. ELOT 743 is the primary reading; alternatives cover what
 * other systems and habits produce (CLDR β→b, η→e, Latinised οι→e, γ before a front
 * vowel → y, word-initial μπ→b and ντ→d). Output uses plain Latin letters.
 */
const SINGLE: Record<string, string[]> = {
  α: ['a'], β: ['v', 'b'], γ: ['g'], δ: ['d'], ε: ['e'], ζ: ['z'], η: ['i', 'e'], θ: ['th'],
  ι: ['i'], κ: ['k'], λ: ['l'], μ: ['m'], ν: ['n'], ξ: ['x'], ο: ['o'], π: ['p'], ρ: ['r'],
  σ: ['s'], ς: ['s'], τ: ['t'], υ: ['y', 'i'], φ: ['f'], χ: ['ch', 'h'], ψ: ['ps'], ω: ['o'],
};
const VOICELESS = new Set([...'θκξπστφχψς']);
const FRONT_VOWELS = new Set([...'εηιυ']);
const MAX_READINGS = 24;

interface GreekLetter {
  base: string;
  diaeresis: boolean;
}

function splitLetters(word: string): GreekLetter[] {
  const letters: GreekLetter[] = [];
  for (const ch of word.toLowerCase().normalize('NFD')) {
    if (ch === '\u0308' && letters.length > 0) {
      (letters[letters.length - 1] as GreekLetter).diaeresis = true;
    } else if (!/\p{M}/u.test(ch)) {
      letters.push({ base: ch, diaeresis: false });
    }
  }
  return letters;
}

/** Reading alternatives for the unit starting at i, and how many letters it spans. */
function readUnit(letters: GreekLetter[], i: number): { readings: string[]; span: number } {
  const cur = (letters[i] as GreekLetter).base;
  const nextLetter = letters[i + 1];
  const next = nextLetter && !nextLetter.diaeresis ? nextLetter.base : '';
  const afterNext = letters[i + 2]?.base ?? '';
  const initial = i === 0;
  const pair = cur + next;
  switch (pair) {
    case 'ου': return { readings: ['ou'], span: 2 };
    case 'αι': return { readings: ['ai', 'e'], span: 2 };
    case 'ει': return { readings: ['ei', 'i'], span: 2 };
    case 'οι': return { readings: initial ? ['oi', 'e', 'i'] : ['oi', 'i'], span: 2 };
    case 'υι': return { readings: ['yi', 'i'], span: 2 };
    case 'αυ': case 'ευ': case 'ηυ': {
      const vowel = cur === 'α' ? 'a' : cur === 'ε' ? 'e' : 'i';
      const unvoiced = afterNext === '' || VOICELESS.has(afterNext);
      return { readings: unvoiced ? [vowel + 'f', vowel + 'v'] : [vowel + 'v', vowel + 'u'], span: 2 };
    }
    case 'μπ': return { readings: initial ? ['b', 'mp'] : ['mp', 'mb'], span: 2 };
    case 'ντ': return { readings: initial ? ['d', 'nt'] : ['nt', 'nd'], span: 2 };
    case 'γγ': return { readings: ['ng', 'gg'], span: 2 };
    case 'γκ': return { readings: initial ? ['g', 'gk'] : ['gk', 'ng'], span: 2 };
    case 'γξ': return { readings: ['nx'], span: 2 };
    case 'γχ': return { readings: ['nch'], span: 2 };
    case 'τζ': return { readings: ['tz', 'dz'], span: 2 };
    default: break;
  }
  if (cur === 'γ' && FRONT_VOWELS.has(next)) return { readings: ['g', 'y'], span: 1 };
  return { readings: SINGLE[cur] ?? [cur], span: 1 };
}

/** All Latin readings of a Greek word, ELOT 743 first, capped in number. */
export function greekReadings(word: string): string[] {
  const letters = splitLetters(word);
  let readings = [''];
  for (let i = 0; i < letters.length; ) {
    const unit = readUnit(letters, i);
    const grown: string[] = [];
    for (const prefix of readings) {
      for (const option of unit.readings) {
        if (grown.length < MAX_READINGS) grown.push(prefix + option);
      }
    }
    readings = grown;
    i += unit.span;
  }
  return readings;
}

/** ELOT 743 transliteration (first reading of every unit). */
export function greekToElot(word: string): string {
  return greekReadings(word)[0] ?? '';
}
