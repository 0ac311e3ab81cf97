import { Alert, Center, Loader, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { NotFoundPage } from '../app/NotFoundPage';

interface QueryStateProps<T> {
  query: { isPending: boolean; error: unknown; data: T | undefined };
  children: (data: T) => ReactNode;
}

/** Loading, error and not-found states of a query, the same everywhere. */
export function QueryState<T>({ query, children }: QueryStateProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader />
        <VisuallyHidden>{t('loading')}</VisuallyHidden>
      </Center>
    );
  }
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (query.error || query.data === undefined) {
    return (
      <Alert color="red" title={t('error.title')} role="alert">
        {query.error instanceof Error ? query.error.message : t('error.body')}
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
