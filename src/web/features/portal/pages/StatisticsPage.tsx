import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useIndicators } from '../api';
import { IndicatorCard } from '../components/cards';
import { EmptyState } from '../components/EmptyState';
import { FilterPanel } from '../components/FilterPanel';
import { CardGrid, PageHeader, PortalPage } from '../components/layout';
import { useTopicOptions } from '../components/topics';
import { useMetaDescription } from '../components/useMetaDescription';
import { useUrlFilters } from '../components/useUrlFilters';

export function StatisticsPage() {
  const { t } = useTranslation('portal');
  usePageTitle(t('statistics.title'));
  useMetaDescription(t('statistics.intro'));
  const { get } = useUrlFilters();
  const indicators = useIndicators(get('topic'));
  const topicOptions = useTopicOptions();
  return (
    <PortalPage>
      <PageHeader title={t('statistics.title')} intro={t('statistics.intro')} />
      <Stack gap="md">
        <FilterPanel filters={[{ name: 'topic', label: t('filters.topic'), options: topicOptions }]} />
        <QueryState query={indicators}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState text={t('statistics.empty')} />
            ) : (
              <CardGrid>
                {data.items.map((indicator) => (
                  <IndicatorCard key={indicator.id} indicator={indicator} headingLevel={2} />
                ))}
              </CardGrid>
            )
          }
        </QueryState>
      </Stack>
    </PortalPage>
  );
}
