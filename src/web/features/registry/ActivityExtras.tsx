import { Anchor, List, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../contract/registry';
import { formatCalendarDate, formatNumber } from '../../i18n/format';
import { LocationMap } from './editor/LocationMap';

/** Locations on the map, transactions and documents of an activity page. */
export function ActivityExtras({ activity }: { activity: Activity }) {
  const { t } = useTranslation('registry');
  const points = activity.locations.flatMap((location) => (location.point ? [{ label: location.name, lat: location.point.lat, lng: location.point.lng, selected: false }] : []));
  return (
    <Stack>
      {activity.locations.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Stack>
            <Title order={2} size="h3">{t('field.locations')}</Title>
            <List>
              {activity.locations.map((location) => (
                <List.Item key={`${location.name}-${location.economy}`}>{[location.name, location.adminArea, location.economy].filter(Boolean).join(', ')}</List.Item>
              ))}
            </List>
          </Stack>
          {points.length > 0 && <LocationMap points={points} onPick={null} />}
        </SimpleGrid>
      )}
      {activity.transactions.length > 0 && (
        <>
          <Title order={2} size="h3">{t('editor.section.finance')}</Title>
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr><Table.Th>{t('field.transactionType')}</Table.Th><Table.Th>{t('field.date')}</Table.Th><Table.Th ta="right">{t('field.value')}</Table.Th><Table.Th>{t('field.providerOrg')}</Table.Th><Table.Th>{t('field.receiverOrg')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {activity.transactions.map((transaction) => (
                  <Table.Tr key={`${transaction.type}-${transaction.date}-${transaction.value}`}>
                    <Table.Td>{t(`transactionType.${transaction.type}`)}</Table.Td>
                    <Table.Td>{formatCalendarDate(transaction.date)}</Table.Td>
                    <Table.Td ta="right">{`${formatNumber(transaction.value)} ${transaction.currency}`}</Table.Td>
                    <Table.Td>{transaction.providerOrg}</Table.Td>
                    <Table.Td>{transaction.receiverOrg}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {activity.documents.length > 0 && (
        <>
          <Title order={2} size="h3">{t('editor.section.contacts')}</Title>
          <List>
            {activity.documents.map((document) => (
              <List.Item key={document.url}><Anchor href={document.url} rel="noopener noreferrer" target="_blank">{document.title}</Anchor></List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
