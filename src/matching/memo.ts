/**
 * Bounded memory for pure functions of one string. Screening compares one query with many
 * stored names whose words recur (common given names and surnames), so the per-word and
 * per-name analysis is worth keeping. Two generations: a hit in the older one is promoted;
 * when the recent one is full it becomes the older one and the previous older is forgotten
 * (an approximate LRU with O(1) work per call). Cached values are shared: never mutate them.
 */
export function memoizeByString<T>(compute: (key: string) => T, maxEntries: number): (key: string) => T {
  const half = Math.max(1, Math.floor(maxEntries / 2));
  let recent = new Map<string, T>();
  let older = new Map<string, T>();
  return (key: string): T => {
    if (recent.has(key)) return recent.get(key) as T;
    const value = older.has(key) ? (older.get(key) as T) : compute(key);
    if (recent.size >= half) {
      older = recent;
      recent = new Map();
    }
    recent.set(key, value);
    return value;
  };
}

/**
 * Bounded memory for a pure function of two keyed values, nested by the first key so that
 * no combined key has to be built. Forgets everything when full (cheap, and the working set
 * of a screening — one query's words against popular stored words — refills at once).
 */
export function memoizeByPair<A, B, T>(compute: (a: A, b: B) => T, maxEntries: number) {
  let rows = new Map<string, Map<string, T>>();
  let size = 0;
  return (keyA: string, keyB: string, a: A, b: B): T => {
    let row = rows.get(keyA);
    const known = row?.get(keyB);
    if (known !== undefined) return known;
    const value = compute(a, b);
    if (size >= maxEntries) {
      rows = new Map();
      row = undefined;
      size = 0;
    }
    if (!row) {
      row = new Map();
      rows.set(keyA, row);
    }
    row.set(keyB, value);
    size += 1;
    return value;
  };
}
