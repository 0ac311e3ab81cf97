import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { isAccessChange } from '../../../contract/admin';
import { ApiError } from '../../api/client';

export function notifySuccess(message: string) {
  notifications.show({ color: 'green', message });
}

/** After a save: what applied, or that the widening part now waits for a second administrator. */
export function notifySaved(t: TFunction, result: unknown, savedMessage: string) {
  if (isAccessChange(result)) notifications.show({ color: 'blue', title: t('admin:accessChanges.waitingTitle'), message: t('admin:accessChanges.waiting') });
  else notifySuccess(savedMessage);
}

/** A failed admin call: a translated title, and the server's explanation of what to do. */
export function notifyFailure(t: TFunction, error: unknown) {
  const status = error instanceof ApiError ? error.status : 0;
  const title = status === 409 ? t('admin:errors.conflict') : status === 422 || status === 400 ? t('admin:errors.invalid') : status === 404 ? t('admin:errors.notFound') : t('admin:errors.generic');
  notifications.show({ color: 'red', title, message: error instanceof ApiError ? (error.detail ?? error.title) : t('admin:errors.generic') });
}

/** Server-side field errors keyed by the form's field names (`body.email` → `email`). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.errors.map((item) => [item.path.replace(/^body\.?/, '').split('.')[0] ?? item.path, item.message]));
}
