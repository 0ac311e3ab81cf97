import { Anchor, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASE_STATUSES, CRIME_AREAS, type CaseListQuery } from '../../../contract/cases';
import { useAbility } from '../../api/session';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatCalendarDate } from '../../i18n/format';
import { useCases } from './api';
import { MarkingBadge } from './components';

export function CaseListPage() {
  const { t } = useTranslation('cases');
  usePageTitle(t('list.title'));
  const canCreate = useAbility('cases.case.create');
  const [crimeArea, setCrimeArea] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const cases = useCases({ crimeArea: (crimeArea ?? undefined) as CaseListQuery['crimeArea'], status: (status ?? undefined) as CaseListQuery['status'] });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('list.title')}</Title>
        <Group>
          <Button variant="default" component={Link} to="/cases/follow-ups">{t('nav.followUps')}</Button>
          <Button variant="default" component={Link} to="/cases/dashboard">{t('nav.dashboard')}</Button>
          {canCreate && <Button component={Link} to="/cases/new">{t('list.create')}</Button>}
        </Group>
      </Group>
      <Group>
        <Select label={t('field.crimeArea')} data={CRIME_AREAS.map((value) => ({ value, label: t(`crimeArea.${value}`) }))} value={crimeArea} onChange={setCrimeArea} clearable />
        <Select label={t('field.status')} data={CASE_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))} value={status} onChange={setStatus} clearable />
      </Group>
      <QueryState query={cases}>
        {(data) => (
          <Stack>
            <Text size="sm" c="dimmed">{t('list.count', { count: data.total })}</Text>
            <Table.ScrollContainer minWidth={700}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('field.reference')}</Table.Th>
                    <Table.Th>{t('field.title')}</Table.Th>
                    <Table.Th>{t('field.crimeArea')}</Table.Th>
                    <Table.Th>{t('field.status')}</Table.Th>
                    <Table.Th>{t('field.desk')}</Table.Th>
                    <Table.Th>{t('field.openedOn')}</Table.Th>
                    <Table.Th>{t('field.marking')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td><Anchor component={Link} to={`/cases/${item.id}`}>{item.reference}</Anchor></Table.Td>
                      <Table.Td>{item.title}</Table.Td>
                      <Table.Td>{t(`crimeArea.${item.crimeArea}`)}</Table.Td>
                      <Table.Td>{t(`status.${item.status}`)}</Table.Td>
                      <Table.Td>{item.ownerDesk.name}</Table.Td>
                      <Table.Td>{formatCalendarDate(item.openedOn)}</Table.Td>
                      <Table.Td><MarkingBadge classification={item.classification} tlp={item.tlp} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
