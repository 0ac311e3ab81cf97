/**
 * Folding to one Latin-ASCII search space: Serbian, Macedonian, Bulgarian (and Russian,
 * Ukrainian) Cyrillic and Greek are transliterated, diacritics removed, đ → dj, lower case;
 * anything that is not a letter or digit becomes a space. The stored search column and every
 * query go through the same function, so `безбедност` = `bezbednost` and `Đorđević` = `Djordjevic`.
 */

const cyrillic: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'dj', е: 'e', ё: 'e', ж: 'z', з: 'z', и: 'i', й: 'j', ј: 'j',
  к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'c',
  у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'c', џ: 'dz', ш: 's', щ: 'st', ъ: 'a', ы: 'y', ь: '', э: 'e',
  ю: 'ju', я: 'ja', ѓ: 'gj', ќ: 'kj', ѕ: 'dz', є: 'je', і: 'i', ї: 'ji', ґ: 'g', ў: 'u',
};

const greek: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm',
  ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/** Latin letters that do not decompose into a base letter and a mark. */
const latinSpecial: Record<string, string> = {
  đ: 'dj', ð: 'd', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ŋ: 'n',
};

const cache = new Map<string, string>();

/** The fold of a single character (may be empty or several letters). */
export function foldChar(char: string): string {
  const cached = cache.get(char);
  if (cached !== undefined) return cached;
  const lower = char.toLowerCase();
  let out: string;
  const mapped = latinSpecial[lower] ?? cyrillic[lower];
  if (mapped !== undefined) {
    out = mapped;
  } else {
    const base = lower.normalize('NFD').replace(/\p{M}+/gu, '');
    const greekMapped = greek[base];
    if (greekMapped !== undefined) out = greekMapped;
    else if (/^[a-z0-9]+$/.test(base)) out = base;
    else if (/^\p{M}+$/u.test(lower)) out = '';
    else out = ' ';
  }
  if (cache.size < 5000) cache.set(char, out);
  return out;
}

/** Folds text to the search space. */
export function foldText(text: string): string {
  let out = '';
  for (const char of text) out += foldChar(char);
  return out;
}

/**
 * Folds text and remembers, for each folded character, the index of the original character
 * (UTF-16 offset) it came from: used to highlight matches in the original text.
 */
export function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    const piece = foldChar(char);
    folded += piece;
    for (let i = 0; i < piece.length; i += 1) origin.push(offset);
    offset += char.length;
  }
  return { folded, origin };
}

export const MAX_QUERY_CHARS = 200;
const MAX_QUERY_TOKENS = 8;
const MAX_TOKEN_CHARS = 40;

/** The query as searched: trimmed, capped, folded and split into at most 8 word tokens. */
export function queryTokens(rawQuery: string): { query: string; tokens: string[] } {
  const query = rawQuery.trim().slice(0, MAX_QUERY_CHARS);
  const tokens = [
    ...new Set(
      foldText(query)
        .split(/\s+/)
        .filter((token) => token.length > 0)
        .map((token) => token.slice(0, MAX_TOKEN_CHARS)),
    ),
  ].slice(0, MAX_QUERY_TOKENS);
  return { query, tokens };
}

/** Distinct folded words of a text (for the typo vocabulary). */
export function foldedWords(folded: string, limit = 5000): string[] {
  const words = new Set<string>();
  for (const word of folded.split(/\s+/)) {
    if (word.length >= 3 && word.length <= MAX_TOKEN_CHARS) words.add(word);
    if (words.size >= limit) break;
  }
  return [...words];
}
