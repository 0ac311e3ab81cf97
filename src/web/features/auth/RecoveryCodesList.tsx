import { Button, Checkbox, CopyButton, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface RecoveryCodesListProps {
  codes: string[];
  /** Called once the user confirms the codes are saved. */
  onDone: () => void;
  doneLabel: string;
}

/** One-time recovery codes, shown once: copy, download, and confirm they are kept safe. */
export function RecoveryCodesList({ codes, onDone, doneLabel }: RecoveryCodesListProps) {
  const { t } = useTranslation('auth');
  const [saved, setSaved] = useState(false);
  const text = codes.join('\n');
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${t('recovery.fileHeader')}\n\n${text}\n`], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'mosaic-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack gap="sm">
      <Text>{t('recovery.intro')}</Text>
      <Paper withBorder p="md">
        <List aria-label={t('recovery.listLabel')} listStyleType="none" spacing={4} ff="monospace" fz="lg">
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
      </Paper>
      <Group gap="sm">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('recovery.copied') : t('recovery.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={download}>
          {t('recovery.download')}
        </Button>
      </Group>
      <Checkbox checked={saved} onChange={(event) => setSaved(event.currentTarget.checked)} label={t('recovery.savedConfirm')} />
      <Group>
        <Button onClick={onDone} disabled={!saved}>
          {doneLabel}
        </Button>
      </Group>
    </Stack>
  );
}
