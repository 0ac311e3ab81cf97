import { Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, type EventKind } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { CalendarFeedButtons } from '../../workspace/CalendarFeedButtons';
import { useEvents } from '../api';
import { EventCard } from '../components/cards';
import { useEconomyOptions } from '../components/economies';
import { EmptyState } from '../components/EmptyState';
import { FilterPanel } from '../components/FilterPanel';
import { CardGrid, PageHeader, PortalPage } from '../components/layout';
import { Pager } from '../components/Pager';
import { useTopicOptions } from '../components/topics';
import { useMetaDescription } from '../components/useMetaDescription';
import { useUrlFilters } from '../components/useUrlFilters';

const PAGE_SIZE = 12;

export function EventsPage() {
  const { t } = useTranslation('portal');
  usePageTitle(t('events.title'));
  useMetaDescription(t('events.intro'));
  const { get, set, page, setPage } = useUrlFilters();
  const when = get('when') === 'past' ? 'past' : 'upcoming';
  const kind = EVENT_KINDS.find((value) => value === get('type')) as EventKind | undefined;
  const events = useEvents({ when, kind, topic: get('topic'), economy: get('economy'), page, pageSize: PAGE_SIZE });
  const economyOptions = useEconomyOptions();
  const topicOptions = useTopicOptions();
  const feedUrl = `${window.location.origin}/feeds/events.ics`;

  return (
    <PortalPage>
      <PageHeader
        title={t('events.title')}
        intro={t('events.intro')}
        actions={
          <Stack gap={4} align="flex-start">
            <CalendarFeedButtons path="/feeds/events.ics" />
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('events.subscribeHint', { url: feedUrl })}
            </Text>
          </Stack>
        }
      />
      <Tabs value={when} onChange={(value) => set('when', value === 'past' ? 'past' : null)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="upcoming">{t('events.upcoming')}</Tabs.Tab>
          <Tabs.Tab value="past">{t('events.past')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value={when}>
          <Stack gap="md">
            <FilterPanel
              filters={[
                { name: 'type', label: t('filters.eventType'), options: EVENT_KINDS.map((value) => ({ value, label: t(`eventKind.${value}`) })) },
                { name: 'topic', label: t('filters.topic'), options: topicOptions },
                { name: 'economy', label: t('filters.economy'), options: economyOptions },
              ]}
            />
            <QueryState query={events}>
              {(data) =>
                data.items.length === 0 ? (
                  <EmptyState text={when === 'past' ? t('events.emptyPast') : t('events.emptyUpcoming')} />
                ) : (
                  <>
                    <CardGrid>
                      {data.items.map((event) => (
                        <EventCard key={event.id} event={event} headingLevel={2} />
                      ))}
                    </CardGrid>
                    <Pager total={data.total} page={data.page} pageSize={data.pageSize} onChange={setPage} />
                  </>
                )
              }
            </QueryState>
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </PortalPage>
  );
}
