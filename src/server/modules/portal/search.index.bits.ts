/** Typed-array building blocks of the portal's in-process search index. */

/** Sets a document's bit, growing the bitset (by doubling) when needed. */
export function withBit(bits: Uint32Array | undefined, doc: number): Uint32Array {
  let out = bits ?? new Uint32Array(32);
  if (doc >>> 5 >= out.length) {
    const grown = new Uint32Array(Math.max(out.length * 2, (doc >>> 5) + 1));
    grown.set(out);
    out = grown;
  }
  out[doc >>> 5]! |= 1 << (doc & 31);
  return out;
}

export function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Documents in both bitsets, counted over the given non-zero words of the first. */
export function countBoth(matched: Uint32Array, words: Int32Array, bits: Uint32Array): number {
  let count = 0;
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    if (word < bits.length) count += popcount(matched[word]! & bits[word]!);
  }
  return count;
}

/** A growable, append-only list of document numbers: appends keep it sorted. */
export class Postings {
  ids = new Uint32Array(4);
  length = 0;
  push(id: number) {
    if (this.length === this.ids.length) {
      const grown = new Uint32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }
}

/** Values of one facet (topic, economy, language) as small integer codes. */
export class Dictionary {
  readonly codes = new Map<string, number>();
  readonly values: string[] = [];
  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
}

export function grow<T extends Float64Array | Int32Array | Uint8Array>(array: T, size: number, make: (n: number) => T): T {
  if (size <= array.length) return array;
  const grown = make(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}
