import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSecondFactor, useSignOut } from './api';
import { problemMessage } from './problemMessage';

/** The second step of sign-in: a code from the authenticator app, or a recovery code. */
export function SecondFactorForm() {
  const { t } = useTranslation('auth');
  const verify = useSecondFactor();
  const signOut = useSignOut();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [touched, setTouched] = useState(false);
  const valid = useRecovery ? code.replace(/[^a-z0-9]/gi, '').length === 10 : /^\d{6}$/.test(code);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (valid) verify.mutate(code.trim(), { onError: () => setCode('') });
  };
  const switchMode = () => {
    setUseRecovery((value) => !value);
    setCode('');
    setTouched(false);
    verify.reset();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>{useRecovery ? t('secondFactor.recoveryIntro') : t('secondFactor.intro')}</Text>
        {verify.error && (
          <Alert color="red" role="alert">
            {problemMessage(t, verify.error, { 401: 'auth:secondFactor.failed' })}
          </Alert>
        )}
        {useRecovery ? (
          <TextInput
            key="recovery"
            label={t('secondFactor.recoveryLabel')}
            autoComplete="off"
            spellCheck={false}
            required
            data-autofocus
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={touched && !valid ? t('secondFactor.recoveryInvalid') : undefined}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        ) : (
          <TextInput
            key="totp"
            label={t('secondFactor.codeLabel')}
            description={t('secondFactor.codeHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            data-autofocus
            value={code}
            onChange={(event) => setCode(event.currentTarget.value.replace(/\D/g, ''))}
            error={touched && !valid ? t('secondFactor.codeInvalid') : undefined}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xl)' }, description: { color: 'var(--mantine-color-gray-7)' } }}
          />
        )}
        <Button type="submit" loading={verify.isPending}>
          {t('secondFactor.submit')}
        </Button>
        <Group justify="space-between">
          <Anchor component="button" type="button" onClick={switchMode}>
            {useRecovery ? t('secondFactor.useApp') : t('secondFactor.useRecovery')}
          </Anchor>
          <Anchor component="button" type="button" c="gray.7" onClick={() => signOut.mutate()}>
            {t('startOver')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
