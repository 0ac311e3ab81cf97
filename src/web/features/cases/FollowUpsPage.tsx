import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n/format';
import { useDecideFollowUp, useFollowUps } from './api';

/** Follow-up requests on hits: the holding desk's release decisions, and the user's organisation's own requests. */
export function FollowUpsPage() {
  const { t } = useTranslation('cases');
  usePageTitle(t('followUp.title'));
  const followUps = useFollowUps();
  const decide = useDecideFollowUp();
  return (
    <Stack>
      <Title order={1}>{t('followUp.title')}</Title>
      <QueryState query={followUps}>
        {(data) => (
          <Table.ScrollContainer minWidth={700}>
            {data.items.length === 0 && <Text c="dimmed">{t('followUp.none')}</Text>}
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('followUp.side')}</Table.Th>
                  <Table.Th>{t('field.reference')}</Table.Th>
                  <Table.Th>{t('entity.kindLabel')}</Table.Th>
                  <Table.Th>{t('followUp.requester')}</Table.Th>
                  <Table.Th>{t('field.desk')}</Table.Th>
                  <Table.Th>{t('followUp.asked')}</Table.Th>
                  <Table.Th>{t('followUp.stateLabel')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{t(`followUp.sides.${item.side}`)}</Table.Td>
                    <Table.Td>{item.caseId ? <Link to={`/cases/${item.caseId}`}>{item.reference}</Link> : item.reference}</Table.Td>
                    <Table.Td>{t(`entity.kind.${item.kind}`)}</Table.Td>
                    <Table.Td>{item.requester.name}, {item.requester.organisation} ({item.requester.economy})</Table.Td>
                    <Table.Td>{item.holdingDesk.name}</Table.Td>
                    <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
                    <Table.Td>
                      {item.canDecide ? (
                        <Group gap="xs">
                          <Button size="xs" onClick={() => decide.mutate({ id: item.id, decision: 'release' })} loading={decide.isPending}>{t('followUp.release')}</Button>
                          <Button size="xs" variant="default" onClick={() => decide.mutate({ id: item.id, decision: 'decline' })}>{t('followUp.decline')}</Button>
                        </Group>
                      ) : (
                        <Badge color="dark">{t(`followUp.state.${item.state}`)}</Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Stack>
  );
}
