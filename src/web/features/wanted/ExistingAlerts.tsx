import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCheckInput } from '../../../contract/wanted-alerts';
import { ApiError } from '../../api/client';
import { useDeskLabel } from './alert-labels';
import { useDuplicateCheck } from './alerts-api';
import { DecisionBadge, StatusBadge } from './components';

/** Before entry: the active alerts on the same subject, in full when readable, as a bare hit when not. */
export function ExistingAlerts({ subject }: { subject: () => DuplicateCheckInput }) {
  const { t } = useTranslation('wanted-alerts');
  const { t: tw } = useTranslation('wanted');
  const deskLabel = useDeskLabel();
  const check = useDuplicateCheck();
  return (
    <Stack gap="xs" aria-live="polite">
      <Group><Button variant="light" loading={check.isPending} onClick={() => check.mutate(subject())}>{t('duplicates.check')}</Button></Group>
      {check.error && <Alert color="red" role="alert">{check.error instanceof ApiError ? (check.error.detail ?? check.error.title) : tw('error')}</Alert>}
      {check.data && (check.data.existing.length === 0 ? (
        <Text size="sm">{t('duplicates.none')}</Text>
      ) : (
        <Card withBorder padding="sm">
          <Text fw={600} mb="xs">{t('duplicates.title')}</Text>
          <Stack gap="xs">
            {check.data.existing.map((item, index) => (
              <Stack key={item.visibility === 'full' ? item.alert.id : `hit-${index}`} gap={2}>
                <Group gap="xs" wrap="wrap">
                  <DecisionBadge decision={item.decision} />
                  {item.visibility === 'full' ? (
                    <>
                      <Text component={Link} to={`/wanted/alerts/${item.alert.id}`} c="blue.8" fw={600}>{item.alert.label}</Text>
                      <Text size="sm">{`${tw(`kind.${item.alert.kind}`)}, ${item.alert.reference}, ${deskLabel(item.alert.issuingDesk)}`}</Text>
                      <StatusBadge status={item.alert.status} />
                      <Badge variant="outline" color={item.compatibility === 'compatible' ? 'green' : 'red'} styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}>{t(`duplicates.compatibility.${item.compatibility}`)}</Badge>
                    </>
                  ) : (
                    <Text size="sm">{t('duplicates.hitOnly', { desk: deskLabel(item.holdingDesk) })}</Text>
                  )}
                </Group>
                {item.blocking && <Text size="sm" c="red.8">{t('duplicates.blocking')}</Text>}
              </Stack>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
