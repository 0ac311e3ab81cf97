import { Button, Grid, Paper, Select, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useInitiatives } from '../api';
import { InitiativeCard } from '../components/cards';
import { useEconomyOptions } from '../components/economies';
import { EmptyState } from '../components/EmptyState';
import { FilterPanel } from '../components/FilterPanel';
import { PageHeader, PortalPage } from '../components/layout';
import { MembershipMap } from '../components/MembershipMap';
import { useTopicOptions } from '../components/topics';
import { useMetaDescription } from '../components/useMetaDescription';
import { useUrlFilters } from '../components/useUrlFilters';

export function InitiativesPage() {
  const { t } = useTranslation('portal');
  usePageTitle(t('initiatives.title'));
  useMetaDescription(t('initiatives.intro'));
  const { get, set } = useUrlFilters();
  const statusParam = get('status');
  const status = statusParam === 'active' || statusParam === 'historic' ? statusParam : 'all';
  const initiatives = useInitiatives({ economy: get('economy'), topic: get('topic'), status });
  const allInitiatives = useInitiatives({ status: 'all' });
  const economyOptions = useEconomyOptions();
  const topicOptions = useTopicOptions();

  const mapOptions = (allInitiatives.data?.items ?? []).map((item) => ({ value: item.slug, label: item.acronym ? `${item.acronym} — ${item.name}` : item.name }));
  const mapSlug = get('map') ?? allInitiatives.data?.items.find((item) => item.status === 'active')?.slug;
  const mapped = allInitiatives.data?.items.find((item) => item.slug === mapSlug);

  return (
    <PortalPage size="xl">
      <PageHeader
        title={t('initiatives.title')}
        intro={t('initiatives.intro')}
        actions={
          <Button component={Link} to="/initiatives/matrix" variant="light">
            {t('initiatives.matrixLink')}
          </Button>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="initiatives-map-heading">
            <Title order={2} size="h4" id="initiatives-map-heading" mb="sm">
              {t('map.heading')}
            </Title>
            <Select
              label={t('map.chooseInitiative')}
              data={mapOptions}
              value={mapSlug ?? null}
              onChange={(value) => set('map', value)}
              searchable
              allowDeselect={false}
              mb="sm"
            />
            {mapped && <MembershipMap name={mapped.acronym ?? mapped.name} members={mapped.memberEconomies} />}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <FilterPanel
              filters={[
                { name: 'economy', label: t('filters.memberEconomy'), options: economyOptions },
                { name: 'topic', label: t('filters.area'), options: topicOptions },
                {
                  name: 'status',
                  label: t('filters.status'),
                  options: [
                    { value: 'active', label: t('initiativeStatus.active') },
                    { value: 'historic', label: t('initiativeStatus.historic') },
                  ],
                },
              ]}
            />
            <QueryState query={initiatives}>
              {(data) =>
                data.items.length === 0 ? (
                  <EmptyState text={t('initiatives.empty')} />
                ) : (
                  <Grid>
                    {data.items.map((initiative) => (
                      <Grid.Col key={initiative.id} span={{ base: 12, sm: 6 }}>
                        <InitiativeCard initiative={initiative} headingLevel={2} />
                      </Grid.Col>
                    ))}
                  </Grid>
                )
              }
            </QueryState>
          </Stack>
        </Grid.Col>
      </Grid>
    </PortalPage>
  );
}
