import type { SearchType } from '../../../contract/portal';
import type { SearchFilters } from './search.queries';
import type { IndexAnswer, IndexQuery, IndexedItem } from './search.index.types';
import { Dictionary, Postings, countBoth, grow, withBit } from './search.index.bits';

export type { IndexAnswer, IndexQuery, IndexedItem } from './search.index.types';

/** The ranking shortlist PostgreSQL rescores (as the SQL path does). */
export const SHORTLIST = 200;
const NO_YEAR = -2_147_483_648;
const TYPES: SearchType[] = ['article', 'document', 'event', 'initiative', 'indicator'];
/** New words are scanned linearly until there are this many, then merged into the sorted list. */
const RECENT_WORDS_LIMIT = 2000;

interface FacetCounts {
  type: Int32Array;
  topic: Int32Array;
  economy: Int32Array;
  language: Int32Array;
  year: Map<number, number>;
}

/**
 * The in-process index of public portal search: postings per folded lexeme (document numbers
 * in typed arrays), and per document its visibility, date, year, type and facet value codes.
 * A changed row gets a new number and its old number dies; dead numbers are compacted away
 * when they pass a quarter of all. Only published rows are held; the publication time is
 * checked at query time, so a scheduled item appears by itself when its time comes.
 */
export class PortalSearchIndex {
  private postings = new Map<string, Postings>();
  private sortedWords: string[] = [];
  private recentWords = new Set<string>();
  private docOf = new Map<string, number>();
  private size = 0;
  private dead = 0;
  private alive = new Uint8Array(1024);
  private typeCode = new Uint8Array(1024);
  private year = new Int32Array(1024);
  private itemDate = new Float64Array(1024);
  private publishAt = new Float64Array(1024);
  private itemIds: string[] = [];
  private titles: string[] = [];
  private facetCodes: { topic: number[][]; economy: number[][]; language: number[][] } = { topic: [], economy: [], language: [] };
  private readonly dictionaries = { topic: new Dictionary(), economy: new Dictionary(), language: new Dictionary() };
  /** Per facet value (by code; years by year) the bitset of documents carrying it: a query's facet counts are popcounts. */
  private facetBits = { type: [] as Uint32Array[], topic: [] as Uint32Array[], economy: [] as Uint32Array[], language: [] as Uint32Array[], year: new Map<number, Uint32Array>() };
  /** Documents in listing order (newest first); rebuilt on the first listing after a change. */
  private latest: Int32Array | null = null;
  /** Total and facets of the whole public listing, valid for `now` in [from, until) until a write. */
  private listing: { from: number; until: number; total: number; facets: IndexAnswer['facets'] } | null = null;

  get count() {
    return this.size - this.dead;
  }

  /** Adds or replaces an item; `null` removes it (unpublished, archived, deleted). */
  put(type: SearchType, itemId: string, item: IndexedItem | null) {
    const key = `${type}:${itemId}`;
    const previous = this.docOf.get(key);
    if (previous !== undefined) {
      this.alive[previous] = 0;
      this.dead += 1;
      this.docOf.delete(key);
    }
    this.listing = null;
    if (item) {
      this.append(key, item);
      if (this.latest) this.insertInOrder(this.docOf.get(key)!);
    }
    if (this.dead > 1000 && this.dead * 4 > this.size) this.compact();
  }

  private append(key: string, item: IndexedItem) {
    const doc = this.size++;
    this.alive = grow(this.alive, this.size, (n) => new Uint8Array(n));
    this.typeCode = grow(this.typeCode, this.size, (n) => new Uint8Array(n));
    this.year = grow(this.year, this.size, (n) => new Int32Array(n));
    this.itemDate = grow(this.itemDate, this.size, (n) => new Float64Array(n));
    this.publishAt = grow(this.publishAt, this.size, (n) => new Float64Array(n));
    this.alive[doc] = 1;
    this.typeCode[doc] = TYPES.indexOf(item.type);
    this.year[doc] = item.year ?? NO_YEAR;
    this.itemDate[doc] = item.itemDate ?? Number.NEGATIVE_INFINITY;
    this.publishAt[doc] = item.publishAt ?? Number.POSITIVE_INFINITY;
    this.itemIds[doc] = item.itemId;
    this.titles[doc] = item.titleFolded;
    this.facetCodes.topic[doc] = item.topics.map((value) => this.dictionaries.topic.code(value));
    this.facetCodes.economy[doc] = item.economies.map((value) => this.dictionaries.economy.code(value));
    this.facetCodes.language[doc] = item.languages.map((value) => this.dictionaries.language.code(value));
    const bits = this.facetBits;
    bits.type[this.typeCode[doc]!] = withBit(bits.type[this.typeCode[doc]!], doc);
    for (const facet of ['topic', 'economy', 'language'] as const) for (const code of this.facetCodes[facet][doc]!) bits[facet][code] = withBit(bits[facet][code], doc);
    if (item.year !== null) bits.year.set(item.year, withBit(bits.year.get(item.year), doc));
    for (const word of new Set(item.words)) {
      let list = this.postings.get(word);
      if (!list) {
        list = new Postings();
        this.postings.set(word, list);
        this.recentWords.add(word);
      }
      list.push(doc);
    }
    if (this.recentWords.size > RECENT_WORDS_LIMIT) this.mergeRecentWords();
    this.docOf.set(key, doc);
  }

  private mergeRecentWords() {
    this.sortedWords = [...this.sortedWords, ...this.recentWords].sort();
    this.recentWords.clear();
  }

  /** Renumbers the live documents densely (the listing order and answers do not change). */
  private compact() {
    const items: [string, IndexedItem][] = [];
    const words = new Map<number, string[]>();
    for (const [word, list] of this.postings) {
      for (let i = 0; i < list.length; i += 1) {
        const doc = list.ids[i]!;
        if (this.alive[doc]) (words.get(doc) ?? words.set(doc, []).get(doc)!).push(word);
      }
    }
    for (const [key, doc] of this.docOf) items.push([key, this.itemAt(doc, words.get(doc) ?? [])]);
    const fresh = new PortalSearchIndex();
    for (const [key, item] of items) fresh.append(key, item);
    fresh.mergeRecentWords();
    Object.assign(this, fresh);
  }

  private itemAt(doc: number, words: string[]): IndexedItem {
    const { topic, economy, language } = this.dictionaries;
    return {
      type: TYPES[this.typeCode[doc]!]!,
      itemId: this.itemIds[doc]!,
      titleFolded: this.titles[doc]!,
      words,
      topics: this.facetCodes.topic[doc]!.map((code) => topic.values[code]!),
      economies: this.facetCodes.economy[doc]!.map((code) => economy.values[code]!),
      languages: this.facetCodes.language[doc]!.map((code) => language.values[code]!),
      year: this.year[doc] === NO_YEAR ? null : this.year[doc]!,
      itemDate: Number.isFinite(this.itemDate[doc]) ? this.itemDate[doc]! : null,
      publishAt: Number.isFinite(this.publishAt[doc]) ? this.publishAt[doc]! : null,
    };
  }

  /** After a bulk load: the vocabulary and the listing order sorted once. */
  sealBuild() {
    this.mergeRecentWords();
    this.latestOrder();
  }

  /** Approximate bytes held: postings, per-document arrays and strings. */
  approximateBytes(): number {
    let bytes = this.alive.length * (1 + 1 + 4 + 8 + 8);
    for (const [word, list] of this.postings) bytes += list.ids.byteLength + word.length * 2 + 64;
    for (let doc = 0; doc < this.size; doc += 1) {
      bytes += (this.titles[doc]?.length ?? 0) * 2 + 36 * 2 + 3 * 48;
      bytes += (this.facetCodes.topic[doc]!.length + this.facetCodes.economy[doc]!.length + this.facetCodes.language[doc]!.length) * 8;
    }
    const bitsets = [...this.facetBits.type, ...this.facetBits.topic, ...this.facetBits.economy, ...this.facetBits.language, ...this.facetBits.year.values()];
    for (const bits of bitsets) if (bits) bytes += bits.byteLength;
    return bytes + this.docOf.size * 100;
  }

  /** Documents whose lexemes match a token: prefix (`tok:*`) or one of its widened words. */
  private matchToken(token: string, exact: string[], bits: Uint32Array) {
    const mark = (word: string) => {
      const list = this.postings.get(word);
      if (!list) return;
      const ids = list.ids;
      for (let i = 0; i < list.length; i += 1) bits[ids[i]! >>> 5]! |= 1 << (ids[i]! & 31);
    };
    let low = 0;
    let high = this.sortedWords.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sortedWords[middle]! < token) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < this.sortedWords.length && this.sortedWords[i]!.startsWith(token); i += 1) mark(this.sortedWords[i]!);
    for (const word of this.recentWords) if (word.startsWith(token)) mark(word);
    for (const word of exact) if (!word.startsWith(token)) mark(word);
  }

  private passes(doc: number, now: number, filters: SearchFilters, codes: { topic?: number; economy?: number; language?: number }): boolean {
    if (!this.alive[doc] || !(this.publishAt[doc]! <= now)) return false;
    if (filters.type && TYPES[this.typeCode[doc]!] !== filters.type) return false;
    if (filters.year !== undefined && this.year[doc] !== filters.year) return false;
    if (codes.topic !== undefined && !this.facetCodes.topic[doc]!.includes(codes.topic)) return false;
    if (codes.economy !== undefined && !this.facetCodes.economy[doc]!.includes(codes.economy)) return false;
    if (codes.language !== undefined && !this.facetCodes.language[doc]!.includes(codes.language)) return false;
    return true;
  }

  /** Newest first, nulls last, then by id: the order of the SQL path. */
  private compareByDate(a: number, b: number): number {
    const dateA = this.itemDate[a]!;
    const dateB = this.itemDate[b]!;
    if (dateA !== dateB) return dateB > dateA ? 1 : -1;
    const idA = this.itemIds[a]!;
    const idB = this.itemIds[b]!;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  }

  /**
   * The latest listing at `now` as runs of the date order (from, to exclusive, step): current
   * items newest first, then future-dated ones soonest first, undated last (the SQL path's order).
   */
  private listingRuns(now: number): [number, number, number][] {
    const order = this.latestOrder();
    const firstAtOrBefore = (limit: number) => {
      let low = 0;
      let high = order.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (this.itemDate[order[middle]!]! > limit) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    const current = firstAtOrBefore(now);
    const undated = firstAtOrBefore(Number.NEGATIVE_INFINITY);
    return [[current, undated, 1], [current - 1, -1, -1], [undated, order.length, 1]];
  }

  private latestOrder(): Int32Array {
    if (!this.latest) {
      const docs = [...this.docOf.values()];
      docs.sort((a, b) => this.compareByDate(a, b));
      this.latest = Int32Array.from(docs);
    }
    return this.latest;
  }

  /** Keeps the listing order current without a re-sort (dead numbers stay and are skipped). */
  private insertInOrder(doc: number) {
    const order = this.latest!;
    let low = 0;
    let high = order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compareByDate(order[middle]!, doc) < 0) low = middle + 1;
      else high = middle;
    }
    const grown = new Int32Array(order.length + 1);
    grown.set(order.subarray(0, low));
    grown[low] = doc;
    grown.set(order.subarray(low), low + 1);
    this.latest = grown;
  }

  search(query: IndexQuery): IndexAnswer {
    const { filters, now } = query;
    const codes = {
      topic: filters.topic === undefined ? undefined : (this.dictionaries.topic.codes.get(filters.topic) ?? -1),
      economy: filters.economy === undefined ? undefined : (this.dictionaries.economy.codes.get(filters.economy) ?? -1),
      language: filters.language === undefined ? undefined : (this.dictionaries.language.codes.get(filters.language) ?? -1),
    };
    const counts: FacetCounts = {
      type: new Int32Array(TYPES.length),
      topic: new Int32Array(this.dictionaries.topic.values.length),
      economy: new Int32Array(this.dictionaries.economy.values.length),
      language: new Int32Array(this.dictionaries.language.values.length),
      year: new Map<number, number>(),
    };
    const { topic: topicCodes, economy: economyCodes, language: languageCodes } = this.facetCodes;
    let total = 0;
    const count = (doc: number) => {
      total += 1;
      counts.type[this.typeCode[doc]!]! += 1;
      for (const code of topicCodes[doc]!) counts.topic[code]! += 1;
      for (const code of economyCodes[doc]!) counts.economy[code]! += 1;
      for (const code of languageCodes[doc]!) counts.language[code]! += 1;
      const year = this.year[doc]!;
      if (year !== NO_YEAR) counts.year.set(year, (counts.year.get(year) ?? 0) + 1);
    };
    let keys: IndexAnswer['keys'];
    let mode: IndexAnswer['mode'] = 'ordered';
    const unfiltered = Object.values(filters).every((value) => value === undefined);
    if (query.tokens.length === 0 && unfiltered && this.listing && now >= this.listing.from && now < this.listing.until) {
      // The whole public listing: its counts change only with a write or a due publication.
      const page: number[] = [];
      const order = this.latestOrder();
      let seen = 0;
      for (const [from, to, step] of this.listingRuns(now)) {
        for (let i = from; i !== to && seen < query.offset + query.limit; i += step) {
          if (!this.passes(order[i]!, now, filters, codes)) continue;
          if (seen >= query.offset) page.push(order[i]!);
          seen += 1;
        }
      }
      return { total: this.listing.total, facets: this.listing.facets, mode, keys: page.map((doc) => this.keyOf(doc, 0)) };
    }
    if (query.tokens.length === 0) {
      const order = this.latestOrder();
      const page: number[] = [];
      let from = Number.NEGATIVE_INFINITY;
      let until = Number.POSITIVE_INFINITY;
      for (const [start, end, step] of this.listingRuns(now)) {
        for (let i = start; i !== end; i += step) {
          const doc = order[i]!;
          const publishAt = this.publishAt[doc]!;
          if (publishAt <= now) from = Math.max(from, publishAt);
          else until = Math.min(until, publishAt);
          if (!this.passes(doc, now, filters, codes)) continue;
          if (total >= query.offset && total < query.offset + query.limit) page.push(doc);
          count(doc);
        }
      }
      keys = page.map((doc) => this.keyOf(doc, 0));
      if (unfiltered) this.listing = { from, until, total, facets: this.facetList(counts) };
    } else {
      const words = Math.ceil(this.size / 32);
      let matched: Uint32Array | null = null;
      for (const token of query.tokens) {
        const bits = new Uint32Array(words);
        this.matchToken(token, query.widened.get(token) ?? [], bits);
        if (matched) for (let i = 0; i < words; i += 1) matched[i]! &= bits[i]!;
        else matched = bits;
      }
      const buckets: number[][] = Array.from({ length: query.tokens.length + 1 }, () => []);
      // Walking the matches in listing order leaves each bucket sorted newest first.
      const order = this.latestOrder();
      const found = new Uint32Array(words);
      for (let i = 0; i < order.length; i += 1) {
        const doc = order[i]!;
        if ((matched![doc >>> 5]! & (1 << (doc & 31))) === 0 || !this.passes(doc, now, filters, codes)) continue;
        total += 1;
        found[doc >>> 5]! |= 1 << (doc & 31);
        let cheap = 0;
        for (const token of query.tokens) if (this.titles[doc]!.includes(token)) cheap += 1;
        buckets[cheap]!.push(doc);
      }
      const deep = query.offset + query.limit > SHORTLIST;
      const wanted = deep ? query.offset + query.limit : SHORTLIST;
      const chosen: number[][] = [];
      let taken = 0;
      for (let cheap = buckets.length - 1; cheap >= 0 && taken < wanted; cheap -= 1) {
        const best = buckets[cheap]!.slice(0, wanted - taken);
        chosen[cheap] = best;
        taken += best.length;
      }
      keys = [];
      for (let cheap = buckets.length - 1; cheap >= 0; cheap -= 1) for (const doc of chosen[cheap] ?? []) keys.push(this.keyOf(doc, cheap));
      if (deep) keys = keys.slice(query.offset, query.offset + query.limit);
      else mode = 'shortlist';
      return { total, facets: this.facetList(this.countFacets(found)), mode, keys };
    }
    return { total, facets: this.facetList(counts), mode, keys };
  }

  /** Facet counts of a set of documents: one popcount per facet value over its non-zero words. */
  private countFacets(found: Uint32Array): FacetCounts {
    let nonZero = 0;
    for (let i = 0; i < found.length; i += 1) if (found[i] !== 0) nonZero += 1;
    const words = new Int32Array(nonZero);
    for (let i = 0, at = 0; i < found.length; i += 1) if (found[i] !== 0) words[at++] = i;
    const countAll = (list: Uint32Array[], size: number) => Int32Array.from({ length: size }, (_, code) => (list[code] ? countBoth(found, words, list[code]) : 0));
    const year = new Map<number, number>();
    for (const [value, bits] of this.facetBits.year) {
      const count = countBoth(found, words, bits);
      if (count > 0) year.set(value, count);
    }
    return {
      type: countAll(this.facetBits.type, TYPES.length),
      topic: countAll(this.facetBits.topic, this.dictionaries.topic.values.length),
      economy: countAll(this.facetBits.economy, this.dictionaries.economy.values.length),
      language: countAll(this.facetBits.language, this.dictionaries.language.values.length),
      year,
    };
  }

  private keyOf(doc: number, cheap: number) {
    return { type: TYPES[this.typeCode[doc]!]!, itemId: this.itemIds[doc]!, cheap };
  }

  private facetList(counts: FacetCounts) {
    const facets: IndexAnswer['facets'] = [];
    counts.type.forEach((count, code) => {
      if (count > 0) facets.push({ facet: 'type', value: TYPES[code]!, count });
    });
    for (const facet of ['topic', 'economy', 'language'] as const) {
      counts[facet].forEach((count, code) => {
        if (count > 0) facets.push({ facet, value: this.dictionaries[facet].values[code]!, count });
      });
    }
    for (const [year, count] of counts.year) facets.push({ facet: 'year', value: String(year), count });
    return facets;
  }
}
