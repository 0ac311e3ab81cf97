import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpView } from '../../../contract/exchange-casework';
import { ApiError } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import { HitThread } from '../wanted/HitReport';
import { useFollowUp, useFollowUpDecision, useFollowUpRelease, useFollowUpReport } from './casework-api';

const problemText = (error: unknown, fallback: string) => (error instanceof ApiError ? (error.detail ?? error.title) : fallback);

/** The hit behind a follow-up thread: its status, the screener's report, the desk's decision and the alert's release. */
export function FollowUpPanel({ itemId }: { itemId: string }) {
  const { t } = useTranslation('exchange');
  const followUp = useFollowUp(itemId, true);
  if (!followUp.data) return null;
  const view = followUp.data;
  return (
    <Card withBorder component="section" aria-labelledby="follow-up-title">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id="follow-up-title">{t('casework.followUp.title', { reference: view.hit.reference })}</Title>
          <Badge variant={view.hit.status === 'confirmed' ? 'filled' : 'outline'} color="dark">{t(`casework.followUp.status.${view.hit.status}`)}</Badge>
        </Group>
        <Text size="sm">{t('casework.followUp.holding', { desk: `${view.hit.holdingDesk.name} (${view.hit.holdingDesk.economy})`, screener: `${view.hit.screener.displayName}, ${view.hit.screener.organisation} (${view.hit.screener.economy})` })}</Text>
        <HitThread messages={view.hit.messages} />
        {view.release && <Alert color="green">{t('casework.followUp.released', { organisation: view.release.organisation, name: view.release.releasedBy, when: formatDateTime(view.release.releasedAt) })}</Alert>}
        {view.abilities.report && <ReportForm itemId={itemId} />}
        {view.abilities.decide && <DecisionForm itemId={itemId} />}
        {view.abilities.release && <ReleaseButton itemId={itemId} view={view} />}
      </Stack>
    </Card>
  );
}

function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function ReportForm({ itemId }: { itemId: string }) {
  const { t } = useTranslation(['wanted', 'exchange']);
  const report = useFollowUpReport(itemId);
  const [values, setValues] = useState({ foundAt: localNow(), place: '', actionTaken: '', inCustody: '', seized: '', contact: '' });
  const field = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const { value } = event.currentTarget;
      setValues((current) => ({ ...current, [name]: value }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate({ ...values, foundAt: new Date(values.foundAt).toISOString() });
  };
  return (
    <form onSubmit={submit} aria-label={t('wanted:report.title')}>
      <Stack gap="xs">
        <Text fw={600}>{t('wanted:report.title')}</Text>
        <TextInput type="datetime-local" label={t('wanted:report.foundAt')} required {...field('foundAt')} />
        <TextInput label={t('wanted:report.place')} required minLength={2} maxLength={300} {...field('place')} />
        <Textarea label={t('wanted:report.actionTaken')} required minLength={2} maxLength={2000} autosize minRows={2} {...field('actionTaken')} />
        <TextInput label={t('wanted:report.inCustody')} maxLength={500} {...field('inCustody')} />
        <TextInput label={t('wanted:report.seized')} maxLength={500} {...field('seized')} />
        <TextInput label={t('wanted:report.contact')} required minLength={3} maxLength={300} {...field('contact')} />
        <Button type="submit" loading={report.isPending} style={{ alignSelf: 'flex-start' }}>{t('wanted:report.submit')}</Button>
        {report.error && <Alert color="red" role="alert">{problemText(report.error, t('exchange:error'))}</Alert>}
      </Stack>
    </form>
  );
}

function DecisionForm({ itemId }: { itemId: string }) {
  const { t } = useTranslation('exchange');
  const decide = useFollowUpDecision(itemId);
  const [note, setNote] = useState('');
  return (
    <Stack gap="xs">
      <Textarea label={t('casework.followUp.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={2} maxLength={2000} />
      <Group>
        <Button color="green.9" disabled={!note.trim()} loading={decide.isPending} onClick={() => decide.mutate({ decision: 'confirmed', note })}>{t('casework.followUp.confirm')}</Button>
        <Button color="gray" variant="outline" disabled={!note.trim()} loading={decide.isPending} onClick={() => decide.mutate({ decision: 'rejected', note })}>{t('casework.followUp.reject')}</Button>
      </Group>
      {decide.error && <Alert color="red" role="alert">{problemText(decide.error, t('error'))}</Alert>}
    </Stack>
  );
}

function ReleaseButton({ itemId, view }: { itemId: string; view: FollowUpView }) {
  const { t } = useTranslation('exchange');
  const release = useFollowUpRelease(itemId);
  return (
    <Stack gap="xs">
      <Text size="sm">{t('casework.followUp.releaseHint', { organisation: view.hit.screener.organisation })}</Text>
      <Button style={{ alignSelf: 'flex-start' }} color="violet" loading={release.isPending} onClick={() => release.mutate(undefined)}>{t('casework.followUp.release')}</Button>
      {release.error && <Alert color="red" role="alert">{problemText(release.error, t('error'))}</Alert>}
    </Stack>
  );
}
