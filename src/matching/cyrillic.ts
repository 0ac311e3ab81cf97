/**
 * Cyrillic to a Serbian-Latin-like phonemic form (č ć đ dž š ž lj nj).
 * The language is guessed per name, because letters such as щ or ъ read differently
 * in Bulgarian and Russian, and only Serbian/Macedonian Cyrillic can express đ and ć.
 */
export type CyrillicLanguage = 'sr_mk' | 'bg' | 'ru' | 'generic';

const COMMON: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'ž', з: 'z', и: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'h', ц: 'c', ч: 'č', ш: 'š',
  // Serbian / Montenegrin / Bosnian
  ђ: 'đ', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'ć', џ: 'dž',
  // Macedonian: Ѓ and Ќ are the sounds of Serbian Đ and Ć; Ѕ is dz
  ѓ: 'đ', ќ: 'ć', ѕ: 'dz',
  // Bulgarian / Russian / Ukrainian / Belarusian
  й: 'j', ю: 'ju', я: 'ja', ё: 'jo', ы: 'i', э: 'e', є: 'je', і: 'i', ї: 'ji', ґ: 'g', ў: 'u',
};

export function detectCyrillicLanguage(text: string): CyrillicLanguage {
  const lower = text.toLowerCase();
  if (/[ђћџљњјѓќѕ]/u.test(lower)) return 'sr_mk';
  if (/[ыэё]/u.test(lower)) return 'ru';
  if (/[щъьюяй]/u.test(lower)) return 'bg';
  return 'generic';
}

export function cyrillicToFine(word: string, language: CyrillicLanguage): string {
  // Montenegrin С́ З́ have no precomposed form: after NFC only such stray marks remain.
  const letters = [...word.normalize('NFC').replace(/\p{M}/gu, '').toLowerCase()];
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const ch = letters[i] as string;
    const next = letters[i + 1];
    if (ch === 'д' && next === 'ж') {
      out += 'dž';
      i++;
    } else if (ch === 'щ') {
      out += language === 'ru' ? 'šč' : 'št';
    } else if (ch === 'ъ') {
      out += language === 'ru' ? '' : 'a';
    } else if (ch === 'ь') {
      out += next === 'о' ? 'j' : '';
    } else {
      out += COMMON[ch] ?? ch;
    }
  }
  return out;
}
