import { Alert, Code, Drawer, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEventDetail } from '../../../contract/audit';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../i18n/format';
import { RecordCell } from './RecordCell';
import { useAuditEvent } from './api';
import { OutcomeBadge } from './OutcomeBadge';

interface AuditEventDrawerProps {
  id: string | null;
  onClose(): void;
}

/** One event with everything the chain covers that the reader may see, and its hash. */
export function AuditEventDrawer({ id, onClose }: AuditEventDrawerProps) {
  const { t } = useTranslation('audit');
  const event = useAuditEvent(id);
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="lg" title={t('drawer.title')} closeButtonProps={{ 'aria-label': t('drawer.close') }}>
      {id !== null && <QueryState query={event}>{(data) => <EventDetails event={data} />}</QueryState>}
    </Drawer>
  );
}

function EventDetails({ event }: { event: AuditEventDetail }) {
  const { t } = useTranslation('audit');
  const scope = event.subjectEconomy
    ? t('scope.of', { economy: event.subjectEconomy, releasedTo: (event.subjectReleasedTo ?? []).map((code) => (code === '*' ? t('scope.everyEconomy') : code)).join(', ') || t('scope.noEconomy') })
    : t(event.masked ? 'masked.record' : 'scope.none');
  const rows: [string, React.ReactNode][] = [
    [t('field.id'), <Code key="id">{event.id}</Code>],
    [t('field.time'), <time key="time" dateTime={event.occurredAt}>{`${formatDateTime(event.occurredAt)} (${event.occurredAt})`}</time>],
    [t('field.who'), event.actorLabel],
    [t('field.userId'), event.actorUserId ?? '—'],
    [t('field.economy'), event.actorEconomy ?? '—'],
    [t('field.action'), <Code key="action">{event.action}</Code>],
    [t('field.record'), <RecordCell key="record" event={event} />],
    [t('field.scope'), scope],
    [t('field.outcome'), <OutcomeBadge key="outcome" outcome={event.outcome} />],
    [t('field.ip'), event.ip ?? '—'],
  ];
  return (
    <Stack gap="md">
      {event.masked && (
        <Alert variant="light" color="gray" title={t('masked.title')}>
          {t('masked.why')}
        </Alert>
      )}
      <Table variant="vertical" withTableBorder layout="fixed">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={140}>{label}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h5">
        {t('drawer.details')}
      </Title>
      {Object.keys(event.details).length === 0 ? (
        <Text c="gray.7" size="sm">
          {t('drawer.noDetails')}
        </Text>
      ) : (
        <Code block>{JSON.stringify(event.details, null, 2)}</Code>
      )}
      <Title order={3} size="h5">
        {t('drawer.hashes')}
      </Title>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('field.hash')}
        </Text>
        <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {event.hash}
        </Code>
        <Text size="xs" c="gray.7">
          {t('drawer.hashHint')}
        </Text>
      </Stack>
      <Text size="xs" c="gray.7">
        {t('drawer.readRecorded')}
      </Text>
    </Stack>
  );
}
