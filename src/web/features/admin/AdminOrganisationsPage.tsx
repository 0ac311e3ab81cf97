import { Anchor, Button, Container, Group, Pagination, Select, Stack, Table, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '../../../contract/core';
import type { OrganisationView } from '../../../contract/directory';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { useDeleteOrganisation, useEconomies, useOrganisations } from './api';
import { kindOptions } from './adminOptions';
import { ConfirmModal } from './ConfirmModal';
import { notifyFailure, notifySuccess } from './notifyResult';
import { OrganisationFormModal } from './OrganisationFormModal';

const PAGE_SIZE = 25;

export function AdminOrganisationsPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('organisations.title'));
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [economy, setEconomy] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const organisations = useOrganisations(
    { q: debouncedSearch.trim() || undefined, economy: economy ?? undefined, kind: (kind ?? undefined) as OrganisationKind | undefined },
    page,
    PAGE_SIZE,
  );
  const economies = useEconomies();
  const [editTarget, setEditTarget] = useState<OrganisationView | 'new' | null>(null);
  const [deleteTarget, setDeleteTarget] = useState<OrganisationView | null>(null);
  const remove = useDeleteOrganisation();

  const confirmDelete = () => {
    if (!deleteTarget) return;
    remove.mutate(deleteTarget.id, {
      onSuccess: () => {
        notifySuccess(t('organisations.deleted'));
        setDeleteTarget(null);
      },
      onError: (error) => {
        setDeleteTarget(null);
        notifyFailure(t, error);
      },
    });
  };

  return (
    <Container size="xl">
      <Stack>
        <Group justify="space-between">
          <Title order={1}>{t('organisations.title')}</Title>
          <Button onClick={() => setEditTarget('new')}>{t('organisations.create')}</Button>
        </Group>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('filters.search')}
            placeholder={t('filters.searchOrganisations')}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setPage(1);
            }}
            w={{ base: '100%', sm: 260 }}
          />
          <Select
            label={t('fields.economy')}
            clearable
            searchable
            data={(economies.data?.items ?? []).map((item) => ({ value: item.code, label: `${item.code} – ${item.name}` }))}
            value={economy}
            onChange={(value) => {
              setEconomy(value);
              setPage(1);
            }}
            w={{ base: '100%', sm: 220 }}
          />
          <Select
            label={t('fields.kind')}
            clearable
            data={kindOptions(t)}
            value={kind}
            onChange={(value) => {
              setKind(value);
              setPage(1);
            }}
            w={{ base: '100%', sm: 220 }}
          />
        </Group>
        <QueryState query={organisations}>
          {(data) => (
            <>
              <Table.ScrollContainer minWidth={700}>
                <Table striped highlightOnHover>
                  <Table.Caption>{t('organisations.count', { count: data.total })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('fields.name')}</Table.Th>
                      <Table.Th>{t('fields.kind')}</Table.Th>
                      <Table.Th>{t('fields.economy')}</Table.Th>
                      <Table.Th>{t('fields.website')}</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>{t('actions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((organisation) => (
                      <Table.Tr key={organisation.id}>
                        <Table.Td>
                          {organisation.name}
                          {organisation.acronym ? ` (${organisation.acronym})` : ''}
                        </Table.Td>
                        <Table.Td>{t(`kinds.${organisation.kind}`)}</Table.Td>
                        <Table.Td>{organisation.economy}</Table.Td>
                        <Table.Td>
                          {organisation.website && (
                            <Anchor href={organisation.website} target="_blank" rel="noopener noreferrer" size="sm">
                              {new URL(organisation.website).host}
                            </Anchor>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {organisation.abilities['admin.organisation.manage'] && (
                            <Group gap="xs" wrap="nowrap">
                              <Button size="compact-sm" variant="light" onClick={() => setEditTarget(organisation)} aria-label={t('editNamed', { name: organisation.name })}>
                                {t('edit')}
                              </Button>
                              <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleteTarget(organisation)} aria-label={t('deleteNamed', { name: organisation.name })}>
                                {t('delete')}
                              </Button>
                            </Group>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {data.total > PAGE_SIZE && (
                <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })} />
              )}
            </>
          )}
        </QueryState>
      </Stack>
      <OrganisationFormModal target={editTarget} onClose={() => setEditTarget(null)} />
      <ConfirmModal
        opened={deleteTarget !== null}
        title={t('organisations.deleteTitle')}
        message={t('organisations.deleteMessage', { name: deleteTarget?.name ?? '' })}
        confirmLabel={t('delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleteTarget(null)}
      />
    </Container>
  );
}
