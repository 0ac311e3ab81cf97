import { Anchor, Badge, Button, Checkbox, Collapse, Grid, Group, List, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ContentLanguage, SEARCH_TYPES, type FacetBucket, type SearchHit, type SearchResult } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { SaveSearchButton } from '../../workspace/SaveSearchButton';
import { useSearch } from '../api';
import { useEconomyName } from '../components/economies';
import { formatDate, formatNumber } from '../../../i18n/format';
import { languageLabel } from '../components/languageLabel';
import { PageHeader, PortalPage } from '../components/layout';
import { Pager } from '../components/Pager';
import { contentPath } from '../components/routes';
import { SearchBox } from '../components/SearchBox';
import { useTopicName } from '../components/topics';
import { useUrlFilters } from '../components/useUrlFilters';

const PAGE_SIZE = 10;
/** The server cuts longer queries (search.fold.ts) and says so. */
const MAX_QUERY_CHARS = 200;
const FACETS = ['type', 'topic', 'economy', 'year', 'language'] as const;
type FacetName = (typeof FACETS)[number];

export function SearchPage() {
  const { t } = useTranslation('portal');
  const { get, set, page, setPage, clear } = useUrlFilters();
  const q = get('q') ?? '';
  usePageTitle(q ? t('search.titleFor', { q }) : t('search.title'));
  const type = SEARCH_TYPES.find((value) => value === get('type'));
  const yearText = get('year');
  // The search and its filters, as searched and as saved ("Save this search").
  const filters = {
    q,
    type,
    topic: get('topic'),
    economy: get('economy'),
    year: yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined,
    language: ContentLanguage.safeParse(get('language')).data,
  };
  const search = useSearch({ ...filters, sort: get('sort') === 'date' ? 'date' : undefined, page, pageSize: PAGE_SIZE });
  const activeFilters = FACETS.filter((name) => get(name));
  // On phones the facets fold behind a "Filters" button, so the first result is on the first screen.
  const wide = useMediaQuery('(min-width: 62em)', true);
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  const filtersId = useId();

  return (
    <PortalPage size="xl">
      <PageHeader title={t('search.title')} />
      <Stack gap="md">
        <SearchBox key={q} defaultValue={q} onSearch={(value) => set('q', value)} />
        <QueryState query={search}>
          {(data) => (
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 3 }}>
                {!wide && (
                  <Button variant="default" size="compact-sm" onClick={toggleFilters} aria-expanded={filtersOpen} aria-controls={filtersId}>
                    {filtersOpen ? t('searchMore.hideFilters') : activeFilters.length > 0 ? `${t('searchMore.showFilters')} (${formatNumber(activeFilters.length)})` : t('searchMore.showFilters')}
                  </Button>
                )}
                <Collapse expanded={wide || filtersOpen} id={filtersId} mt={wide ? 0 : 'sm'}>
                  <Facets result={data} selected={(name) => get(name)} onSelect={(name, value) => set(name, value)} />
                  {activeFilters.length > 0 && (
                    <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => clear([...FACETS])}>
                      {t('filters.clear')}
                    </Button>
                  )}
                </Collapse>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 9 }}>
                {data.query && !data.noWords && (
                  <Group gap="xs" mb="sm">
                    <Text size="sm" id={`${filtersId}-sort`}>
                      {t('searchMore.sort')}
                    </Text>
                    <SegmentedControl
                      size="xs"
                      aria-labelledby={`${filtersId}-sort`}
                      value={get('sort') === 'date' ? 'date' : 'relevance'}
                      onChange={(value) => set('sort', value === 'date' ? 'date' : null)}
                      data={[
                        { value: 'relevance', label: t('searchMore.relevance') },
                        { value: 'date', label: t('searchMore.date') },
                      ]}
                    />
                  </Group>
                )}
                <Group justify="space-between" align="center" gap="xs" mb="sm" wrap="wrap">
                  <Text size="sm" c="dimmed" role="status">
                    {data.noWords ? t('searchMore.punctuationOnly') : data.query ? t('search.resultsFor', { count: data.total, q: data.query }) : t('search.latest')}
                  </Text>
                  {!data.noWords && <SaveSearchButton query={{ ...filters, q: data.query }} />}
                </Group>
                {data.truncated && (
                  <Text size="sm" mb="sm">
                    {t('searchMore.truncated', { max: formatNumber(MAX_QUERY_CHARS) })}
                  </Text>
                )}
                {data.items.length === 0 ? (
                  <NoResults filtered={activeFilters.length > 0} noWords={data.noWords} onClear={() => clear([...FACETS])} />
                ) : (
                  <>
                    <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                      {data.items.map((hit) => (
                        <li key={`${hit.type}-${hit.id}`}>
                          <Hit hit={hit} />
                        </li>
                      ))}
                    </Stack>
                    <Pager total={data.total} page={data.page} pageSize={data.pageSize} onChange={setPage} />
                  </>
                )}
              </Grid.Col>
            </Grid>
          )}
        </QueryState>
      </Stack>
    </PortalPage>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation('portal');
  return (
    <Paper withBorder p="md" radius="md" component="article" className="portal-card">
      <Group gap="xs" mb={4}>
        <Badge size="sm" variant="light" style={{ textTransform: 'none' }}>
          {t(`searchType.${hit.type}`)}
        </Badge>
        {hit.date && (
          <Text size="xs" c="dimmed">
            <time dateTime={hit.date}>{formatDate(hit.date)}</time>
          </Text>
        )}
        {hit.language && (
          <Text size="xs" c="dimmed">
            · {languageLabel(hit.language)}
          </Text>
        )}
      </Group>
      <Title order={2} size="h4" lang={hit.language ?? undefined}>
        <Anchor component={Link} to={contentPath(hit.type, hit.slug)} className="portal-card-link" c="inherit">
          {hit.title}
        </Anchor>
      </Title>
      {hit.snippet.length > 0 && (
        <Text size="sm" mt={4} lang={hit.language ?? undefined}>
          {/* Snippet runs are plain text: React escapes them; only the `match` flag becomes a <mark>. */}
          {hit.snippet.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
        </Text>
      )}
    </Paper>
  );
}

/** One value per facet (the API filters by a single value each): checking one replaces the other. */
function Facets({ result, selected, onSelect }: { result: SearchResult; selected: (name: FacetName) => string | undefined; onSelect: (name: FacetName, value: string | null) => void }) {
  const { t } = useTranslation('portal');
  const topicName = useTopicName();
  const economyName = useEconomyName();
  const label = (name: FacetName, value: string): string => {
    switch (name) {
      case 'type':
        return t(`searchType.${value}`, { defaultValue: value });
      case 'topic':
        return topicName(value);
      case 'economy':
        return economyName(value);
      case 'year':
        return value;
      case 'language':
        return languageLabel(value);
    }
  };
  return (
    <Stack gap="md" component="section" aria-label={t('search.refine')}>
      {FACETS.map((name) => {
        const buckets: FacetBucket[] = result.facets[name];
        const current = selected(name);
        if (buckets.length === 0 && !current) return null;
        const shown = name === 'year' ? [...buckets].sort((a, b) => b.value.localeCompare(a.value)) : buckets;
        return (
          <Checkbox.Group key={name} label={t(`search.facet.${name}`)} value={current ? [current] : []} onChange={(values) => onSelect(name, values.find((value) => value !== current) ?? null)}>
            <Stack gap={6} mt={6}>
              {shown.slice(0, 12).map((bucket) => (
                <Checkbox
                  key={bucket.value}
                  value={bucket.value}
                  label={
                    <>
                      {label(name, bucket.value)}{' '}
                      <Text span size="xs" c="dimmed">
                        ({formatNumber(bucket.count)})
                      </Text>
                    </>
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
        );
      })}
    </Stack>
  );
}

function NoResults({ filtered, noWords, onClear }: { filtered: boolean; noWords: boolean; onClear: () => void }) {
  const { t } = useTranslation('portal');
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4">
        {t('search.noResults')}
      </Title>
      <List size="sm" mt="sm" spacing={4}>
        {noWords && <List.Item>{t('searchMore.punctuationTip')}</List.Item>}
        <List.Item>{t('search.tipSpelling')}</List.Item>
        <List.Item>{t('search.tipFewerWords')}</List.Item>
        <List.Item>{t('search.tipScript')}</List.Item>
        {filtered && (
          <List.Item>
            <Anchor component="button" type="button" onClick={onClear}>
              {t('search.tipClearFilters')}
            </Anchor>
          </List.Item>
        )}
        <List.Item>
          <Anchor component={Link} to="/topics">
            {t('search.tipTopics')}
          </Anchor>
        </List.Item>
      </List>
    </Paper>
  );
}
