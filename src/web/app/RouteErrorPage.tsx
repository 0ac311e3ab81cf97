import { Alert, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { ApiError } from '../api/client';
import { NotFoundPage } from './NotFoundPage';

export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage />;
  return (
    <Container size="sm" py="xl">
      <Alert color="red" title={t('error.title')} role="alert">
        {error instanceof Error ? error.message : t('error.body')}
      </Alert>
    </Container>
  );
}
