/**
 * Typing-error distance. Keyboard slips (transposed, dropped or doubled letters, a
 * neighbouring key) cost 1; substituting an unrelated letter, changing the first letter
 * or the final vowel cost 2, because between names of the region those edits usually
 * produce another real name (Marko/Mirko, Lukić/Lukač, Țurcanu/Țurcan).
 */
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const ROW_OFFSETS = [0, 0.25, 0.75];
const KEY_POSITIONS = new Map<string, [number, number]>();
ROWS.forEach((row, y) => [...row].forEach((ch, x) => KEY_POSITIONS.set(ch, [x + (ROW_OFFSETS[y] ?? 0), y])));

function keyboardNeighbours(a: string, b: string): boolean {
  if ((a === 'y' && b === 'z') || (a === 'z' && b === 'y')) return true; // QWERTZ
  const pa = KEY_POSITIONS.get(a);
  const pb = KEY_POSITIONS.get(b);
  if (!pa || !pb) return false;
  return Math.abs(pa[1] - pb[1]) <= 1 && Math.abs(pa[0] - pb[0]) <= 1;
}

const VOWELS = new Set([...'aeiou']);

function substitutionCost(a: string, b: string, index: number): number {
  if (a === b) return 0;
  if (index === 0) return 2;
  return keyboardNeighbours(a, b) ? 1 : 2;
}

function indelCost(ch: string, index: number, length: number): number {
  if (index === 0) return 2;
  if (index === length - 1 && VOWELS.has(ch)) return 2;
  return 1;
}

/** Weighted Damerau–Levenshtein (optimal string alignment) distance. */
export function typoDistance(a: string, b: string): number {
  const width = b.length + 1;
  const d = new Float64Array((a.length + 1) * width);
  const at = (i: number, j: number): number => d[i * width + j] ?? Infinity;
  const set = (i: number, j: number, value: number): void => {
    d[i * width + j] = value;
  };
  const charA = (i: number): string => a.charAt(i);
  const charB = (j: number): string => b.charAt(j);
  for (let i = 1; i <= a.length; i++) set(i, 0, at(i - 1, 0) + indelCost(charA(i - 1), i - 1, a.length));
  for (let j = 1; j <= b.length; j++) set(0, j, at(0, j - 1) + indelCost(charB(j - 1), j - 1, b.length));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const ca = charA(i - 1);
      const cb = charB(j - 1);
      let best = Math.min(
        at(i - 1, j) + indelCost(ca, i - 1, a.length),
        at(i, j - 1) + indelCost(cb, j - 1, b.length),
        at(i - 1, j - 1) + substitutionCost(ca, cb, Math.min(i, j) - 1),
      );
      if (i > 1 && j > 1 && ca === charB(j - 2) && charA(i - 2) === cb && ca !== cb) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      set(i, j, best);
    }
  }
  return at(a.length, b.length);
}

/** Unit-cost optimal string alignment distance: insert, delete, substitute, transpose. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1] ?? [];
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/** Plain Levenshtein distance (unit costs), for baselines. */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
