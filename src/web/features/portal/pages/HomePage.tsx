import { Anchor, Badge, Box, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../../components/usePageTitle';
import { useArticles, useDocuments, useEvents, useIndicators, useInitiatives, useTopics } from '../api';
import { ArticleCard, DocumentCard, EventCard, IndicatorCard } from '../components/cards';
import { CardGrid, PortalPage, Section } from '../components/layout';
import { SearchBox } from '../components/SearchBox';
import { useMetaDescription } from '../components/useMetaDescription';

/** The portal's front door: a search box, then the latest of each kind of content. */
export function HomePage() {
  const { t } = useTranslation('portal');
  usePageTitle(t('home.title'));
  useMetaDescription(t('home.intro'));

  return (
    <PortalPage>
      <Box className="portal-hero" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="sm" maw={760}>
          <Title order={1}>{t('home.title')}</Title>
          <Text size="lg">{t('home.intro')}</Text>
          <SearchBox size="lg" />
        </Stack>
      </Box>
      <LatestNews />
      <UpcomingEvents />
      <FeaturedDocuments />
      <TopicsOverview />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <StatisticsTeaser />
        <InitiativesTeaser />
      </SimpleGrid>
    </PortalPage>
  );
}

function Loading({ children, pending, empty, emptyText }: { children: ReactNode; pending: boolean; empty: boolean; emptyText: string }) {
  const { t } = useTranslation();
  if (pending) return <Skeleton height={180} aria-label={t('loading')} />;
  if (empty) return <Text c="dimmed">{emptyText}</Text>;
  return <>{children}</>;
}

function LatestNews() {
  const { t } = useTranslation('portal');
  const articles = useArticles({ pageSize: 3 });
  return (
    <Section title={t('home.latestNews')} moreHref="/news" moreLabel={t('home.allNews')}>
      <Loading pending={articles.isPending} empty={articles.data?.items.length === 0} emptyText={t('news.empty')}>
        <CardGrid>
          {articles.data?.items.map((article) => (
            <ArticleCard key={article.id} article={article} />
          ))}
        </CardGrid>
      </Loading>
    </Section>
  );
}

function UpcomingEvents() {
  const { t } = useTranslation('portal');
  const events = useEvents({ when: 'upcoming', pageSize: 3 });
  return (
    <Section title={t('home.upcomingEvents')} moreHref="/events" moreLabel={t('home.allEvents')}>
      <Loading pending={events.isPending} empty={events.data?.items.length === 0} emptyText={t('events.emptyUpcoming')}>
        <CardGrid>
          {events.data?.items.map((event) => (
            <EventCard key={event.id} event={event} />
          ))}
        </CardGrid>
      </Loading>
    </Section>
  );
}

function FeaturedDocuments() {
  const { t } = useTranslation('portal');
  const documents = useDocuments({ pageSize: 3 });
  return (
    <Section title={t('home.featuredDocuments')} moreHref="/documents" moreLabel={t('home.allDocuments')}>
      <Loading pending={documents.isPending} empty={documents.data?.items.length === 0} emptyText={t('documents.empty')}>
        <CardGrid>
          {documents.data?.items.map((document) => (
            <DocumentCard key={document.id} document={document} />
          ))}
        </CardGrid>
      </Loading>
    </Section>
  );
}

function TopicsOverview() {
  const { t } = useTranslation('portal');
  const topics = useTopics();
  return (
    <Section title={t('home.topics')} moreHref="/topics" moreLabel={t('home.allTopics')}>
      <Loading pending={topics.isPending} empty={topics.data?.items.length === 0} emptyText={t('topics.empty')}>
        <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {topics.data?.items.map((topic) => {
            const total = Object.values(topic.counts).reduce((sum, count) => sum + count, 0);
            return (
              <li key={topic.slug}>
                <Anchor component={Link} to={`/topics/${topic.slug}`} className="portal-topic-pill" underline="never">
                  {topic.name}
                  <span className="portal-topic-count">{total}</span>
                </Anchor>
              </li>
            );
          })}
        </Group>
      </Loading>
    </Section>
  );
}

function StatisticsTeaser() {
  const { t } = useTranslation('portal');
  const indicators = useIndicators();
  return (
    <Section title={t('home.keyStatistics')} moreHref="/statistics" moreLabel={t('home.allStatistics')}>
      <Loading pending={indicators.isPending} empty={indicators.data?.items.length === 0} emptyText={t('statistics.empty')}>
        <Stack gap="md">
          {indicators.data?.items.slice(0, 2).map((indicator) => (
            <IndicatorCard key={indicator.id} indicator={indicator} />
          ))}
        </Stack>
      </Loading>
    </Section>
  );
}

function InitiativesTeaser() {
  const { t } = useTranslation('portal');
  const initiatives = useInitiatives({ status: 'active' });
  const items = initiatives.data?.items ?? [];
  return (
    <Section title={t('home.initiatives')} moreHref="/initiatives" moreLabel={t('home.allInitiatives')}>
      <Loading pending={initiatives.isPending} empty={items.length === 0} emptyText={t('initiatives.empty')}>
        <Paper withBorder p="md" radius="md">
          <Text mb="sm">{t('home.initiativesIntro', { count: items.length })}</Text>
          <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.slice(0, 12).map((initiative) => (
              <li key={initiative.slug}>
                <Badge component={Link} to={`/initiatives/${initiative.slug}`} variant="outline" size="lg" title={initiative.name} style={{ cursor: 'pointer', textTransform: 'none' }}>
                  {initiative.acronym ?? initiative.name}
                </Badge>
              </li>
            ))}
          </Group>
          <Group mt="md" gap="sm">
            <Button component={Link} to="/initiatives" variant="light" size="sm">
              {t('initiatives.mapLink')}
            </Button>
            <Button component={Link} to="/initiatives/matrix" variant="subtle" size="sm">
              {t('initiatives.matrixLink')}
            </Button>
          </Group>
        </Paper>
      </Loading>
    </Section>
  );
}
