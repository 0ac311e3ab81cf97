/**
 * Other systems' spellings of a word, read back into the regional spelling they came from.
 * Each is tried only against what the other name actually writes (its sound keys, which keep
 * š ž č dž apart), never against another guess, so a guess cannot join two unrelated names:
 * - German (older West German passports, visas, police records): sch = š or ž, tsch = č,
 *   z = c, s = z before a vowel, w = v, ch = h (Schelew = Želev, Sarew = Zarev, Tscholakow).
 * - French: j = ž, ch = š, tch = č, dj = dž, ou = u, kh = h, -off = -ov (Jeliazkov, Chopov, Tchernev).
 * - Turkish, of Bosniak, Albanian and Pomak names: c = dž, final t = d, -ettin = -udin
 *   (Cemal = Džemal, Necat = Nedžad, Hayrettin = Hajrudin).
 * - Romanian î and â, one letter before and after the 1993 reform (Cîmpeanu = Câmpeanu).
 * - Soviet-era Moldovan Cyrillic read as Romanian, not Russian: э = ă, я = ea, ы = î, ж = j,
 *   ӂ = g(e/i), ч = c(e/i), and the Russian form -арь = -ari (Кэлугэру = Călugăru, Ротарь = Rotari).
 */
import { latinToFine } from './latin';
import { markedKey } from './phonetic';
import type { Script } from './types';

export interface TranscriptionHints {
  /** Some word of the name is written the German way (w, sch, tsch, -ow, -ew). */
  german: boolean;
  /** Some word of the name is written the French way (ou, tch, kh, -off, -eff). */
  french: boolean;
}

/**
 * How a guess meets the other word: its sound key; its sound key with s/z and š/ž merged
 * (German writes both of each pair alike); or the lowercase ASCII spelling (Romanian).
 */
export type AlternativeLevel = 'sound' | 'german' | 'spelling';

export interface AlternativeReading {
  /** The key of the regional spelling this rendering stands for, at its level. */
  key: string;
  level: AlternativeLevel;
  system: string;
}

/** German transcription writes з and с both s, ж and ш both sch. */
export function germanKey(sound: string): string {
  return sound.replace(/z/gu, 's').replace(/ž/gu, 'š');
}

export const GERMAN_SIGNS = /w|sch|(?:ow|ew|owa|ewa)$/iu;
export const FRENCH_SIGNS = /ou|tch|kh|(?:off|eff|ieff)$/iu;
const SOUTH_SLAVIC_MARKS = /[čćđšž]/iu;

/** The sound key: the phonemic form with č/ć and đ/dž merged (transcriptions do not tell them apart). */
export function soundKey(fine: string): string {
  return markedKey(fine).replace(/ć/gu, 'č').replace(/đ/gu, 'ǆ');
}

function germanSpellings(word: string): string[] {
  return [word
    .replace(/tsch/gu, 'č')
    .replace(/sch/gu, 'š')
    .replace(/ck/gu, 'k')
    .replace(/ch/gu, 'h')
    .replace(/z/gu, 'c')
    .replace(/ss/gu, 's')
    .replace(/w/gu, 'v')];
}

function frenchSpellings(word: string): string[] {
  return [word
    .replace(/tch/gu, 'č').replace(/dj/gu, 'dž').replace(/ch/gu, 'š').replace(/kh/gu, 'h').replace(/j/gu, 'ž')
    .replace(/(?<=[^aeiou])iou(?!$)/gu, 'ju').replace(/(?<=[^aeiou])ia/gu, 'ja').replace(/ou/gu, 'u').replace(/ï/gu, 'j').replace(/eff$/u, 'ev').replace(/off$/u, 'ov')];
}

function turkishSpellings(word: string): string[] {
  if (!/c(?!h)|t$|[ea]t?tin$/u.test(word)) return [];
  const dz = word.replace(/c(?!h)/gu, 'dž');
  return [dz, dz.replace(/[ea]t?tin$/u, 'udin').replace(/t$/u, 'd')];
}

function romanianVowelSpellings(word: string): string[] {
  const inner = word.slice(1, -1);
  if (/â/u.test(inner)) return [word.charAt(0) + inner.replace(/â/gu, 'î') + word.slice(-1)];
  if (/î/u.test(inner)) return [word.charAt(0) + inner.replace(/î/gu, 'â') + word.slice(-1)];
  return [];
}

const MOLDOVAN_LETTERS: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', д: 'd', е: 'e', ж: 'j', з: 'z', и: 'i', й: 'i', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ț', ш: 'ș', э: 'ă', ы: 'î', ь: '', ю: 'iu',
};

/** Moldovan (Soviet-era) or Russian Cyrillic of a Romanian name, back to Romanian Latin. */
export function moldovanToRomanian(word: string): string {
  const letters = [...word.toLowerCase().replace(/рь$/u, 'ри')];
  let out = '';
  letters.forEach((ch, i) => {
    const next = letters[i + 1] ?? '';
    if (ch === 'ч') out += 'еи'.includes(next) ? 'c' : 'ci';
    else if (ch === 'ӂ') out += 'еи'.includes(next) ? 'g' : 'gi';
    else if (ch === 'к') out += 'еи'.includes(next) ? 'ch' : 'c';
    else if (ch === 'г') out += 'еи'.includes(next) ? 'gh' : 'g';
    else if (ch === 'я') out += i === 0 || 'аеиоуэыю'.includes(letters[i - 1] ?? '') ? 'ia' : 'ea';
    else out += MOLDOVAN_LETTERS[ch] ?? ch;
  });
  return out;
}

function soundReadings(spellings: string[], system: string, level: AlternativeLevel): AlternativeReading[] {
  return spellings.flatMap((spelling) => latinToFine(spelling, { romanian: false }).map((fine) => {
    const sound = soundKey(fine);
    return { key: level === 'german' ? germanKey(sound) : sound, level, system };
  }));
}

function spellingReadings(spellings: string[], system: string): AlternativeReading[] {
  return spellings.map((spelling) => ({ key: asciiSpelling(spelling), level: 'spelling' as const, system }));
}

/** Lowercase ASCII letters of a Latin spelling (what `spellingKey` gives for Latin words). */
function asciiSpelling(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/gu, '');
}

/** Alternative readings of one word under the systems above that its writing allows. */
export function alternativeReadings(word: string, script: Script, hints: TranscriptionHints): AlternativeReading[] {
  const lower = word.normalize('NFC').toLowerCase();
  const out: AlternativeReading[] = [];
  if (script === 'cyrillic') {
    if (!/[ђћџљњјѓќѕщъ]/u.test(lower)) out.push(...spellingReadings([moldovanToRomanian(lower)], 'Moldovan Cyrillic / Russian form of a Romanian name'));
  } else if (script === 'latin') {
    const ascii = !SOUTH_SLAVIC_MARKS.test(lower) && !/[ăâîșțşţ]/u.test(lower);
    if (ascii && (hints.german || GERMAN_SIGNS.test(lower))) out.push(...soundReadings(germanSpellings(lower), 'German transcription', 'german'));
    if (ascii && (hints.french || FRENCH_SIGNS.test(lower) || /^j|ch/u.test(lower))) out.push(...soundReadings(frenchSpellings(lower), 'French transcription', 'sound'));
    if (ascii) out.push(...soundReadings(turkishSpellings(lower), 'Turkish rendering', 'sound'));
    out.push(...spellingReadings(romanianVowelSpellings(lower), 'Romanian î/â spelling'));
  }
  const seen = new Set<string>();
  return out.filter((reading) => reading.key.length >= 3 && !seen.has(reading.level + reading.key) && seen.add(reading.level + reading.key));
}
