import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { useVerifyAuditChain } from './api';

interface VerifyChainPanelProps {
  onShowEvent(id: string): void;
}

/** Runs `verify` on the server and shows the answer: intact up to the signed checkpoint, or the first break. */
export function VerifyChainPanel({ onShowEvent }: VerifyChainPanelProps) {
  const { t } = useTranslation('audit');
  const verify = useVerifyAuditChain();
  const result = verify.data;
  // A broken event that still exists can be opened; a missing one (a gap, a cut tail) cannot.
  const brokenId = result?.ok === false ? result.brokenId : null;
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
          <Alert variant="filled" color="teal.9" title={t('verify.intact')}>
            {result.checkpointWrittenAt ? t('verify.checkpoint', { time: formatDateTime(result.checkpointWrittenAt) }) : t('verify.noCheckpoint')}
          </Alert>
        )}
        {result?.ok === false && (
          <Alert variant="filled" color="red.9" title={result.atCheckpoint ? t('verify.brokenCheckpoint') : t('verify.broken')} role="alert">
            <Stack gap="xs">
              <Text size="sm">{result.reason}</Text>
              {brokenId !== null && (
                <Button size="compact-sm" variant="white" color="red.9" onClick={() => onShowEvent(brokenId)} style={{ alignSelf: 'flex-start' }}>
                  {t('verify.showEvent')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
      </div>
    </Stack>
  );
}
