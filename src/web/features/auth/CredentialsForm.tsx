import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useSignIn } from './api';
import { problemMessage } from './problemMessage';

export function CredentialsForm() {
  const { t } = useTranslation('auth');
  const signIn = useSignIn();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('credentials.emailInvalid')),
      password: (value) => (value.length > 0 ? null : t('credentials.passwordRequired')),
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => signIn.mutate({ email: values.email.trim(), password: values.password }))} noValidate>
      <Stack gap="md">
        {signIn.error && (
          <Alert color="red" role="alert" title={t('credentials.failedTitle')}>
            {problemMessage(t, signIn.error, { 401: 'auth:credentials.failed', 400: 'auth:credentials.failed' })}
          </Alert>
        )}
        <TextInput label={t('credentials.email')} type="email" autoComplete="username" required data-autofocus {...form.getInputProps('email')} />
        <PasswordInput label={t('credentials.password')} autoComplete="current-password" required visibilityToggleButtonProps={{ 'aria-label': t('credentials.toggleVisibility') }} {...form.getInputProps('password')} />
        <Button type="submit" loading={signIn.isPending}>
          {t('credentials.submit')}
        </Button>
      </Stack>
    </form>
  );
}
