import { KEY_CANDIDATE_LIMIT, KEY_CANDIDATE_MAX, KEY_FREQUENCY_CAP, type KeyCandidates, capTied } from './screening.queries';

/** Words shorter than this are not corrected: one edit away from a 3-letter word is half the vocabulary. */
const TYPO_MIN_LENGTH = 4;

/** The word and every form of it with one letter left out. */
function deletionsOf(word: string): Set<string> {
  const letters = [...word];
  const variants = new Set([word]);
  for (let i = 0; i < letters.length; i += 1) variants.add([...letters.slice(0, i), ...letters.slice(i + 1)].join(''));
  return variants;
}

/** Edit distance with transpositions of neighbours (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const rows = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i += 1) {
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[x.length]![y.length]!;
}

/** What the index keeps of one alert: its retrieval keys and what decides whether it is screenable. */
export interface IndexedAlert {
  id: string;
  keys: string[];
  active: boolean;
  validFrom: number;
  validUntil: number;
  dateOfBirth: string | null;
}

/** The alerts holding one key; the key string is kept once, here, and shared by every slot. */
interface Posting {
  key: string;
  slots: number[];
}

interface Slot {
  id: string;
  postings: Posting[];
  active: boolean;
  validFrom: number;
  validUntil: number;
  dateOfBirth: string | null;
}

/**
 * An in-process copy of the retrieval keys of every person alert (`wanted_name_keys`): per key,
 * the slots of the alerts holding it. It answers `candidatesByKeys` exactly as the SQL does
 * (same weights, same caps, same order), without a round trip or a scan of the postings in the
 * database. The database stays the truth: the index is rebuilt at start and each alert is
 * replaced when a change of it is notified (screening.index.sync.ts).
 */
export class ScreeningKeyIndex {
  private readonly slots: (Slot | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly postings = new Map<string, Posting>();
  private readonly free: number[] = [];
  /** The vocabulary's deletion neighbourhood: each word (a key's skeleton) and its one-letter deletions, to the words. */
  private readonly deletions = new Map<string, Set<string>>();

  get size(): number {
    return this.slotOf.size;
  }

  /** Adds, replaces or (with null) removes one alert. */
  put(id: string, alert: IndexedAlert | null): void {
    const existing = this.slotOf.get(id);
    if (existing !== undefined) {
      for (const posting of this.slots[existing]!.postings) this.removePosting(posting, existing);
      this.slots[existing] = null;
      this.slotOf.delete(id);
      this.free.push(existing);
    }
    if (!alert || alert.keys.length === 0) return;
    const slot = this.free.pop() ?? this.slots.length;
    const postings: Posting[] = [];
    for (const key of alert.keys) {
      let posting = this.postings.get(key);
      if (!posting) {
        posting = { key, slots: [] };
        this.postings.set(key, posting);
        if (key.startsWith('n:')) this.vocabulary(key.slice(2), 'add');
      }
      posting.slots.push(slot);
      postings.push(posting);
    }
    this.slots[slot] = { id, postings, active: alert.active, validFrom: alert.validFrom, validUntil: alert.validUntil, dateOfBirth: alert.dateOfBirth };
    this.slotOf.set(id, slot);
  }

  private removePosting(posting: Posting, slot: number): void {
    const list = posting.slots;
    const at = list.indexOf(slot);
    if (at >= 0) {
      list[at] = list[list.length - 1]!;
      list.pop();
    }
    if (list.length === 0) {
      this.postings.delete(posting.key);
      if (posting.key.startsWith('n:')) this.vocabulary(posting.key.slice(2), 'remove');
    }
  }

  private vocabulary(word: string, change: 'add' | 'remove'): void {
    if ([...word].length < TYPO_MIN_LENGTH) return;
    for (const variant of deletionsOf(word)) {
      let words = this.deletions.get(variant);
      if (change === 'add') {
        if (!words) this.deletions.set(variant, (words = new Set()));
        words.add(word);
      } else if (words) {
        words.delete(word);
        if (words.size === 0) this.deletions.delete(variant);
      }
    }
  }

  /**
   * Keys for a misspelt name: each word of the query that the register does not hold is
   * replaced by the held words one edit away (two for long words: insertion, deletion,
   * substitution, transposition of neighbours), found through the deletion neighbourhood of the
   * vocabulary (symmetric delete) instead of a trigram search over every stored name; both as
   * single keys and inside the query's pair keys.
   */
  typoKeys(keys: string[]): string[] {
    const found = new Set<string>();
    for (const key of keys) {
      if (!key.startsWith('n:') || this.postings.has(key)) continue;
      const word = key.slice(2);
      if ([...word].length < TYPO_MIN_LENGTH) continue;
      const near = new Set<string>();
      for (const variant of deletionsOf(word)) for (const other of this.deletions.get(variant) ?? []) near.add(other);
      for (const other of near) {
        if (other === word || editDistance(word, other) > ([...word].length >= 8 ? 2 : 1)) continue;
        found.add(`n:${other}`);
        for (const pair of keys) {
          if (!pair.startsWith('p:')) continue;
          const [a, b] = pair.slice(2).split('+') as [string, string];
          const partner = a === word ? b : b === word ? a : null;
          if (partner !== null && partner !== other) found.add(other < partner ? `p:${other}+${partner}` : `p:${partner}+${other}`);
        }
      }
    }
    return [...found];
  }

  /** A rough size: the id and key strings, the posting arrays and the slot objects. */
  approximateBytes(): number {
    let bytes = 0;
    for (const [key, posting] of this.postings) bytes += 2 * key.length + 80 + 8 * posting.slots.length;
    for (const slot of this.slots) if (slot) bytes += 2 * slot.id.length + 120 + 8 * slot.postings.length;
    return bytes;
  }

  /** The same answer as the SQL `candidatesByKeys` (screening.queries.ts), from memory. */
  candidatesByKeys(keys: string[], now: Date, options: { dateOfBirth?: string; limit?: number; cap?: number; tiedCap?: number } = {}): KeyCandidates {
    if (keys.length === 0) return { alertIds: [], droppedIds: [], commonKeys: [], foundKeys: [] };
    const limit = options.limit ?? KEY_CANDIDATE_LIMIT;
    const cap = options.cap ?? KEY_FREQUENCY_CAP;
    const foundKeys: string[] = [];
    const commonKeys: string[] = [];
    const scores = new Map<number, number>();
    let total = 0;
    for (const key of keys) {
      const list = this.postings.get(key)?.slots;
      if (!list || list.length === 0) continue;
      foundKeys.push(key);
      if (list.length > cap) {
        commonKeys.push(key);
        continue;
      }
      const weight = Math.log((10 * KEY_FREQUENCY_CAP) / list.length);
      total += weight;
      for (const slot of list) scores.set(slot, (scores.get(slot) ?? 0) + weight);
    }
    const threshold = total - 1e-9;
    const byScore = [...scores].sort((a, b) => b[1] - a[1]);
    const best = byScore.slice(0, limit * 2);
    const sharingAll = byScore.filter(([, score]) => score >= threshold).slice(0, KEY_CANDIDATE_MAX);
    const chosen = new Map([...best, ...sharingAll]);
    const at = now.getTime();
    const sameBirth = (slot: Slot) => (options.dateOfBirth !== undefined && slot.dateOfBirth === options.dateOfBirth ? 1 : 0);
    // Among homonyms, the rarer name first: the fewer alerts hold its rarest word.
    const rarity = (slot: Slot) => Math.min(...slot.postings.filter((posting) => posting.key.startsWith('n:')).map((posting) => posting.slots.length), Number.MAX_SAFE_INTEGER);
    const ranked = [...chosen]
      .map(([slot, score]) => ({ slot: this.slots[slot]!, score }))
      .filter(({ slot }) => slot.active && slot.validFrom <= at && slot.validUntil > at)
      .map((item) => ({ ...item, birth: sameBirth(item.slot), rarity: rarity(item.slot) }))
      .sort((a, b) => b.score - a.score || b.birth - a.birth || a.rarity - b.rarity);
    const eligible = ranked.filter((item, i) => i < limit || item.score >= threshold).slice(0, KEY_CANDIDATE_MAX);
    return { ...capTied(eligible.map((item) => ({ id: item.slot.id, tied: item.score >= threshold })), options.tiedCap), commonKeys, foundKeys };
  }
}
