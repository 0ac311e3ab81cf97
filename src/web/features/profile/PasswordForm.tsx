import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_CHARS } from '../../../contract/identity';
import { ApiError } from '../../api/client';
import { useChangePassword } from './api';

export function PasswordForm({ email }: { email: string }) {
  const { t } = useTranslation('profile');
  const change = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('password.currentRequired')),
      newPassword: (value) =>
        value.length < PASSWORD_MIN_CHARS
          ? t('password.tooShort', { min: PASSWORD_MIN_CHARS })
          : value.trim().toLowerCase() === email.toLowerCase()
            ? t('password.notEmail')
            : null,
      repeat: (value, values) => (value === values.newPassword ? null : t('password.mismatch')),
    },
  });
  const toggle = { 'aria-label': t('password.toggleVisibility') };
  const errorText =
    change.error instanceof ApiError && change.error.status === 422
      ? change.error.errors.some((error) => error.path === 'body.currentPassword')
        ? t('password.currentWrong')
        : t('password.rejected')
      : change.error
        ? t('password.failed')
        : null;
  const submit = form.onSubmit((values) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: 'green', message: t('password.changed') });
        },
      },
    ),
  );
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h3" mb="xs">
        {t('password.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {t('password.intro', { min: PASSWORD_MIN_CHARS })}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={420}>
          {errorText && (
            <Alert color="red" role="alert">
              {errorText}
            </Alert>
          )}
          <PasswordInput label={t('password.current')} autoComplete="current-password" required visibilityToggleButtonProps={toggle} {...form.getInputProps('currentPassword')} />
          <PasswordInput label={t('password.new')} autoComplete="new-password" required visibilityToggleButtonProps={toggle} {...form.getInputProps('newPassword')} />
          <PasswordInput label={t('password.repeat')} autoComplete="new-password" required visibilityToggleButtonProps={toggle} {...form.getInputProps('repeat')} />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
