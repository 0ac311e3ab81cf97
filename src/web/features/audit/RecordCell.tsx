import { Badge, Stack, Text, VisuallyHidden } from '@mantine/core';
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
  const kind = t(`recordTypes.${event.recordType}`, { defaultValue: event.recordType });
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="sm" fw={event.recordTitle ? 500 : undefined} style={{ overflowWrap: 'anywhere' }}>
        {event.recordTitle ?? kind}
      </Text>
      <Text size="xs" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
        {event.recordTitle ? kind : ''} {event.recordId && <span title={event.recordId}>{event.recordId.slice(0, 8)}</span>}
      </Text>
    </Stack>
  );
}
