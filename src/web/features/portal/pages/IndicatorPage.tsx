import { Alert, Anchor, Breadcrumbs, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Indicator } from '../../../../contract/portal';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useIndicator } from '../api';
import { EChart } from '../../../components/EChart';
import { useEconomyName } from '../components/economies';
import { formatNumber } from '../../../i18n/format';
import { PortalPage } from '../components/layout';
import { TopicChips } from '../components/TopicChips';
import { useMetaDescription } from '../components/useMetaDescription';

/** Loaded lazily by the router (ECharts is large). */
export function Component() {
  const { slug = '' } = useParams();
  const indicator = useIndicator(slug);
  return <QueryState query={indicator}>{(data) => <IndicatorView indicator={data} />}</QueryState>;
}

export function IndicatorView({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation('portal');
  const economyName = useEconomyName();
  const [chartType, setChartType] = useState<'line' | 'bar'>('line');
  usePageTitle(indicator.name);
  useMetaDescription(indicator.description);

  const years = useMemo(() => [...new Set(indicator.series.flatMap((series) => series.points.map((point) => point.year)))].sort((a, b) => a - b), [indicator]);
  // One number of decimals for the whole table (the most any value has, at most 2): no "1" beside "1.76".
  const decimals = useMemo(
    () => Math.min(2, Math.max(0, ...indicator.series.flatMap((series) => series.points.map((point) => (String(point.value).split('.')[1] ?? '').length)))),
    [indicator],
  );
  const valueAt = (economy: string, year: number) => indicator.series.find((series) => series.economy === economy)?.points.find((point) => point.year === year)?.value;

  const option = useMemo<EChartsOption>(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? formatNumber(value) : String(value ?? '')) },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 8, right: 16, top: 24, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', name: indicator.unit, nameTextStyle: { align: 'left' } },
      series: indicator.series.map((series) => ({
        name: economyName(series.economy),
        type: chartType,
        data: years.map((year) => series.points.find((point) => point.year === year)?.value ?? null),
        connectNulls: true,
      })),
    }),
    [indicator, years, chartType, economyName],
  );

  return (
    <PortalPage>
      <Breadcrumbs mb="sm" aria-label={t('breadcrumbs')}>
        <Anchor component={Link} to="/">
          {t('nav.home')}
        </Anchor>
        <Anchor component={Link} to="/statistics">
          {t('nav.statistics')}
        </Anchor>
      </Breadcrumbs>
      <Title order={1}>{indicator.name}</Title>
      <Text c="dimmed" mt={4} mb="md">
        {indicator.description} ({indicator.unit})
      </Text>
      <Stack gap="md">
        {indicator.source.illustrative && (
          <Alert color="yellow" variant="light" role="note">
            {t('statistics.illustrativeNotice')}
          </Alert>
        )}
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" mb="sm">
            <SegmentedControl
              aria-label={t('statistics.chartType')}
              value={chartType}
              onChange={(value) => setChartType(value === 'bar' ? 'bar' : 'line')}
              data={[
                { value: 'line', label: t('statistics.line') },
                { value: 'bar', label: t('statistics.bar') },
              ]}
            />
            <Button component="a" href={indicator.csvUrl} download={`${indicator.slug}.csv`} variant="light">
              {t('statistics.downloadCsv')}
            </Button>
          </Group>
          {indicator.series.length === 0 ? <Text c="dimmed">{t('statistics.noData')}</Text> : <EChart option={option} ariaLabel={t('statistics.chartLabel', { name: indicator.name })} />}
          <Text size="sm" mt="sm">
            {t('statistics.source')}:{' '}
            {indicator.source.url ? (
              <Anchor href={indicator.source.url} target="_blank" rel="noopener noreferrer">
                {indicator.source.name}
              </Anchor>
            ) : (
              indicator.source.name
            )}
          </Text>
        </Paper>
        <section aria-labelledby="indicator-table">
          <Title order={2} size="h4" id="indicator-table" mb="xs">
            {t('statistics.table')}
          </Title>
          <Table.ScrollContainer minWidth={480}>
            <Table striped withTableBorder>
              <caption style={{ captionSide: 'bottom', textAlign: 'left', paddingTop: 6 }}>
                {indicator.name} — {indicator.unit}. {t('statistics.source')}: {indicator.source.name}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('statistics.economy')}</Table.Th>
                  {years.map((year) => (
                    <Table.Th key={year} scope="col" ta="right">
                      {year}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {indicator.series.map((series) => (
                  <Table.Tr key={series.economy}>
                    <Table.Th scope="row">{economyName(series.economy)}</Table.Th>
                    {years.map((year) => {
                      const value = valueAt(series.economy, year);
                      return (
                        <Table.Td key={year} ta="right">
                          {value === undefined ? '–' : formatNumber(value, { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
        <TopicChips topics={indicator.topics} />
      </Stack>
    </PortalPage>
  );
}
