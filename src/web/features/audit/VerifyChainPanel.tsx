import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useVerifyAuditChain } from './api';

interface VerifyChainPanelProps {
  onShowEvent(seq: number): void;
}

/** Runs `verify` on the server and shows the answer: intact with N events, or the first broken event. */
export function VerifyChainPanel({ onShowEvent }: VerifyChainPanelProps) {
  const { t } = useTranslation('audit');
  const verify = useVerifyAuditChain();
  const result = verify.data;
  // A broken event that still exists can be opened; a missing one (a gap, a cut tail) cannot.
  const brokenEventSeq = result?.ok === false && result.brokenId !== null ? result.brokenSeq : null;
  return (
    <Stack gap="sm">
      <Group>
        <Button onClick={() => verify.mutate()} loading={verify.isPending} color="blue.8">
          {t('verify.button')}
        </Button>
        <Text size="sm" c="gray.7">
          {t('verify.hint')}
        </Text>
      </Group>
      <div aria-live="polite">
        {verify.isError && (
          <Alert variant="filled" color="red.9" title={t('verify.error')} role="alert">
            {verify.error.message}
          </Alert>
        )}
        {result?.ok === true && (
          <Alert variant="filled" color="teal.9" title={t('verify.intact', { count: result.events })}>
            {result.checkpoint ? t('verify.checkpoint', { seq: result.checkpoint.seq }) : t('verify.noCheckpoint')}
          </Alert>
        )}
        {result?.ok === false && (
          <Alert variant="filled" color="red.9" title={result.brokenSeq === null ? t('verify.brokenCheckpoint') : t('verify.broken', { seq: result.brokenSeq })} role="alert">
            <Stack gap="xs">
              <Text size="sm">{result.reason}</Text>
              <Text size="sm">{t('verify.verifiedBefore', { count: result.events })}</Text>
              {brokenEventSeq !== null && (
                <Button size="compact-sm" variant="white" color="red.9" onClick={() => onShowEvent(brokenEventSeq)} style={{ alignSelf: 'flex-start' }}>
                  {t('verify.showEvent', { seq: brokenEventSeq })}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
      </div>
    </Stack>
  );
}
