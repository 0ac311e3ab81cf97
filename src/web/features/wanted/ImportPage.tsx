import { Alert, Anchor, Button, FileInput, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marking } from '../../../contract/core';
import { CSV_COLUMNS, type MarkingOptions } from '../../../contract/wanted';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { useImportAlerts, useMarkingOptions } from './api';
import { useDeskLabel } from './alert-labels';
import { defaultDeskId, defaultMarking } from './form-defaults';
import { MarkingPicker } from './MarkingPicker';

function ImportForm({ options }: { options: MarkingOptions }) {
  const { t } = useTranslation('wanted');
  const { t: ta } = useTranslation('wanted-alerts');
  const deskLabel = useDeskLabel();
  const run = useImportAlerts();
  const [file, setFile] = useState<File | null>(null);
  const [deskId, setDeskId] = useState<string | null>(() => defaultDeskId(options));
  const [marking, setMarking] = useState<Marking>(() => defaultMarking(options, defaultDeskId(options)));
  const submit = async () => {
    if (!file || !deskId) return;
    const content = await file.text();
    run.mutate({ issuingDeskId: deskId, marking, format: file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv', content });
  };
  return (
    <Stack maw={720}>
      <Text size="sm">{t('import.columns')} <code>{CSV_COLUMNS.join(', ')}</code></Text>
      <Group gap="xs">
        <Text size="sm">{ta('import.template')}</Text>
        <Anchor href="/api/wanted/import-template.csv" download>{ta('import.templateCsv')}</Anchor>
        <Anchor href="/api/wanted/import-template.json" download>{ta('import.templateJson')}</Anchor>
      </Group>
      <FileInput label={t('import.file')} accept=".csv,.json,text/csv,application/json" value={file} onChange={setFile} clearable />
      <Select label={t('field.issuingDesk')} data={options.issuingDesks.map((desk) => ({ value: desk.id, label: deskLabel(desk) }))} value={deskId} onChange={setDeskId} allowDeselect={false} />
      <MarkingPicker value={marking} onChange={setMarking} options={options} />
      <Group><Button disabled={!file || !deskId} loading={run.isPending} onClick={() => void submit()}>{t('import.run')}</Button></Group>
      {run.error && <Alert color="red" role="alert">{run.error instanceof ApiError ? (run.error.detail ?? run.error.title) : t('error')}</Alert>}
      {run.data && (
        <Stack aria-live="polite">
          <Alert color={run.data.rejected.length ? 'yellow' : 'green'}>{t('import.summary', { imported: run.data.imported, rejected: run.data.rejected.length })}</Alert>
          {run.data.rejected.length > 0 && (
            <Table>
              <Table.Thead><Table.Tr><Table.Th>{t('import.line')}</Table.Th><Table.Th>{t('import.reasons')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {run.data.rejected.map((row) => (
                  <Table.Tr key={row.line}><Table.Td>{row.line}</Table.Td><Table.Td>{row.reasons.join('; ')}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Stack>
  );
}

export function ImportPage() {
  const { t } = useTranslation('wanted');
  usePageTitle(t('import.title'));
  const options = useMarkingOptions();
  return (
    <Stack>
      <Title order={1}>{t('import.title')}</Title>
      <Text c="dimmed">{t('import.intro')}</Text>
      <QueryState query={options}>{(data) => <ImportForm options={data} />}</QueryState>
    </Stack>
  );
}
