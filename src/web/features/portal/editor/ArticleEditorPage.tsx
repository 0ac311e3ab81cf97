import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Tabs, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ARTICLE_KINDS, ArticleInput, type ContentLanguage, type EditorArticle } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { useEditorRecord } from '../api';
import { languageLabel } from '../components/languageLabel';
import { EditorShell } from './EditorShell';
import { ContentLanguageField, EconomiesField, TopicsField, useContentLanguageOptions } from './fields';
import { problemMessage, slugify } from './formErrors';
import { LeadImageUpload } from './LeadImageUpload';
import { RichTextField } from './RichTextField';
import { useSubmitEditorRecord } from './useSubmitEditorRecord';
import { WorkflowPanel } from './WorkflowPanel';

interface TranslationValues {
  language: ContentLanguage;
  title: string;
  lead: string;
  bodyHtml: string;
  leadImageAlt: string;
}

interface ArticleValues {
  slug: string;
  kind: ArticleInput['kind'];
  author: string;
  leadImageUrl: string;
  topics: string[];
  economies: string[];
  originalLanguage: ContentLanguage;
  translations: TranslationValues[];
}

function emptyTranslation(language: ContentLanguage): TranslationValues {
  return { language, title: '', lead: '', bodyHtml: '', leadImageAlt: '' };
}

function toValues(record: EditorArticle | undefined, language: ContentLanguage): ArticleValues {
  if (!record) return { slug: '', kind: 'news', author: '', leadImageUrl: '', topics: [], economies: [], originalLanguage: language, translations: [emptyTranslation(language)] };
  const { input } = record;
  return {
    ...input,
    leadImageUrl: input.leadImageUrl ?? '',
    translations: input.translations.map((translation) => ({ ...translation, leadImageAlt: translation.leadImageAlt ?? '' })),
  };
}

function toInput(values: ArticleValues) {
  return ArticleInput.safeParse({
    ...values,
    leadImageUrl: values.leadImageUrl.trim() || null,
    translations: values.translations.map((translation) => ({ ...translation, leadImageAlt: translation.leadImageAlt.trim() || null })),
  });
}

/** /editor/articles/new and /editor/articles/:id (loaded lazily: the rich text editor is large). */
export function Component() {
  const { id } = useParams();
  const record = useEditorRecord('articles', id);
  if (!id) return <ArticleForm key="new" />;
  return <QueryState query={record}>{(data) => <ArticleForm key={data.id} record={data} />}</QueryState>;
}

function ArticleForm({ record }: { record?: EditorArticle }) {
  const { t, i18n } = useTranslation('portal');
  const uiLanguage = (['en', 'sr-Latn', 'sr-Cyrl', 'sq', 'mk'].includes(i18n.language) ? i18n.language : 'en') as ContentLanguage;
  const { save, submit: saveRecord } = useSubmitEditorRecord('articles', record?.id);
  const form = useForm<ArticleValues>({ initialValues: toValues(record, uiLanguage) });
  const [tab, setTab] = useState<string>(form.values.originalLanguage);
  const languageOptions = useContentLanguageOptions();
  const editable = !record || record.workflow.abilities.edit;

  useEffect(() => {
    // After a save the record changes: the saved values become the new baseline.
    if (record) form.setValues(toValues(record, uiLanguage));
  }, [record]);

  const submit = form.onSubmit((values) => {
    const parsed = toInput(values);
    saveRecord(parsed, form.setErrors);
  });

  const present = form.values.translations.map((translation) => translation.language);
  const addable = languageOptions.filter((option) => !present.includes(option.value));

  return (
    <EditorShell
      title={record ? t('editor.editArticle') : t('editor.newArticle')}
      aside={record && <WorkflowPanel type="articles" id={record.id} workflow={record.workflow} />}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {!editable && <Alert color="blue">{t('editor.readOnly')}</Alert>}
          <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select label={t('fields.kind')} data={ARTICLE_KINDS.map((value) => ({ value, label: t(`articleKind.${value}`) }))} allowDeselect={false} {...form.getInputProps('kind')} />
                <TextInput label={t('fields.author')} required {...form.getInputProps('author')} />
                <TextInput
                  label={t('fields.slug')}
                  description={t('fields.slugHelp')}
                  required
                  {...form.getInputProps('slug')}
                />
                <ContentLanguageField label={t('fields.originalLanguage')} value={form.values.originalLanguage} onChange={(value) => form.setFieldValue('originalLanguage', value as ContentLanguage)} error={form.errors.originalLanguage} />
                <TopicsField label={t('fields.topics')} value={form.values.topics} onChange={(value) => form.setFieldValue('topics', value)} error={form.errors.topics} />
                <EconomiesField label={t('fields.economies')} value={form.values.economies} onChange={(value) => form.setFieldValue('economies', value)} error={form.errors.economies} />
              </SimpleGrid>
              <TextInput label={t('fields.leadImageUrl')} description={t('editorAids.leadImage.help')} type="url" {...form.getInputProps('leadImageUrl')} />
              <LeadImageUpload
                articleId={record?.id}
                url={form.values.leadImageUrl}
                alt={form.values.translations[0]?.leadImageAlt ?? ''}
                disabled={!editable}
                onUploaded={(url) => form.setFieldValue('leadImageUrl', url)}
              />
              <Paper withBorder p="sm" radius="md">
                <Tabs value={tab} onChange={(value) => value && setTab(value)}>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Tabs.List aria-label={t('fields.translations')}>
                      {form.values.translations.map((translation) => (
                        <Tabs.Tab key={translation.language} value={translation.language}>
                          {languageOptions.find((option) => option.value === translation.language)?.label ?? languageLabel(translation.language)}
                          {translation.language === form.values.originalLanguage && ` (${t('fields.original')})`}
                        </Tabs.Tab>
                      ))}
                    </Tabs.List>
                    <Select
                      aria-label={t('fields.addTranslation')}
                      placeholder={t('fields.addTranslation')}
                      data={addable}
                      value={null}
                      size="xs"
                      searchable
                      onChange={(value) => {
                        if (!value) return;
                        form.insertListItem('translations', emptyTranslation(value as ContentLanguage));
                        setTab(value);
                      }}
                    />
                  </Group>
                  {form.values.translations.map((translation, index) => (
                    <Tabs.Panel key={translation.language} value={translation.language} pt="md">
                      <Stack gap="sm" lang={translation.language}>
                        <TextInput
                          label={t('fields.title')}
                          required
                          {...form.getInputProps(`translations.${index}.title`)}
                          onBlur={() => !form.values.slug && translation.title && form.setFieldValue('slug', slugify(translation.title))}
                        />
                        <Textarea label={t('fields.lead')} autosize minRows={2} {...form.getInputProps(`translations.${index}.lead`)} />
                        <RichTextField
                          label={t('fields.body')}
                          value={translation.bodyHtml}
                          onChange={(html) => form.setFieldValue(`translations.${index}.bodyHtml`, html)}
                          error={form.errors[`translations.${index}.bodyHtml`] as string | undefined}
                        />
                        <TextInput label={t('fields.leadImageAlt')} {...form.getInputProps(`translations.${index}.leadImageAlt`)} />
                        {translation.language !== form.values.originalLanguage && (
                          <Group justify="flex-end">
                              <Button
                                variant="subtle"
                                color="red"
                                size="compact-sm"
                                onClick={() => {
                                  form.removeListItem('translations', index);
                                  setTab(form.values.originalLanguage);
                                }}
                              >
                                {t('fields.removeTranslation')}
                              </Button>
                          </Group>
                        )}
                      </Stack>
                    </Tabs.Panel>
                  ))}
                </Tabs>
              </Paper>
            </Stack>
          </fieldset>
          {save.error && (
            <Alert color="red" role="alert" title={t('editor.saveFailed')}>
              {problemMessage(save.error, t('editor.saveFailed'))}
            </Alert>
          )}
          {Object.keys(form.errors).length > 0 && !save.error && (
            <Alert color="red" role="alert">
              {t('editor.fixErrors')}
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
