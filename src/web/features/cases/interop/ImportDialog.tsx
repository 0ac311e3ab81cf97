import { Alert, Button, FileInput, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import Papa from 'papaparse';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, type EntityKind } from '../../../../contract/cases';
import { type CaseImportInput, IMPORT_MAX_BYTES, type ImportFormat, attributesOfKind } from '../../../../contract/cases-interop';
import { ApiError } from '../../../api/client';
import { formatNumber } from '../../../i18n/format';
import { useImportCommit, useImportPreview } from './api';
import { ImportPreviewTable } from './ImportPreviewTable';

function useProblems() {
  const { t } = useTranslation('cases-interop');
  return (error: unknown): string[] => {
    if (!(error instanceof ApiError)) return error ? [t('error.generic')] : [];
    if (error.errors.length === 0) return [error.detail ?? error.title];
    return error.errors.map((item) => `${item.path}: ${t(`error.${item.message}`, { defaultValue: item.message })}`);
  };
}

/** Which column holds each attribute of the chosen kind (and the link's role). */
function ColumnMapping({ header, kind, columns, onChange }: { header: string[]; kind: EntityKind; columns: Record<string, string>; onChange: (columns: Record<string, string>) => void }) {
  const { t } = useTranslation('cases-interop');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {[...attributesOfKind(kind), 'role'].map((attribute) => (
        <Select
          key={attribute}
          label={t(`attribute.${attribute}`, { defaultValue: attribute })}
          data={header}
          value={columns[attribute] ?? null}
          clearable
          onChange={(column) => {
            const { [attribute]: _dropped, ...rest } = columns;
            onChange(column ? { ...rest, [attribute]: column } : rest);
          }}
        />
      ))}
    </SimpleGrid>
  );
}

/** Import a STIX 2.1 bundle, a MISP event or a CSV into the case: preview first, then one confirmed write. */
export function ImportDialog({ caseId, opened, onClose }: { caseId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('cases-interop');
  const problems = useProblems();
  const preview = useImportPreview(caseId);
  const commit = useImportCommit(caseId);
  const [format, setFormat] = useState<ImportFormat>('stix');
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState('');
  const [header, setHeader] = useState<string[]>([]);
  const [kind, setKind] = useState<EntityKind>('phone');
  const [columns, setColumns] = useState<Record<string, string>>({});

  const reset = () => {
    preview.reset();
    commit.reset();
  };
  const choose = async (chosen: File | null) => {
    reset();
    setFile(chosen);
    const text = chosen && chosen.size <= IMPORT_MAX_BYTES ? await chosen.text() : '';
    setContent(text);
    setHeader(text ? (Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: 1 }).data[0] ?? []) : []);
  };
  const input = (): CaseImportInput => ({ format, content, ...(format === 'csv' ? { csv: { kind, columns } } : {}) });
  const tooBig = file !== null && file.size > IMPORT_MAX_BYTES;
  const close = () => {
    reset();
    setFile(null);
    setContent('');
    onClose();
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': t('import.closeDialog') }} opened={opened} onClose={close} title={t('import.title')} size="xl">
      <Stack>
        <SegmentedControl value={format} onChange={(value) => { reset(); setFormat(value as ImportFormat); }} data={(['stix', 'misp', 'csv'] as const).map((value) => ({ value, label: t(`format.${value}`) }))} aria-label={t('import.format')} />
        <FileInput label={t('import.file')} description={t('import.fileHelp', { size: formatNumber(IMPORT_MAX_BYTES / 1_000_000) })} accept={format === 'csv' ? '.csv,text/csv' : '.json,application/json'} value={file} onChange={(chosen) => void choose(chosen)} clearable clearButtonProps={{ 'aria-label': t('import.clearFile') }} />
        {tooBig && <Alert color="red" role="alert">{t('error.too_large')}</Alert>}
        {format === 'csv' && header.length > 0 && (
          <Stack gap="xs">
            <Select label={t('import.kind')} data={ENTITY_KINDS.map((value) => ({ value, label: t(`cases:entity.kind.${value}`) }))} value={kind} onChange={(value) => { if (value) { setKind(value as EntityKind); setColumns({}); reset(); } }} allowDeselect={false} />
            <Text size="sm">{t('import.mappingHelp')}</Text>
            <ColumnMapping header={header} kind={kind} columns={columns} onChange={(next) => { reset(); setColumns(next); }} />
          </Stack>
        )}
        {preview.error && <Alert color="red" role="alert">{problems(preview.error).join(' · ')}</Alert>}
        {commit.error && <Alert color="red" role="alert">{problems(commit.error).join(' · ')}</Alert>}
        {preview.data && !commit.data && <ImportPreviewTable preview={preview.data} />}
        {commit.data && (
          <Alert color="green" title={t('import.done')}>
            {t('import.result', { linked: formatNumber(commit.data.linked), relationships: formatNumber(commit.data.relationshipsAdded), rejected: formatNumber(commit.data.counts.rejected) })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>{commit.data ? t('import.close') : t('import.cancel')}</Button>
          {!commit.data && (
            <Button variant="light" disabled={!content || tooBig} loading={preview.isPending} onClick={() => { commit.reset(); preview.mutate(input()); }}>{t('import.preview')}</Button>
          )}
          {preview.data && !commit.data && (
            <Button disabled={preview.data.counts.create + preview.data.counts.merge === 0} loading={commit.isPending} onClick={() => commit.mutate(input())}>{t('import.confirm', { formatted: formatNumber(preview.data.counts.create + preview.data.counts.merge) })}</Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
