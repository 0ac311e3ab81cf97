import { Button, CopyButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Subscribe to the public events calendar: a `webcal:` link (calendar apps subscribe and keep it
 * up to date) and a button that copies the https address for apps that ask for one.
 */
export function CalendarFeedButtons({ path = '/feeds/events.ics' }: { path?: string }) {
  const { t } = useTranslation('workspace');
  const https = new URL(path, window.location.origin).toString();
  const webcal = https.replace(/^https?:/, 'webcal:');
  return (
    <Group gap="xs" wrap="wrap">
      <Button component="a" href={webcal} variant="light" size="sm">
        {t('calendar.subscribe')}
      </Button>
      <CopyButton value={https}>
        {({ copied, copy }) => (
          <Button variant="default" size="sm" onClick={copy} aria-live="polite">
            {copied ? t('calendar.copied') : t('calendar.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
