import { Badge, Button, Card, CloseButton, Container, Group, List, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskView } from '../../../contract/directory';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { useDeleteDesk, useDesks, useEconomies, useRemoveDeskMember } from './api';
import { ConfirmModal } from './ConfirmModal';
import { DeskFormModal } from './DeskFormModal';
import { DeskMemberModal } from './DeskMemberModal';
import { notifyFailure, notifySuccess } from './notifyResult';

export function AdminDesksPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('desks.title'));
  const desks = useDesks();
  const economies = useEconomies();
  const [economy, setEconomy] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [addTo, setAddTo] = useState<DeskView | null>(null);
  const [deleteTarget, setDeleteTarget] = useState<DeskView | null>(null);
  const removeMember = useRemoveDeskMember();
  const removeDesk = useDeleteDesk();

  const confirmDelete = () => {
    if (!deleteTarget) return;
    removeDesk.mutate(deleteTarget.id, {
      onSuccess: () => notifySuccess(t('desks.deleted')),
      onError: (error) => notifyFailure(t, error),
      onSettled: () => setDeleteTarget(null),
    });
  };

  return (
    <Container size="xl">
      <Stack>
        <Group justify="space-between">
          <Title order={1}>{t('desks.title')}</Title>
          <Button onClick={() => setCreating(true)}>{t('desks.create')}</Button>
        </Group>
        <Text c="dimmed">{t('desks.intro')}</Text>
        <Select
          label={t('fields.economy')}
          clearable
          searchable
          data={(economies.data?.items ?? []).map((item) => ({ value: item.code, label: `${item.code} – ${item.name}` }))}
          value={economy}
          onChange={setEconomy}
          w={{ base: '100%', sm: 260 }}
        />
        <QueryState query={desks}>
          {(data) => (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {data.items
                .filter((desk) => !economy || desk.economy === economy)
                .map((desk) => (
                  <Card key={desk.id} withBorder component="section" aria-label={desk.name}>
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <div>
                        <Title order={2} size="h5">
                          {desk.name}
                        </Title>
                        <Group gap={4} mt={4}>
                          <Badge variant="light">{desk.economy}</Badge>
                          <Badge variant="outline">{t(`areas.${desk.area}`)}</Badge>
                        </Group>
                        {desk.email && (
                          <Text size="xs" c="dimmed" mt={4}>
                            {desk.email}
                          </Text>
                        )}
                      </div>
                      <Text size="sm" c="dimmed">
                        {t('desks.members', { count: desk.memberCount })}
                      </Text>
                    </Group>
                    <List size="sm" mt="sm" spacing={4} listStyleType="none">
                      {(desk.members ?? []).map((member) => (
                        <List.Item key={member.id}>
                          <Group gap="xs" wrap="nowrap" justify="space-between">
                            <Text size="sm">
                              {member.displayName}{' '}
                              <Text span size="xs" c="dimmed">
                                {member.organisation}
                              </Text>
                            </Text>
                            {desk.abilities['admin.desk.manage'] && (
                              <CloseButton
                                size="sm"
                                aria-label={t('desks.removeMember', { name: member.displayName })}
                                onClick={() =>
                                  removeMember.mutate(
                                    { deskId: desk.id, userId: member.id },
                                    { onSuccess: () => notifySuccess(t('desks.memberRemoved')), onError: (error) => notifyFailure(t, error) },
                                  )
                                }
                              />
                            )}
                          </Group>
                        </List.Item>
                      ))}
                    </List>
                    {desk.abilities['admin.desk.manage'] && (
                      <Group mt="md" gap="xs">
                        <Button size="compact-sm" variant="light" onClick={() => setAddTo(desk)}>
                          {t('desks.addMember')}
                        </Button>
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleteTarget(desk)} aria-label={t('deleteNamed', { name: desk.name })}>
                          {t('delete')}
                        </Button>
                      </Group>
                    )}
                  </Card>
                ))}
            </SimpleGrid>
          )}
        </QueryState>
      </Stack>
      <DeskFormModal opened={creating} onClose={() => setCreating(false)} />
      <DeskMemberModal desk={addTo} onClose={() => setAddTo(null)} />
      <ConfirmModal
        opened={deleteTarget !== null}
        title={t('desks.deleteTitle')}
        message={t('desks.deleteMessage', { name: deleteTarget?.name ?? '' })}
        confirmLabel={t('delete')}
        loading={removeDesk.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleteTarget(null)}
      />
    </Container>
  );
}
