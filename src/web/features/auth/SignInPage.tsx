import { Container, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../api/session';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { useAdoptSession } from './api';
import { CredentialsForm } from './CredentialsForm';
import { EnrolmentStep } from './EnrolmentStep';
import { RecoveryCodesList } from './RecoveryCodesList';
import { SecondFactorForm } from './SecondFactorForm';
import { safeNext } from './safeNext';

/** Sign-in in up to three steps, driven by the session's stage; returns to ?next= at the end. */
export function SignInPage() {
  const { t } = useTranslation('auth');
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const adopt = useAdoptSession();

  const stage = session.data?.stage;
  const heading = recoveryCodes
    ? t('recovery.title')
    : stage === 'second_factor'
      ? t('secondFactor.title')
      : stage === 'enrolment'
        ? t('enrolment.title')
        : t('credentials.title');
  usePageTitle(heading);

  return (
    <Container size={recoveryCodes || stage === 'enrolment' ? 'sm' : 'xs'} py="xl">
      <QueryState query={session}>
        {(current) => {
          if (!recoveryCodes && current.stage === 'full') return <Navigate to={next} replace />;
          return (
            <Stack gap="lg">
              <Title order={1}>{heading}</Title>
              <Paper withBorder shadow="xs" p="lg" radius="md">
                {recoveryCodes ? (
                  <RecoveryCodesList codes={recoveryCodes} doneLabel={t('recovery.continue')} onDone={() => void navigate(next, { replace: true })} />
                ) : current.stage === 'second_factor' ? (
                  <SecondFactorForm />
                ) : current.stage === 'enrolment' ? (
                  <EnrolmentStep
                    onEnrolled={(codes, fullSession) => {
                      // Codes first, in the same update: the full session must not redirect before they are shown.
                      setRecoveryCodes(codes);
                      adopt(fullSession);
                    }}
                  />
                ) : (
                  <CredentialsForm />
                )}
              </Paper>
            </Stack>
          );
        }}
      </QueryState>
    </Container>
  );
}
