import { cyrillicToFine } from './cyrillic';
import type { CyrillicLanguage } from './cyrillic';
import { greekReadings } from './greek';
import { hasNativeMarks, latinToFine } from './latin';
import { coarseKey, literalCoarseKey, markedKey } from './phonetic';
import { charScript, detectScript } from './script';
import { alternativeReadings, soundKey } from './transcriptions';
import type { AlternativeReading, TranscriptionHints } from './transcriptions';
import type { Script } from './types';

const NO_ALTERNATIVES: AlternativeReading[] = [];

export interface NameContext {
  cyrillicLanguage: CyrillicLanguage;
  romanian: boolean;
  /** Name-level signs of German/French transcription; absent: no alternative readings (lexicon use). */
  hints?: TranscriptionHints;
}

export interface WordReading {
  script: Script;
  fineForms: string[];
  coarseForms: string[];
  markedKey: string;
  fullyMarked: boolean;
  /** Sound keys of the fine forms (č/ć and đ/dž merged, š ž kept). */
  soundKeys: string[];
  /** What the word would stand for under other transcription systems. */
  alternatives: AlternativeReading[];
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** Fine readings of one word by script; a mixed-script word is read letter by letter. */
function fineReadings(word: string, script: Script, context: NameContext): string[] {
  if (script === 'cyrillic') {
    const primary = cyrillicToFine(word, context.cyrillicLanguage);
    // Bulgarian ъ: Streamlined a, BGN/PCGN ŭ (Petur), CLDR generic drops it.
    if (context.cyrillicLanguage !== 'bg' || !/[ъЪ]/u.test(word)) return [primary];
    return [primary, cyrillicToFine(word.replace(/[ъЪ]/gu, 'у'), 'bg')];
  }
  if (script === 'greek') {
    // Greek χ is h in the phonemic alphabet; "ch" would read as č.
    return unique(greekReadings(word).map((r) => latinToFine(r.replace(/ch/gu, 'h'), { romanian: false })[0] ?? ''));
  }
  if (script === 'mixed') {
    let out = '';
    for (const ch of word) {
      const s = charScript(ch);
      if (s === 'cyrillic') out += cyrillicToFine(ch, context.cyrillicLanguage);
      else if (s === 'greek') out += greekReadings(ch)[0] ?? '';
      else out += ch;
    }
    return latinToFine(out, { romanian: context.romanian });
  }
  return latinToFine(word, { romanian: context.romanian });
}

export function readWord(word: string, context: NameContext): WordReading {
  const script = detectScript(word);
  const fineForms = unique(fineReadings(word, script, context));
  const coarseForms = unique([...fineForms.map(coarseKey), ...fineForms.map(literalCoarseKey)]);
  const fullyMarked =
    (script === 'latin' && hasNativeMarks(word)) ||
    (script === 'cyrillic' && context.cyrillicLanguage === 'sr_mk');
  return {
    script,
    fineForms,
    coarseForms,
    markedKey: markedKey(fineForms[0] ?? ''),
    fullyMarked,
    soundKeys: unique(fineForms.map(soundKey)),
    // Only names being compared need them; the lexicon's and the model's own readings do not.
    alternatives: context.hints ? alternativeReadings(word, script, context.hints) : NO_ALTERNATIVES,
  };
}
