import { Badge, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEventSummary } from '../../../contract/audit';

/** The record an event concerns; for a masked event only that it is withheld, and why. */
export function RecordCell({ event }: { event: AuditEventSummary }) {
  const { t } = useTranslation('audit');
  if (event.masked) {
    return (
      <>
        <Badge variant="outline" color="gray.8" title={t('masked.why')}>
          {t('masked.record')}
        </Badge>
        <VisuallyHidden>{t('masked.why')}</VisuallyHidden>
      </>
    );
  }
  if (!event.recordType) return <>—</>;
  return <>{`${event.recordType} ${event.recordId ?? ''}`}</>;
}
