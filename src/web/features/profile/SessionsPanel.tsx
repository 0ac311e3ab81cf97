import { Alert, Badge, Button, Group, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { useEndSession, useProfileSessions, useSignOutEverywhere } from './api';
import { formatDateTime } from './format';

export function SessionsPanel({ canUpdate }: { canUpdate: boolean }) {
  const { t, i18n } = useTranslation('profile');
  const sessions = useProfileSessions();
  const endSession = useEndSession();
  const everywhere = useSignOutEverywhere();
  const navigate = useNavigate();
  const signOutEverywhere = () =>
    everywhere.mutate(undefined, { onSuccess: () => void navigate('/sign-in', { replace: true }) });
  return (
    <Paper withBorder p="lg" radius="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h3">
          {t('sessions.title')}
        </Title>
        {canUpdate && (
          <Button color="red" variant="light" onClick={signOutEverywhere} loading={everywhere.isPending}>
            {t('sessions.everywhere')}
          </Button>
        )}
      </Group>
      {(endSession.error || everywhere.error) && (
        <Alert color="red" role="alert" mb="sm">
          {t('sessions.failed')}
        </Alert>
      )}
      <QueryState query={sessions}>
        {({ items }) => (
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Caption c="gray.7">{t('sessions.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sessions.device')}</Table.Th>
                  <Table.Th>{t('sessions.ip')}</Table.Th>
                  <Table.Th>{t('sessions.started')}</Table.Th>
                  <Table.Th>{t('sessions.lastSeen')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('sessions.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((session) => (
                  <Table.Tr key={session.id}>
                    <Table.Td>
                      <Text size="sm" lineClamp={2} title={session.userAgent ?? undefined}>
                        {session.userAgent ?? t('sessions.unknownDevice')}
                      </Text>
                      {session.current && (
                        <Badge size="sm" color="blue.9" variant="filled">
                          {t('sessions.current')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{session.ip ?? '—'}</Table.Td>
                    <Table.Td>{formatDateTime(session.createdAt, i18n.language)}</Table.Td>
                    <Table.Td>{formatDateTime(session.lastSeenAt, i18n.language)}</Table.Td>
                    <Table.Td>
                      {canUpdate && !session.current && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          loading={endSession.isPending && endSession.variables === session.id}
                          onClick={() => endSession.mutate(session.id)}
                          aria-label={t('sessions.endLabel', { device: session.userAgent ?? t('sessions.unknownDevice') })}
                        >
                          {t('sessions.end')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Paper>
  );
}
