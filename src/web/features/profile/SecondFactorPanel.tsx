import { Alert, Button, Group, Modal, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../../contract/identity';
import { useSetSession } from '../../api/session';
import { EnrolmentStep } from '../auth/EnrolmentStep';
import { RecoveryCodesList } from '../auth/RecoveryCodesList';
import { useRegenerateRecoveryCodes } from './api';
import { formatDateTime } from './format';

/** The authenticator app and recovery codes: set up again, or replace the codes. */
export function SecondFactorPanel({ profile, canUpdate, onChanged }: { profile: ProfileView; canUpdate: boolean; onChanged: () => void }) {
  const { t, i18n } = useTranslation('profile');
  const regenerate = useRegenerateRecoveryCodes();
  const setSession = useSetSession();
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const [password, setPassword] = useState('');
  const [passwordConfirmed, setPasswordConfirmed] = useState(false);
  const closeEnrolment = () => {
    setEnrolling(false);
    setPassword('');
    setPasswordConfirmed(false);
  };
  const enrolled = profile.secondFactorEnrolledAt !== null;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) return;
    regenerate.mutate(code, {
      onSuccess: (result) => {
        setCodes(result.recoveryCodes);
        setCode('');
      },
      onError: () => setCode(''),
    });
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h3" mb="xs">
        {t('secondFactor.title')}
      </Title>
      <Text mb="md">
        {enrolled
          ? `${t('secondFactor.enrolled', { date: formatDateTime(profile.secondFactorEnrolledAt!, i18n.language) })} ${t('secondFactor.codesLeft', { left: profile.recoveryCodesLeft })}`
          : t('secondFactor.notEnrolled')}
      </Text>
      {canUpdate && (
        <Stack gap="md">
          {enrolled && (
            <form onSubmit={submit} noValidate>
              <Stack gap="sm" maw={420}>
                <Text size="sm">{t('secondFactor.regenerateIntro')}</Text>
                {regenerate.error && (
                  <Alert color="red" role="alert">
                    {t('secondFactor.codeWrong')}
                  </Alert>
                )}
                <Group align="flex-end" gap="sm">
                  <TextInput
                    label={t('secondFactor.code')}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={6}
                    value={code}
                    onChange={(event) => setCode(event.currentTarget.value.replace(/\D/g, ''))}
                    styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                    w={140}
                  />
                  <Button type="submit" loading={regenerate.isPending} disabled={code.length !== 6}>
                    {t('secondFactor.regenerate')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          <Group>
            <Button variant="default" onClick={() => setEnrolling(true)}>
              {enrolled ? t('secondFactor.reenrol') : t('secondFactor.enrol')}
            </Button>
          </Group>
        </Stack>
      )}
      <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={codes !== null} onClose={() => setCodes(null)} title={t('secondFactor.newCodes')} size="lg" closeOnClickOutside={false}>
        {codes && <RecoveryCodesList codes={codes} doneLabel={t('secondFactor.done')} onDone={() => setCodes(null)} />}
      </Modal>
      <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={enrolling} onClose={closeEnrolment} title={t('secondFactor.enrolTitle')} size="lg" closeOnClickOutside={false}>
        {enrolling && !passwordConfirmed && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (password) setPasswordConfirmed(true);
            }}
          >
            <Stack>
              <PasswordInput label={t('secondFactor.currentPassword')} value={password} onChange={(event) => setPassword(event.currentTarget.value)} required autoComplete="current-password" data-autofocus />
              <Group>
                <Button type="submit" disabled={!password}>
                  {t('secondFactor.continue')}
                </Button>
                <Button variant="default" onClick={closeEnrolment}>
                  {t('secondFactor.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {enrolling && passwordConfirmed && (
          <EnrolmentStep
            currentPassword={password}
            onCancel={closeEnrolment}
            onEnrolled={(newCodes, session) => {
              closeEnrolment();
              setCodes(newCodes);
              setSession(session);
              onChanged();
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}
