import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface OneTimePasswordModalProps {
  shown: { email: string; password: string } | null;
  onClose(): void;
}

/** The one-time password, shown once: it is not stored and cannot be shown again. */
export function OneTimePasswordModal({ shown, onClose }: OneTimePasswordModalProps) {
  const { t } = useTranslation('admin');
  return (
    <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={shown !== null} onClose={onClose} title={t('users.password.title')} centered closeOnClickOutside={false}>
      {shown && (
        <Stack>
          <Text>{t('users.password.intro', { email: shown.email })}</Text>
          <Code block fz="lg" data-testid="one-time-password">
            {shown.password}
          </Code>
          <Alert color="yellow">{t('users.password.once')}</Alert>
          <Group justify="flex-end">
            <CopyButton value={shown.password}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? t('users.password.copied') : t('users.password.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('users.password.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
