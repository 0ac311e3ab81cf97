import { Button, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useUploadLeadImage } from './api';

const ACCEPT = 'image/jpeg,image/png,image/webp';

/** Uploads a lead image (resized on the server); its address then fills the lead image field. */
export function LeadImageUpload({ articleId, url, alt, onUploaded, disabled }: { articleId: string | undefined; url: string; alt: string; onUploaded: (url: string) => void; disabled: boolean }) {
  const { t } = useTranslation('portal');
  const upload = useUploadLeadImage(articleId ?? '');
  const refusal = (error: unknown) => {
    const code = error instanceof ApiError ? (error.errors[0]?.message ?? (error.status === 413 ? 'too_large' : 'other')) : 'other';
    return t(`editorAids.leadImage.refused.${code}`, { defaultValue: t('editorAids.leadImage.refused.other') });
  };
  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        <FileButton
          accept={ACCEPT}
          disabled={disabled || !articleId}
          onChange={(file) =>
            file &&
            upload.mutate(file, {
              onSuccess: (image) => {
                onUploaded(image.url);
                notifications.show({ color: 'green', message: t('editorAids.leadImage.uploaded') });
              },
            })
          }
        >
          {(props) => (
            <Button {...props} variant="light" loading={upload.isPending}>
              {t('editorAids.leadImage.upload')}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed">
          {articleId ? t('editorAids.leadImage.limits') : t('editorAids.leadImage.saveFirst')}
        </Text>
      </Group>
      {upload.error && (
        <Text size="sm" c="red.8" role="alert">
          {refusal(upload.error)}
        </Text>
      )}
      {url && <Image src={url} alt={alt} radius="sm" mah={160} w="auto" fit="contain" />}
    </Stack>
  );
}
