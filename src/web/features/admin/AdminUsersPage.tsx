import { Badge, Button, Container, Group, Menu, Pagination, Select, Stack, Table, Text, TextInput, Title, ActionIcon, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUserView } from '../../../contract/admin';
import type { Role } from '../../../contract/core';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { useEconomies, useResetCredentials, useSetUserDisabled, useUnlockUser, useUsers } from './api';
import { roleOptions } from './adminOptions';
import { ConfirmModal } from './ConfirmModal';
import { notifyFailure, notifySuccess } from './notifyResult';
import { OneTimePasswordModal } from './OneTimePasswordModal';
import { UserFormDrawer } from './UserFormDrawer';
import { FIT_TABLE } from '../../components/fitTable';

const PAGE_SIZE = 25;

export function AdminUsersPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('users.title'));
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [economy, setEconomy] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const filters = {
    q: debouncedSearch.trim() || undefined,
    economy: economy ?? undefined,
    role: (role ?? undefined) as Role | undefined,
    status: (status ?? undefined) as 'active' | 'disabled' | undefined,
  };
  const users = useUsers(filters, page, PAGE_SIZE);
  const economies = useEconomies();
  const [drawerTarget, setDrawerTarget] = useState<AdminUserView | 'new' | null>(null);
  const [resetTarget, setResetTarget] = useState<AdminUserView | null>(null);
  const [password, setPassword] = useState<{ email: string; password: string } | null>(null);
  const resetCredentials = useResetCredentials();
  const setDisabled = useSetUserDisabled();
  const unlock = useUnlockUser();

  const resetFilter = <T,>(setter: (value: T) => void) => (value: T) => {
    setter(value);
    setPage(1);
  };

  const toggleDisabled = (user: AdminUserView) =>
    setDisabled.mutate(
      { id: user.id, disabled: !user.disabled },
      { onSuccess: () => notifySuccess(user.disabled ? t('users.enabled') : t('users.disabledDone')), onError: (error) => notifyFailure(t, error) },
    );

  const unlockUser = (user: AdminUserView) =>
    unlock.mutate(user.id, { onSuccess: () => notifySuccess(t('users.unlocked', { name: user.displayName })), onError: (error) => notifyFailure(t, error) });

  const confirmReset = () => {
    if (!resetTarget) return;
    resetCredentials.mutate(resetTarget.id, {
      onSuccess: (result) => {
        setResetTarget(null);
        notifySuccess(t('users.resetDone'));
        setPassword({ email: result.user.email, password: result.oneTimePassword });
      },
      onError: (error) => notifyFailure(t, error),
    });
  };

  return (
    <Container size="xl">
      <Stack>
        <Group justify="space-between">
          <Title order={1}>{t('users.title')}</Title>
          <Button onClick={() => setDrawerTarget('new')}>{t('users.create')}</Button>
        </Group>
        <Group align="flex-end" gap="sm">
          <TextInput label={t('filters.search')} placeholder={t('filters.searchUsers')} value={search} onChange={(event) => resetFilter(setSearch)(event.currentTarget.value)} w={{ base: '100%', sm: 260 }} />
          <Select
            label={t('fields.economy')}
            clearable
            searchable
            data={(economies.data?.items ?? []).map((item) => ({ value: item.code, label: `${item.code} – ${item.name}` }))}
            value={economy}
            onChange={resetFilter(setEconomy)}
            w={{ base: '100%', sm: 220 }}
          />
          <Select label={t('fields.role')} clearable data={roleOptions(t)} value={role} onChange={resetFilter(setRole)} w={{ base: '100%', sm: 180 }} />
          <Select
            label={t('fields.status')}
            clearable
            data={[
              { value: 'active', label: t('users.active') },
              { value: 'disabled', label: t('users.disabled') },
            ]}
            value={status}
            onChange={resetFilter(setStatus)}
            w={{ base: '100%', sm: 160 }}
          />
        </Group>
        <QueryState query={users}>
          {(data) => (
            <>
              <Table.ScrollContainer minWidth={800}>
                <Table striped highlightOnHover className={FIT_TABLE}>
                  <Table.Caption>{t('users.count', { count: data.total })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('fields.displayName')}</Table.Th>
                      <Table.Th>{t('fields.organisation')}</Table.Th>
                      <Table.Th>{t('fields.roles')}</Table.Th>
                      <Table.Th>{t('fields.clearance')}</Table.Th>
                      <Table.Th>{t('fields.status')}</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>{t('actions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((user) => (
                      <Table.Tr key={user.id}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {user.displayName}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {user.email}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{user.organisation.name}</Text>
                          <Text size="xs" c="dimmed">
                            {user.organisation.economy}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {user.roles.map((item) => (
                              <Badge key={item} variant="light" size="sm">
                                {t(`roles.${item}`)}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                        <Table.Td>{t(`clearances.${user.clearance}`)}</Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            <Badge color={user.disabled ? 'gray' : 'green'} variant="light">
                              {user.disabled ? t('users.disabled') : t('users.active')}
                            </Badge>
                            {user.locked && (
                              <Badge color="red" variant="light">
                                {t('users.locked')}
                              </Badge>
                            )}
                            {!user.totpEnrolled && (
                              <Badge color="yellow" variant="light">
                                {t('users.noSecondFactor')}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <ActionIcon variant="subtle" aria-label={t('users.actionsFor', { name: user.displayName })}>
                                ⋯
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              {user.abilities.update && <Menu.Item onClick={() => setDrawerTarget(user)}>{t('edit')}</Menu.Item>}
                              {user.abilities.unlock && <Menu.Item onClick={() => unlockUser(user)}>{t('users.unlock')}</Menu.Item>}
                              {user.abilities.resetCredentials && <Menu.Item onClick={() => setResetTarget(user)}>{t('users.reset')}</Menu.Item>}
                              {user.abilities.disable && (
                                <Menu.Item color="red" onClick={() => toggleDisabled(user)}>
                                  {t('users.disable')}
                                </Menu.Item>
                              )}
                              {user.abilities.enable && <Menu.Item onClick={() => toggleDisabled(user)}>{t('users.enable')}</Menu.Item>}
                            </Menu.Dropdown>
                          </Menu>
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
      <UserFormDrawer target={drawerTarget} onClose={() => setDrawerTarget(null)} onCreated={(email, oneTimePassword) => setPassword({ email, password: oneTimePassword })} />
      <ConfirmModal
        opened={resetTarget !== null}
        title={t('users.resetTitle')}
        message={t('users.resetMessage', { name: resetTarget?.displayName ?? '' })}
        confirmLabel={t('users.reset')}
        loading={resetCredentials.isPending}
        onConfirm={confirmReset}
        onClose={() => setResetTarget(null)}
      />
      <OneTimePasswordModal shown={password} onClose={() => setPassword(null)} />
    </Container>
  );
}
