import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskView } from '../../../contract/directory';
import { useAddDeskMember, useUsers } from './api';
import { notifyFailure, notifySaved } from './notifyResult';

/** Picks a user of the desk's own economy: nobody else may staff it. */
export function DeskMemberModal({ desk, onClose }: { desk: DeskView | null; onClose(): void }) {
  const { t } = useTranslation('admin');
  const [userId, setUserId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const candidates = useUsers({ economy: desk?.economy, status: 'active' }, 1, 100);
  const add = useAddDeskMember();
  const memberIds = new Set((desk?.members ?? []).map((member) => member.id));
  const options = (candidates.data?.items ?? [])
    .filter((user) => !memberIds.has(user.id))
    .map((user) => ({ value: user.id, label: `${user.displayName} – ${user.organisation.name}` }));

  const close = () => {
    setUserId(null);
    setError(null);
    onClose();
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!desk) return;
    if (!userId) {
      setError(t('validation.required'));
      return;
    }
    add.mutate(
      { deskId: desk.id, userId },
      {
        onSuccess: (result) => {
          notifySaved(t, result, t('desks.memberAdded'));
          close();
        },
        onError: (failure) => notifyFailure(t, failure),
      },
    );
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={desk !== null} onClose={close} title={t('desks.addMemberTitle', { desk: desk?.name ?? '' })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('desks.sameEconomy', { economy: desk?.economy ?? '' })} {t('accessChanges.hint.desk')}
          </Text>
          <Select
            label={t('desks.member')}
            required
            searchable
            data={options}
            value={userId}
            onChange={(value) => {
              setUserId(value);
              setError(null);
            }}
            error={error}
            nothingFoundMessage={t('nothingFound')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('desks.addMember')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
