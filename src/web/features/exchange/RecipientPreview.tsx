import { Alert, Card, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskRef } from '../../../contract/exchange';
import { formatNumber } from '../../i18n/format';
import { useDeskLabel } from './components';

export interface PreviewData {
  desks: (DeskRef & { readers: number })[];
  readers: number;
  problems: { path: string; message: string }[];
}

/**
 * Exactly which desks and how many people will read what is being written, and every reason the
 * server refuses it — beside the compose form and the hotline form. `ns` is the namespace of the
 * caller's wording (`preview.title`, `preview.desk`, `preview.readers`); `extra` carries notices
 * of the caller's own (the contact point it passes, a release approval).
 */
export function RecipientPreview({ ns, preview, emptyText, extra, readersTestId }: { ns: 'exchange' | 'hotline'; preview: PreviewData | undefined; emptyText: string | null; extra?: ReactNode; readersTestId?: string }) {
  const { t } = useTranslation(ns);
  const deskLabel = useDeskLabel();
  return (
    <Card withBorder aria-live="polite">
      <Title order={2} size="h4">{t('preview.title')}</Title>
      {emptyText && <Text size="sm">{emptyText}</Text>}
      {preview && !emptyText && (
        <Stack gap="xs" mt="xs">
          <List size="sm">
            {preview.desks.map((desk) => (
              <List.Item key={desk.id}>{t('preview.desk', { desk: deskLabel(desk), count: desk.readers })}</List.Item>
            ))}
          </List>
          <Text size="sm" fw={600} data-testid={readersTestId}>{t('preview.readers', { count: preview.readers, formatted: formatNumber(preview.readers) })}</Text>
          {extra}
          {preview.problems.map((problem) => (
            <Alert key={`${problem.path}${problem.message}`} color="red" role="alert">{problem.message}</Alert>
          ))}
        </Stack>
      )}
    </Card>
  );
}
