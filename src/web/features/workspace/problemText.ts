import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';

/**
 * A failed request in the UI language: the problem's field codes (`invalid_email`,
 * `invalid_token` …) have their own words; anything else gets the general message.
 */
export function problemText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const code = error.errors[0]?.message;
    if (code) return t(`problem.${code}`, { defaultValue: t('problem.generic') });
    if (error.status === 413) return t('problem.too_large');
  }
  return t('problem.generic');
}
