import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ItemView } from '../../../contract/exchange';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n/format';
import { useAcknowledge, useApprove, useThread } from './api';
import { DeadlineText, MarkingBadges, StateBadge, useDeskLabel } from './components';
import { ItemActions } from './ItemActions';
import { RoutingPanel } from './RoutingPanel';
import { ItemAttachments } from './Attachments';
import { CrossCheckPanel } from './CrossCheckPanel';
import { FollowUpPanel } from './FollowUpPanel';
import { threadPdfUrl } from './casework-api';

export function ThreadPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('exchange');
  const thread = useThread(id);
  usePageTitle(thread.data?.item.subject ?? t('thread.title'));
  return (
    <QueryState query={thread}>
      {(data) => (
        <Stack>
          <Title order={1}>{data.item.subject ?? t('retractedContent')}</Title>
          <Group justify="space-between">
            <Text c="dimmed">{t('thread.count', { count: data.thread.length })}</Text>
            <Button component="a" href={threadPdfUrl(data.item.id, i18n.language)} download variant="default">{t('casework.export')}</Button>
          </Group>
          {data.thread[0]?.kind === 'hit_follow_up' && <FollowUpPanel itemId={data.thread[0].id} />}
          {data.thread.map((item) => (
            <ItemCard key={item.id} item={item} focused={item.id === data.item.id} />
          ))}
        </Stack>
      )}
    </QueryState>
  );
}

function ItemCard({ item, focused }: { item: ItemView; focused: boolean }) {
  const { t } = useTranslation('exchange');
  const deskLabel = useDeskLabel();
  const approve = useApprove(item.id);
  const acknowledge = useAcknowledge(item.id);
  const failure = approve.error ?? acknowledge.error;
  return (
    <Card withBorder shadow={focused ? 'sm' : undefined} component="article" aria-label={item.reference}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={700}>{item.subject ?? t('retractedContent')}</Text>
            <Badge variant="default">{t(`kind.${item.kind}`)}</Badge>
            {item.urgency === 'urgent' && <Badge color="red.9">{t('urgency.urgent')}</Badge>}
            <StateBadge item={item} />
          </Group>
          <MarkingBadges classification={item.classification} tlp={item.tlp} />
        </Group>
        <Text size="sm">
          {item.reference} · {t('thread.fromTo', { from: deskLabel(item.senderDesk), to: item.recipientDesks.map(deskLabel).join(', ') })} · {item.authorName} · {item.sentAt ? formatDateTime(item.sentAt) : t(`release.${item.release}`)}
        </Text>
        <Text size="sm">
          {t('field.handling')}: {item.handling.code} – {t(`handling.${item.handling.code}`)}{item.handling.text ? ` (${item.handling.text})` : ''} · {t('field.evaluation')}: {item.evaluation.source}{item.evaluation.accuracy}
          {item.cooperationKind ? ` · ${t(`cooperation.${item.cooperationKind}`)}` : ''}
          {item.accessibility ? ` · ${t(`accessibility.${item.accessibility}`)}` : ''}
        </Text>
        <DeadlineText deadline={item.deadline} />
        {item.retracted && <Alert color="gray">{t('thread.retracted', { reason: item.retractionReason ?? '' })}</Alert>}
        {item.forwardNote && <Alert color="blue">{item.forwardNote}</Alert>}
        {item.bodyHtml !== null && <div className="portal-rich-text" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />}
        {item.bodyHtml !== null && <ItemAttachments itemId={item.id} />}
        {item.bodyHtml !== null && item.state !== null && <CrossCheckPanel itemId={item.id} />}
        {item.events.length > 0 && (
          <Timeline bulletSize={14} lineWidth={2}>
            {item.events.map((event) => (
              <Timeline.Item key={event.id} title={event.toState ? t(`state.${event.toState}`) : t(`event.${event.kind}`)}>
                <Text size="xs" c="dimmed">{event.actorName}{event.desk ? ` · ${deskLabel(event.desk)}` : ''} · {formatDateTime(event.at)}</Text>
                {event.ground && <Text size="sm">{t(`ground.${event.ground}`)}</Text>}
                {event.note && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{event.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {item.kind === 'retraction' && (
          <Text size="sm">
            {t('thread.acknowledged')}: {item.acknowledgedBy.length ? item.acknowledgedBy.map((ack) => `${deskLabel(ack.desk)} (${ack.actorName}, ${formatDateTime(ack.at)})`).join('; ') : t('thread.nobodyYet')}
          </Text>
        )}
        {item.readers && item.readers.length > 0 && (
          <Table withTableBorder>
            <Table.Caption>{t('thread.readers')}</Table.Caption>
            <Table.Tbody>
              {item.readers.map((reader) => (
                <Table.Tr key={`${reader.name}${reader.firstReadAt}`}>
                  <Table.Td>{reader.name}</Table.Td>
                  <Table.Td>{reader.desk ?? '—'}</Table.Td>
                  <Table.Td>{formatDateTime(reader.firstReadAt)}</Table.Td>
                  <Table.Td>{t('thread.reads', { count: reader.reads })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group>
          {item.abilities['exchange.item.approve'] && <Button color="violet" onClick={() => approve.mutate(undefined)} loading={approve.isPending}>{t('action.approve')}</Button>}
          {item.abilities['exchange.item.acknowledge'] && <Button onClick={() => acknowledge.mutate(undefined)} loading={acknowledge.isPending}>{t('action.acknowledge')}</Button>}
        </Group>
        {failure && <Alert color="red" role="alert">{failure instanceof ApiError ? (failure.detail ?? failure.title) : t('error')}</Alert>}
        <RoutingPanel item={item} />
        <ItemActions item={item} />
      </Stack>
    </Card>
  );
}
