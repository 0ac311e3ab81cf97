import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditOutcome } from '../../../contract/audit';

const COLOURS: Record<AuditOutcome, string> = { success: 'teal', denied: 'red', failure: 'yellow' };

/** The outcome as a tinted badge; the text stays dark so that it keeps AA contrast on every tint. */
export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const { t } = useTranslation('audit');
  return (
    <Badge variant="light" color={COLOURS[outcome]} c="dark.8">
      {t(`outcome.${outcome}`)}
    </Badge>
  );
}
