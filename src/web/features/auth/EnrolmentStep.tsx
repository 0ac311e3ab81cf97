import { Alert, Anchor, Button, Center, Code, Group, Image, List, Loader, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../contract/identity';
import { useConfirmEnrolment, useSignOut, useStartEnrolment } from './api';
import { problemMessage } from './problemMessage';

/** The server renders the QR code itself; shown as an image so that its SVG never enters the DOM. */
function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  bytes.forEach((byte) => {
    binary += String.fromCharCode(byte);
  });
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

interface EnrolmentStepProps {
  /** Receives the recovery codes and the new (rotated, full) session once the authenticator is confirmed. */
  onEnrolled: (recoveryCodes: string[], session: SessionView) => void;
  /** Offer to leave without changing anything (re-enrolment from the profile). */
  onCancel?: () => void;
  /** Re-enrolment from a signed-in session proves the user with the current password. */
  currentPassword?: string;
}

export function EnrolmentStep({ onEnrolled, onCancel, currentPassword }: EnrolmentStepProps) {
  const { t } = useTranslation('auth');
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const signOut = useSignOut();
  const [code, setCode] = useState('');
  const [touched, setTouched] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    // One secret per visit, also under React's development double-mount.
    if (started.current) return;
    started.current = true;
    start.mutate(currentPassword);
  }, [start, currentPassword]);

  if (start.isPending || (!start.data && !start.error)) {
    return (
      <Center py="xl" role="status">
        <Loader />
        <VisuallyHidden>{t('enrolment.preparing')}</VisuallyHidden>
      </Center>
    );
  }
  if (start.error || !start.data) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(t, start.error)}
      </Alert>
    );
  }
  const { secret, qrSvg } = start.data;
  const valid = /^\d{6}$/.test(code);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (valid) confirm.mutate(code, { onSuccess: (result) => onEnrolled(result.recoveryCodes, result.session), onError: () => setCode('') });
  };

  return (
    <Stack gap="md">
      <Text>{t('enrolment.intro')}</Text>
      <List type="ordered" spacing="xs">
        <List.Item>{t('enrolment.stepInstall')}</List.Item>
        <List.Item>{t('enrolment.stepScan')}</List.Item>
        <List.Item>{t('enrolment.stepCode')}</List.Item>
      </List>
      <Center>
        <Image src={svgDataUrl(qrSvg)} alt={t('enrolment.qrAlt')} w={220} h={220} bg="white" p={4} />
      </Center>
      <Stack gap={4}>
        <Text size="sm">{t('enrolment.manual')}</Text>
        <Code block fz="md" aria-label={t('enrolment.secretLabel')}>
          {groupSecret(secret)}
        </Code>
      </Stack>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {confirm.error && (
            <Alert color="red" role="alert">
              {problemMessage(t, confirm.error, { 422: 'auth:enrolment.codeWrong', 409: 'auth:enrolment.expired' })}
            </Alert>
          )}
          <TextInput
            label={t('secondFactor.codeLabel')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            value={code}
            onChange={(event) => setCode(event.currentTarget.value.replace(/\D/g, ''))}
            error={touched && !valid ? t('secondFactor.codeInvalid') : undefined}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xl)' } }}
          />
          <Button type="submit" loading={confirm.isPending}>
            {t('enrolment.submit')}
          </Button>
        </Stack>
      </form>
      <Group justify="flex-end">
        {onCancel ? (
          <Anchor component="button" type="button" onClick={onCancel}>
            {t('enrolment.cancel')}
          </Anchor>
        ) : (
          <Anchor component="button" type="button" c="gray.7" onClick={() => signOut.mutate()}>
            {t('startOver')}
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}
