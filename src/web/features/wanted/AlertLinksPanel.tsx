import { Alert, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AlertView } from '../../../contract/wanted';
import { LINK_RELATIONS, type LinkRelation } from '../../../contract/wanted-actions';
import { ApiError } from '../../api/client';
import { useLinkAlert, useUnlinkAlert } from './alerts-api';
import { StatusBadge } from './components';

/** Associates, vehicles used…: shown from both ends, only those whose other alert the viewer may read. */
export function AlertLinksPanel({ alert }: { alert: AlertView }) {
  const { t } = useTranslation('wanted-alerts');
  const { t: tw } = useTranslation('wanted');
  const link = useLinkAlert(alert.id);
  const unlink = useUnlinkAlert(alert.id);
  const [reference, setReference] = useState('');
  const [relation, setRelation] = useState<LinkRelation>('associate');
  const canChange = alert.abilities['wanted.alert.update'];
  const error = link.error ?? unlink.error;
  return (
    <Stack gap="xs" component="section" aria-labelledby="alert-links-title">
      <Title order={2} size="h4" id="alert-links-title">{t('links.title')}</Title>
      {alert.links.length === 0 ? (
        <Text c="dimmed">{t('links.none')}</Text>
      ) : (
        alert.links.map((item) => (
          <Group key={item.id} gap="xs" wrap="wrap">
            <Text fw={600}>{t(`relation.${item.relation}`)}:</Text>
            <Text component={Link} to={`/wanted/alerts/${item.alert.id}`} c="blue.8">{item.alert.label}</Text>
            <Text size="sm" c="dimmed">{`${tw(`kind.${item.alert.kind}`)}, ${item.alert.reference}`}</Text>
            <StatusBadge status={item.alert.status} />
            {canChange && <Button size="compact-xs" variant="subtle" color="red" onClick={() => unlink.mutate(item.id)}>{t('links.remove')}</Button>}
          </Group>
        ))
      )}
      {canChange && (
        <Group align="end">
          <TextInput label={t('links.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
          <Select label={t('links.relation')} data={LINK_RELATIONS.map((value) => ({ value, label: t(`relation.${value}`) }))} value={relation} onChange={(value) => value && setRelation(value as LinkRelation)} allowDeselect={false} />
          <Button disabled={!reference.trim()} loading={link.isPending} onClick={() => link.mutate({ reference: reference.trim(), relation }, { onSuccess: () => setReference('') })}>{t('links.add')}</Button>
        </Group>
      )}
      {error && <Alert color="red" role="alert">{error instanceof ApiError ? (error.detail ?? error.title) : tw('error')}</Alert>}
    </Stack>
  );
}
