import { Alert, Badge, Button, Card, Grid, Group, MultiSelect, SegmentedControl, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DESK_AREAS, type DeskArea, type Marking } from '../../../../contract/core';
import type { ComposeOptions } from '../../../../contract/exchange';
import { HOTLINE_KINDS, type HotlineAlert, type HotlineKind, type HotlineTarget } from '../../../../contract/hotline';
import { ApiError } from '../../../api/client';
import { useSession } from '../../../api/session';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDateTime } from '../../../i18n/format';
import { useComposeOptions } from '../api';
import { MarkingBadges, MarkingFields, useDeskLabel } from '../components';
import { RecipientPreview } from '../RecipientPreview';
import { useAcknowledgeAlert, useHotlineAlert, useHotlineAlerts, useHotlinePreview, useSendAlert } from './api';

export function HotlinePage() {
  const { t } = useTranslation('hotline');
  usePageTitle(t('title'));
  const { data: session } = useSession();
  const canSend = session?.abilities['hotline.alert.send'] === true;
  const options = useComposeOptions(canSend);
  const [params] = useSearchParams();
  const focus = params.get('alert');
  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      {focus && <FocusedAlert id={focus} />}
      {canSend && <QueryState query={options}>{(data) => (data.senderDesks.length ? <SendForm options={data} /> : <Alert>{t('noDesk')}</Alert>)}</QueryState>}
      <AlertList />
    </Stack>
  );
}

const emptyMarking: Marking = { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: [], releasableOrganisations: [], sharingGroups: [], originatorControl: false };

function SendForm({ options }: { options: ComposeOptions }) {
  const { t, i18n } = useTranslation('hotline');
  const deskLabel = useDeskLabel();
  const send = useSendAlert();
  const [senderDeskId, setSenderDeskId] = useState(options.senderDesks[0]!.id);
  const [mode, setMode] = useState<'desks' | 'area'>('desks');
  const [deskIds, setDeskIds] = useState<string[]>([]);
  const [area, setArea] = useState<DeskArea>('wanted_persons');
  const [kind, setKind] = useState<HotlineKind>('wanted_person_crossed_border');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [crimeArea, setCrimeArea] = useState<string | null>(null);
  const [marking, setMarking] = useState<Marking>(emptyMarking);
  const target: HotlineTarget | null = mode === 'area' ? { area } : deskIds.length ? { deskIds } : null;
  const [previewInput] = useDebouncedValue(target ? { senderDeskId, target, marking } : null, 250);
  const preview = useHotlinePreview(previewInput);
  const fieldError = (path: string) => (send.error instanceof ApiError ? send.error.errors?.find((error) => error.path === path)?.message : undefined);

  const submit = () => {
    if (!target) return;
    send.mutate(
      { senderDeskId, target, kind, subject, body, crimeArea, marking },
      {
        onSuccess: () => {
          setSubject('');
          setBody('');
        },
      },
    );
  };

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Card withBorder>
          <Stack>
            <Title order={2} size="h3">{t('send.title')}</Title>
            <Group grow>
              <Select label={t('field.from')} data={options.senderDesks.map((desk) => ({ value: desk.id, label: deskLabel(desk) }))} value={senderDeskId} onChange={(value) => value && setSenderDeskId(value)} allowDeselect={false} />
              <Select label={t('field.kind')} data={HOTLINE_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} value={kind} onChange={(value) => value && setKind(value as HotlineKind)} allowDeselect={false} />
            </Group>
            <SegmentedControl aria-label={t('field.to')} value={mode} onChange={(value) => setMode(value as 'desks' | 'area')} data={[{ value: 'desks', label: t('send.chosenDesks') }, { value: 'area', label: t('send.wholeArea') }]} />
            {mode === 'desks' ? (
              <MultiSelect label={t('field.to')} data={options.desks.filter((desk) => desk.id !== senderDeskId).map((desk) => ({ value: desk.id, label: deskLabel(desk) }))} value={deskIds} onChange={setDeskIds} searchable />
            ) : (
              <Select label={t('field.area')} data={DESK_AREAS.map((value) => ({ value, label: t(`admin:areas.${value}`, { defaultValue: value }) }))} value={area} onChange={(value) => value && setArea(value as DeskArea)} allowDeselect={false} />
            )}
            <Select label={t('field.crimeArea')} data={options.crimeAreas.map((entry) => ({ value: entry.slug, label: entry.names[i18n.language] ?? entry.names.en ?? entry.slug }))} value={crimeArea} onChange={setCrimeArea} clearable searchable />
            <TextInput label={t('field.subject')} value={subject} onChange={(event) => setSubject(event.currentTarget.value)} required error={fieldError('subject')} />
            <Textarea label={t('field.body')} value={body} onChange={(event) => setBody(event.currentTarget.value)} required autosize minRows={3} error={fieldError('body')} />
            <MarkingFields value={marking} onChange={setMarking} options={options} />
            {send.error && <Alert color="red" role="alert">{send.error instanceof ApiError ? (send.error.detail ?? send.error.title) : t('error')}</Alert>}
            {send.isSuccess && <Alert color="green" role="status">{t('send.sent', { reference: send.data.reference })}</Alert>}
            <Group>
              <Button color="red" onClick={submit} loading={send.isPending} disabled={!preview.data || preview.data.problems.length > 0 || subject.trim().length < 3 || body.trim().length === 0}>{t('send.submit')}</Button>
            </Group>
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <RecipientPreview ns="hotline" preview={preview.data} emptyText={previewInput ? null : t('preview.choose')} readersTestId="hotline-readers" />
      </Grid.Col>
    </Grid>
  );
}

function FocusedAlert({ id }: { id: string }) {
  const alert = useHotlineAlert(id);
  return <QueryState query={alert}>{(data) => <AlertCard alert={data} />}</QueryState>;
}

function AlertList() {
  const { t } = useTranslation('hotline');
  const [box, setBox] = useState<'received' | 'sent' | 'all'>('all');
  const alerts = useHotlineAlerts(box);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">{t('list.title')}</Title>
        <SegmentedControl aria-label={t('list.title')} value={box} onChange={(value) => setBox(value as typeof box)} data={(['all', 'received', 'sent'] as const).map((value) => ({ value, label: t(`list.${value}`) }))} />
      </Group>
      <QueryState query={alerts}>{(data) => (data.items.length ? <Stack>{data.items.map((alert) => <AlertCard key={alert.id} alert={alert} />)}</Stack> : <Text>{t('list.empty')}</Text>)}</QueryState>
    </Stack>
  );
}

export function AlertCard({ alert }: { alert: HotlineAlert }) {
  const { t } = useTranslation('hotline');
  const deskLabel = useDeskLabel();
  const acknowledge = useAcknowledgeAlert();
  const stamp = (at: string | null, by?: string | null) => (at ? `${formatDateTime(at)}${by ? ` · ${by}` : ''}` : '—');
  return (
    <Card withBorder data-testid={`hotline-alert-${alert.reference}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Badge color="red">{t(`kind.${alert.kind}`)}</Badge>
            <Text fw={700}>{alert.subject}</Text>
          </Group>
          <MarkingBadges classification={alert.classification} tlp={alert.tlp} />
        </Group>
        <Text size="sm" c="dimmed">{t('card.from', { desk: deskLabel(alert.senderDesk), author: alert.author, at: formatDateTime(alert.sentAt), reference: alert.reference })}</Text>
        {alert.body && <Text style={{ whiteSpace: 'pre-wrap' }}>{alert.body}</Text>}
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('card.desk')}</Table.Th>
                <Table.Th>{t('card.delivered')}</Table.Th>
                <Table.Th>{t('card.seen')}</Table.Th>
                <Table.Th>{t('card.acknowledged')}</Table.Th>
                <Table.Th>{t('card.escalation')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {alert.deliveries.map((delivery) => (
                <Table.Tr key={delivery.desk.id} data-testid="hotline-delivery">
                  <Table.Td>{deskLabel(delivery.desk)}{delivery.escalatedFor && <Text size="xs" c="dimmed">{t('card.dutyFor', { desk: deskLabel(delivery.escalatedFor) })}</Text>}</Table.Td>
                  <Table.Td>{stamp(delivery.deliveredAt)}</Table.Td>
                  <Table.Td>{stamp(delivery.seenAt, delivery.seenBy)}</Table.Td>
                  <Table.Td data-testid="hotline-acknowledged">{delivery.acknowledgedAt ? stamp(delivery.acknowledgedAt, delivery.acknowledgedBy) : <Badge color="orange" variant="light">{t('card.waiting')}</Badge>}</Table.Td>
                  <Table.Td>
                    {delivery.escalations.length === 0
                      ? '—'
                      : delivery.escalations.map((step) => (
                          <Text key={step.step} size="xs">{t(`step.${step.step}`)}{step.outcome === 'skipped' ? ` (${t('step.skipped')})` : ''} · {formatDateTime(step.at)}</Text>
                        ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {alert.acknowledgeDeskIds.length > 0 && (
          <Group>
            {alert.acknowledgeDeskIds.map((deskId) => {
              const desk = alert.deliveries.find((delivery) => delivery.desk.id === deskId)?.desk;
              return (
                <Button key={deskId} color="green" loading={acknowledge.isPending} onClick={() => acknowledge.mutate({ id: alert.id, deskId })}>
                  {t('acknowledgeFor', { desk: desk ? deskLabel(desk) : '' })}
                </Button>
              );
            })}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
