import { Alert, Button, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CRIME_AREAS, type CrimeArea } from '../../../../contract/cases';
import { CHART_VIEWS, type ChartView, type ReportView } from '../../../../contract/cases-reports';
import { useReportProblemText } from './problems';
import { useAddChart, useRemoveChart } from './api';
import { ReportChart } from './ReportChart';

/** Embeds dashboard views in a saved draft: the server takes the figures now, under the report's marking. */
export function ChartPicker({ report, economies }: { report: ReportView; economies: { code: string; name: string }[] }) {
  const { t } = useTranslation(['cases-reports', 'cases']);
  const add = useAddChart(report.id);
  const remove = useRemoveChart(report.id);
  const problems = useReportProblemText();
  const [view, setView] = useState<ChartView>('crime_area');
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState(report.periodFrom);
  const [to, setTo] = useState(report.periodTo);
  const [crimeArea, setCrimeArea] = useState<CrimeArea | null>(null);
  const [economy, setEconomy] = useState<string | null>(null);
  const submit = () =>
    add.mutate({ view, title: title || t(`view.${view}`), from, to, ...(crimeArea ? { crimeArea } : {}), ...(economy ? { economy } : {}) }, { onSuccess: () => setTitle('') });
  return (
    <Stack>
      <Title order={2} size="h4">{t('editor.chartsTitle')}</Title>
      {report.charts.map((chart) => (
        <Stack key={chart.id} gap={4}>
          <ReportChart chart={chart} />
          <Group><Button variant="default" size="xs" onClick={() => remove.mutate(chart.id)} loading={remove.isPending}>{t('editor.removeChart')}: {chart.title}</Button></Group>
        </Stack>
      ))}
      <Group align="end" wrap="wrap">
        <Select label={t('editor.chartView')} data={CHART_VIEWS.map((value) => ({ value, label: t(`view.${value}`) }))} value={view} onChange={(value) => value && setView(value as ChartView)} allowDeselect={false} />
        <TextInput label={t('editor.chartTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} placeholder={t(`view.${view}`)} />
        <TextInput type="date" label={t('field.periodFrom')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('field.periodTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <Select label={t('cases:field.crimeArea')} placeholder={t('scope.allAreas')} clearable data={CRIME_AREAS.map((value) => ({ value, label: t(`cases:crimeArea.${value}`) }))} value={crimeArea} onChange={(value) => setCrimeArea(value as CrimeArea | null)} />
        <Select label={t('editor.chartEconomy')} placeholder={t('scope.allEconomies')} clearable searchable data={economies.map((item) => ({ value: item.code, label: `${item.name} (${item.code})` }))} value={economy} onChange={setEconomy} />
        <Button onClick={submit} loading={add.isPending}>{t('editor.addChart')}</Button>
      </Group>
      {add.error && <Alert color="red" role="alert">{problems(add.error).join(' · ')}</Alert>}
    </Stack>
  );
}
