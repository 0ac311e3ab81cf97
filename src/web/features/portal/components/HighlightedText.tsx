import { Fragment } from 'react';

export interface HighlightRange {
  /** Offset of the first highlighted character (UTF-16 code units, as JavaScript strings count). */
  start: number;
  /** Offset after the last highlighted character. */
  end: number;
}

/**
 * Text with some ranges marked. The text is rendered as text (React escapes it) and the marks
 * are real <mark> elements, so nothing from the server is ever injected as HTML.
 */
export function HighlightedText({ text, ranges }: { text: string; ranges: HighlightRange[] }) {
  const sorted = [...ranges]
    .map((range) => ({ start: Math.max(0, range.start), end: Math.min(text.length, range.end) }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
  const parts: { text: string; marked: boolean }[] = [];
  let cursor = 0;
  for (const range of sorted) {
    if (range.start < cursor) continue; // overlapping range: the earlier one already covers it
    if (range.start > cursor) parts.push({ text: text.slice(cursor, range.start), marked: false });
    parts.push({ text: text.slice(range.start, range.end), marked: true });
    cursor = range.end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), marked: false });
  return (
    <>
      {parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>))}
    </>
  );
}
