import type { SnippetPart } from '../../../contract/portal';
import { foldWithMap } from './search.fold';

const SNIPPET_CHARS = 240;
const LEAD_CHARS = 80;

/**
 * A highlighted excerpt of the ORIGINAL text (any script): words are matched on the folded
 * text — a word matches when it starts with a query token or equals a typo-widened word — and
 * their positions are mapped back to the original characters.
 */
export function buildSnippet(original: string, tokens: string[], extraWords: string[] = []): SnippetPart[] {
  const text = original.replace(/\s+/g, ' ').trim();
  if (text.length === 0) return [];
  const { folded, origin } = foldWithMap(text);
  const exact = new Set(extraWords);
  const ranges: [number, number][] = [];
  if (tokens.length > 0) {
    for (const match of folded.matchAll(/[a-z0-9]+/g)) {
      const word = match[0];
      if (!exact.has(word) && !tokens.some((token) => word.startsWith(token))) continue;
      const start = origin[match.index]!;
      const lastOrigin = origin[match.index + word.length - 1]!;
      const end = lastOrigin + (text.codePointAt(lastOrigin)! > 0xffff ? 2 : 1);
      const previous = ranges[ranges.length - 1];
      if (previous && previous[1] >= start) previous[1] = Math.max(previous[1], end);
      else ranges.push([start, end]);
    }
  }
  const first = ranges[0]?.[0] ?? 0;
  let windowStart = Math.max(0, first - LEAD_CHARS);
  if (windowStart > 0) {
    const space = text.indexOf(' ', windowStart);
    windowStart = space >= 0 && space < first ? space + 1 : windowStart;
  }
  let windowEnd = Math.min(text.length, windowStart + SNIPPET_CHARS);
  if (windowEnd < text.length) {
    const space = text.lastIndexOf(' ', windowEnd);
    if (space > first) windowEnd = space;
  }
  const parts: SnippetPart[] = [];
  const push = (from: number, to: number, match: boolean) => {
    if (to > from) parts.push({ text: text.slice(from, to), match });
  };
  if (windowStart > 0) parts.push({ text: '… ', match: false });
  let cursor = windowStart;
  for (const [start, end] of ranges) {
    if (end <= windowStart) continue;
    if (start >= windowEnd) break;
    push(cursor, Math.max(cursor, start), false);
    push(Math.max(cursor, start), Math.min(end, windowEnd), true);
    cursor = Math.min(end, windowEnd);
  }
  push(cursor, windowEnd, false);
  if (windowEnd < text.length) parts.push({ text: ' …', match: false });
  return parts;
}
