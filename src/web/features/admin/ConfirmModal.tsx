import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  onConfirm(): void;
  onClose(): void;
}

/** Asks before an action that cannot be undone from here. */
export function ConfirmModal({ opened, title, message, confirmLabel, color = 'red', loading, onConfirm, onClose }: ConfirmModalProps) {
  const { t } = useTranslation('admin');
  return (
    <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={opened} onClose={onClose} title={title} centered>
      <Text>{message}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('common:cancel')}
        </Button>
        <Button color={color} onClick={onConfirm} loading={loading} data-autofocus>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
