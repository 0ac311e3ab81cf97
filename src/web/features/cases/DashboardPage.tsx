import { Anchor, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CRIME_AREAS, type CrimeArea, type Dashboard } from '../../../contract/cases';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber, formatPercent } from '../../i18n/format';
import { dashboardCsvUrl, useDashboard } from './api';
import { EChart } from '../../components/EChart';
import { RouteMap } from './RouteMap';

type Count = Dashboard['byCrimeArea'][number];

function trendText(value: number | null, none: string) {
  if (value === null) return none;
  return `${value > 0 ? '+' : ''}${formatPercent(value / 100)}`;
}

function CountTable({ caption, rows, label }: { caption: string; rows: Count[]; label: (key: string) => string }) {
  const { t } = useTranslation('cases');
  return (
    <Table>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead><Table.Tr><Table.Th>{caption}</Table.Th><Table.Th>{t('dashboard.count')}</Table.Th><Table.Th>{t('dashboard.previous')}</Table.Th><Table.Th>{t('dashboard.trend')}</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}><Table.Td>{label(row.key)}</Table.Td><Table.Td>{formatNumber(row.count)}</Table.Td><Table.Td>{formatNumber(row.previous)}</Table.Td><Table.Td>{trendText(row.trendPercent, t('dashboard.noTrend'))}</Table.Td></Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const bars = (rows: Count[], label: (key: string) => string) => ({
  grid: { left: 140, right: 16, top: 8, bottom: 24 },
  tooltip: {},
  xAxis: { type: 'value' as const },
  yAxis: { type: 'category' as const, data: rows.map((row) => label(row.key)) },
  series: [{ type: 'bar' as const, data: rows.map((row) => row.count) }],
});

/** Joint risk analysis over the cases the user may read: counts, trend against the previous period, tables and CSV. */
export function DashboardPage() {
  const { t } = useTranslation('cases');
  usePageTitle(t('dashboard.title'));
  const year = new Date().getUTCFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [crimeArea, setCrimeArea] = useState<CrimeArea | null>(null);
  const query = useMemo(() => ({ from, to, ...(crimeArea ? { crimeArea } : {}) }), [from, to, crimeArea]);
  const dashboard = useDashboard(query);
  const area = (key: string) => t(`crimeArea.${key}`);
  const economy = (key: string) => key;
  return (
    <Stack>
      <Title order={1}>{t('dashboard.title')}</Title>
      <Group align="end">
        <TextInput type="date" label={t('dashboard.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('dashboard.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <Select label={t('field.crimeArea')} placeholder={t('dashboard.allAreas')} clearable data={CRIME_AREAS.map((value) => ({ value, label: t(`crimeArea.${value}`) }))} value={crimeArea} onChange={(value) => setCrimeArea(value as CrimeArea | null)} />
        <Anchor href={dashboardCsvUrl(query)} download>{t('dashboard.csv')}</Anchor>
      </Group>
      <QueryState query={dashboard}>
        {(data) => (
          <Stack>
            <Text fw={600}>{t('dashboard.total', { count: data.total.count })} · {t('dashboard.trend')}: {trendText(data.total.trendPercent, t('dashboard.noTrend'))}</Text>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Card withBorder><EChart height={280} option={bars(data.byCrimeArea, area)} ariaLabel={t('dashboard.byCrimeArea')} /><CountTable caption={t('dashboard.byCrimeArea')} rows={data.byCrimeArea} label={area} /></Card>
              <Card withBorder><EChart height={280} option={bars(data.byEconomy, economy)} ariaLabel={t('dashboard.byEconomy')} /><CountTable caption={t('dashboard.byEconomy')} rows={data.byEconomy} label={economy} /></Card>
            </SimpleGrid>
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">{t('dashboard.routes')}</Title>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <RouteMap routes={data.routes} title={t('dashboard.routesMap')} />
                <Table>
                  <Table.Caption>{t('dashboard.routes')}</Table.Caption>
                  <Table.Thead><Table.Tr><Table.Th>{t('dashboard.route')}</Table.Th><Table.Th>{t('dashboard.count')}</Table.Th><Table.Th>{t('dashboard.previous')}</Table.Th><Table.Th>{t('dashboard.trend')}</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {data.routes.length === 0 && <Table.Tr><Table.Td colSpan={4}>{t('dashboard.noRoutes')}</Table.Td></Table.Tr>}
                    {data.routes.map((route) => (
                      <Table.Tr key={route.key}><Table.Td>{route.path.join(' → ')}</Table.Td><Table.Td>{formatNumber(route.count)}</Table.Td><Table.Td>{formatNumber(route.previous)}</Table.Td><Table.Td>{trendText(route.trendPercent, t('dashboard.noTrend'))}</Table.Td></Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </SimpleGrid>
            </Card>
            <Card withBorder>
              <EChart height={280} ariaLabel={t('dashboard.byMonth')} option={{ grid: { left: 40, right: 16, top: 8, bottom: 24 }, tooltip: {}, xAxis: { type: 'category', data: data.byMonth.map((m) => m.key) }, yAxis: { type: 'value' }, series: [{ type: 'line', data: data.byMonth.map((m) => m.count) }] }} />
              <Table>
                <Table.Caption>{t('dashboard.byMonth')}</Table.Caption>
                <Table.Thead><Table.Tr><Table.Th>{t('dashboard.month')}</Table.Th><Table.Th>{t('dashboard.count')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>{data.byMonth.map((m) => <Table.Tr key={m.key}><Table.Td>{m.key}</Table.Td><Table.Td>{formatNumber(m.count)}</Table.Td></Table.Tr>)}</Table.Tbody>
              </Table>
            </Card>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
