import { Alert, Anchor, Badge, Button, FileInput, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IatiImportReport } from '../../../contract/registry';
import { ApiError } from '../../api/client';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber } from '../../i18n/format';
import { useImportIati } from './api';
import { serverProblemKey } from './editor/draft';

/** The largest file the server reads (its `xml` field is at most 5,000,000 characters). */
const MAX_BYTES = 5_000_000;
const WHOLE_FILE_KINDS = ['malformed', 'version', 'too_many', 'doctype'];

type Problem = IatiImportReport['refused'][number]['problems'][number];

/** One refusal in words: the kind and field translated, the validator's own text only where it adds what the kind cannot say. */
function RefusalText({ problem }: { problem: Problem }) {
  const { t } = useTranslation('registry');
  if (problem.kind === 'schema') return <>{t('import.kind.schema')} <Text span size="sm" c="dimmed">{problem.detail}</Text></>;
  if (problem.kind === 'duplicateInFile' || problem.kind === 'alreadyRegistered') return <>{t(`import.kind.${problem.kind}`)}</>;
  if (problem.kind === 'rule') {
    const key = serverProblemKey(problem.path);
    return <>{key === 'percentages' ? t('import.kind.percentages') : t(`error.${key}`)} <Text span size="sm" c="dimmed">({problem.path})</Text></>;
  }
  return <>{t('import.kind.invalid', { field: problem.path })}</>;
}

function ImportReport({ report }: { report: IatiImportReport }) {
  const { t } = useTranslation('registry');
  type Row = { index: number; identifier: string | null; taken?: IatiImportReport['taken'][number]; refused?: IatiImportReport['refused'][number] };
  const rows: Row[] = [
    ...report.taken.map((entry) => ({ index: entry.index, identifier: entry.identifier, taken: entry })),
    ...report.refused.map((entry) => ({ index: entry.index, identifier: entry.identifier, refused: entry })),
  ].sort((a, b) => a.index - b.index);
  return (
    <Stack>
      <Text aria-live="polite" fw={600}>{t('import.summary', { taken: formatNumber(report.taken.length), refused: formatNumber(report.refused.length) })}</Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.position')}</Table.Th>
              <Table.Th>{t('field.identifier')}</Table.Th>
              <Table.Th>{t('import.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.index} data-testid="import-row">
                <Table.Td>{formatNumber(row.index + 1)}</Table.Td>
                <Table.Td>{row.taken ? <Anchor component={Link} to={`/registry/${row.taken.id}`}>{row.identifier}</Anchor> : (row.identifier ?? t('import.noIdentifier'))}</Table.Td>
                <Table.Td>
                  {row.taken ? <Badge variant="light" color="teal">{t('import.taken')}</Badge> : (
                    <Stack gap={4}>
                      <Badge variant="light" color="red">{t('import.refused')}</Badge>
                      <List size="sm">{(row.refused?.problems ?? []).map((problem, index) => <List.Item key={index}><RefusalText problem={problem} /></List.Item>)}</List>
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function fileProblem(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (!(error instanceof ApiError) || error.status >= 500) return t('import.file.failed');
  const kind = error.errors.find((item) => item.path === 'xml')?.message;
  if (kind && WHOLE_FILE_KINDS.includes(kind)) return t(`import.file.${kind}`);
  if (kind?.startsWith('schema')) return t('import.file.schema');
  return t('import.file.refused');
}

/** Import an IATI 2.03 activity file: each activity is taken or refused on its own, with the reasons. */
export function ImportPage() {
  const { t } = useTranslation('registry');
  usePageTitle(t('import.title'));
  const importIati = useImportIati();
  const [file, setFile] = useState<File | null>(null);
  const tooBig = file !== null && file.size > MAX_BYTES;
  const submit = async () => {
    if (!file || tooBig) return;
    importIati.mutate(await file.text());
  };
  return (
    <Stack>
      <Title order={1}>{t('import.title')}</Title>
      <Text>{t('import.intro')}</Text>
      <Group align="end">
        <FileInput
          label={t('import.fileLabel')}
          description={t('import.fileHelp', { size: formatNumber(MAX_BYTES / 1_000_000) })}
          accept=".xml,application/xml,text/xml"
          value={file}
          onChange={(chosen) => { importIati.reset(); setFile(chosen); }}
          error={tooBig ? t('import.tooBig', { size: formatNumber(MAX_BYTES / 1_000_000) }) : undefined}
          clearable
          clearButtonProps={{ 'aria-label': t('import.clearFile') }}
          miw={280}
        />
        <Button onClick={() => void submit()} loading={importIati.isPending} disabled={!file || tooBig}>{t('import.submit')}</Button>
      </Group>
      {importIati.error && <Alert color="red" role="alert" title={t('import.file.title')}>{fileProblem(importIati.error, t)}</Alert>}
      {importIati.data && <ImportReport report={importIati.data} />}
    </Stack>
  );
}
