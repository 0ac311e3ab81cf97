import { Anchor, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REPORT_STATUSES, type ReportStatus } from '../../../../contract/cases-reports';
import { useAbility } from '../../../api/session';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatCalendarDate, formatDateTime } from '../../../i18n/format';
import { MarkingBadge } from '../components';
import { useReports } from './api';

/** The reports the user may read: the desk's drafts, those waiting for the user's release, released ones. */
export function ReportListPage() {
  const { t } = useTranslation('cases-reports');
  usePageTitle(t('list.title'));
  const canWrite = useAbility('cases.report.write');
  const [status, setStatus] = useState<ReportStatus | null>(null);
  const reports = useReports(status ? { status } : {});
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('list.title')}</Title>
        {canWrite && <Button component={Link} to="/cases/reports/new">{t('list.new')}</Button>}
      </Group>
      <Select w={260} label={t('field.status')} placeholder={t('list.allStatuses')} clearable data={REPORT_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))} value={status} onChange={(value) => setStatus(value as ReportStatus | null)} />
      <QueryState query={reports}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('list.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={700}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('list.reference')}</Table.Th>
                    <Table.Th>{t('list.titleColumn')}</Table.Th>
                    <Table.Th>{t('field.status')}</Table.Th>
                    <Table.Th>{t('list.period')}</Table.Th>
                    <Table.Th>{t('list.desk')}</Table.Th>
                    <Table.Th>{t('list.updated')}</Table.Th>
                    <Table.Th>{t('field.marking')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td><Anchor component={Link} to={`/cases/reports/${item.id}`}>{item.reference}</Anchor></Table.Td>
                      <Table.Td>{item.title}</Table.Td>
                      <Table.Td>{t(`status.${item.status}`)}</Table.Td>
                      <Table.Td>{formatCalendarDate(item.periodFrom)} – {formatCalendarDate(item.periodTo)}</Table.Td>
                      <Table.Td>{item.ownerDesk.name} ({item.ownerEconomy})</Table.Td>
                      <Table.Td>{formatDateTime(item.updatedAt)}</Table.Td>
                      <Table.Td><MarkingBadge classification={item.classification} tlp={item.tlp} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}
