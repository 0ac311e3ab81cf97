import { Alert, Button, Card, Group, Pagination, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { HitView } from '../../../contract/wanted';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { useDecideHit, useHit, useHits } from './api';
import { DecisionBadge, StatusBadge } from './components';

const PAGE_SIZE = 25;

function DecisionForm({ hit }: { hit: HitView }) {
  const { t } = useTranslation('wanted');
  const decide = useDecideHit(hit.id);
  const [note, setNote] = useState('');
  return (
    <Stack gap="xs">
      <Textarea label={t('hits.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
      <Group>
        <Button color="red" disabled={!note.trim()} loading={decide.isPending} onClick={() => decide.mutate({ decision: 'confirmed', note })}>{t('hits.confirm')}</Button>
        <Button variant="default" disabled={!note.trim()} loading={decide.isPending} onClick={() => decide.mutate({ decision: 'rejected', note })}>{t('hits.reject')}</Button>
      </Group>
      {decide.error && <Alert color="red" role="alert">{decide.error instanceof ApiError ? (decide.error.detail ?? decide.error.title) : t('error')}</Alert>}
    </Stack>
  );
}

function HitCard({ hit }: { hit: HitView }) {
  const { t } = useTranslation('wanted');
  return (
    <Card withBorder padding="md" role="article" aria-label={hit.reference}>
      <Stack gap={4}>
        <Group justify="space-between">
          <Text fw={600} component={Link} to={`/wanted/hits/${hit.id}`} c="blue.8">{hit.reference}</Text>
          <Group gap="xs"><DecisionBadge decision={hit.decision} /><StatusBadge status={hit.status} /></Group>
        </Group>
        <Text size="sm">{t('hits.screenedBy', { name: hit.screener.displayName, organisation: hit.screener.organisation, economy: hit.screener.economy, when: hit.createdAt.slice(0, 16).replace('T', ' ') })}</Text>
        <Text size="sm">{t('hits.query')}: <code>{Object.entries(hit.query).filter(([key]) => key !== 'kind').map(([, value]) => value).join(' · ')}</code> ({t('screen.score', { score: Math.round(hit.score * 100) })})</Text>
        {hit.alert ? (
          <Text size="sm">{t('hits.alert')}: <Link to={`/wanted/alerts/${hit.alert.id}`}>{hit.alert.reference} — {hit.alert.label}</Link></Text>
        ) : (
          <Text size="sm">{t('screen.hitOnly', { desk: `${hit.holdingDesk.name} (${hit.holdingDesk.economy})` })}</Text>
        )}
        <Text size="sm"><strong>{t('screen.doNow')}</strong> {hit.actionToTake}</Text>
        {hit.decisionNote && <Text size="sm">{t('hits.decided', { who: hit.decidedBy ?? '—', note: hit.decisionNote })}</Text>}
        {hit.abilities['wanted.hit.decide'] && <DecisionForm hit={hit} />}
      </Stack>
    </Card>
  );
}

export function HitsPage() {
  const { t } = useTranslation('wanted');
  usePageTitle(t('hits.title'));
  const [status, setStatus] = useState('pending');
  const [page, setPage] = useState(1);
  const hits = useHits(status === 'all' ? undefined : status, page);
  return (
    <Stack>
      <Title order={1}>{t('hits.title')}</Title>
      <Text c="dimmed">{t('hits.intro')}</Text>
      <SegmentedControl aria-label={t('alerts.status')} value={status} onChange={(v) => { setStatus(v); setPage(1); }} data={['pending', 'confirmed', 'rejected', 'all'].map((value) => ({ value, label: t(`status.${value}`) }))} />
      <QueryState query={hits}>
        {(data) => (
          <Stack>
            {data.items.length === 0 && <Text>{t('hits.none')}</Text>}
            {data.items.map((hit) => <HitCard key={hit.id} hit={hit} />)}
            {data.total > PAGE_SIZE && <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })} />}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

export function HitPage() {
  const { t } = useTranslation('wanted');
  const { id = '' } = useParams();
  const hit = useHit(id);
  usePageTitle(hit.data?.reference ?? t('hits.title'));
  return (
    <Stack>
      <Title order={1}>{t('hits.one')}</Title>
      <QueryState query={hit}>{(data) => <HitCard hit={data} />}</QueryState>
    </Stack>
  );
}
