import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportChart as Chart } from '../../../../contract/cases-reports';
import { EChart } from '../../../components/EChart';
import { formatCalendarDate, formatDateTime, formatNumber, formatPercent } from '../../../i18n/format';
import { RouteMap } from '../RouteMap';

function useFigureLabel(chart: Chart) {
  const { t } = useTranslation('cases');
  return (figure: Chart['figures'][number]) => (chart.view === 'crime_area' ? t(`crimeArea.${figure.key}`) : (figure.path?.join(' → ') ?? figure.key));
}

function option(chart: Chart, label: (figure: Chart['figures'][number]) => string) {
  if (chart.view === 'month') {
    return { grid: { left: 40, right: 16, top: 8, bottom: 24 }, tooltip: {}, xAxis: { type: 'category' as const, data: chart.figures.map(label) }, yAxis: { type: 'value' as const }, series: [{ type: 'line' as const, data: chart.figures.map((f) => f.count) }] };
  }
  return { grid: { left: 140, right: 16, top: 8, bottom: 24 }, tooltip: {}, xAxis: { type: 'value' as const }, yAxis: { type: 'category' as const, data: chart.figures.map(label) }, series: [{ type: 'bar' as const, data: chart.figures.map((f) => f.count) }] };
}

/** One embedded chart: the figures as they were taken, drawn and as a table beside it. */
export function ReportChart({ chart }: { chart: Chart }) {
  const { t } = useTranslation('cases-reports');
  const label = useFigureLabel(chart);
  const trend = (value: number | null) => (value === null ? t('chart.noTrend') : `${value > 0 ? '+' : ''}${formatPercent(value / 100)}`);
  const routes = chart.figures.map((figure) => ({ key: figure.key, path: figure.path ?? figure.key.split('>'), count: figure.count, previous: figure.previous ?? 0, trendPercent: figure.trendPercent }));
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h5">{chart.title}</Title>
        <Text size="sm" c="dimmed">{t('chart.taken', { at: formatDateTime(chart.takenAt), total: formatNumber(chart.total), from: formatCalendarDate(chart.filters.from), to: formatCalendarDate(chart.filters.to) })}</Text>
        {chart.leftOut !== null && chart.leftOut > 0 && <Text size="sm">{t('chart.leftOut', { count: chart.leftOut })}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {chart.view === 'route' ? <RouteMap routes={routes} title={chart.title} /> : <EChart height={240} option={option(chart, label)} ariaLabel={chart.title} />}
          <Table>
            <Table.Caption>{chart.title}</Table.Caption>
            <Table.Thead>
              <Table.Tr><Table.Th>{t('chart.key')}</Table.Th><Table.Th>{t('chart.count')}</Table.Th><Table.Th>{t('chart.previous')}</Table.Th><Table.Th>{t('chart.trend')}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {chart.figures.length === 0 && <Table.Tr><Table.Td colSpan={4}>{t('chart.empty')}</Table.Td></Table.Tr>}
              {chart.figures.map((figure) => (
                <Table.Tr key={figure.key}><Table.Td>{label(figure)}</Table.Td><Table.Td>{formatNumber(figure.count)}</Table.Td><Table.Td>{figure.previous === null ? t('chart.noTrend') : formatNumber(figure.previous)}</Table.Td><Table.Td>{trend(figure.trendPercent)}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
