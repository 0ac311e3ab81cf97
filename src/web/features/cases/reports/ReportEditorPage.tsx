import { Alert, Button, Group, MultiSelect, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CRIME_AREAS, type CaseOptions, type CrimeArea } from '../../../../contract/cases';
import { CONFIDENCE_LEVELS, LIKELIHOODS, REPORT_TEMPLATES, type ReportInput, type ReportTemplate, type ReportView } from '../../../../contract/cases-reports';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useCaseOptions } from '../api';
import { MarkingFields } from '../components';
import { useCreateReport, useReport, useSubmitReport, useUpdateReport } from './api';
import { ChartPicker } from './ChartPicker';
import { useReportProblemText } from './problems';

const year = new Date().getUTCFullYear();
const emptySections = { summary: '', key_findings: '', charts: '', assessment: '', recommendations: '', sources: '' };

function initialInput(options: CaseOptions, report: ReportView | undefined): ReportInput {
  if (report) {
    const { template, title, periodFrom, periodTo, crimeAreas, economies, ownerDesk, sections, likelihood, confidence, marking } = report;
    return { template, title, periodFrom, periodTo, crimeAreas: crimeAreas as CrimeArea[], economies, ownerDeskId: ownerDesk.id, sections, likelihood, confidence, marking };
  }
  const desk = options.desks[0];
  return {
    template: 'threat_assessment',
    title: '',
    periodFrom: `${year}-01-01`,
    periodTo: `${year}-12-31`,
    crimeAreas: [],
    economies: [],
    ownerDeskId: desk?.id ?? '',
    sections: emptySections,
    likelihood: null,
    confidence: null,
    marking: { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: desk ? [desk.economy] : [], releasableOrganisations: [], sharingGroups: [], originatorControl: false },
  };
}

function ReportForm({ options, report }: { options: CaseOptions; report?: ReportView }) {
  const { t } = useTranslation(['cases-reports', 'cases']);
  const navigate = useNavigate();
  const [input, setInput] = useState<ReportInput>(() => initialInput(options, report));
  const create = useCreateReport();
  const update = useUpdateReport(report?.id ?? '');
  const submit = useSubmitReport(report?.id ?? '');
  const problems = useReportProblemText();
  const set = (patch: Partial<ReportInput>) => setInput((current) => ({ ...current, ...patch }));
  const sections = REPORT_TEMPLATES[input.template];
  const save = () => (report ? update.mutate(input) : create.mutate(input, { onSuccess: (view) => void navigate(`/cases/reports/${view.id}/edit`) }));
  const error = create.error ?? update.error ?? submit.error;
  return (
    <Stack maw={960}>
      <Select label={t('field.template')} data={(Object.keys(REPORT_TEMPLATES) as ReportTemplate[]).map((value) => ({ value, label: t(`template.${value}`) }))} value={input.template} onChange={(value) => value && set({ template: value as ReportTemplate })} allowDeselect={false} />
      <TextInput label={t('field.title')} value={input.title} onChange={(e) => set({ title: e.currentTarget.value })} required />
      <Group grow>
        <TextInput type="date" label={t('field.periodFrom')} value={input.periodFrom} onChange={(e) => set({ periodFrom: e.currentTarget.value })} required />
        <TextInput type="date" label={t('field.periodTo')} value={input.periodTo} onChange={(e) => set({ periodTo: e.currentTarget.value })} required />
      </Group>
      <MultiSelect label={t('field.crimeAreas')} placeholder={t('scope.allAreas')} data={CRIME_AREAS.map((value) => ({ value, label: t(`cases:crimeArea.${value}`) }))} value={input.crimeAreas} onChange={(value) => set({ crimeAreas: value as CrimeArea[] })} clearable />
      <MultiSelect label={t('field.economies')} placeholder={t('scope.allEconomies')} data={options.economies.map((item) => ({ value: item.code, label: `${item.name} (${item.code})` }))} value={input.economies} onChange={(value) => set({ economies: value })} searchable clearable />
      <Select label={t('field.desk')} data={options.desks.map((item) => ({ value: item.id, label: item.name }))} value={input.ownerDeskId} onChange={(value) => value && set({ ownerDeskId: value })} allowDeselect={false} required />
      <Title order={2} size="h4">{t('field.marking')}</Title>
      <Text size="sm">{t('editor.markingHelp')}</Text>
      <MarkingFields value={input.marking} onChange={(marking) => set({ marking })} options={options} />
      {sections.map((section) => (
        <Stack key={section} gap={4}>
          <Textarea label={t(`section.${section}`)} value={input.sections[section]} onChange={(e) => set({ sections: { ...input.sections, [section]: e.currentTarget.value } })} autosize minRows={section === 'charts' ? 2 : 3} />
          {section === 'assessment' && (
            <Group grow>
              <Select label={t('field.likelihood')} data={LIKELIHOODS.map((value) => ({ value, label: t(`likelihood.${value}`) }))} value={input.likelihood} onChange={(value) => set({ likelihood: value as ReportInput['likelihood'] })} clearable />
              <Select label={t('field.confidence')} data={CONFIDENCE_LEVELS.map((value) => ({ value, label: t(`confidence.${value}`) }))} value={input.confidence} onChange={(value) => set({ confidence: value as ReportInput['confidence'] })} clearable />
            </Group>
          )}
        </Stack>
      ))}
      {error && <Alert color="red" role="alert">{problems(error).map((line) => <div key={line}>{line}</div>)}</Alert>}
      {update.isSuccess && !update.isPending && <Text role="status">{t('editor.saved')}</Text>}
      <Group>
        <Button onClick={save} loading={create.isPending || update.isPending} disabled={input.title.trim().length < 3 || !input.ownerDeskId}>{t('editor.save')}</Button>
        {report && <Button variant="default" component={Link} to={`/cases/reports/${report.id}`}>{t('editor.open')}</Button>}
      </Group>
      {report ? <ChartPicker report={report} economies={options.economies} /> : <Text size="sm" c="dimmed">{t('editor.chartsHelp')}</Text>}
      {report?.abilities.submit && (
        <Group>
          <Button color="blue" onClick={() => submit.mutate(undefined, { onSuccess: (view) => void navigate(`/cases/reports/${view.id}`) })} loading={submit.isPending}>{t('editor.submit')}</Button>
        </Group>
      )}
    </Stack>
  );
}

/** A new report from a template, or a draft of the user's. */
export function ReportEditorPage() {
  const { t } = useTranslation('cases-reports');
  const { id } = useParams();
  const report = useReport(id);
  const options = useCaseOptions();
  usePageTitle(id ? t('editor.editTitle', { reference: report.data?.reference ?? '' }) : t('editor.newTitle'));
  return (
    <Stack>
      <Title order={1}>{id ? t('editor.editTitle', { reference: report.data?.reference ?? '' }) : t('editor.newTitle')}</Title>
      <QueryState query={options}>{(data) => (id ? <QueryState query={report}>{(view) => <ReportForm key={view.id} options={data} report={view} />}</QueryState> : <ReportForm options={data} />)}</QueryState>
    </Stack>
  );
}
