import { Card, Group, SimpleGrid, Text, Title, Anchor, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SEARCH_TYPES } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useTopics } from '../api';
import { EmptyState } from '../components/EmptyState';
import { PageHeader, PortalPage } from '../components/layout';
import { useMetaDescription } from '../components/useMetaDescription';

export function TopicsPage() {
  const { t } = useTranslation('portal');
  usePageTitle(t('topics.title'));
  useMetaDescription(t('topics.intro'));
  const topics = useTopics();
  return (
    <PortalPage>
      <PageHeader title={t('topics.title')} intro={t('topics.intro')} />
      <QueryState query={topics}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState text={t('topics.empty')} />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {data.items.map((topic) => (
                <Card key={topic.slug} withBorder radius="md" className="portal-card">
                  <Title order={2} size="h4">
                    <Anchor component={Link} to={`/topics/${topic.slug}`} className="portal-card-link" c="inherit">
                      {topic.name}
                    </Anchor>
                  </Title>
                  <Text size="sm" c="dimmed" mt={4} lang="en" lineClamp={3}>
                    {topic.description}
                  </Text>
                  <Group gap={6} mt="sm">
                    {SEARCH_TYPES.filter((type) => topic.counts[type] > 0).map((type) => (
                      <Badge key={type} variant="light" color="gray" style={{ textTransform: 'none' }}>
                        {t(`typeCount.${type}`, { count: topic.counts[type] })}
                      </Badge>
                    ))}
                  </Group>
                </Card>
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
    </PortalPage>
  );
}
