import { Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TopicPage as TopicPageData } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useTopic } from '../api';
import { EmptyState } from '../components/EmptyState';
import { countGathered, GatheredSections } from '../components/GatheredSections';
import { PageHeader, PortalPage } from '../components/layout';
import { useMetaDescription } from '../components/useMetaDescription';

export function TopicPage() {
  const { slug = '' } = useParams();
  const topic = useTopic(slug);
  return <QueryState query={topic}>{(data) => <TopicView data={data} />}</QueryState>;
}

function TopicView({ data }: { data: TopicPageData }) {
  const { t } = useTranslation('portal');
  const { topic } = data;
  usePageTitle(topic.name);
  useMetaDescription(topic.description);
  const nothing = countGathered(data) === 0;

  return (
    <PortalPage>
      <Breadcrumbs mb="sm" aria-label={t('breadcrumbs')}>
        <Anchor component={Link} to="/">
          {t('nav.home')}
        </Anchor>
        <Anchor component={Link} to="/topics">
          {t('nav.topics')}
        </Anchor>
      </Breadcrumbs>
      <PageHeader title={topic.name} />
      <Text lang="en" c="dimmed" maw={760}>
        {topic.description}
      </Text>
      {nothing && <EmptyState text={t('topics.nothingYet')} />}
      <Stack gap={0}>
        <GatheredSections
          items={data}
          headings={{
            articles: { title: t('topic.articles'), moreHref: `/news?topic=${topic.slug}`, moreLabel: t('topic.allArticles') },
            documents: { title: t('topic.documents'), moreHref: `/documents?topic=${topic.slug}`, moreLabel: t('topic.allDocuments') },
            events: { title: t('topic.events'), moreHref: `/events?topic=${topic.slug}`, moreLabel: t('topic.allEvents') },
            initiatives: { title: t('topic.initiatives'), moreHref: `/initiatives?topic=${topic.slug}`, moreLabel: t('topic.allInitiatives') },
            indicators: { title: t('topic.indicators') },
          }}
        />
      </Stack>
    </PortalPage>
  );
}
