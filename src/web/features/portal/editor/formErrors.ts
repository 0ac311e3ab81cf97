import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../../../api/client';
import { issueMessage, problemFieldMessage } from './validationMessages';

/** Form errors keyed by @mantine/form paths (`translations.0.title`) from a zod error, in the UI language. */
export function zodErrors(error: z.ZodError, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path.map(String).join('.')] ??= issueMessage(t, issue);
  return errors;
}

/** Field errors from a problem document in plain words; its paths may look like `/body/slug`, `body.slug` or `slug`. */
export function problemErrors(error: unknown, t: TFunction): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const item of error.errors) {
    const path = item.path.replace(/^\//, '').replaceAll('/', '.').replace(/^body\.?/, '');
    if (path) errors[path] ??= problemFieldMessage(t, path, item.message);
  }
  return errors;
}

/**
 * The message to show for a failed save. Field errors are shown in words beside their fields,
 * so the summary is the caller's own (translated) sentence; otherwise the server's words.
 */
export function problemMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError && error.errors.length > 0) return fallback;
  if (error instanceof ApiError) return error.detail ? `${error.title}: ${error.detail}` : error.title;
  return error instanceof Error ? error.message : fallback;
}

/** Turns a title into a slug suggestion (Latin letters only; Cyrillic is transliterated). */
export function slugify(text: string): string {
  const cyrillic: Record<string, string> = {
    а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'dj', ѓ: 'gj', е: 'e', ж: 'z', з: 'z', ѕ: 'dz', и: 'i', ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm',
    н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'c', ќ: 'kj', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'c', џ: 'dz', ш: 's',
  };
  return text
    .toLowerCase()
    .replace(/[а-яђѓѕјљњћќџ]/g, (letter) => cyrillic[letter] ?? '')
    .replace(/đ/g, 'dj')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
