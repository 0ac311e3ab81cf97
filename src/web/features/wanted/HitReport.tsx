import { Alert, Button, Card, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HitMessage, HitView } from '../../../contract/wanted';
import { ApiError } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import { useReportHit } from './api';

/** Now, as the value of a datetime-local input (the browser's own zone). */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The screener's hit report (SIRENE's hit form): where and when, what was done, who is held, what seized, a contact. */
export function HitReportForm({ hit }: { hit: HitView }) {
  const { t } = useTranslation('wanted');
  const report = useReportHit(hit.id);
  const [values, setValues] = useState({ foundAt: localNow(), place: '', actionTaken: '', inCustody: '', seized: '', contact: '' });
  const set = (field: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate({ ...values, foundAt: new Date(values.foundAt).toISOString() });
  };
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="hit-report-title">
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Title order={2} size="h4" id="hit-report-title">{t('report.title')}</Title>
          <Text size="sm" c="dimmed">{t('report.intro')}</Text>
          <TextInput type="datetime-local" label={t('report.foundAt')} value={values.foundAt} onChange={(e) => set('foundAt')(e.currentTarget.value)} required />
          <TextInput label={t('report.place')} value={values.place} onChange={(e) => set('place')(e.currentTarget.value)} required minLength={2} maxLength={300} />
          <Textarea label={t('report.actionTaken')} value={values.actionTaken} onChange={(e) => set('actionTaken')(e.currentTarget.value)} required minLength={2} maxLength={2000} autosize minRows={2} />
          <TextInput label={t('report.inCustody')} value={values.inCustody} onChange={(e) => set('inCustody')(e.currentTarget.value)} maxLength={500} />
          <TextInput label={t('report.seized')} value={values.seized} onChange={(e) => set('seized')(e.currentTarget.value)} maxLength={500} />
          <TextInput label={t('report.contact')} description={t('report.contactHint')} value={values.contact} onChange={(e) => set('contact')(e.currentTarget.value)} required minLength={3} maxLength={300} />
          <Button type="submit" loading={report.isPending} style={{ alignSelf: 'flex-start' }}>{t('report.submit')}</Button>
          {report.error && <Alert color="red" role="alert">{report.error instanceof ApiError ? (report.error.detail ?? report.error.title) : t('error')}</Alert>}
        </Stack>
      </form>
    </Card>
  );
}

function MessageBody({ message }: { message: HitMessage }) {
  const { t } = useTranslation('wanted');
  if (message.kind === 'decision') {
    return (
      <Text size="sm">
        <strong>{t(`status.${message.decision}`)}:</strong> {message.note}
      </Text>
    );
  }
  const { report } = message;
  const rows: [string, string][] = [
    [t('report.foundAt'), formatDateTime(report.foundAt)],
    [t('report.place'), report.place],
    [t('report.actionTaken'), report.actionTaken],
    [t('report.inCustody'), report.inCustody],
    [t('report.seized'), report.seized],
    [t('report.contact'), report.contact],
  ];
  return (
    <Stack gap={2}>
      {rows.filter(([, value]) => value).map(([label, value]) => (
        <Text size="sm" key={label}><strong>{label}:</strong> {value}</Text>
      ))}
    </Stack>
  );
}

/** The follow-up of a hit in order: the report, then the holding desk's decision and reply. */
export function HitThread({ messages }: { messages: HitMessage[] }) {
  const { t } = useTranslation('wanted');
  if (messages.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label={t('report.thread')}>
      <Title order={2} size="h4">{t('report.thread')}</Title>
      {messages.map((message) => (
        <Card key={message.id} withBorder padding="xs" data-kind={message.kind}>
          <Text size="xs" c="dimmed">{t(`report.kind.${message.kind}`, { author: message.author, when: formatDateTime(message.createdAt) })}</Text>
          <MessageBody message={message} />
        </Card>
      ))}
    </Stack>
  );
}
