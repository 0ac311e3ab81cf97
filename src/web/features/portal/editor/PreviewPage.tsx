import { Alert, Anchor, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { type Article, ContentLanguage, type Document, type Event, type Indicator } from '../../../../contract/portal';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { QueryState } from '../../../components/QueryState';
import { languageLabel } from '../components/languageLabel';
import { ArticleView } from '../pages/ArticlePage';
import { DocumentView } from '../pages/DocumentPage';
import { EventView } from '../pages/EventPage';
import { IndicatorView } from '../pages/IndicatorPage';
import { PREVIEW_SCHEMAS, type PreviewType, useItemPreview } from './api';

const isPreviewType = (value: string): value is PreviewType => Object.hasOwn(PREVIEW_SCHEMAS, value);

/**
 * /editor/:type/:id/preview: an article, document, event or indicator in any status exactly as
 * its public page will render it (the public page's own component over the public presenter),
 * under a notice that it is not public yet.
 */
export function Component() {
  const { type = '', id = '' } = useParams();
  if (!isPreviewType(type)) return <NotFoundPage />;
  return <Preview key={`${type}:${id}`} type={type} id={id} />;
}

function Preview({ type, id }: { type: PreviewType; id: string }) {
  const { t } = useTranslation('portal');
  const [params, setParams] = useSearchParams();
  const lang = ContentLanguage.safeParse(params.get('lang')).data;
  const preview = useItemPreview(type, id, lang);
  const article = type === 'articles' ? (preview.data as Article | undefined) : undefined;
  const view = (data: unknown): ReactNode => {
    switch (type) {
      case 'articles':
        return <ArticleView article={data as Article} />;
      case 'documents':
        return <DocumentView document={data as Document} />;
      case 'events':
        return <EventView event={data as Event} />;
      case 'indicators':
        return <IndicatorView indicator={data as Indicator} />;
    }
  };
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" title={t('editorAids.preview.title')} role="note">
        <Stack gap="xs">
          <Text size="sm">{t('editorAids.preview.notice')}</Text>
          <Group gap="sm" wrap="wrap">
            <Anchor component={Link} to={`/editor/${type}/${id}`} size="sm">
              {t('editorAids.preview.back')}
            </Anchor>
            {article && article.language.available.length > 1 && (
              <SegmentedControl
                size="xs"
                aria-label={t('translations.label')}
                value={article.language.served}
                onChange={(value) => setParams({ lang: value }, { replace: true })}
                data={article.language.available.map((language) => ({ value: language, label: languageLabel(language) }))}
              />
            )}
          </Group>
        </Stack>
      </Alert>
      <QueryState query={preview}>{view}</QueryState>
    </Stack>
  );
}
