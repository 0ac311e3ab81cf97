import { Anchor, Button, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAbility } from '../../api/session';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber } from '../../i18n/format';
import { iatiUrl, useActivities, useRegistryOptions } from './api';
import { FilterBar, StatusBadge, euro, period, useRegistryFilters } from './components';

const PAGE_SIZE = 25;

/** The activity list: for signed-in registry users every activity they may read, for visitors the public ones. */
export function ActivitiesPage({ scope }: { scope: 'secure' | 'public' }) {
  const { t } = useTranslation('registry');
  usePageTitle(t(scope === 'public' ? 'public.title' : 'list.title'));
  const url = useRegistryFilters();
  const canCreate = useAbility('registry.activity.create');
  const canBoard = useAbility('registry.board.read');
  const canImport = useAbility('registry.activity.import');
  const options = useRegistryOptions();
  const activities = useActivities(scope, { ...url.filters, page: String(url.page), pageSize: String(PAGE_SIZE) });
  const prefix = scope === 'public' ? '/activities' : '/registry';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t(scope === 'public' ? 'public.title' : 'list.title')}</Title>
        <Group>
          {scope === 'secure' && canCreate && <Button component={Link} to="/registry/new">{t('list.new')}</Button>}
          <Button component={Link} variant="light" to={`${prefix}/3w`}>{t('list.threeW')}</Button>
          {scope === 'secure' && canImport && <Button component={Link} variant="light" to="/registry/import">{t('import.open')}</Button>}
          {scope === 'secure' && canBoard && <Button component={Link} variant="light" to="/registry/board">{t('list.board')}</Button>}
          <Button component="a" variant="outline" href={iatiUrl(scope, url.filters)} download>{t('list.iati')}</Button>
        </Group>
      </Group>
      {scope === 'public' && <Text>{t('public.intro')}</Text>}
      <FilterBar url={url} topics={options.data?.topics ?? []} />
      <QueryState query={activities}>
        {(data) => (
          <Stack>
            <Text aria-live="polite">{t('list.count', { count: data.total, formatted: formatNumber(data.total) })}</Text>
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('field.title')}</Table.Th>
                    <Table.Th>{t('field.implementer')}</Table.Th>
                    <Table.Th>{t('field.economies')}</Table.Th>
                    <Table.Th>{t('field.period')}</Table.Th>
                    <Table.Th>{t('field.status')}</Table.Th>
                    <Table.Th ta="right">{t('field.budgetEur')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`${prefix}/${item.id}`}>{item.title}</Anchor>
                        <Text size="sm" c="dimmed">{item.reportingOrg}</Text>
                      </Table.Td>
                      <Table.Td>{item.implementers.join(', ')}</Table.Td>
                      <Table.Td>{item.economies.join(', ')}</Table.Td>
                      <Table.Td>{period(item.plannedStart, item.plannedEnd)}</Table.Td>
                      <Table.Td><StatusBadge status={item.status} /></Table.Td>
                      <Table.Td ta="right">{euro(item.budgetEur)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {data.total > PAGE_SIZE && <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={url.page} onChange={url.setPage} getControlProps={(control) => ({ 'aria-label': t(`pager.${control}`) })} />}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
