import { Alert, Button, Grid, Group, MultiSelect, Select, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Marking } from '../../../contract/core';
import { COMPOSABLE_KINDS, COOPERATION_KINDS, type ComposeOptions, HANDLING_CODES, INFORMATION_ACCURACY, type ItemCreateInput, SOURCE_RELIABILITY, isRequestKind } from '../../../contract/exchange';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { RichTextField } from '../portal/editor/RichTextField';
import { useComposeOptions, useCreateItem, usePreview } from './api';
import { RecipientPreview } from './RecipientPreview';
import { MarkingFields, useDeskLabel } from './components';
import { AttachmentPicker } from './Attachments';
import { RequestSubjectsField } from './RequestSubjectsField';
import type { Attachment, RequestSubject } from '../../../contract/exchange-casework';

export function ComposePage() {
  const { t } = useTranslation('exchange');
  usePageTitle(t('compose.title'));
  const options = useComposeOptions();
  return (
    <Stack>
      <Title order={1}>{t('compose.title')}</Title>
      <QueryState query={options}>{(data) => (data.senderDesks.length ? <ComposeForm options={data} /> : <Alert>{t('compose.noDesk')}</Alert>)}</QueryState>
    </Stack>
  );
}

const emptyMarking: Marking = { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: [], releasableOrganisations: [], sharingGroups: [], originatorControl: false };

function ComposeForm({ options }: { options: ComposeOptions }) {
  const { t, i18n } = useTranslation('exchange');
  const deskLabel = useDeskLabel();
  const navigate = useNavigate();
  const create = useCreateItem();
  const [senderDeskId, setSenderDeskId] = useState(options.senderDesks[0]!.id);
  const [recipientDeskIds, setRecipients] = useState<string[]>([]);
  const [kind, setKind] = useState<ItemCreateInput['kind']>('information_request');
  const [cooperationKind, setCooperationKind] = useState<string | null>(null);
  const [accessibility, setAccessibility] = useState<string | null>('direct');
  const [urgency, setUrgency] = useState<'urgent' | 'normal'>('normal');
  const [crimeArea, setCrimeArea] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [bodyHtml, setBody] = useState('');
  const [marking, setMarking] = useState<Marking>({ ...emptyMarking, releasableEconomies: [options.senderDesks[0]!.economy] });
  const [handlingCode, setHandlingCode] = useState<(typeof HANDLING_CODES)[number]>('H0');
  const [handlingText, setHandlingText] = useState('');
  const [source, setSource] = useState<(typeof SOURCE_RELIABILITY)[number]>('B');
  const [accuracy, setAccuracy] = useState<1 | 2 | 3 | 4>(2);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [subjects, setSubjects] = useState<RequestSubject[]>([]);
  const request = isRequestKind(kind);
  const [previewInput] = useDebouncedValue(recipientDeskIds.length ? { senderDeskId, recipientDeskIds, marking, crimeArea } : null, 300);
  const preview = usePreview(previewInput);
  const fieldError = (path: string) => (create.error instanceof ApiError ? create.error.errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message : undefined);

  const submit = () => {
    const input: ItemCreateInput = {
      senderDeskId,
      recipientDeskIds,
      kind,
      cooperationKind: kind === 'police_cooperation_request' ? ((cooperationKind ?? 'other') as ItemCreateInput['cooperationKind']) : null,
      accessibility: request ? (accessibility as ItemCreateInput['accessibility']) : null,
      hitReference: null,
      subject,
      bodyHtml,
      crimeArea,
      urgency,
      marking,
      handling: handlingCode === 'H3' ? { code: 'H3', text: handlingText } : { code: handlingCode },
      evaluation: { source, accuracy },
      attachmentIds: attachments.map((file) => file.id),
      subjects: request ? subjects : [],
    };
    create.mutate(input, { onSuccess: (view) => void navigate(`/exchange/items/${view.item.id}`) });
  };

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack>
          <Group grow>
            <Select label={t('field.from')} data={options.senderDesks.map((desk) => ({ value: desk.id, label: deskLabel(desk) }))} value={senderDeskId} onChange={(v) => v && setSenderDeskId(v)} allowDeselect={false} />
            <Select label={t('field.kind')} data={COMPOSABLE_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} value={kind} onChange={(v) => v && setKind(v as ItemCreateInput['kind'])} allowDeselect={false} />
          </Group>
          <MultiSelect label={t('field.to')} data={options.desks.filter((desk) => desk.id !== senderDeskId).map((desk) => ({ value: desk.id, label: deskLabel(desk) }))} value={recipientDeskIds} onChange={setRecipients} searchable error={fieldError('recipientDeskIds')} />
          <Group grow>
            {kind === 'police_cooperation_request' && <Select label={t('field.cooperationKind')} data={COOPERATION_KINDS.map((value) => ({ value, label: t(`cooperation.${value}`) }))} value={cooperationKind} onChange={setCooperationKind} error={fieldError('cooperationKind')} />}
            {request && <Select label={t('field.accessibility')} data={['direct', 'indirect'].map((value) => ({ value, label: t(`accessibility.${value}`) }))} value={accessibility} onChange={setAccessibility} error={fieldError('accessibility')} />}
            <Select label={t('field.urgency')} data={['normal', 'urgent'].map((value) => ({ value, label: t(`urgency.${value}`) }))} value={urgency} onChange={(v) => v && setUrgency(v as 'urgent' | 'normal')} allowDeselect={false} />
            <Select label={t('field.crimeArea')} data={options.crimeAreas.map((area) => ({ value: area.slug, label: area.names[i18n.language] ?? area.names.en ?? area.slug }))} value={crimeArea} onChange={setCrimeArea} clearable searchable />
          </Group>
          <TextInput label={t('field.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} required error={fieldError('subject')} />
          <RichTextField label={t('field.body')} value={bodyHtml} onChange={setBody} error={fieldError('bodyHtml')} />
          <Group grow>
            <Select label={t('field.handling')} data={HANDLING_CODES.map((value) => ({ value, label: `${value} – ${t(`handling.${value}`)}` }))} value={handlingCode} onChange={(v) => v && setHandlingCode(v as typeof handlingCode)} allowDeselect={false} />
            <Select label={t('field.source')} data={SOURCE_RELIABILITY.map((value) => ({ value, label: `${value} – ${t(`source.${value}`)}` }))} value={source} onChange={(v) => v && setSource(v as typeof source)} allowDeselect={false} />
            <Select label={t('field.accuracy')} data={INFORMATION_ACCURACY.map((value) => ({ value: String(value), label: `${value} – ${t(`accuracy.${value}`)}` }))} value={String(accuracy)} onChange={(v) => v && setAccuracy(Number(v) as 1 | 2 | 3 | 4)} allowDeselect={false} />
          </Group>
          {handlingCode === 'H3' && <TextInput label={t('field.handlingText')} value={handlingText} onChange={(e) => setHandlingText(e.currentTarget.value)} error={fieldError('handling.text')} />}
          <MarkingFields value={marking} onChange={setMarking} options={options} />
          {request && <RequestSubjectsField value={subjects} onChange={setSubjects} />}
          <AttachmentPicker value={attachments} onChange={setAttachments} />
          {create.error && <Alert color="red" role="alert">{create.error instanceof ApiError ? (create.error.detail ?? create.error.title) : t('error')}</Alert>}
          <Group>
            <Button onClick={submit} loading={create.isPending} disabled={!preview.data || preview.data.problems.length > 0}>{t('compose.send')}</Button>
          </Group>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <RecipientPreview
          ns="exchange"
          preview={preview.data}
          emptyText={previewInput ? null : t('preview.chooseDesks')}
          extra={
            <>
              {preview.data?.via && <Alert color="blue" data-testid="preview-via">{t('routing.willPass', { desk: deskLabel(preview.data.via) })}</Alert>}
              {preview.data?.needsApproval && <Alert color="violet">{t('preview.needsApproval')}</Alert>}
            </>
          }
        />
      </Grid.Col>
    </Grid>
  );
}
