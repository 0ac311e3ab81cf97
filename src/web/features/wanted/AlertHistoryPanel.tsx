import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../i18n/format';
import { useAlertHistory } from './alerts-api';

/** Field names as the forms label them (the history stores the contract's names). */
const FIELD_LABELS: Record<string, string> = {
  actionCode: 'wanted-alerts:field.actionCode',
  actionToTake: 'wanted-alerts:field.actionNote',
  sex: 'wanted-alerts:field.sex',
  physicalDescription: 'wanted-alerts:field.physicalDescription',
  languages: 'wanted-alerts:field.languages',
  identityMisused: 'wanted-alerts:field.identityMisused',
  marking: 'wanted-alerts:field.marking',
  photos: 'wanted-alerts:field.photos',
  links: 'wanted-alerts:links.title',
  withdrawnReason: 'wanted:detail.withdrawnReason',
  status: 'wanted:alerts.status',
};

/** Who changed what and when, before and after: the server answers it only to readers of the alert. */
export function AlertHistoryPanel({ alertId }: { alertId: string }) {
  const { t } = useTranslation('wanted-alerts');
  const history = useAlertHistory(alertId);
  const label = (field: string) => t(FIELD_LABELS[field] ?? `wanted:field.${field}`, { defaultValue: field });
  const value = (field: string, text: string) => (field === 'actionCode' && text ? t(`action.${text}`, { defaultValue: text }) : text || '—');
  return (
    <Stack gap="xs" component="section" aria-labelledby="alert-history-title">
      <Title order={2} size="h4" id="alert-history-title">{t('history.title')}</Title>
      <QueryState query={history}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('history.none')}</Text>
          ) : (
            <Stack gap="sm">
              {data.items.map((change) => (
                <Stack key={change.id} gap={4} data-testid="history-entry">
                  <Text size="sm">
                    <Badge variant="light" mr="xs" styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}>{t(`history.action.${change.action}`)}</Badge>
                    {t('history.by', { who: change.changedBy, when: formatDateTime(change.changedAt) })}
                  </Text>
                  {change.changes.length > 0 && (
                    <Table.ScrollContainer minWidth={480}>
                      <Table withTableBorder>
                        <Table.Thead>
                          <Table.Tr><Table.Th>{t('history.field')}</Table.Th><Table.Th>{t('history.before')}</Table.Th><Table.Th>{t('history.after')}</Table.Th></Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {change.changes.map((item) => (
                            <Table.Tr key={item.field}>
                              <Table.Td>{label(item.field)}</Table.Td>
                              <Table.Td>{value(item.field, item.before)}</Table.Td>
                              <Table.Td>{value(item.field, item.after)}</Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.ScrollContainer>
                  )}
                </Stack>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
