import { Alert, Anchor, Button, CloseButton, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../contract/exchange-casework';
import { ApiError } from '../../api/client';
import { formatNumber } from '../../i18n/format';
import { attachmentUrl, useAttachments, useUploadAttachment } from './casework-api';

const kilobytes = (bytes: number) => formatNumber(Math.max(1, Math.round(bytes / 1024)));

/** The files of an item, each a download link (streamed and audited by the server). */
export function ItemAttachments({ itemId }: { itemId: string }) {
  const { t } = useTranslation('exchange');
  const files = useAttachments(itemId);
  if (!files.data || files.data.items.length === 0) return null;
  return (
    <Stack gap={4} component="section" aria-label={t('casework.attachments.title')}>
      <Text size="sm" fw={600}>{t('casework.attachments.title')}</Text>
      <List size="sm">
        {files.data.items.map((file) => (
          <List.Item key={file.id}>
            <Anchor href={attachmentUrl(itemId, file.id)} download={file.fileName}>{file.fileName}</Anchor> <Text span size="xs" c="dimmed">{t('casework.attachments.size', { size: kilobytes(file.sizeBytes) })}</Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Files for the item being written: uploaded (sniffed, sealed) at once, bound to the item when it is sent. */
export function AttachmentPicker({ value, onChange }: { value: Attachment[]; onChange: (files: Attachment[]) => void }) {
  const { t } = useTranslation('exchange');
  const upload = useUploadAttachment();
  const add = async (picked: File[]) => {
    const added: Attachment[] = [];
    try {
      for (const file of picked) added.push(await upload.mutateAsync(file));
    } catch {
      // The refusal is shown from upload.error; the files accepted before it are kept.
    }
    onChange([...value, ...added]);
  };
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <FileButton onChange={(files) => void add(files)} multiple>
          {(props) => <Button variant="default" {...props} loading={upload.isPending}>{t('casework.attachments.add')}</Button>}
        </FileButton>
        <Text size="xs" c="dimmed">{t('casework.attachments.hint')}</Text>
      </Group>
      {value.map((file) => (
        <Group key={file.id} gap="xs">
          <Text size="sm">{file.fileName} ({t('casework.attachments.size', { size: kilobytes(file.sizeBytes) })})</Text>
          <CloseButton size="sm" aria-label={t('casework.attachments.remove', { name: file.fileName })} onClick={() => onChange(value.filter((other) => other.id !== file.id))} />
        </Group>
      ))}
      {upload.error && <Alert color="red" role="alert">{upload.error instanceof ApiError ? (upload.error.errors[0]?.message ?? upload.error.detail ?? upload.error.title) : t('error')}</Alert>}
    </Stack>
  );
}
