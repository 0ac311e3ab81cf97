/**
 * Coarse phonetic keys. Everything that the region's transliteration systems render
 * differently is collapsed: č ć ç q ch → c, š → s, ž → z, đ dž dj gj xh → d (ICAO writes D
 * for Đ), lj → l, nj → n, Greek vowel digraphs, μπ/ντ/γγ spellings, j/y/i glides,
 * h after consonants, doubled letters. Two names equal here are spelling variants of
 * each other, unless both sides are written with full diacritics and differ in them.
 */
const VOWEL = 'aeiou';

function collapseDoubles(text: string): string {
  return text.replace(/(.)\1+/gu, '$1');
}

/** Shared steps; `keepMarks` keeps č ć š ž đ dž distinct (for the minimal-pair check). */
function phoneticSkeleton(fine: string, keepMarks: boolean, greekVowels = true): string {
  let out = fine.normalize('NFC').toLowerCase().replace(/ck/gu, 'k');
  out = out.replace(/dž/gu, keepMarks ? 'ǆ' : 'd').replace(/dz/gu, keepMarks ? 'ǆ' : 'd');
  if (!keepMarks) {
    out = out.replace(/đ/gu, 'd').replace(/[čć]/gu, 'c').replace(/š/gu, 's').replace(/ž/gu, 'z');
  }
  out = out
    .replace(/lj/gu, 'l').replace(/nj/gu, 'n')
    .replace(/ph/gu, 'f').replace(/th/gu, 't').replace(/dh/gu, 'd').replace(/kh/gu, 'h')
    .replace(/gh/gu, 'g').replace(/ts/gu, 'c').replace(/x/gu, 'ks')
    .replace(/w/gu, 'v').replace(/q/gu, 'c').replace(/y/gu, 'j');
  // German-issued MRZs write Turkish ö ü as OE UE.
  out = out.replace(/oe/gu, 'o').replace(/ue/gu, 'u');
  // Greek vowel digraphs and cluster spellings, written many ways in Latin.
  out = out.replace(/ou/gu, 'u');
  if (greekVowels) out = out.replace(/oi/gu, 'i').replace(/ei/gu, 'i').replace(/ai/gu, 'e');
  out = out
    .replace(/au/gu, 'av').replace(/eu/gu, 'ev')
    .replace(/mp/gu, 'mb').replace(/nt/gu, 'nd').replace(/gk/gu, 'g').replace(/gg/gu, 'ng');
  out = out.replace(/([bcdfgklmnprstvzǆđčćšž])h/gu, '$1');
  out = readGlides(out);
  return collapseDoubles(out);
}

/**
 * j/i glides: word-initial glide before a vowel drops (Jordanov, Yordanov, Iordanov);
 * a glide between a consonant and o/u drops (Bulgarian ю/йо for Turkish ü/ö);
 * every other j becomes i (Stojanova, Stoianova; Marija, Maria after doubling collapses).
 */
function readGlides(text: string): string {
  // Russian-style ye after a vowel (Alekseyev) is the plain e of Алексеев.
  let out = text.replace(/^[ji](?=[aeou])/u, '').replace(/(?<=[aeiou])j(?=e)/gu, '');
  out = out.replace(/(?<=[^aeiouj])j(?=[ou])/gu, '');
  out = out.replace(/j/gu, 'i');
  return out.replace(/i(?=i)/gu, '');
}

export function coarseKey(fine: string): string {
  return phoneticSkeleton(fine, false).replace(/[^a-z]/gu, '');
}

/**
 * Coarse key that reads Latin ai/ei/oi as two letters (Ivailo = Ивайло, Stoichev = Стойчев),
 * where the main key reads them as Greek vowel digraphs (Aikaterini = Ekaterini).
 */
export function literalCoarseKey(fine: string): string {
  return phoneticSkeleton(fine, false, false).replace(/[^a-z]/gu, '');
}

export function markedKey(fine: string): string {
  return phoneticSkeleton(fine, true).replace(/[^a-zčćšžđǆ]/gu, '');
}

export function isVowel(ch: string): boolean {
  return VOWEL.includes(ch);
}
