import { Code, Drawer, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEventDetail } from '../../../contract/audit';
import { QueryState } from '../../components/QueryState';
import { useAuditEvent } from './api';
import { OutcomeBadge } from './OutcomeBadge';

interface AuditEventDrawerProps {
  seq: number | null;
  onClose(): void;
}

/** One event with everything the chain covers, its hash and the previous event's hash. */
export function AuditEventDrawer({ seq, onClose }: AuditEventDrawerProps) {
  const { t } = useTranslation('audit');
  const event = useAuditEvent(seq);
  return (
    <Drawer opened={seq !== null} onClose={onClose} position="right" size="lg" title={t('drawer.title', { seq })} closeButtonProps={{ 'aria-label': t('drawer.close') }}>
      {seq !== null && <QueryState query={event}>{(data) => <EventDetails event={data} />}</QueryState>}
    </Drawer>
  );
}

function EventDetails({ event }: { event: AuditEventDetail }) {
  const { t, i18n } = useTranslation('audit');
  const rows: [string, React.ReactNode][] = [
    [t('field.seq'), event.seq],
    [t('field.id'), <Code key="id">{event.id}</Code>],
    [t('field.time'), new Date(event.occurredAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' })],
    [t('field.who'), event.actorLabel],
    [t('field.userId'), event.actorUserId ?? '—'],
    [t('field.economy'), event.actorEconomy ?? '—'],
    [t('field.action'), <Code key="action">{event.action}</Code>],
    [t('field.record'), event.recordType ? `${event.recordType} ${event.recordId ?? ''}` : '—'],
    [t('field.outcome'), <OutcomeBadge key="outcome" outcome={event.outcome} />],
    [t('field.ip'), event.ip ?? '—'],
  ];
  return (
    <Stack gap="md">
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
        <Text size="sm" fw={600}>
          {t('field.prevHash')}
        </Text>
        <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {event.prevHash}
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
