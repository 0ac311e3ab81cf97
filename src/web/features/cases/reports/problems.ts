import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';

/** A problem's field errors in the user's language: the server sends paths and codes (`sections.summary: required`). */
export function useReportProblemText() {
  const { t } = useTranslation('cases-reports');
  return (error: unknown): string[] => {
    if (!(error instanceof ApiError)) return error ? [t('error.generic')] : [];
    if (error.errors.length === 0) return [error.detail ?? error.title];
    return error.errors.map((item) => `${t(`path.${item.path}`, { defaultValue: item.path })}: ${t(`error.${item.message}`, { defaultValue: item.message })}`);
  };
}
