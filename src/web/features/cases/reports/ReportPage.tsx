import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { REPORT_TEMPLATES, type ReportView } from '../../../../contract/cases-reports';
import { QueryState } from '../../../components/QueryState';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatCalendarDate, formatDateTime } from '../../../i18n/format';
import { MarkingBadge } from '../components';
import { reportPdfUrl, useApproveReport, useReport, useReturnReport } from './api';
import { useReportProblemText } from './problems';
import { ReportChart } from './ReportChart';

const paragraphsOf = (text: string) => text.split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean);

function Decision({ report }: { report: ReportView }) {
  const { t } = useTranslation('cases-reports');
  const approve = useApproveReport(report.id);
  const giveBack = useReturnReport(report.id);
  const problems = useReportProblemText();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const error = approve.error ?? giveBack.error;
  return (
    <Stack>
      <Group>
        <Button onClick={() => approve.mutate('')} loading={approve.isPending}>{t('view_page.approve')}</Button>
        <Button variant="default" onClick={() => setOpen(true)}>{t('view_page.return')}</Button>
      </Group>
      {error && <Alert color="red" role="alert">{problems(error).join(' · ')}</Alert>}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('view_page.returnTitle')} closeButtonProps={{ 'aria-label': t('view_page.close') }}>
        <Stack>
          <TextInput label={t('field.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} required data-autofocus />
          <Button onClick={() => giveBack.mutate(note, { onSuccess: () => setOpen(false) })} disabled={note.trim().length < 3} loading={giveBack.isPending}>{t('view_page.returnSubmit')}</Button>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ReportBody({ report }: { report: ReportView }) {
  const { t, i18n } = useTranslation(['cases-reports', 'cases']);
  const areas = report.crimeAreas.map((area) => t(`cases:crimeArea.${area}`)).join(', ') || t('scope.allAreas');
  const economies = report.economies.join(', ') || t('scope.allEconomies');
  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Title order={1}>{report.title}</Title>
          <Text c="dimmed">{report.reference} · {t(`template.${report.template}`)} · {t('view_page.byline', { desk: `${report.ownerDesk.name} (${report.ownerEconomy})`, author: report.authorName })}</Text>
        </Stack>
        <Group>
          <Badge variant="outline" color="dark">{t(`status.${report.status}`)}</Badge>
          <MarkingBadge classification={report.classification} tlp={report.tlp} />
        </Group>
      </Group>
      <Text>{t('view_page.period', { from: formatCalendarDate(report.periodFrom), to: formatCalendarDate(report.periodTo) })}</Text>
      <Text>{t('view_page.scope', { areas, economies })}</Text>
      {report.status === 'awaiting_release' && <Alert color="blue">{t('view_page.awaiting')}</Alert>}
      {report.decision?.kind === 'returned' && <Alert color="yellow">{t('view_page.returnedNote', { by: report.decision.by, at: formatDateTime(report.decision.at), note: report.decision.note })}</Alert>}
      {report.decision?.kind === 'approved' && <Text size="sm">{t('view_page.approvedNote', { by: report.decision.by, at: formatDateTime(report.decision.at) })}</Text>}
      <Group>
        {report.abilities.edit && <Button variant="default" component={Link} to={`/cases/reports/${report.id}/edit`}>{t('view_page.edit')}</Button>}
        {report.abilities.export && <Anchor href={reportPdfUrl(report.id, i18n.language)} download>{t('view_page.pdf')}</Anchor>}
      </Group>
      {report.abilities.approve && <Decision report={report} />}
      {REPORT_TEMPLATES[report.template].map((section) => (
        <Stack key={section} gap="xs">
          <Title order={2} size="h3">{t(`section.${section}`)}</Title>
          {section === 'assessment' && report.likelihood && report.confidence && (
            <Text fw={600}>{t('view_page.assessment', { likelihood: t(`likelihood.${report.likelihood}`), confidence: t(`confidence.${report.confidence}`) })}</Text>
          )}
          {paragraphsOf(report.sections[section]).map((paragraph, index) => <Text key={index} style={{ whiteSpace: 'pre-line' }}>{paragraph}</Text>)}
          {section === 'charts' && report.charts.map((chart) => <ReportChart key={chart.id} chart={chart} />)}
        </Stack>
      ))}
    </Stack>
  );
}

/** A report with its charts and tables; the approver releases or returns it here. */
export function ReportPage() {
  const { t } = useTranslation('cases-reports');
  const { id = '' } = useParams();
  const report = useReport(id);
  usePageTitle(report.data?.title ?? t('list.title'));
  return <QueryState query={report}>{(data) => <ReportBody report={data} />}</QueryState>;
}
