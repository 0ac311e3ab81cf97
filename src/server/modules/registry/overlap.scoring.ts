import type { OverlapReason } from '../../../contract/registry';

/** What the overlap check compares, for a draft and for each stored activity alike. */
export interface OverlapFeatures {
  economies: { code: string; percentage: number }[];
  start: string | null;
  end: string | null;
  topics: string[];
  targetGroups: string[];
  sectors: string[];
  /** Folded names of the implementing organisations. */
  implementers: string[];
  words: string[];
}

/** A warning is shown from this score on (chosen on the labelled pairs of overlap.quality.test.ts). */
export const OVERLAP_THRESHOLD = 0.6;

const WEIGHTS = { economy: 0.25, dates: 0.1, topics: 0.15, target_groups: 0.15, sectors: 0.05, text: 0.2, implementer: 0.1 } as const;

const DAY = 86_400_000;
const shared = (a: string[], b: string[]) => a.filter((value) => b.includes(value));
const jaccard = (a: string[], b: string[]) => {
  const both = shared(a, b).length;
  const either = new Set([...a, ...b]).size;
  return either === 0 ? 0 : both / either;
};

function economyOverlap(a: OverlapFeatures['economies'], b: OverlapFeatures['economies']): { value: number; codes: string[] } {
  let value = 0;
  const codes: string[] = [];
  for (const economy of a) {
    const other = b.find((entry) => entry.code === economy.code);
    if (!other) continue;
    codes.push(economy.code);
    value += Math.min(economy.percentage, other.percentage) / 100;
  }
  return { value: Math.min(1, value), codes };
}

function dateOverlap(a: OverlapFeatures, b: OverlapFeatures): number {
  if (!a.start || !a.end || !b.start || !b.end) return 0;
  const [as, ae, bs, be] = [a.start, a.end, b.start, b.end].map((day) => Date.parse(`${day}T00:00:00Z`)) as [number, number, number, number];
  const overlap = Math.min(ae, be) - Math.max(as, bs) + DAY;
  if (overlap <= 0) return 0;
  return Math.min(1, overlap / (Math.min(ae - as, be - bs) + DAY));
}

/** Dice similarity of word sets, on the smaller set (a short title against a long description still counts). */
function textOverlap(a: string[], b: string[]): { value: number; words: string[] } {
  if (a.length === 0 || b.length === 0) return { value: 0, words: [] };
  const words = shared(a, b);
  const dice = (2 * words.length) / (a.length + b.length);
  const containment = words.length / Math.min(a.length, b.length);
  return { value: Math.min(1, (dice + containment) / 2), words };
}

/**
 * The score (0–1) of two activities looking like the same work, with the reasons that make it up.
 * Activities in different economies or periods rarely duplicate each other, so without a shared
 * economy and an overlapping period the score is halved.
 */
export function scoreOverlap(draft: OverlapFeatures, other: OverlapFeatures): { score: number; reasons: OverlapReason[] } {
  const reasons: OverlapReason[] = [];
  const add = (code: OverlapReason['code'], value: number, sharedValues: string[]) => {
    if (value > 0) reasons.push({ code, weight: Math.round(WEIGHTS[code] * value * 1000) / 1000, shared: sharedValues.slice(0, 12) });
    return WEIGHTS[code] * value;
  };
  const economy = economyOverlap(draft.economies, other.economies);
  const dates = dateOverlap(draft, other);
  const text = textOverlap(draft.words, other.words);
  const implementers = shared(draft.implementers, other.implementers);
  let score =
    add('economy', economy.value, economy.codes) +
    add('dates', dates, dates > 0 ? [`${Math.round(dates * 100)}%`] : []) +
    add('topics', jaccard(draft.topics, other.topics), shared(draft.topics, other.topics)) +
    add('target_groups', jaccard(draft.targetGroups, other.targetGroups), shared(draft.targetGroups, other.targetGroups)) +
    add('sectors', jaccard(draft.sectors, other.sectors), shared(draft.sectors, other.sectors)) +
    add('text', text.value, text.words.map((word) => word.replace(/^~/, ''))) +
    add('implementer', implementers.length > 0 ? 1 : 0, implementers);
  if (economy.value === 0 || (draft.start !== null && other.start !== null && dates === 0)) score /= 2;
  return { score: Math.round(score * 1000) / 1000, reasons: reasons.sort((a, b) => b.weight - a.weight) };
}
