import { z } from 'zod';

/** The message of the check; the server answers 422 when it is the only thing wrong with a request. */
export const CONTROL_CHARACTER_MESSAGE = 'must be one line of text without control characters';

/**
 * Control characters (C0, DEL, C1 — tab, CR and LF included), line and paragraph separators, and
 * the bidirectional embedding, override and isolate marks that can make text read other than it is.
 */
const FORBIDDEN = /[\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/u;

/** True when the text may stand in a single-line field (a title, a name, a reference, a subject). */
export const isSingleLine = (text: string) => !FORBIDDEN.test(text);

/**
 * A single-line text field: refuses control characters (a CR/LF in a title would otherwise become
 * separate lines in a calendar, a header or a CSV). Chain the usual checks: `singleLine().trim().max(200)`.
 */
export const singleLine = () => z.string().refine(isSingleLine, { message: CONTROL_CHARACTER_MESSAGE });
