import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';

/** A translated sentence for a failed call; the server's English detail is not shown as is. */
export function problemMessage(t: TFunction, error: unknown, byStatus: Partial<Record<number, string>> = {}): string {
  if (error instanceof ApiError) {
    const key = byStatus[error.status];
    if (key) return t(key);
    if (error.status === 429) return t('auth:errors.tooMany');
    if (error.status === 403) return t('auth:errors.forbidden');
  }
  return t('auth:errors.generic');
}
