import { KEY_CANDIDATE_LIMIT, KEY_CANDIDATE_MAX, KEY_FREQUENCY_CAP, type KeyCandidates, capTied } from './screening.queries';
import { TypoVocabulary } from './screening.index.vocabulary';

/** What the index keeps of one alert: its retrieval keys and what decides whether it is screenable. */
export interface IndexedAlert {
  id: string;
  keys: string[];
  active: boolean;
  validFrom: number;
  validUntil: number;
  dateOfBirth: string | null;
}

const DAY_MS = 86_400_000;
const NO_BIRTH = -0x80000000;

/** A date of birth (YYYY-MM-DD) as a day number, so that the slots keep it in an Int32Array. */
function birthDay(date: string | null | undefined): number {
  if (!date) return NO_BIRTH;
  const at = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(at) ? NO_BIRTH : Math.round(at / DAY_MS);
}

function grown<T extends Int32Array | Uint16Array | Uint8Array | Float64Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

/**
 * An in-process copy of the retrieval keys of every person alert (`wanted_name_keys`): per key,
 * the slots of the alerts holding it. It answers `candidatesByKeys` exactly as the SQL does
 * (same weights, same caps, same order), without a round trip or a scan of the postings in the
 * database. The database stays the truth: the index is rebuilt at start and each alert is
 * replaced when a change of it is notified (screening.index.sync.ts).
 *
 * Memory: a slot's fields live in typed arrays (one entry per slot), its keys as key numbers in
 * one pool (a slot's run: `keyStart`, `keyCount`); each key string is held once. A replaced
 * slot's old run stays in the pool until the garbage passes half of it, then the pool is compacted.
 */
export class ScreeningKeyIndex {
  private readonly ids: (string | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];
  private active = new Uint8Array(1024);
  private validFrom = new Float64Array(1024);
  private validUntil = new Float64Array(1024);
  private birth = new Int32Array(1024);
  private keyStart = new Int32Array(1024);
  private keyCount = new Uint16Array(1024);
  private keyPool = new Int32Array(8192);
  private poolUsed = 0;
  private poolGarbage = 0;
  /**
   * Per key number: its string (null once no alert holds it) and the slots holding it — the slot
   * itself when only one does (most pair keys: no array for them).
   */
  private readonly keyIdOf = new Map<string, number>();
  private readonly keyStrings: (string | null)[] = [];
  private readonly postings: (number | number[])[] = [];
  private readonly freeKeys: number[] = [];
  private readonly vocabulary = new TypoVocabulary();

  get size(): number {
    return this.slotOf.size;
  }

  /** Adds, replaces or (with null) removes one alert. */
  put(id: string, alert: IndexedAlert | null): void {
    const existing = this.slotOf.get(id);
    if (existing !== undefined) {
      const start = this.keyStart[existing]!;
      const count = this.keyCount[existing]!;
      for (let i = 0; i < count; i += 1) this.removePosting(this.keyPool[start + i]!, existing);
      this.poolGarbage += count;
      this.keyCount[existing] = 0;
      this.ids[existing] = null;
      this.slotOf.delete(id);
      this.free.push(existing);
    }
    if (this.poolGarbage > 4096 && this.poolGarbage * 2 > this.poolUsed) this.compact();
    if (!alert || alert.keys.length === 0) return;
    const slot = this.free.pop() ?? this.ids.length;
    if (slot === this.ids.length) this.ids.push(null);
    this.ensureSlots(slot + 1);
    this.ids[slot] = id;
    this.active[slot] = alert.active ? 1 : 0;
    this.validFrom[slot] = alert.validFrom;
    this.validUntil[slot] = alert.validUntil;
    this.birth[slot] = birthDay(alert.dateOfBirth);
    const keys = alert.keys.slice(0, 0xffff);
    this.keyPool = grown(this.keyPool, this.poolUsed + keys.length);
    this.keyStart[slot] = this.poolUsed;
    this.keyCount[slot] = keys.length;
    for (const key of keys) {
      let keyId = this.keyIdOf.get(key);
      if (keyId === undefined) keyId = this.addKey(key, slot);
      else {
        const held = this.postings[keyId]!;
        if (typeof held === 'number') this.postings[keyId] = [held, slot];
        else held.push(slot);
      }
      this.keyPool[this.poolUsed++] = keyId;
    }
    this.slotOf.set(id, slot);
  }

  private ensureSlots(length: number): void {
    this.active = grown(this.active, length);
    this.validFrom = grown(this.validFrom, length);
    this.validUntil = grown(this.validUntil, length);
    this.birth = grown(this.birth, length);
    this.keyStart = grown(this.keyStart, length);
    this.keyCount = grown(this.keyCount, length);
  }

  private addKey(key: string, slot: number): number {
    const keyId = this.freeKeys.pop() ?? this.keyStrings.length;
    this.keyStrings[keyId] = key;
    this.postings[keyId] = slot;
    this.keyIdOf.set(key, keyId);
    if (key.startsWith('n:')) this.vocabulary.add(key.slice(2));
    return keyId;
  }

  private removePosting(keyId: number, slot: number): void {
    const held = this.postings[keyId]!;
    if (typeof held !== 'number') {
      const at = held.indexOf(slot);
      if (at >= 0) {
        held[at] = held[held.length - 1]!;
        held.pop();
      }
      if (held.length === 1) this.postings[keyId] = held[0]!;
      return;
    }
    if (held !== slot) return;
    const key = this.keyStrings[keyId]!;
    this.keyIdOf.delete(key);
    if (key.startsWith('n:')) this.vocabulary.remove(key.slice(2));
    this.keyStrings[keyId] = null;
    this.postings[keyId] = -1;
    this.freeKeys.push(keyId);
  }

  private postingLength(keyId: number): number {
    const held = this.postings[keyId]!;
    return typeof held === 'number' ? 1 : held.length;
  }

  /** Moves every live slot's run of keys to the front of a fresh pool. */
  private compact(): void {
    const pool = new Int32Array(Math.max(8192, this.poolUsed - this.poolGarbage));
    let used = 0;
    for (const slot of this.slotOf.values()) {
      const start = this.keyStart[slot]!;
      const count = this.keyCount[slot]!;
      pool.set(this.keyPool.subarray(start, start + count), used);
      this.keyStart[slot] = used;
      used += count;
    }
    this.keyPool = pool;
    this.poolUsed = used;
    this.poolGarbage = 0;
  }

  /**
   * The build at start, from two streams: first every alert's fields, then the key rows in any
   * order (one sequential scan). Keys are numbered as they come; each alert's run is laid down
   * once all its keys are known. Only for an empty index.
   */
  bulkLoad(): { alert: (alert: Omit<IndexedAlert, 'keys'>) => void; key: (alertId: string, key: string) => void; finish: () => void } {
    const staged = new Map<string, { alert: Omit<IndexedAlert, 'keys'>; keys: number[] }>();
    // An alert's key rows were inserted together, so they mostly arrive one after the other.
    let lastId = '';
    let last: { alert: Omit<IndexedAlert, 'keys'>; keys: number[] } | undefined;
    return {
      alert: (alert) => void staged.set(alert.id, { alert, keys: [] }),
      key: (alertId, key) => {
        const entry = alertId === lastId ? last : staged.get(alertId);
        lastId = alertId;
        last = entry;
        if (!entry) return;
        let keyId = this.keyIdOf.get(key);
        if (keyId === undefined) {
          keyId = this.keyStrings.length;
          this.keyStrings[keyId] = key;
          this.postings[keyId] = -1;
          this.keyIdOf.set(key, keyId);
          if (key.startsWith('n:')) this.vocabulary.add(key.slice(2));
        }
        entry.keys.push(keyId);
      },
      finish: () => {
        for (const { alert, keys } of staged.values()) {
          if (keys.length === 0) continue;
          const slot = this.ids.length;
          this.ids.push(alert.id);
          this.ensureSlots(slot + 1);
          this.active[slot] = alert.active ? 1 : 0;
          this.validFrom[slot] = alert.validFrom;
          this.validUntil[slot] = alert.validUntil;
          this.birth[slot] = birthDay(alert.dateOfBirth);
          const run = keys.slice(0, 0xffff);
          this.keyPool = grown(this.keyPool, this.poolUsed + run.length);
          this.keyStart[slot] = this.poolUsed;
          this.keyCount[slot] = run.length;
          for (const keyId of run) {
            const held = this.postings[keyId]!;
            if (held === -1) this.postings[keyId] = slot;
            else if (typeof held === 'number') this.postings[keyId] = [held, slot];
            else held.push(slot);
            this.keyPool[this.poolUsed++] = keyId;
          }
          this.slotOf.set(alert.id, slot);
        }
        staged.clear();
      },
    };
  }

  /** Keys for a misspelt name: the held words one or two edits away (screening.index.vocabulary.ts). */
  typoKeys(keys: string[]): string[] {
    return this.vocabulary.typoKeys(keys, (key) => this.keyIdOf.has(key));
  }

  /** Held pair keys one word-edit away from the query's pairs (screening.index.vocabulary.ts). */
  nearPairKeys(keys: string[]): string[] {
    return this.vocabulary.nearPairKeys(keys, (key) => this.keyIdOf.has(key));
  }

  /** A rough size: the id and key strings, the maps, the posting arrays and the typed arrays. */
  approximateBytes(): number {
    let bytes = this.vocabulary.approximateBytes();
    for (const id of this.slotOf.keys()) bytes += id.length + 32 + 48;
    for (const [key, keyId] of this.keyIdOf) bytes += key.length + 32 + 48 + 8 + (this.postingLength(keyId) > 1 ? 32 + 8 * this.postingLength(keyId) : 0);
    for (const array of [this.active, this.validFrom, this.validUntil, this.birth, this.keyStart, this.keyCount, this.keyPool]) bytes += array.byteLength;
    return bytes + 8 * this.ids.length;
  }

  /** The alerts holding the fewest: how many alerts hold the slot's rarest single word. */
  private rarity(slot: number): number {
    let rarest = Number.MAX_SAFE_INTEGER;
    const start = this.keyStart[slot]!;
    for (let i = start; i < start + this.keyCount[slot]!; i += 1) {
      const keyId = this.keyPool[i]!;
      if (this.keyStrings[keyId]!.startsWith('n:')) rarest = Math.min(rarest, this.postingLength(keyId));
    }
    return rarest;
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
      const keyId = this.keyIdOf.get(key);
      if (keyId === undefined) continue;
      const held = this.postings[keyId]!;
      const list = typeof held === 'number' ? [held] : held;
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
    const queryBirth = options.dateOfBirth === undefined ? NO_BIRTH : birthDay(options.dateOfBirth);
    // Among homonyms, those born on the screened date first, then the rarer name.
    const ranked = [...chosen]
      .filter(([slot]) => this.active[slot] === 1 && this.validFrom[slot]! <= at && this.validUntil[slot]! > at)
      .map(([slot, score]) => ({ slot, score, birth: queryBirth !== NO_BIRTH && this.birth[slot] === queryBirth ? 1 : 0, rarity: this.rarity(slot) }))
      .sort((a, b) => b.score - a.score || b.birth - a.birth || a.rarity - b.rarity);
    const eligible = ranked.filter((item, i) => i < limit || item.score >= threshold).slice(0, KEY_CANDIDATE_MAX);
    return { ...capTied(eligible.map((item) => ({ id: this.ids[item.slot]!, tied: item.score >= threshold })), options.tiedCap), commonKeys, foundKeys };
  }
}
