import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignIn } from './api';
import { problemMessage } from './problemMessage';

const RECOVERY_CODE = /^[a-z0-9]{5}-?[a-z0-9]{5}$/i;

export function CredentialsForm() {
  const { t } = useTranslation('auth');
  const signIn = useSignIn();
  // A recovery code stands in for the second factor and lifts a lock someone else's guessing caused.
  const [withRecoveryCode, setWithRecoveryCode] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '', recoveryCode: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('credentials.emailInvalid')),
      password: (value) => (value.length > 0 ? null : t('credentials.passwordRequired')),
      recoveryCode: (value) => (!withRecoveryCode || RECOVERY_CODE.test(value.trim()) ? null : t('secondFactor.recoveryInvalid')),
    },
  });
  const submit = form.onSubmit((values) =>
    signIn.mutate({ email: values.email.trim(), password: values.password, ...(withRecoveryCode ? { recoveryCode: values.recoveryCode.trim() } : {}) }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {signIn.error && (
          <Alert color="red" role="alert" title={t('credentials.failedTitle')}>
            {problemMessage(t, signIn.error, { 401: 'auth:credentials.failed', 400: 'auth:credentials.failed' })}
          </Alert>
        )}
        <TextInput label={t('credentials.email')} type="email" autoComplete="username" required data-autofocus {...form.getInputProps('email')} />
        <PasswordInput label={t('credentials.password')} autoComplete="current-password" required visibilityToggleButtonProps={{ 'aria-label': t('credentials.toggleVisibility') }} {...form.getInputProps('password')} />
        {withRecoveryCode && (
          <TextInput label={t('secondFactor.recoveryLabel')} description={t('credentials.recoveryHint')} autoComplete="one-time-code" required {...form.getInputProps('recoveryCode')} />
        )}
        <Button type="submit" loading={signIn.isPending}>
          {t('credentials.submit')}
        </Button>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => {
            setWithRecoveryCode((value) => !value);
            form.setFieldValue('recoveryCode', '');
          }}
        >
          {withRecoveryCode ? t('credentials.withoutRecoveryCode') : t('credentials.withRecoveryCode')}
        </Button>
      </Stack>
    </form>
  );
}
