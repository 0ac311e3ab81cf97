import { Alert, Button, Group, Stack, Tabs, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SitePageSlug, type SitePageInput } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { LANGUAGES } from '../../../i18n/languages';
import { problemMessage } from '../editor/formErrors';
import { RichTextField } from '../editor/RichTextField';
import { useEditorSitePage, useSaveSitePage } from '../api';
import { PageHeader, PortalPage } from '../components/layout';

/** Editors change the footer's pages, every UI language in one save. Loaded on demand (rich text editor). */
export function Component() {
  const { slug = '' } = useParams();
  const parsed = SitePageSlug.safeParse(slug);
  const { t } = useTranslation('portal');
  if (!parsed.success) return <Alert color="red">{t('notFound.body')}</Alert>;
  return <SitePageEditor slug={parsed.data} />;
}

function SitePageEditor({ slug }: { slug: SitePageSlug }) {
  const page = useEditorSitePage(slug);
  return <QueryState query={page}>{(data) => <SitePageForm slug={slug} initial={data.translations} />}</QueryState>;
}

function SitePageForm({ slug, initial }: { slug: SitePageSlug; initial: SitePageInput['translations'] }) {
  const { t } = useTranslation('portal');
  const save = useSaveSitePage(slug);
  const [translations, setTranslations] = useState(initial);
  const [tab, setTab] = useState<string>('en');
  useEffect(() => setTranslations(initial), [initial]);
  const title = translations.find((item) => item.language === 'en')?.title ?? slug;
  usePageTitle(t('sitePage.editTitle', { title }));
  const change = (language: string, patch: Partial<SitePageInput['translations'][number]>) =>
    setTranslations((current) => current.map((item) => (item.language === language ? { ...item, ...patch } : item)));

  const submit = () =>
    save.mutate(
      { translations },
      { onSuccess: () => notifications.show({ color: 'green', message: t('sitePage.saved') }) },
    );

  return (
    <PortalPage size="md">
      <PageHeader title={t('sitePage.editTitle', { title })} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          {save.isError && <Alert color="red">{problemMessage(save.error, t('sitePage.saveFailed'))}</Alert>}
          <Tabs value={tab} onChange={(value) => value && setTab(value)}>
            <Tabs.List aria-label={t('footer.languages')}>
              {LANGUAGES.map((language) => (
                <Tabs.Tab key={language.code} value={language.code} lang={language.code}>
                  {language.label}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {translations.map((item) => {
              const languageName = LANGUAGES.find((language) => language.code === item.language)?.label ?? item.language;
              return (
                <Tabs.Panel key={item.language} value={item.language} pt="md" aria-label={t('sitePage.languageTab', { language: languageName })}>
                  <Stack>
                    <TextInput label={t('sitePage.title')} value={item.title} required maxLength={200} onChange={(event) => change(item.language, { title: event.currentTarget.value })} />
                    <RichTextField label={t('sitePage.body')} value={item.bodyHtml} onChange={(bodyHtml) => change(item.language, { bodyHtml })} />
                  </Stack>
                </Tabs.Panel>
              );
            })}
          </Tabs>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('sitePage.save')}
            </Button>
            <Button component={Link} to={`/pages/${slug}`} variant="subtle">
              {t('common:cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </PortalPage>
  );
}
