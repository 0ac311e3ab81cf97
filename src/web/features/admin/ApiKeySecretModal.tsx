import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiKeyCreated } from '../../../contract/api-keys';

/** The key's secret, shown once: Mosaic keeps only its hash. */
export function ApiKeySecretModal({ created, onClose }: { created: ApiKeyCreated | null; onClose(): void }) {
  const { t } = useTranslation('admin');
  return (
    <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={created !== null} onClose={onClose} title={t('apiKeys.secret.title')} centered closeOnClickOutside={false} size="lg">
      {created && (
        <Stack>
          <Text>{t('apiKeys.secret.intro', { name: created.key.name, organisation: created.key.organisation.name })}</Text>
          <Code block fz="md" data-testid="api-key-secret" style={{ wordBreak: 'break-all' }}>
            {created.secret}
          </Code>
          <Alert color="yellow">{t('apiKeys.secret.once')}</Alert>
          <Text size="sm">{t('apiKeys.secret.usage')}</Text>
          <Code block>{`Authorization: Bearer ${created.key.prefix}…`}</Code>
          <Text size="sm" c="dimmed">
            {t('apiKeys.secret.pending')}
          </Text>
          <Group justify="flex-end">
            <CopyButton value={created.secret}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? t('apiKeys.secret.copied') : t('apiKeys.secret.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('apiKeys.secret.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
