import { Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type HotlineAlert, HotlineStreamEvent } from '../../../../contract/hotline';
import { useDeskLabel } from '../components';
import { HOTLINE_STREAM_URL, markAlertSeen, useAcknowledgeAlert, useHotlineAlerts, useInvalidateHotline } from './api';

const REOPEN_MS = 5000;

/** A short two-tone beep made on the spot (no sound file): the browser may refuse before the first click. */
function beep() {
  try {
    const context = new AudioContext();
    const gain = context.createGain();
    gain.gain.value = 0.15;
    gain.connect(context.destination);
    [880, 660].forEach((frequency, index) => {
      const tone = context.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(context.currentTime + index * 0.25);
      tone.stop(context.currentTime + index * 0.25 + 0.2);
    });
    setTimeout(() => void context.close(), 1000);
  } catch {
    // No audio in this browser: the notice and the live region still tell.
  }
}

/**
 * Keeps the hotline's live stream open for a signed-in desk member: a notice with a sound and an
 * Acknowledge button for each alert that waits for one of the user's desks. The browser's
 * EventSource resends the last event id when it reconnects, so the server catches up from the
 * database; if the stream is refused (e.g. a stale id), it is opened afresh and the open alerts
 * are read again.
 */
export function HotlineLive() {
  const { t } = useTranslation('hotline');
  const deskLabel = useDeskLabel();
  const acknowledge = useAcknowledgeAlert();
  const invalidate = useInvalidateHotline();
  const open = useHotlineAlerts('received', true);
  const [announcement, setAnnouncement] = useState('');
  const shown = useRef(new Set<string>());
  const navigate = useNavigate();
  const latest = useRef({ t, deskLabel, acknowledge: acknowledge.mutate, invalidate, navigate });
  latest.current = { t, deskLabel, acknowledge: acknowledge.mutate, invalidate, navigate };

  const show = (alert: HotlineAlert, again: boolean) => {
    const { t: translate, deskLabel: label, acknowledge: ack } = latest.current;
    if (alert.acknowledgeDeskIds.length === 0) {
      notifications.hide(`hotline-${alert.id}`);
      shown.current.delete(alert.id);
      return;
    }
    if (shown.current.has(alert.id) && !again) return;
    shown.current.add(alert.id);
    const title = translate(again ? 'live.stillWaiting' : 'live.title', { kind: translate(`kind.${alert.kind}`) });
    const message = (
      <Stack gap={6} data-testid="hotline-notice">
        <Text size="sm" fw={700}>{alert.subject}</Text>
        {alert.body && <Text size="sm">{alert.body}</Text>}
        <Text size="xs">{translate('live.from', { desk: label(alert.senderDesk) })}</Text>
        <Group gap="xs">
          {alert.acknowledgeDeskIds.map((deskId) => (
            <Button key={deskId} size="xs" color="green" onClick={() => ack({ id: alert.id, deskId })}>{translate('live.acknowledge')}</Button>
          ))}
          {/* The notice renders outside the router (Mantine's notifications root): navigate through the shell's hook. */}
          <Button size="xs" variant="default" onClick={() => void latest.current.navigate(`/exchange/hotline?alert=${alert.id}`)}>{translate('live.open')}</Button>
        </Group>
      </Stack>
    );
    notifications.show({ id: `hotline-${alert.id}`, title, message, color: 'red', autoClose: false, withCloseButton: true });
    setAnnouncement(`${title}: ${alert.subject}`);
    beep();
    void markAlertSeen(alert.id).catch(() => {});
  };
  const showRef = useRef(show);
  showRef.current = show;

  useEffect(() => {
    for (const alert of open.data?.items ?? []) showRef.current(alert, false);
  }, [open.data]);

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const connect = () => {
      source = new EventSource(HOTLINE_STREAM_URL, { withCredentials: true });
      source.onmessage = (message: MessageEvent<string>) => {
        const parsed = HotlineStreamEvent.safeParse(JSON.parse(message.data));
        if (!parsed.success) return;
        const { type, alert } = parsed.data;
        if (type === 'update') {
          if (alert.acknowledgeDeskIds.length === 0) showRef.current(alert, false);
        } else if (alert.acknowledgeDeskIds.length > 0) showRef.current(alert, type === 'escalation');
        void latest.current.invalidate();
      };
      source.onerror = () => {
        // A refused stream is closed for good by the browser: open a fresh one and catch up from the list.
        if (source?.readyState === EventSource.CLOSED) {
          timer = setTimeout(() => {
            void latest.current.invalidate();
            connect();
          }, REOPEN_MS);
        }
      };
    };
    connect();
    return () => {
      source?.close();
      if (timer) clearTimeout(timer);
    };
  }, []);

  return (
    <VisuallyHidden aria-live="assertive" role="status" data-testid="hotline-live-region">
      {announcement}
    </VisuallyHidden>
  );
}
