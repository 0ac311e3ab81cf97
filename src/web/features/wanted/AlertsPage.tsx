import { Button, Group, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ALERT_STATUSES, WANTED_KINDS } from '../../../contract/wanted';
import { useAbility } from '../../api/session';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { AlertForm } from './AlertForm';
import { useAlerts, useMarkingOptions } from './api';
import { formatDateTime } from '../../i18n/format';
import { MarkingBadge, useDeskLabel } from './alert-labels';
import { StatusBadge } from './components';
import { FIT_TABLE } from '../../components/fitTable';

const PAGE_SIZE = 25;

export function AlertsPage() {
  const { t } = useTranslation('wanted');
  const { t: ta } = useTranslation('wanted-alerts');
  const deskLabel = useDeskLabel();
  usePageTitle(t('alerts.title'));
  const canCreate = useAbility('wanted.alert.create');
  const [creating, setCreating] = useState(false);
  const [kind, setKind] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const alerts = useAlerts({ kind: (kind ?? undefined) as never, status: (status ?? undefined) as never, q: q || undefined, page, pageSize: PAGE_SIZE });
  const options = useMarkingOptions(canCreate && creating);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('alerts.title')}</Title>
        {canCreate && <Button onClick={() => setCreating(!creating)} variant={creating ? 'default' : 'filled'}>{creating ? t('form.close') : t('form.new')}</Button>}
      </Group>
      {creating && <QueryState query={options}>{(data) => <AlertForm options={data} />}</QueryState>}
      <Group align="end">
        <TextInput label={t('alerts.search')} value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} />
        <Select label={t('field.kind')} data={WANTED_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} value={kind} onChange={(v) => { setKind(v); setPage(1); }} clearable />
        <Select label={t('alerts.status')} data={ALERT_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))} value={status} onChange={(v) => { setStatus(v); setPage(1); }} clearable />
      </Group>
      <QueryState query={alerts}>
        {(data) => (
          <Stack>
            <Text size="sm" c="dimmed">{t('alerts.count', { count: data.total })}</Text>
            <Table.ScrollContainer minWidth={860}>
              <Table striped className={FIT_TABLE}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('alerts.reference')}</Table.Th>
                    <Table.Th>{t('alerts.subject')}</Table.Th>
                    <Table.Th>{t('field.kind')}</Table.Th>
                    <Table.Th>{t('field.issuingDesk')}</Table.Th>
                    <Table.Th>{t('field.validUntil')}</Table.Th>
                    <Table.Th>{ta('list.marking')}</Table.Th>
                    <Table.Th>{t('alerts.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((alert) => (
                    <Table.Tr key={alert.id}>
                      <Table.Td><Link to={`/wanted/alerts/${alert.id}`}>{alert.reference}</Link></Table.Td>
                      <Table.Td>{alert.label}</Table.Td>
                      <Table.Td>{t(`kind.${alert.kind}`)}</Table.Td>
                      <Table.Td>{deskLabel(alert.issuingDesk)}</Table.Td>
                      <Table.Td>{formatDateTime(alert.validUntil)}</Table.Td>
                      <Table.Td><MarkingBadge classification={alert.classification} tlp={alert.tlp} releasableEconomies={alert.releasableEconomies} /></Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}><StatusBadge status={alert.status} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {data.total > PAGE_SIZE && <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })} />}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
