import { hasMixedScriptWord } from './script';

export type NameValidation = { ok: true } | { ok: false; reason: string };

export const MAX_NAME_LENGTH = 200;

/** Input check for names entered by users; the matcher itself accepts any string. */
export function validateNameInput(name: unknown): NameValidation {
  if (typeof name !== 'string') return { ok: false, reason: 'name must be text' };
  if (/\p{Cc}/u.test(name)) return { ok: false, reason: 'name contains control characters' };
  const trimmed = name.normalize('NFC').trim();
  if (trimmed.length === 0) return { ok: false, reason: 'name is empty' };
  if (trimmed.length > MAX_NAME_LENGTH) return { ok: false, reason: `name is longer than ${MAX_NAME_LENGTH} characters` };
  const letters = [...trimmed].filter((ch) => /\p{L}/u.test(ch));
  if (letters.length < 2) return { ok: false, reason: 'name needs at least two letters' };
  if (hasMixedScriptWord(trimmed)) return { ok: false, reason: 'a word mixes scripts (e.g. Cyrillic and Latin letters)' };
  return { ok: true };
}
