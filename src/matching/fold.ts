import { cyrillicToFine, detectCyrillicLanguage } from './cyrillic';
import { greekToElot } from './greek';
import { memoizeByString } from './memo';
import { charScript } from './script';

/** Letters that NFD does not decompose into base + mark. */
const SPECIAL_ASCII: Record<string, string> = {
  đ: 'd', Đ: 'D', ı: 'i', ł: 'l', Ł: 'L', ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O',
  œ: 'oe', Œ: 'OE', þ: 'th', ð: 'd', ħ: 'h',
};

/** Trim, collapse whitespace, NFC, and unify Romanian cedilla ş ţ to comma-below ș ț. */
export function normalizeNameForDisplay(name: string): string {
  return name
    .normalize('NFC')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/[ş]/gu, 'ș').replace(/[Ş]/gu, 'Ș').replace(/[ţ]/gu, 'ț').replace(/[Ţ]/gu, 'Ț')
    .replace(/\s+/gu, ' ')
    .trim();
}

function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/**
 * Script-independent ASCII form for trigram search: Cyrillic and Greek are transliterated
 * (Serbian-Latin / ELOT 743), then diacritics are removed (Đ→D as ICAO does). Lowercased.
 */
export const foldToAscii: (name: string) => string = memoizeByString(foldUncached, 50_000);

function foldUncached(name: string): string {
  const display = normalizeNameForDisplay(name);
  const cyrLanguage = detectCyrillicLanguage(display);
  const words = display.split(' ').map((word) => {
    const first = [...word].find((ch) => charScript(ch) !== null) ?? '';
    const script = charScript(first);
    if (script === 'cyrillic') return cyrillicToFine(word, cyrLanguage);
    if (script === 'greek') return greekToElot(word);
    return word;
  });
  const joined = words.join(' ');
  let out = '';
  for (const ch of joined) out += SPECIAL_ASCII[ch] ?? ch;
  return stripMarks(out).toLowerCase().replace(/[^a-z0-9 ,.'-]/gu, '');
}
