import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { CONTROL_CHARACTER_MESSAGE } from '../../../../contract/single-line';

/** Fields whose format has its own plain-words hint (never a regular expression). */
const FORMAT_HINTS: Record<string, string> = {
  slug: 'editorAids.validation.slug',
  leadImageUrl: 'editorAids.validation.url',
  onlineUrl: 'editorAids.validation.url',
  sourceUrl: 'editorAids.validation.url',
  email: 'editorAids.validation.email',
  timeZone: 'editorAids.validation.timeZone',
  startsLocal: 'editorAids.validation.dateTime',
  endsLocal: 'editorAids.validation.dateTime',
  publishedOn: 'editorAids.validation.date',
};

/** The server's own field codes (problem documents) that have words of their own. */
const SERVER_CODES: Record<string, string> = {
  'required unless online': 'editorAids.validation.cityRequired',
  'before the start': 'editorAids.validation.endBeforeStart',
  'no translation in this language': 'editorAids.validation.originalWithoutTranslation',
  'duplicate language': 'editorAids.validation.duplicateLanguage',
  'duplicate year': 'editorAids.validation.duplicateYear',
  'not an IANA time zone': 'editorAids.validation.timeZone',
  taken: 'editorAids.validation.slugTaken',
};

const lastSegment = (path: string) => path.split('.').filter((part) => !/^\d+$/.test(part)).at(-1) ?? '';

/** A zod issue in the UI language and plain words. */
export function issueMessage(t: TFunction, issue: z.core.$ZodIssue): string {
  const field = lastSegment(issue.path.map(String).join('.'));
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set') return t('editorAids.validation.chooseAtLeast', { count: Number(issue.minimum) });
      if (issue.origin === 'number' || issue.origin === 'int') return t('editorAids.validation.atLeastNumber', { min: Number(issue.minimum) });
      return Number(issue.minimum) <= 1 ? t('editorAids.validation.required') : t('editorAids.validation.tooShort', { count: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'set') return t('editorAids.validation.chooseAtMost', { count: Number(issue.maximum) });
      if (issue.origin === 'number' || issue.origin === 'int') return t('editorAids.validation.atMostNumber', { max: Number(issue.maximum) });
      return t('editorAids.validation.tooLong', { count: Number(issue.maximum) });
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === '' ? t('editorAids.validation.required') : t('editorAids.validation.invalid');
    case 'invalid_value':
      return t('editorAids.validation.choose');
    case 'invalid_format':
      if (issue.format === 'url') return t('editorAids.validation.url');
      if (issue.format === 'email') return t('editorAids.validation.email');
      return t(FORMAT_HINTS[field] ?? 'editorAids.validation.invalid');
    case 'custom':
      return issue.message === CONTROL_CHARACTER_MESSAGE ? t('editorAids.validation.singleLine') : t(FORMAT_HINTS[field] ?? 'editorAids.validation.invalid');
    case 'invalid_union':
    case 'invalid_element':
    case 'invalid_key':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return t(FORMAT_HINTS[field] ?? 'editorAids.validation.invalid');
  }
}

/**
 * A field error from a problem document in plain words: the server's own codes have their
 * words; validator text (zod's English, with its patterns) is never shown as it is.
 */
export function problemFieldMessage(t: TFunction, path: string, message: string): string {
  const field = lastSegment(path);
  if (SERVER_CODES[message]) return t(SERVER_CODES[message]);
  if (message === CONTROL_CHARACTER_MESSAGE) return t('editorAids.validation.singleLine');
  if (field === 'file') return t('editorAids.validation.fileRefused');
  const atLeast = /^Too small.*>=?\s*(\d+)/.exec(message);
  if (atLeast) return Number(atLeast[1]) <= 1 ? t('editorAids.validation.required') : t('editorAids.validation.tooShort', { count: Number(atLeast[1]) });
  const atMost = /^Too big.*<=?\s*(\d+)/.exec(message);
  if (atMost) return t('editorAids.validation.tooLong', { count: Number(atMost[1]) });
  if (/Invalid URL/i.test(message)) return t('editorAids.validation.url');
  if (/email/i.test(message)) return t('editorAids.validation.email');
  if (/Invalid option|expected one of/i.test(message)) return t('editorAids.validation.choose');
  if (/expected \w+, received (undefined|null)/i.test(message)) return t('editorAids.validation.required');
  return t(FORMAT_HINTS[field] ?? 'editorAids.validation.invalid');
}
