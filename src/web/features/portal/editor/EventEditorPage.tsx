import { Alert, Button, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EVENT_KINDS, EventInput, type ContentLanguage, type EditorEvent } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { useDocuments, useEditorRecord } from '../api';
import { useEconomyOptions } from '../components/economies';
import { EditorShell } from './EditorShell';
import { ContentLanguageField, EconomiesField, TIME_ZONES, TopicsField } from './fields';
import { problemMessage, slugify } from './formErrors';
import { RichTextField } from './RichTextField';
import { useSubmitEditorRecord } from './useSubmitEditorRecord';
import { WorkflowPanel } from './WorkflowPanel';

type EventValues = Omit<EventInput, 'venue' | 'city' | 'onlineUrl' | 'economy' | 'language'> & {
  venue: string;
  city: string;
  onlineUrl: string;
  economy: string | null;
  language: ContentLanguage;
};

function toValues(record?: EditorEvent): EventValues {
  if (!record) {
    return {
      slug: '', kind: 'conference', title: '', summary: '', agendaHtml: '', startsLocal: '', endsLocal: '', timeZone: 'Europe/Belgrade', online: false,
      venue: '', city: '', economy: null, onlineUrl: '', organiser: '', language: 'en', topics: [], economies: [], documents: [],
    };
  }
  const { input } = record;
  return { ...input, venue: input.venue ?? '', city: input.city ?? '', onlineUrl: input.onlineUrl ?? '' };
}

/** /editor/events/new and /editor/events/:id. */
export function Component() {
  const { id } = useParams();
  const record = useEditorRecord('events', id);
  if (!id) return <EventForm key="new" />;
  return <QueryState query={record}>{(data) => <EventForm key={data.id} record={data} />}</QueryState>;
}

function EventForm({ record }: { record?: EditorEvent }) {
  const { t } = useTranslation('portal');
  const { save, submit: saveRecord } = useSubmitEditorRecord('events', record?.id);
  const form = useForm<EventValues>({ initialValues: toValues(record) });
  const economyOptions = useEconomyOptions();
  const documents = useDocuments({ pageSize: 100 });
  const editable = !record || record.workflow.abilities.edit;

  useEffect(() => {
    if (record) form.setValues(toValues(record));
  }, [record]);

  const submit = form.onSubmit((values) => {
    const parsed = EventInput.safeParse({
      ...values,
      venue: values.venue.trim() || null,
      city: values.city.trim() || null,
      onlineUrl: values.onlineUrl.trim() || null,
    });
    saveRecord(parsed, form.setErrors);
  });

  return (
    <EditorShell title={record ? t('editor.editEvent') : t('editor.newEvent')} aside={record && <WorkflowPanel type="events" id={record.id} workflow={record.workflow} />}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {!editable && <Alert color="blue">{t('editor.readOnly')}</Alert>}
          <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="md">
              <TextInput
                label={t('fields.title')}
                required
                {...form.getInputProps('title')}
                onBlur={() => !form.values.slug && form.values.title && form.setFieldValue('slug', slugify(form.values.title))}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select label={t('fields.eventKind')} data={EVENT_KINDS.map((value) => ({ value, label: t(`eventKind.${value}`) }))} allowDeselect={false} {...form.getInputProps('kind')} />
                <TextInput
                  label={t('fields.slug')}
                  description={t('fields.slugHelp')}
                  required
                  {...form.getInputProps('slug')}
                />
                <TextInput label={t('fields.startsLocal')} type="datetime-local" required {...form.getInputProps('startsLocal')} />
                <TextInput label={t('fields.endsLocal')} type="datetime-local" required {...form.getInputProps('endsLocal')} />
                <Select label={t('fields.timeZone')} description={t('fields.timeZoneHelp')} data={TIME_ZONES} searchable allowDeselect={false} {...form.getInputProps('timeZone')} />
                <TextInput label={t('fields.organiser')} required {...form.getInputProps('organiser')} />
              </SimpleGrid>
              <Checkbox label={t('fields.online')} {...form.getInputProps('online', { type: 'checkbox' })} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {!form.values.online && <TextInput label={t('fields.venue')} {...form.getInputProps('venue')} />}
                {!form.values.online && <TextInput label={t('fields.city')} {...form.getInputProps('city')} />}
                {!form.values.online && <Select label={t('fields.economy')} data={economyOptions} clearable searchable {...form.getInputProps('economy')} />}
                <TextInput label={t('fields.onlineUrl')} type="url" {...form.getInputProps('onlineUrl')} />
                <ContentLanguageField label={t('fields.language')} value={form.values.language} onChange={(value) => form.setFieldValue('language', value as ContentLanguage)} error={form.errors.language} />
                <TopicsField label={t('fields.topics')} value={form.values.topics} onChange={(value) => form.setFieldValue('topics', value)} error={form.errors.topics} />
                <EconomiesField label={t('fields.economies')} value={form.values.economies} onChange={(value) => form.setFieldValue('economies', value)} error={form.errors.economies} />
                <MultiSelect
                  label={t('fields.documents')}
                  data={(documents.data?.items ?? []).map((document) => ({ value: document.slug, label: document.title }))}
                  searchable
                  clearable
                  {...form.getInputProps('documents')}
                />
              </SimpleGrid>
              <Textarea label={t('fields.summary')} autosize minRows={2} {...form.getInputProps('summary')} />
              <RichTextField label={t('fields.agenda')} value={form.values.agendaHtml} onChange={(html) => form.setFieldValue('agendaHtml', html)} error={form.errors.agendaHtml as string | undefined} />
            </Stack>
          </fieldset>
          {save.error && (
            <Alert color="red" role="alert" title={t('editor.saveFailed')}>
              {problemMessage(save.error, t('editor.saveFailed'))}
            </Alert>
          )}
          {editable && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {record ? t('editor.save') : t('editor.createDraft')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </EditorShell>
  );
}
