import { Anchor, Box, Button, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ThreeW } from '../../../contract/registry';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatCalendarDate, formatNumber } from '../../i18n/format';
import { EChart } from '../../components/EChart';
import { REGION_ECONOMIES, useEconomyName } from '../portal/components/economies';
import { RegionMap } from '../portal/components/RegionMap';
import { useRegistryOptions, useThreeW } from './api';
import { FilterBar, csvHref, euro, useRegistryFilters } from './components';

const SHADES = ['#d0ebff', '#74c0fc', '#339af0', '#1864ab'];

function Matrix({ data }: { data: ThreeW }) {
  const { t } = useTranslation('registry');
  const economies = [...new Set(data.matrix.map((cell) => cell.economy))].sort();
  const organisations = [...new Set(data.matrix.map((cell) => cell.organisation))].sort();
  const cell = (organisation: string, economy: string) => data.matrix.filter((entry) => entry.organisation === organisation && entry.economy === economy);
  const rows = [[t('threeW.organisation'), t('threeW.economy'), t('threeW.topic'), t('threeW.count')], ...data.matrix.map((entry) => [entry.organisation, entry.economy, entry.topic, entry.count])];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">{t('threeW.matrix')}</Title>
        <Anchor href={csvHref(rows)} download="who-does-what-where.csv">{t('threeW.csv')}</Anchor>
      </Group>
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder withColumnBorders data-testid="matrix">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('threeW.organisation')}</Table.Th>
              {economies.map((economy) => <Table.Th key={economy}>{economy}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {organisations.map((organisation) => (
              <Table.Tr key={organisation}>
                <Table.Th scope="row">{organisation}</Table.Th>
                {economies.map((economy) => (
                  <Table.Td key={economy}>{cell(organisation, economy).map((entry) => <Text key={entry.topic} size="xs">{`${t(`topic.${entry.topic}`, { defaultValue: entry.topic })} (${entry.count})`}</Text>)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function EconomyMap({ data, measure }: { data: ThreeW; measure: 'count' | 'budget' }) {
  const { t } = useTranslation('registry');
  const economyName = useEconomyName();
  const valueOf = (code: string) => {
    const entry = data.byEconomy.find((item) => item.economy === code);
    return entry ? (measure === 'count' ? entry.count : entry.budgetEur) : 0;
  };
  const max = Math.max(1, ...data.byEconomy.map((entry) => (measure === 'count' ? entry.count : entry.budgetEur)));
  const bucket = (value: number) => (value === 0 ? 'none' : `b${Math.min(3, Math.floor((value / max) * 4))}`);
  const label = (index: number) => {
    const from = (max * index) / 4;
    const to = (max * (index + 1)) / 4;
    return measure === 'count' ? `${formatNumber(Math.ceil(from))}–${formatNumber(Math.floor(to))}` : `${euro(from)}–${euro(to)}`;
  };
  return (
    <RegionMap
      title={t(measure === 'count' ? 'threeW.mapCount' : 'threeW.mapBudget')}
      assignment={Object.fromEntries(REGION_ECONOMIES.map((code) => [code, bucket(valueOf(code))]))}
      categories={[{ key: 'none', label: t('threeW.none'), color: '#f8f9fa' }, ...SHADES.map((color, index) => ({ key: `b${index}`, label: label(index), color }))]}
      defaultCategory="none"
      region={REGION_ECONOMIES}
      economyName={(code) => `${economyName(code)} (${measure === 'count' ? formatNumber(valueOf(code)) : euro(valueOf(code))})`}
    />
  );
}

function Timeline({ data, prefix }: { data: ThreeW; prefix: string }) {
  const { t } = useTranslation('registry');
  const times = data.timeline.flatMap((item) => [Date.parse(item.start), Date.parse(item.end)]);
  const min = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - min);
  const now = Date.now();
  return (
    <Stack gap={4}>
      <Title order={2} size="h3">{t('threeW.timeline')}</Title>
      <Box style={{ maxHeight: 480, overflowY: 'auto' }} role="list" aria-label={t('threeW.timeline')}>
        {data.timeline.map((item) => {
          const left = ((Date.parse(item.start) - min) / span) * 100;
          const width = Math.max(1, ((Date.parse(item.end) - Date.parse(item.start)) / span) * 100);
          return (
            <Box key={item.id} role="listitem" mb={6}>
              <Anchor component={Link} to={`${prefix}/${item.id}`} size="xs">{`${item.title} — ${item.organisation} (${formatCalendarDate(item.start)} – ${formatCalendarDate(item.end)})`}</Anchor>
              <Box pos="relative" h={10} bg="gray.1" style={{ borderRadius: 4 }}>
                <Box pos="absolute" h={10} style={{ left: `${left}%`, width: `${width}%`, background: Date.parse(item.end) < now ? '#868e96' : '#1971c2', borderRadius: 4 }} />
              </Box>
            </Box>
          );
        })}
      </Box>
    </Stack>
  );
}

function Funding({ title, rows }: { title: string; rows: { key: string; budgetEur: number }[] }) {
  const { t } = useTranslation('registry');
  const top = rows.slice(0, 12);
  const option = useMemo<EChartsOption>(
    () => ({ grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true }, xAxis: { type: 'value' }, yAxis: { type: 'category', data: top.map((row) => row.key).reverse(), axisLabel: { width: 140, overflow: 'truncate' } }, series: [{ type: 'bar', data: top.map((row) => row.budgetEur).reverse(), itemStyle: { color: '#1971c2' } }], tooltip: {} }),
    [top],
  );
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h4">{title}</Title>
        <Anchor href={csvHref([[t('threeW.key'), t('field.budgetEur')], ...rows.map((row) => [row.key, row.budgetEur])])} download={`${title}.csv`}>{t('threeW.csv')}</Anchor>
      </Group>
      <EChart option={option} height={Math.max(160, top.length * 28)} ariaLabel={title} />
      <Table>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}><Table.Td>{row.key}</Table.Td><Table.Td ta="right">{euro(row.budgetEur)}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function ThreeWPage({ scope }: { scope: 'secure' | 'public' }) {
  const { t } = useTranslation('registry');
  usePageTitle(t('threeW.title'));
  const url = useRegistryFilters();
  const options = useRegistryOptions();
  const data = useThreeW(scope, url.filters);
  const measure = url.get('measure') === 'budget' ? 'budget' : 'count';
  const prefix = scope === 'public' ? '/activities' : '/registry';
  const topicName = (slug: string) => t(`topic.${slug}`, { defaultValue: slug });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('threeW.title')}</Title>
        <Button component={Link} variant="light" to={`${prefix}?${url.params.toString()}`}>{t('threeW.list')}</Button>
      </Group>
      <FilterBar url={url} topics={scope === 'secure' ? (options.data?.topics ?? []) : []} />
      <QueryState query={data}>
        {(result) => (
          <Stack gap="xl">
            <Text>{t('list.count', { count: result.total, formatted: formatNumber(result.total) })}</Text>
            <Matrix data={result} />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Stack>
                <SegmentedControl value={measure} onChange={(value) => url.set('measure', value === 'count' ? null : value)} data={[{ value: 'count', label: t('threeW.byCount') }, { value: 'budget', label: t('threeW.byBudget') }]} aria-label={t('threeW.measure')} />
                <EconomyMap data={result} measure={measure} />
              </Stack>
              <Timeline data={result} prefix={prefix} />
            </SimpleGrid>
            <Text size="sm">
              {t('threeW.converted')} {scope === 'secure' && <Anchor component={Link} to="/registry/rates">{t('rates.title')}</Anchor>}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Funding title={t('threeW.byDonor')} rows={result.funding.byDonor} />
              <Funding title={t('threeW.byTopic')} rows={result.funding.byTopic.map((row) => ({ ...row, key: topicName(row.key) }))} />
              <Funding title={t('threeW.byEconomy')} rows={result.funding.byEconomy} />
            </SimpleGrid>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
