import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKeyView } from '../../../contract/api-keys';
import { useRevokeApiKey } from './apiKeysApi';
import { notifyFailure, notifySuccess } from './notifyResult';

/** Revoking needs a reason: it is kept in the audit chain. */
export function ApiKeyRevokeModal({ target, onClose }: { target: ApiKeyView | null; onClose(): void }) {
  const { t } = useTranslation('admin');
  const revoke = useRevokeApiKey();
  const [reason, setReason] = useState('');
  useEffect(() => setReason(''), [target]);
  const tooShort = reason.trim().length < 2;

  const confirm = () => {
    if (!target || tooShort) return;
    revoke.mutate(
      { id: target.id, reason: reason.trim() },
      { onSuccess: () => { notifySuccess(t('apiKeys.revoked')); onClose(); }, onError: (error) => notifyFailure(t, error) },
    );
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={target !== null} onClose={onClose} title={t('apiKeys.revokeTitle')} centered>
      <Stack>
        <Text>{t('apiKeys.revokeMessage', { name: target?.name ?? '' })}</Text>
        <TextInput label={t('apiKeys.fields.reason')} description={t('apiKeys.hints.reason')} required value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button color="red" onClick={confirm} disabled={tooShort} loading={revoke.isPending}>
            {t('apiKeys.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
