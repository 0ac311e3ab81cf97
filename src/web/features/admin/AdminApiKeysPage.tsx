import { Badge, Button, Container, Group, Pagination, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_KEY_STATUSES, type ApiKeyCreated, type ApiKeyView } from '../../../contract/api-keys';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n/format';
import { ApiKeyFormModal } from './ApiKeyFormModal';
import { ApiKeyRevokeModal } from './ApiKeyRevokeModal';
import { ApiKeySecretModal } from './ApiKeySecretModal';
import { useApiKeys, useApproveApiKey } from './apiKeysApi';
import { notifyFailure, notifySuccess } from './notifyResult';

const PAGE_SIZE = 25;
const STATUS_COLOURS: Record<ApiKeyView['status'], string> = { pending: 'yellow', active: 'green', expired: 'gray', revoked: 'red' };

/** API keys of machine clients: who they act for, what they may do, from where, until when, and their last use. */
export function AdminApiKeysPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('apiKeys.title'));
  const [status, setStatus] = useState<ApiKeyView['status'] | null>(null);
  const [page, setPage] = useState(1);
  const keys = useApiKeys(status ?? undefined, page, PAGE_SIZE);
  const approve = useApproveApiKey();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [revokeTarget, setRevokeTarget] = useState<ApiKeyView | null>(null);

  const approveKey = (key: ApiKeyView) =>
    approve.mutate(key.id, { onSuccess: () => notifySuccess(t('apiKeys.approved', { name: key.name })), onError: (error) => notifyFailure(t, error) });

  return (
    <Container size="xl">
      <Stack>
        <Group justify="space-between">
          <Title order={1}>{t('apiKeys.title')}</Title>
          <Button onClick={() => setCreating(true)}>{t('apiKeys.create')}</Button>
        </Group>
        <Text c="dimmed">{t('apiKeys.intro')}</Text>
        <Select
          label={t('fields.status')}
          placeholder={t('apiKeys.allStatuses')}
          clearable
          w={240}
          data={API_KEY_STATUSES.map((value) => ({ value, label: t(`apiKeys.statuses.${value}`) }))}
          value={status}
          onChange={(value) => {
            setStatus(value as ApiKeyView['status'] | null);
            setPage(1);
          }}
        />
        <QueryState query={keys}>
          {(data) =>
            data.items.length === 0 ? (
              <Text>{t('apiKeys.none')}</Text>
            ) : (
              <>
                <Table.ScrollContainer minWidth={900}>
                  <Table striped verticalSpacing="sm">
                    <Table.Caption>{t('apiKeys.count', { count: data.total })}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('apiKeys.fields.name')}</Table.Th>
                        <Table.Th>{t('fields.organisation')}</Table.Th>
                        <Table.Th>{t('apiKeys.fields.scopes')}</Table.Th>
                        <Table.Th>{t('apiKeys.fields.allowedNetworks')}</Table.Th>
                        <Table.Th>{t('fields.status')}</Table.Th>
                        <Table.Th>{t('apiKeys.fields.lastUsed')}</Table.Th>
                        <Table.Th>
                          <VisuallyHidden>{t('actions')}</VisuallyHidden>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.items.map((key) => (
                        <Table.Tr key={key.id}>
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {key.name}
                            </Text>
                            <Text size="xs" c="dimmed" ff="monospace">
                              {key.prefix}…
                            </Text>
                            <Text size="xs" c="dimmed">
                              {t('apiKeys.createdBy', { name: key.createdBy, at: formatDateTime(key.createdAt) })}
                            </Text>
                            {key.approvedBy && key.approvedAt && (
                              <Text size="xs" c="dimmed">
                                {t('apiKeys.approvedBy', { name: key.approvedBy, at: formatDateTime(key.approvedAt) })}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{key.organisation.name}</Text>
                            <Text size="xs" c="dimmed">
                              {key.organisation.economy} · {t(`clearances.${key.clearance}`)}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Stack gap={4}>
                              {key.scopes.map((scope) => (
                                <Badge key={scope} variant="light" size="sm" style={{ textTransform: 'none' }}>
                                  {t(`apiKeys.scopes.${scope}`)}
                                </Badge>
                              ))}
                            </Stack>
                          </Table.Td>
                          <Table.Td>
                            <Text size="xs" ff="monospace">
                              {key.allowedNetworks.join(', ')}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Badge color={STATUS_COLOURS[key.status]} variant="light" style={{ textTransform: 'none' }}>
                              {t(`apiKeys.statuses.${key.status}`)}
                            </Badge>
                            <Text size="xs" c="dimmed" mt={4}>
                              {key.revokedAt
                                ? t('apiKeys.revokedBy', { name: key.revokedBy ?? '', at: formatDateTime(key.revokedAt), reason: key.revokeReason ?? '' })
                                : t('apiKeys.expires', { at: formatDateTime(key.expiresAt) })}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t('apiKeys.neverUsed')}</Text>
                            {key.lastUsedIp && (
                              <Text size="xs" c="dimmed" ff="monospace">
                                {key.lastUsedIp}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Group gap="xs" wrap="nowrap">
                              {key.abilities.approve && (
                                <Button size="compact-sm" variant="light" loading={approve.isPending} onClick={() => approveKey(key)} aria-label={t('apiKeys.approveNamed', { name: key.name })}>
                                  {t('apiKeys.approve')}
                                </Button>
                              )}
                              {key.abilities.revoke && (
                                <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRevokeTarget(key)} aria-label={t('apiKeys.revokeNamed', { name: key.name })}>
                                  {t('apiKeys.revoke')}
                                </Button>
                              )}
                            </Group>
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
            )
          }
        </QueryState>
      </Stack>
      <ApiKeyFormModal opened={creating} onClose={() => setCreating(false)} onCreated={setCreated} />
      <ApiKeySecretModal created={created} onClose={() => setCreated(null)} />
      <ApiKeyRevokeModal target={revokeTarget} onClose={() => setRevokeTarget(null)} />
    </Container>
  );
}
