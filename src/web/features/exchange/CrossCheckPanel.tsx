import { Alert, Anchor, Badge, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestSubject } from '../../../contract/exchange-casework';
import { ApiError } from '../../api/client';
import { useCrossCheck, useItemSubjects } from './casework-api';

function useSubjectLabel() {
  const { t } = useTranslation('exchange');
  return (subject: RequestSubject) => {
    switch (subject.kind) {
      case 'person':
        return t('casework.subjects.personLabel', { name: subject.name, dateOfBirth: subject.dateOfBirth ?? '—' });
      case 'vehicle':
        return t('casework.subjects.vehicleLabel', { plate: subject.plate ?? '—', vin: subject.vin ?? '—' });
      case 'document':
        return t('casework.subjects.documentLabel', { number: subject.documentNumber });
    }
  };
}

/** What a request names and, for the receiving desk only, the answer of its own economy's wanted alerts. */
export function CrossCheckPanel({ itemId }: { itemId: string }) {
  const { t } = useTranslation('exchange');
  const label = useSubjectLabel();
  const subjects = useItemSubjects(itemId);
  const check = useCrossCheck(itemId);
  if (!subjects.data || subjects.data.subjects.length === 0) return null;
  const results = check.data?.results;
  return (
    <Card withBorder padding="sm" component="section" aria-label={t('casework.crossCheck.title')}>
      <Stack gap="xs">
        <Title order={3} size="h5">{t('casework.subjects.title')}</Title>
        <List size="sm">
          {subjects.data.subjects.map((subject, index) => (
            <List.Item key={index}>
              {label(subject)}
              {results?.[index] && (
                <Stack gap={2} mt={4}>
                  {results[index].candidates.length === 0 && <Text size="sm" c="dimmed">{t('casework.crossCheck.none')}</Text>}
                  {results[index].candidates.map((candidate, at) => (
                    <Text size="sm" key={at}>
                      <Badge size="sm" color={candidate.decision === 'match' ? 'red.9' : 'dark'} variant={candidate.decision === 'match' ? 'filled' : 'outline'} mr={6}>{t(`casework.crossCheck.${candidate.decision}`)}</Badge>
                      {candidate.visibility === 'full' ? (
                        <Anchor component={Link} to={`/wanted/alerts/${candidate.alert.id}`}>{candidate.alert.label} ({candidate.alert.reference})</Anchor>
                      ) : (
                        t('casework.crossCheck.hitOnly', { desk: candidate.holdingDesk.name })
                      )}
                    </Text>
                  ))}
                </Stack>
              )}
            </List.Item>
          ))}
        </List>
        {subjects.data.canCrossCheck && (
          <Button variant="light" style={{ alignSelf: 'flex-start' }} loading={check.isPending} onClick={() => check.mutate()}>{t('casework.crossCheck.run')}</Button>
        )}
        {check.error && <Alert color="red" role="alert">{check.error instanceof ApiError ? (check.error.detail ?? check.error.title) : t('error')}</Alert>}
      </Stack>
    </Card>
  );
}
