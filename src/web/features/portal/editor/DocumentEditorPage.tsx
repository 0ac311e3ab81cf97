import { Alert, Anchor, Button, FileInput, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { DOCUMENT_KINDS, DOCUMENT_MAX_BYTES, DocumentMetadataInput, type ContentLanguage, type EditorDocument } from '../../../../contract/portal';
import { ApiError } from '../../../api/client';
import { QueryState } from '../../../components/QueryState';
import { useEditorRecord, useSaveEditorRecord, useUploadDocument } from '../api';
import { formatBytes } from '../../../i18n/format';
import { EditorShell } from './EditorShell';
import { ContentLanguageField, EconomiesField, TopicsField } from './fields';
import { problemErrors, problemMessage, slugify, zodErrors } from './formErrors';
import { WorkflowPanel } from './WorkflowPanel';

type DocumentValues = Omit<DocumentMetadataInput, 'language'> & { language: ContentLanguage };

const ACCEPT = '.pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text';

function toValues(record?: EditorDocument): DocumentValues {
  return record?.input ?? { slug: '', kind: 'report', title: '', summary: '', publisher: '', publishedOn: new Date().toISOString().slice(0, 10), language: 'en', topics: [], economies: [] };
}

/** /editor/documents/new (file + metadata) and /editor/documents/:id (metadata). */
export function Component() {
  const { id } = useParams();
  const record = useEditorRecord('documents', id);
  if (!id) return <DocumentForm key="new" />;
  return <QueryState query={record}>{(data) => <DocumentForm key={data.id} record={data} />}</QueryState>;
}

function DocumentForm({ record }: { record?: EditorDocument }) {
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const upload = useUploadDocument();
  const update = useSaveEditorRecord('documents', record?.id);
  const form = useForm<DocumentValues>({ initialValues: toValues(record) });
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const editable = !record || record.workflow.abilities.edit;
  const pending = upload.isPending || update.isPending;
  const error = upload.error ?? update.error;

  useEffect(() => {
    if (record) form.setValues(toValues(record));
  }, [record]);

  const submit = form.onSubmit((values) => {
    const parsed = DocumentMetadataInput.safeParse(values);
    if (!parsed.success) {
      form.setErrors(zodErrors(parsed.error, t));
      return;
    }
    const onError = (failure: unknown) => form.setErrors(problemErrors(failure, t));
    if (record) {
      update.mutate(parsed.data, { onSuccess: () => notifications.show({ color: 'green', message: t('editor.saved') }), onError });
      return;
    }
    if (!file) {
      setFileError(t('documentForm.fileRequired'));
      return;
    }
    upload.mutate(
      { file, metadata: parsed.data },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('editor.saved') });
          void navigate(`/editor/documents/${saved.id}`, { replace: true });
        },
        onError,
      },
    );
  });

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    upload.reset();
    setFileError(chosen && chosen.size > DOCUMENT_MAX_BYTES ? t('documentForm.tooLarge', { size: formatBytes(DOCUMENT_MAX_BYTES) }) : null);
    if (chosen && !form.values.title) form.setFieldValue('title', chosen.name.replace(/\.[^.]+$/, ''));
  };

  return (
    <EditorShell title={record ? t('editor.editDocument') : t('editor.newDocument')} aside={record && <WorkflowPanel type="documents" id={record.id} workflow={record.workflow} />}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {!editable && <Alert color="blue">{t('editor.readOnly')}</Alert>}
          {record ? (
            <Text size="sm">
              {t('documentForm.currentFile')}:{' '}
              <Anchor href={record.file.downloadUrl}>{record.file.fileName}</Anchor> ({record.file.format.toUpperCase()}, {formatBytes(record.file.sizeBytes)})
            </Text>
          ) : (
            <FileInput
              label={t('documentForm.file')}
              description={t('documentForm.fileHelp', { size: formatBytes(DOCUMENT_MAX_BYTES) })}
              accept={ACCEPT}
              value={file}
              onChange={chooseFile}
              error={fileError}
              required
              clearable
            />
          )}
          <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="md">
              <TextInput
                label={t('fields.title')}
                required
                {...form.getInputProps('title')}
                onBlur={() => !form.values.slug && form.values.title && form.setFieldValue('slug', slugify(form.values.title))}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select label={t('fields.documentKind')} data={DOCUMENT_KINDS.map((value) => ({ value, label: t(`documentKind.${value}`) }))} allowDeselect={false} {...form.getInputProps('kind')} />
                <TextInput
                  label={t('fields.slug')}
                  description={t('fields.slugHelp')}
                  required
                  {...form.getInputProps('slug')}
                />
                <TextInput label={t('fields.publisher')} required {...form.getInputProps('publisher')} />
                <TextInput label={t('fields.publishedOn')} type="date" required {...form.getInputProps('publishedOn')} />
                <ContentLanguageField label={t('fields.language')} value={form.values.language} onChange={(value) => form.setFieldValue('language', value as ContentLanguage)} error={form.errors.language} />
                <TopicsField label={t('fields.topics')} value={form.values.topics} onChange={(value) => form.setFieldValue('topics', value)} error={form.errors.topics} />
                <EconomiesField label={t('fields.economies')} value={form.values.economies} onChange={(value) => form.setFieldValue('economies', value)} error={form.errors.economies} />
              </SimpleGrid>
              <Textarea label={t('fields.summary')} autosize minRows={3} {...form.getInputProps('summary')} />
            </Stack>
          </fieldset>
          {error && (
            <Alert color="red" role="alert" title={error instanceof ApiError && [413, 415, 422].includes(error.status) ? t('documentForm.badFile') : t('editor.saveFailed')}>
              {problemMessage(error, t('editor.saveFailed'))}
            </Alert>
          )}
          {editable && (
            <Group>
              <Button type="submit" loading={pending} disabled={!record && Boolean(fileError)}>
                {record ? t('editor.save') : t('documentForm.upload')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </EditorShell>
  );
}
