import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessChangeView } from '../../../contract/admin';
import { useRejectChange } from './api';
import { fieldErrors, notifyFailure, notifySuccess } from './notifyResult';

/** Rejects (or, for the proposer, withdraws) a waiting change; the reason is required and shown to the proposer. */
export function RejectChangeModal({ change, onClose }: { change: AccessChangeView | null; onClose(): void }) {
  const { t } = useTranslation('admin');
  const reject = useRejectChange();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setReason('');
    setError(null);
  }, [change]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!change) return;
    if (reason.trim().length < 3) {
      setError(t('accessChanges.reasonRequired'));
      return;
    }
    reject.mutate(
      { id: change.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('accessChanges.rejectedDone'));
          onClose();
        },
        onError: (failure) => {
          setError(fieldErrors(failure).reason ?? null);
          notifyFailure(t, failure);
        },
      },
    );
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={change !== null} onClose={onClose} title={t('accessChanges.rejectTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{change?.member?.label ?? change?.subject.label}</Text>
          <Textarea
            label={t('accessChanges.reason')}
            required
            autosize
            minRows={3}
            maxLength={500}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setError(null);
            }}
            error={error}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" color="red" loading={reject.isPending}>
              {t('accessChanges.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
