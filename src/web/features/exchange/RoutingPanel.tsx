import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemView } from '../../../contract/exchange';
import { ApiError } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import { useRouteAnswer, useRouteDecision } from './api';
import { useDeskLabel } from './components';

/** Where the item went: the contact-point desk it passes (and that desk's forward / return), and its onward forwards. */
export function RoutingPanel({ item }: { item: ItemView }) {
  const { t } = useTranslation('exchange');
  const deskLabel = useDeskLabel();
  const decide = useRouteDecision(item.id);
  const answer = useRouteAnswer(item.id);
  const [note, setNote] = useState('');
  const [reply, setReply] = useState('');
  const { route, onward } = item;
  if (!route && !onward?.length) return null;
  return (
    <Stack gap="xs" data-testid="routing">
      {route && (
        <Alert color={route.state === 'returned' ? 'orange' : 'blue'} title={t(`routing.state.${route.state}`, { desk: deskLabel(route.via) })}>
          {route.decidedAt && <Text size="sm">{formatDateTime(route.decidedAt)}</Text>}
          {route.note && <Text size="sm">{t('routing.note', { note: route.note })}</Text>}
        </Alert>
      )}
      {item.abilities['exchange.item.route'] && (
        <Stack gap="xs">
          <Textarea label={t('routing.noteLabel')} description={t('routing.noteHint')} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={2} />
          <Group gap="xs">
            <Button size="xs" onClick={() => decide.mutate({ decision: 'forward', note })} loading={decide.isPending}>{t('routing.forward')}</Button>
            <Button size="xs" variant="light" color="orange" onClick={() => decide.mutate({ decision: 'return', note })} loading={decide.isPending}>{t('routing.return')}</Button>
            {route?.state === 'pending' && (
              <Button size="xs" variant="light" onClick={() => decide.mutate({ decision: 'clarify', note })} loading={decide.isPending}>{t('routing.ask')}</Button>
            )}
          </Group>
          {decide.error && <Alert color="red" role="alert">{decide.error instanceof ApiError ? (decide.error.detail ?? decide.error.title) : t('error')}</Alert>}
        </Stack>
      )}
      {route?.answerable && (
        <Stack gap="xs">
          <Textarea label={t('routing.answerLabel')} value={reply} onChange={(event) => setReply(event.currentTarget.value)} autosize minRows={2} />
          <Group gap="xs">
            <Button size="xs" onClick={() => answer.mutate({ note: reply })} loading={answer.isPending} disabled={reply.trim().length === 0}>{t('routing.answer')}</Button>
          </Group>
          {answer.error && <Alert color="red" role="alert">{answer.error instanceof ApiError ? (answer.error.detail ?? answer.error.title) : t('error')}</Alert>}
        </Stack>
      )}
      {onward && onward.length > 0 && (
        <div>
          <Text size="sm" fw={600}>{t('routing.onward')}</Text>
          <List size="sm">
            {onward.map((forward) => (
              <List.Item key={`${forward.from.id}${forward.at}`}>
                {t('routing.onwardItem', { from: deskLabel(forward.from), to: forward.to.map(deskLabel).join(', '), at: formatDateTime(forward.at) })}
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
