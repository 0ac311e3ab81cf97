import { Alert, Button, Card, FileButton, Group, Image, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AlertView } from '../../../contract/wanted';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatCalendarDate, formatDateTime } from '../../i18n/format';
import { ActionOnHit, MarkingBadge, economyName, languageName, useDeskLabel } from './alert-labels';
import { AlertEditForm } from './AlertEditForm';
import { AlertHistoryPanel } from './AlertHistoryPanel';
import { AlertLinksPanel } from './AlertLinksPanel';
import { useAddPhoto, useAlert, useAlertAction, useAlertHits } from './api';
import { RecipientsList, StatusBadge } from './components';

function Actions({ alert }: { alert: AlertView }) {
  const { t } = useTranslation('wanted');
  const action = useAlertAction(alert.id);
  const photo = useAddPhoto(alert.id);
  const [validUntil, setValidUntil] = useState('');
  const [reason, setReason] = useState('');
  const error = action.error ?? photo.error;
  return (
    <Stack gap="sm">
      {alert.abilities['wanted.alert.extend'] && (
        <Group align="end">
          <TextInput type="date" label={t('detail.extendUntil')} value={validUntil} onChange={(e) => setValidUntil(e.currentTarget.value)} />
          <Button disabled={!validUntil} loading={action.isPending} onClick={() => action.mutate({ kind: 'extend', validUntil: new Date(`${validUntil}T23:59:59Z`).toISOString() })}>{t('detail.extend')}</Button>
        </Group>
      )}
      {alert.abilities['wanted.alert.withdraw'] && (
        <Group align="end">
          <TextInput label={t('detail.withdrawReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Button color="red" variant="light" disabled={reason.trim().length < 3} loading={action.isPending} onClick={() => action.mutate({ kind: 'withdraw', reason })}>{t('detail.withdraw')}</Button>
        </Group>
      )}
      {alert.abilities['wanted.alert.update'] && (
        <FileButton onChange={(file) => file && photo.mutate(file)} accept="image/png,image/jpeg">
          {(props) => <Button {...props} variant="default" loading={photo.isPending}>{t('detail.addPhoto')}</Button>}
        </FileButton>
      )}
      {error && <Alert color="red" role="alert">{error instanceof ApiError ? (error.detail ?? error.title) : t('error')}</Alert>}
    </Stack>
  );
}

function Details({ alert }: { alert: AlertView }) {
  const { t, i18n } = useTranslation('wanted');
  const { t: ta } = useTranslation('wanted-alerts');
  const deskLabel = useDeskLabel();
  const [editing, setEditing] = useState(false);
  const hits = useAlertHits(alert.id, true);
  const rows: [string, string | null][] = [
    [t('field.kind'), t(`kind.${alert.kind}`)],
    [t('field.issuingDesk'), deskLabel(alert.issuingDesk)],
    [t('field.aliases'), alert.aliases.join('; ') || null],
    [t('field.dateOfBirth'), alert.dateOfBirth ? formatCalendarDate(alert.dateOfBirth) : null],
    [ta('field.sex'), alert.sex ? ta(`sex.${alert.sex}`) : null],
    [t('field.nationality'), alert.nationality ? economyName(alert.nationality, i18n.language) : null],
    [ta('field.languages'), alert.languages.map((code) => languageName(code, i18n.language)).join(', ') || null],
    [ta('field.physicalDescription'), alert.physicalDescription],
    [t('field.warrantReference'), alert.warrantReference],
    ...Object.entries(alert.attributes).map(([key, value]): [string, string] => [t(`field.${key}`), key === 'issuingEconomy' ? economyName(value, i18n.language) : value]),
    ...alert.identifiers.map((item): [string, string] => [t(`identifier.${item.kind}`), `${item.value} (${item.normalized})`]),
    [t('detail.validity'), `${formatDateTime(alert.validFrom)} – ${formatDateTime(alert.validUntil)}`],
    [t('field.reviewAt'), alert.reviewAt ? formatDateTime(alert.reviewAt) : null],
    [t('detail.withdrawnReason'), alert.withdrawnReason],
    [t('field.remarks'), alert.remarks || null],
  ];
  const table = (
    <Table>
      <Table.Tbody>
        {rows.filter(([, value]) => value).map(([label, value]) => (
          <Table.Tr key={label}><Table.Th w={200}>{label}</Table.Th><Table.Td style={{ whiteSpace: 'pre-line' }}>{value}</Table.Td></Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Stack>
      {alert.identityMisused && (
        <Alert color="red" variant="filled" role="alert" title={ta('misused.title')}>{ta('misused.body')}</Alert>
      )}
      <Group>
        <Title order={1}>{alert.label}</Title>
        <StatusBadge status={alert.status} />
        <MarkingBadge classification={alert.classification} tlp={alert.tlp} releasableEconomies={alert.marking.releasableEconomies} />
      </Group>
      <Text c="dimmed">{alert.reference}</Text>
      <Card withBorder padding="sm" aria-label={ta('sheet.action')}>
        <Text size="sm" c="dimmed">{ta('sheet.action')}</Text>
        <ActionOnHit code={alert.actionCode} note={alert.actionToTake} />
      </Card>
      <Group>
        {alert.abilities['wanted.alert.update'] && (
          <Button variant={editing ? 'default' : 'filled'} onClick={() => setEditing(!editing)}>{editing ? ta('edit.close') : ta('edit.open')}</Button>
        )}
        <Button component="a" variant="default" href={`/api/wanted/alerts/${alert.id}/sheet.pdf?lang=${encodeURIComponent(i18n.language)}`}>{ta('sheet.download')}</Button>
      </Group>
      {editing && <AlertEditForm alert={alert} onDone={() => setEditing(false)} />}
      {alert.photos.length > 0 ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {table}
          <SimpleGrid cols={2}>
            {alert.photos.map((photo, index) => (
              <Image key={photo.id} src={`/api/wanted/alerts/${alert.id}/photos/${photo.id}`} alt={t('detail.photoAlt', { index: index + 1, name: alert.label })} radius="sm" />
            ))}
          </SimpleGrid>
        </SimpleGrid>
      ) : (
        table
      )}
      <AlertLinksPanel alert={alert} />
      <Card withBorder><RecipientsList recipients={alert.recipients} /></Card>
      <Actions alert={alert} />
      <AlertHistoryPanel alertId={alert.id} />
      <Title order={2} size="h4">{t('detail.hits')}</Title>
      {hits.data?.items.length ? (
        hits.data.items.map((hit) => (
          <Group key={hit.id} gap="xs" wrap="wrap">
            <Link to={`/wanted/hits/${hit.id}`}>{hit.reference}</Link>
            <Text span>{[formatDateTime(hit.createdAt), `${hit.screener.organisation} (${hit.screener.economy})`].join(' · ')}</Text>
            {hit.screenCount > 1 && <Text span size="sm">{t('hits.countShort', { count: hit.screenCount })}</Text>}
            <StatusBadge status={hit.status} />
          </Group>
        ))
      ) : (
        <Text c="dimmed">{t('detail.noHits')}</Text>
      )}
    </Stack>
  );
}

export function AlertPage() {
  const { t } = useTranslation('wanted');
  const { id = '' } = useParams();
  const alert = useAlert(id);
  usePageTitle(alert.data?.label ?? t('alerts.title'));
  return <QueryState query={alert}>{(data) => <Details alert={data} />}</QueryState>;
}
