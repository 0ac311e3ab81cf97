import { KEY_CANDIDATE_LIMIT, KEY_CANDIDATE_MAX, KEY_FREQUENCY_CAP, type KeyCandidates } from './screening.queries';

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
    if (list.length === 0) this.postings.delete(posting.key);
  }

  /** A rough size: the id and key strings, the posting arrays and the slot objects. */
  approximateBytes(): number {
    let bytes = 0;
    for (const [key, posting] of this.postings) bytes += 2 * key.length + 80 + 8 * posting.slots.length;
    for (const slot of this.slots) if (slot) bytes += 2 * slot.id.length + 120 + 8 * slot.postings.length;
    return bytes;
  }

  /** The same answer as the SQL `candidatesByKeys` (screening.queries.ts), from memory. */
  candidatesByKeys(keys: string[], now: Date, options: { dateOfBirth?: string; limit?: number; cap?: number } = {}): KeyCandidates {
    if (keys.length === 0) return { alertIds: [], commonKeys: [], foundKeys: [] };
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
    const ranked = [...chosen]
      .map(([slot, score]) => ({ slot: this.slots[slot]!, score }))
      .filter(({ slot }) => slot.active && slot.validFrom <= at && slot.validUntil > at)
      .sort((a, b) => b.score - a.score || sameBirth(b.slot) - sameBirth(a.slot));
    const alertIds = ranked
      .filter((item, i) => i < limit || item.score >= threshold)
      .slice(0, KEY_CANDIDATE_MAX)
      .map((item) => item.slot.id);
    return { alertIds, commonKeys, foundKeys };
  }
}
