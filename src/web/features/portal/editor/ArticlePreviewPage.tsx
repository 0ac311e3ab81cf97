import { Alert, Anchor, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ContentLanguage } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { languageLabel } from '../components/languageLabel';
import { ArticleView } from '../pages/ArticlePage';
import { useArticlePreview } from './api';

/**
 * /editor/articles/:id/preview: the article exactly as the public page will render it (the same
 * component over the same presenter), with a notice that it is not public yet.
 */
export function Component() {
  const { id = '' } = useParams();
  const { t } = useTranslation('portal');
  const [params, setParams] = useSearchParams();
  const lang = ContentLanguage.safeParse(params.get('lang')).data;
  const preview = useArticlePreview(id, lang);
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" title={t('editorAids.preview.title')} role="note">
        <Stack gap="xs">
          <Text size="sm">{t('editorAids.preview.notice')}</Text>
          <Group gap="sm" wrap="wrap">
            <Anchor component={Link} to={`/editor/articles/${id}`} size="sm">
              {t('editorAids.preview.back')}
            </Anchor>
            {preview.data && preview.data.language.available.length > 1 && (
              <SegmentedControl
                size="xs"
                aria-label={t('translations.label')}
                value={preview.data.language.served}
                onChange={(value) => setParams({ lang: value }, { replace: true })}
                data={preview.data.language.available.map((language) => ({ value: language, label: languageLabel(language) }))}
              />
            )}
          </Group>
        </Stack>
      </Alert>
      <QueryState query={preview}>{(article) => <ArticleView article={article} />}</QueryState>
    </Stack>
  );
}
