import { Badge, Button, Card, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharingGroupView } from '../../../contract/directory';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { useDeleteSharingGroup, useSharingGroups } from './api';
import { ConfirmModal } from './ConfirmModal';
import { notifyFailure, notifySuccess } from './notifyResult';
import { SharingGroupFormModal } from './SharingGroupFormModal';

export function AdminSharingGroupsPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('groups.title'));
  const groups = useSharingGroups();
  const [editTarget, setEditTarget] = useState<SharingGroupView | 'new' | null>(null);
  const [deleteTarget, setDeleteTarget] = useState<SharingGroupView | null>(null);
  const remove = useDeleteSharingGroup();

  const confirmDelete = () => {
    if (!deleteTarget) return;
    remove.mutate(deleteTarget.id, {
      onSuccess: () => notifySuccess(t('groups.deleted')),
      onError: (error) => notifyFailure(t, error),
      onSettled: () => setDeleteTarget(null),
    });
  };

  return (
    <Container size="xl">
      <Stack>
        <Group justify="space-between">
          <Title order={1}>{t('groups.title')}</Title>
          <Button onClick={() => setEditTarget('new')}>{t('groups.create')}</Button>
        </Group>
        <Text c="dimmed">{t('groups.intro')}</Text>
        <QueryState query={groups}>
          {(data) =>
            data.items.length === 0 ? (
              <Text>{t('groups.none')}</Text>
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                {data.items.map((group) => (
                  <Card key={group.id} withBorder component="section" aria-label={group.name}>
                    <Title order={2} size="h5">
                      {group.name}
                    </Title>
                    {group.description && (
                      <Text size="sm" c="dimmed" mt={4}>
                        {group.description}
                      </Text>
                    )}
                    <Text size="sm" fw={500} mt="sm">
                      {t('fields.economies')}
                    </Text>
                    <Group gap={4} mt={4}>
                      {group.economies.length === 0 ? <Text size="sm">–</Text> : group.economies.map((code) => <Badge key={code} variant="light">{code}</Badge>)}
                    </Group>
                    <Text size="sm" fw={500} mt="sm">
                      {t('fields.organisations')}
                    </Text>
                    <Text size="sm">{group.organisations.length === 0 ? '–' : group.organisations.map((item) => `${item.name} (${item.economy})`).join('; ')}</Text>
                    {group.abilities['admin.sharing_group.manage'] && (
                      <Group mt="md" gap="xs">
                        <Button size="compact-sm" variant="light" onClick={() => setEditTarget(group)} aria-label={t('editNamed', { name: group.name })}>
                          {t('edit')}
                        </Button>
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleteTarget(group)} aria-label={t('deleteNamed', { name: group.name })}>
                          {t('delete')}
                        </Button>
                      </Group>
                    )}
                  </Card>
                ))}
              </SimpleGrid>
            )
          }
        </QueryState>
      </Stack>
      <SharingGroupFormModal target={editTarget} onClose={() => setEditTarget(null)} />
      <ConfirmModal
        opened={deleteTarget !== null}
        title={t('groups.deleteTitle')}
        message={t('groups.deleteMessage', { name: deleteTarget?.name ?? '' })}
        confirmLabel={t('delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleteTarget(null)}
      />
    </Container>
  );
}
