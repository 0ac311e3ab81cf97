import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditOutcome } from '../../../contract/audit';

const COLOURS: Record<AuditOutcome, string> = { success: 'green.9', denied: 'red.9', failure: 'orange.9' };

export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const { t } = useTranslation('audit');
  return (
    <Badge variant="light" color={COLOURS[outcome]}>
      {t(`outcome.${outcome}`)}
    </Badge>
  );
}
