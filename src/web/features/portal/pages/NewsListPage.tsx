import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ARTICLE_KINDS, type ArticleKind, ContentLanguage } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useArticles } from '../api';
import { ArticleCard } from '../components/cards';
import { useEconomyOptions } from '../components/economies';
import { FilterPanel } from '../components/FilterPanel';
import { EmptyState } from '../components/EmptyState';
import { LANGUAGE_OPTIONS } from '../components/languageLabel';
import { CardGrid, PageHeader, PortalPage } from '../components/layout';
import { Pager } from '../components/Pager';
import { useTopicOptions } from '../components/topics';
import { useMetaDescription } from '../components/useMetaDescription';
import { useUrlFilters } from '../components/useUrlFilters';
import { FeedLinks } from '../components/FeedLinks';

const PAGE_SIZE = 12;

export function NewsListPage() {
  const { t } = useTranslation('portal');
  usePageTitle(t('news.title'));
  useMetaDescription(t('news.intro'));
  const { get, page, setPage } = useUrlFilters();
  const kind = ARTICLE_KINDS.find((value) => value === get('type')) as ArticleKind | undefined;
  const language = ContentLanguage.safeParse(get('language')).data;
  const articles = useArticles({ kind, topic: get('topic'), economy: get('economy'), language, page, pageSize: PAGE_SIZE });
  const economyOptions = useEconomyOptions();
  const topicOptions = useTopicOptions();

  return (
    <PortalPage>
      <PageHeader title={t('news.title')} intro={t('news.intro')} actions={<FeedLinks />} />
      <Stack gap="md">
        <FilterPanel
          filters={[
            { name: 'type', label: t('filters.type'), options: ARTICLE_KINDS.map((value) => ({ value, label: t(`articleKind.${value}`) })) },
            { name: 'topic', label: t('filters.topic'), options: topicOptions },
            { name: 'economy', label: t('filters.economy'), options: economyOptions },
            { name: 'language', label: t('filters.language'), options: LANGUAGE_OPTIONS },
          ]}
        />
        <QueryState query={articles}>
          {(data) =>
            data.items.length === 0 && data.total > 0 ? (
              // A page past the end (e.g. ?page=99) is not "no articles match": say so, and offer the way back.
              <EmptyState text={t('newsPaging.outOfRange', { page, pages: Math.ceil(data.total / data.pageSize) })}>
                <Button mt="sm" variant="light" onClick={() => setPage(1)}>
                  {t('newsPaging.backToFirst')}
                </Button>
              </EmptyState>
            ) : data.items.length === 0 ? (
              <EmptyState text={t('news.empty')} />
            ) : (
              <>
                <CardGrid>
                  {data.items.map((article) => (
                    <ArticleCard key={article.id} article={article} headingLevel={2} />
                  ))}
                </CardGrid>
                <Pager total={data.total} page={data.page} pageSize={data.pageSize} onChange={setPage} />
              </>
            )
          }
        </QueryState>
      </Stack>
    </PortalPage>
  );
}
