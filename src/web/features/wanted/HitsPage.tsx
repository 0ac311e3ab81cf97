import { Alert, Anchor, Button, Card, Group, Pagination, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { HitView } from '../../../contract/wanted';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime, formatPercent } from '../../i18n/format';
import { useDecideHit, useHit, useHits } from './api';
import { DecisionBadge, StatusBadge } from './components';
import { HitReportForm, HitThread } from './HitReport';
import { DecisionPanel } from './ScreeningAnswer';

const PAGE_SIZE = 25;

function DecisionForm({ hit }: { hit: HitView }) {
  const { t } = useTranslation('wanted');
  const decide = useDecideHit(hit.id);
  const [note, setNote] = useState('');
  const missing = !note.trim();
  return (
    <Stack gap="xs">
      <Textarea label={t('hits.note')} description={t('hits.noteRequired')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} required id={`note-${hit.id}`} />
      <Group>
        <Button color="red.9" disabled={missing} loading={decide.isPending} onClick={() => decide.mutate({ decision: 'confirmed', note })} aria-describedby={`note-${hit.id}-description`}>{t('hits.confirm')}</Button>
        <Button variant="default" disabled={missing} loading={decide.isPending} onClick={() => decide.mutate({ decision: 'rejected', note })} aria-describedby={`note-${hit.id}-description`}>{t('hits.reject')}</Button>
      </Group>
      {missing && <Text size="sm" c="dimmed">{t('hits.noteFirst')}</Text>}
      {decide.error && <Alert color="red" role="alert">{decide.error instanceof ApiError ? (decide.error.detail ?? decide.error.title) : t('error')}</Alert>}
    </Stack>
  );
}

/** What was screened, without empty fields (no dangling separators). */
function screenedText(hit: HitView): string {
  return Object.entries(hit.query).filter(([key, value]) => key !== 'kind' && value.trim()).map(([, value]) => value).join(' · ');
}

function HitCard({ hit, full }: { hit: HitView; full: boolean }) {
  const { t } = useTranslation('wanted');
  return (
    <Card withBorder padding="md" role="article" aria-label={hit.reference}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/wanted/hits/${hit.id}`} fw={600}>{hit.reference}</Anchor>
          <Group gap="xs" wrap="wrap">
            <DecisionBadge decision={hit.decision} />
            <StatusBadge status={hit.status} />
          </Group>
        </Group>
        {full && <DecisionPanel decision={hit.decision} actionCode={hit.actionCode} actionToTake={hit.actionToTake} desk={hit.holdingDesk} />}
        <Text size="sm">{t('hits.screenedBy', { name: hit.screener.displayName, organisation: hit.screener.organisation, economy: hit.screener.economy, when: formatDateTime(hit.createdAt) })}</Text>
        <Text size="sm">
          {t('hits.query')}: <code>{screenedText(hit)}</code>
          {hit.score !== null && ` (${t('screen.score', { score: formatPercent(hit.score) })})`}
        </Text>
        {hit.purpose && <Text size="sm">{t('hits.purpose', { purpose: hit.purpose })}</Text>}
        {hit.screenCount > 1 && (
          <Text size="sm" data-testid="screen-count">
            {t('hits.count', { count: hit.screenCount, times: hit.screenedTimes.map((at) => formatDateTime(at)).join(', ') })}
          </Text>
        )}
        {hit.alert ? (
          <Text size="sm">{t('hits.alert')}: <Anchor component={Link} to={`/wanted/alerts/${hit.alert.id}`}>{[hit.alert.reference, hit.alert.label].filter(Boolean).join(' — ')}</Anchor></Text>
        ) : (
          <Text size="sm">{t('screen.hitOnly', { desk: `${hit.holdingDesk.name} (${hit.holdingDesk.economy})` })}</Text>
        )}
        {!full && hit.actionCode && <Text size="sm"><strong>{t('screen.doNow')}</strong> {[t(`wanted-alerts:action.${hit.actionCode}`), hit.actionToTake].filter(Boolean).join('. ')}</Text>}
        {!full && !hit.actionCode && <Text size="sm">{t('answer.referToDesk')}</Text>}
        {hit.decisionNote && <Text size="sm">{t('hits.decided', { who: hit.decidedBy ?? '—', note: hit.decisionNote })}</Text>}
        {full && <HitThread messages={hit.messages} />}
        {full && hit.abilities['wanted.hit.report'] && <HitReportForm hit={hit} />}
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
            {data.items.map((hit) => <HitCard key={hit.id} hit={hit} full={false} />)}
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
    <Stack maw={720}>
      <Title order={1}>{t('hits.one')}</Title>
      <QueryState query={hit}>{(data) => <HitCard hit={data} full />}</QueryState>
    </Stack>
  );
}
