import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { useAbility } from '../../api/session';
import { useComposeOptions } from './api';
import { useOpenFollowUp } from './casework-api';

/** From a wanted hit (also a hit-only answer): one action opens a follow-up request to the desk holding the alert. */
export function AskHoldingDeskButton({ hitReference }: { hitReference: string }) {
  const { t } = useTranslation('exchange');
  const navigate = useNavigate();
  const allowed = useAbility('exchange.follow_up.open');
  const options = useComposeOptions(allowed);
  const open = useOpenFollowUp();
  const deskId = options.data?.senderDesks[0]?.id;
  if (!allowed || !deskId) return null;
  return (
    <Stack gap={4}>
      <Button variant="light" size="sm" style={{ alignSelf: 'flex-start' }} loading={open.isPending} onClick={() => open.mutate({ hitReference, senderDeskId: deskId, bodyHtml: '', urgency: 'urgent' }, { onSuccess: (created) => void navigate(`/exchange/items/${created.itemId}`) })}>
        {t('casework.ask')}
      </Button>
      {open.error && <Alert color="red" role="alert">{open.error instanceof ApiError ? (open.error.detail ?? open.error.title) : t('error')}</Alert>}
    </Stack>
  );
}
