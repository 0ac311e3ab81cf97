import { Alert, Anchor, Center, Container, Loader, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../api/session';
import { usePageTitle } from '../../components/usePageTitle';
import { useUnsubscribe } from './api';
import { problemText } from './problemText';

/** /unsubscribe?token=…: the one-click link of a digest e-mail; it works once, without signing in. */
export function UnsubscribePage() {
  const { t } = useTranslation('workspace');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useUnsubscribe();
  const sent = useRef(false);
  // A signed-in visitor's POST carries the session's CSRF token, known once the session is read.
  const session = useSession();
  usePageTitle(t('unsubscribe.title'));

  useEffect(() => {
    if (sent.current || session.isPending) return;
    sent.current = true;
    unsubscribe.mutate(token || 'missing');
  }, [token, unsubscribe, session.isPending]);

  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{t('unsubscribe.title')}</Title>
        {unsubscribe.isPending || unsubscribe.isIdle ? (
          <Center role="status">
            <Loader />
            <VisuallyHidden>{t('unsubscribe.working')}</VisuallyHidden>
          </Center>
        ) : unsubscribe.isSuccess ? (
          <Alert color="green" role="status" title={t('unsubscribe.doneTitle')}>
            {t('unsubscribe.done', { name: unsubscribe.data.name })}
          </Alert>
        ) : (
          <Alert color="red" role="alert" title={t('unsubscribe.failedTitle')}>
            {problemText(t, unsubscribe.error)}
          </Alert>
        )}
        <Text>
          <Anchor component={Link} to="/work">
            {t('unsubscribe.manage')}
          </Anchor>
        </Text>
      </Stack>
    </Container>
  );
}
