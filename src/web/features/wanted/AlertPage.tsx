import { Alert, Badge, Button, Card, FileButton, Group, Image, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AlertView } from '../../../contract/wanted';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
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
  const { t } = useTranslation('wanted');
  const hits = useAlertHits(alert.id, true);
  const rows: [string, string | null][] = [
    [t('field.kind'), t(`kind.${alert.kind}`)],
    [t('field.issuingDesk'), alert.issuingDesk.name],
    [t('field.aliases'), alert.aliases.join('; ') || null],
    [t('field.dateOfBirth'), alert.dateOfBirth],
    [t('field.nationality'), alert.nationality],
    [t('field.warrantReference'), alert.warrantReference],
    ...Object.entries(alert.attributes).map(([key, value]): [string, string] => [t(`field.${key}`), value]),
    ...alert.identifiers.map((item): [string, string] => [t(`identifier.${item.kind}`), `${item.value} (${item.normalized})`]),
    [t('field.actionToTake'), alert.actionToTake],
    [t('detail.validity'), `${alert.validFrom.slice(0, 10)} – ${alert.validUntil.slice(0, 10)}`],
    [t('field.reviewAt'), alert.reviewAt?.slice(0, 10) ?? null],
    [t('detail.withdrawnReason'), alert.withdrawnReason],
    [t('field.remarks'), alert.remarks || null],
  ];
  return (
    <Stack>
      <Group>
        <Title order={1}>{alert.label}</Title>
        <StatusBadge status={alert.status} />
        <Badge variant="outline">{`${alert.classification} · TLP:${alert.tlp}`}</Badge>
      </Group>
      <Text c="dimmed">{alert.reference}</Text>
      <Table>
        <Table.Tbody>
          {rows.filter(([, value]) => value).map(([label, value]) => (
            <Table.Tr key={label}><Table.Th w={220}>{label}</Table.Th><Table.Td>{value}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {alert.photos.length > 0 && (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {alert.photos.map((photo, index) => (
            <Image key={photo.id} src={`/api/wanted/alerts/${alert.id}/photos/${photo.id}`} alt={t('detail.photoAlt', { index: index + 1, name: alert.label })} radius="sm" />
          ))}
        </SimpleGrid>
      )}
      <Card withBorder><RecipientsList recipients={alert.recipients} /></Card>
      <Actions alert={alert} />
      <Title order={2} size="h4">{t('detail.hits')}</Title>
      {hits.data?.items.length ? (
        hits.data.items.map((hit) => (
          <Text key={hit.id}>
            <Link to={`/wanted/hits/${hit.id}`}>{hit.reference}</Link> · {hit.createdAt.slice(0, 16).replace('T', ' ')} · {hit.screener.organisation} ({hit.screener.economy}) · <StatusBadge status={hit.status} />
          </Text>
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
