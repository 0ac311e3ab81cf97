/**
 * How likely a spelling is as a surname of the region, without a closed list: a character
 * trigram model (interpolated with bigrams and letters) over coarse keys, learned from every
 * listed surname and from the public most-common-surname lists (`lexicon/surname-frequency.ts`).
 * It answers "one letter apart" for surnames no list holds: a typing slip turns a surname into
 * a spelling much less likely than the original (Kelmnedi, Milosveic), while two real surnames a
 * letter apart are about equally likely (Danev/Danchev, Kokkinis/Kokkinos).
 */
import { SURNAMES } from './lexicon/surnames';
import { frequencyListSurnames } from './lexicon/surname-frequency';
import { readWord } from './reading';

const START = '^';
const END = '$';
/** Interpolation weights for trigram, bigram and letter estimates. */
const WEIGHTS = [0.6, 0.3, 0.1] as const;
const LETTERS = 27;

export interface SurnameModel {
  trigrams: Map<string, number>;
  bigrams: Map<string, number>;
  unigrams: Map<string, number>;
  contexts2: Map<string, number>;
  contexts1: Map<string, number>;
  total: number;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** A model learned from coarse keys (any script read to the same ASCII form). */
export function trainSurnameModel(keys: Iterable<string>): SurnameModel {
  const model: SurnameModel = { trigrams: new Map(), bigrams: new Map(), unigrams: new Map(), contexts2: new Map(), contexts1: new Map(), total: 0 };
  for (const key of keys) {
    const text = `${START}${START}${key}${END}`;
    for (let i = 2; i < text.length; i += 1) {
      const [a, b, c] = [text.charAt(i - 2), text.charAt(i - 1), text.charAt(i)];
      bump(model.trigrams, a + b + c);
      bump(model.contexts2, a + b);
      bump(model.bigrams, b + c);
      bump(model.contexts1, b);
      bump(model.unigrams, c);
      model.total += 1;
    }
  }
  return model;
}

/** Natural-log probability of each letter (and the end) of a coarse key given the two before it. */
export function letterLogProbabilities(model: SurnameModel, key: string): number[] {
  const text = `${START}${START}${key}${END}`;
  const out: number[] = [];
  for (let i = 2; i < text.length; i += 1) {
    const [a, b, c] = [text.charAt(i - 2), text.charAt(i - 1), text.charAt(i)];
    const p3 = (model.trigrams.get(a + b + c) ?? 0) / (model.contexts2.get(a + b) || 1);
    const p2 = (model.bigrams.get(b + c) ?? 0) / (model.contexts1.get(b) || 1);
    const p1 = ((model.unigrams.get(c) ?? 0) + 1) / (model.total + LETTERS);
    out.push(Math.log(WEIGHTS[0] * p3 + WEIGHTS[1] * p2 + WEIGHTS[2] * p1));
  }
  return out;
}

/** Log-likelihood of a whole coarse key. */
export function surnameLogLikelihood(model: SurnameModel, key: string): number {
  return letterLogProbabilities(model, key).reduce((sum, value) => sum + value, 0);
}

const TRAINING_CONTEXT = { cyrillicLanguage: 'generic', romanian: false } as const;

/** Coarse keys of every listed surname spelling and every frequency-list surname. */
export function trainingKeys(): string[] {
  const words = [...SURNAMES.flat(), ...frequencyListSurnames()];
  const keys = new Set<string>();
  for (const word of words) {
    const romanian = /(escu|eanu|[ăâîșț])/iu.test(word);
    const key = readWord(word, { ...TRAINING_CONTEXT, romanian }).coarseForms[0];
    if (key) keys.add(key);
  }
  return [...keys];
}

let shared: SurnameModel | undefined;

/** The model of the region's surnames, built once on first use (a few milliseconds). */
export function surnameModel(): SurnameModel {
  shared ??= trainSurnameModel(trainingKeys());
  return shared;
}

/**
 * The least likely letter of each spelling around the place where two spellings differ (the
 * letters that differ and the two after them, whose trigram contexts change): the evidence for
 * or against a slip is there, not in the rest of the word.
 */
export function weakestLettersAtDifference(a: string, b: string, model: SurnameModel = surnameModel()): [number, number] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix += 1;
  const local = (word: string): number => {
    const letters = letterLogProbabilities(model, word); // one per letter, then the end
    const from = Math.max(1, prefix);
    const to = Math.min(letters.length - 1, word.length - suffix + 2);
    const window = letters.slice(from, to + 1);
    return window.length > 0 ? Math.min(...window) : 0;
  };
  return [local(a), local(b)];
}

/**
 * Thresholds on the least likely letter around the difference (natural log). Both unknown:
 * calibrated with `fixtures/calibrate-plausibility.ts` (a model learned from one half of the
 * training surnames; random slips of the other half against pairs of its real surnames one slip
 * apart): at −4.25 about 0.7 of slips read as slips while about 0.8 of real pairs stay apart —
 * a miss costs a 'possible' answer, a false match costs more. One side listed: the unlisted one
 * must look more convincing to be taken for another family (−3.25, where that script reads 0.9
 * of slips as slips; chosen so that slips of listed surnames in the first holdout stay matches).
 */
export const IMPLAUSIBLE_WHEN_BOTH_UNKNOWN = -4.25;
export const IMPLAUSIBLE_WHEN_ONE_LISTED = -3.25;

export interface SlipJudgement {
  /** Both spellings read as plausible surnames: likely two families, not a slip. */
  bothPlausible: boolean;
  /** The side (0 or 1) that reads as the unlikely spelling, when not both plausible. */
  unlikely: 0 | 1;
}

/** Judge two coarse keys one slip apart; a listed side is plausible by definition. */
export function judgeSlip(a: string, b: string, listedA: boolean, listedB: boolean): SlipJudgement {
  const [localA, localB] = weakestLettersAtDifference(a, b);
  const threshold = listedA || listedB ? IMPLAUSIBLE_WHEN_ONE_LISTED : IMPLAUSIBLE_WHEN_BOTH_UNKNOWN;
  const plausibleA = listedA || localA >= threshold;
  const plausibleB = listedB || localB >= threshold;
  return { bothPlausible: plausibleA && plausibleB, unlikely: plausibleA ? 1 : localA < localB ? 0 : 1 };
}
