import { Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TopicPage as TopicPageData } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useTopic } from '../api';
import { ArticleCard, DocumentCard, EventCard, IndicatorCard, InitiativeCard } from '../components/cards';
import { EmptyState } from '../components/EmptyState';
import { CardGrid, PageHeader, PortalPage, Section } from '../components/layout';
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
  const nothing = data.articles.length + data.documents.length + data.events.length + data.initiatives.length + data.indicators.length === 0;

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
        {data.articles.length > 0 && (
          <Section title={t('topic.articles')} moreHref={`/news?topic=${topic.slug}`} moreLabel={t('topic.allArticles')}>
            <CardGrid>
              {data.articles.map((article) => (
                <ArticleCard key={article.id} article={article} withImage={false} />
              ))}
            </CardGrid>
          </Section>
        )}
        {data.documents.length > 0 && (
          <Section title={t('topic.documents')} moreHref={`/documents?topic=${topic.slug}`} moreLabel={t('topic.allDocuments')}>
            <CardGrid>
              {data.documents.map((document) => (
                <DocumentCard key={document.id} document={document} />
              ))}
            </CardGrid>
          </Section>
        )}
        {data.events.length > 0 && (
          <Section title={t('topic.events')} moreHref={`/events?topic=${topic.slug}`} moreLabel={t('topic.allEvents')}>
            <CardGrid>
              {data.events.map((event) => (
                <EventCard key={event.id} event={event} />
              ))}
            </CardGrid>
          </Section>
        )}
        {data.initiatives.length > 0 && (
          <Section title={t('topic.initiatives')} moreHref={`/initiatives?topic=${topic.slug}`} moreLabel={t('topic.allInitiatives')}>
            <CardGrid>
              {data.initiatives.map((initiative) => (
                <InitiativeCard key={initiative.id} initiative={initiative} />
              ))}
            </CardGrid>
          </Section>
        )}
        {data.indicators.length > 0 && (
          <Section title={t('topic.indicators')}>
            <CardGrid>
              {data.indicators.map((indicator) => (
                <IndicatorCard key={indicator.id} indicator={indicator} />
              ))}
            </CardGrid>
          </Section>
        )}
      </Stack>
    </PortalPage>
  );
}
