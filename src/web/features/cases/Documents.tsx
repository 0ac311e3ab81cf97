import { Alert, Anchor, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../contract/cases';
import { QueryState } from '../../components/QueryState';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { caseDocumentUrl, useCaseDocuments, useDeleteCaseDocument, useUploadCaseDocument } from './api';
import { MarkingBadge, useProblemText } from './components';

/** Linked documents: sealed on the server, each under a marking no wider than the case's; downloads are audited. */
export function Documents({ view }: { view: CaseView }) {
  const { t } = useTranslation('cases');
  const documents = useCaseDocuments(view.id);
  const upload = useUploadCaseDocument(view.id);
  const remove = useDeleteCaseDocument(view.id);
  const problems = useProblemText();
  const [file, setFile] = useState<File | null>(null);
  return (
    <Stack gap="xs">
      <QueryState query={documents}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('document.none')}</Text>
          ) : (
            <Table>
              <Table.Thead><Table.Tr><Table.Th>{t('document.name')}</Table.Th><Table.Th>{t('document.size')}</Table.Th><Table.Th>{t('document.uploaded')}</Table.Th><Table.Th>{t('field.marking')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
              <Table.Tbody>
                {data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td><Anchor href={caseDocumentUrl(view.id, item.id)} download>{item.fileName}</Anchor></Table.Td>
                    <Table.Td>{formatBytes(item.sizeBytes)}</Table.Td>
                    <Table.Td>{item.uploadedBy} · {formatDateTime(item.createdAt)}</Table.Td>
                    <Table.Td><MarkingBadge classification={item.marking.classification} tlp={item.marking.tlp} /></Table.Td>
                    <Table.Td>{item.canDelete && <Button size="xs" variant="default" onClick={() => remove.mutate(item.id)}>{t('document.delete')}</Button>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      {view.abilities['cases.entity.add'] && (
        <Group align="end">
          <FileInput label={t('document.file')} description={t('document.types')} value={file} onChange={setFile} miw={260} />
          <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file, { onSuccess: () => setFile(null) })}>{t('document.upload')}</Button>
        </Group>
      )}
      {(upload.error ?? remove.error) && <Alert color="red" role="alert">{problems((upload.error ?? remove.error)!).join(' ')}</Alert>}
    </Stack>
  );
}
