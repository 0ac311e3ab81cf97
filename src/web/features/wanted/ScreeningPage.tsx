import { Alert, Button, Group, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBJECT_KINDS, type ObjectKind, type ScreenResult } from '../../../contract/wanted';
import { ApiError } from '../../api/client';
import { usePageTitle } from '../../components/usePageTitle';
import { useScreenObject, useScreenPerson } from './api';
import { CandidateCard } from './components';

function Results({ result }: { result: ScreenResult }) {
  const { t } = useTranslation('wanted');
  return (
    <Stack gap="sm" aria-live="polite">
      <Title order={2} size="h4">{t('screen.results', { count: result.candidates.length })}</Title>
      {result.notes.map((note) => (
        <Alert key={note} color="yellow">{note}</Alert>
      ))}
      {result.candidates.length === 0 && <Text>{t('screen.noHit')}</Text>}
      {result.candidates.map((candidate, index) => (
        <CandidateCard key={candidate.visibility === 'hit' ? candidate.reference : `${candidate.alert.id}-${index}`} candidate={candidate} />
      ))}
    </Stack>
  );
}

function ErrorNote({ error }: { error: unknown }) {
  const { t } = useTranslation('wanted');
  if (!error) return null;
  return <Alert color="red" role="alert">{error instanceof ApiError ? (error.detail ?? error.title) : t('error')}</Alert>;
}

function PersonForm() {
  const { t } = useTranslation('wanted');
  const screen = useScreenPerson();
  const [name, setName] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [nationality, setNationality] = useState('');
  const [documentNumber, setDocumentNumber] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    screen.mutate({ name, dateOfBirth: dateOfBirth || undefined, nationality: nationality.trim().toUpperCase() || undefined, documentNumber: documentNumber || undefined });
  };
  return (
    <Stack>
      <form onSubmit={submit}>
        <Stack gap="sm" maw={560}>
          <TextInput label={t('field.name')} description={t('screen.nameHint')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          <Group grow>
            <TextInput type="date" label={t('field.dateOfBirth')} value={dateOfBirth} onChange={(e) => setDateOfBirth(e.currentTarget.value)} />
            <TextInput label={t('field.nationality')} description={t('field.economyHint')} value={nationality} onChange={(e) => setNationality(e.currentTarget.value)} maxLength={10} />
          </Group>
          <TextInput label={t('field.documentNumber')} value={documentNumber} onChange={(e) => setDocumentNumber(e.currentTarget.value)} />
          <Group><Button type="submit" loading={screen.isPending}>{t('screen.submit')}</Button></Group>
        </Stack>
      </form>
      <ErrorNote error={screen.error} />
      {screen.data && <Results result={screen.data} />}
    </Stack>
  );
}

function ObjectForm() {
  const { t } = useTranslation('wanted');
  const screen = useScreenObject();
  const [kind, setKind] = useState<ObjectKind>('vehicle');
  const [identifier, setIdentifier] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    screen.mutate({ kind, identifier });
  };
  return (
    <Stack>
      <form onSubmit={submit}>
        <Stack gap="sm" maw={560}>
          <Select label={t('field.kind')} data={OBJECT_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} value={kind} onChange={(value) => value && setKind(value as ObjectKind)} allowDeselect={false} />
          <TextInput label={t('field.identifier')} description={t('screen.identifierHint')} value={identifier} onChange={(e) => setIdentifier(e.currentTarget.value)} required />
          <Group><Button type="submit" loading={screen.isPending}>{t('screen.submit')}</Button></Group>
        </Stack>
      </form>
      <ErrorNote error={screen.error} />
      {screen.data && <Results result={screen.data} />}
    </Stack>
  );
}

export function ScreeningPage() {
  const { t } = useTranslation('wanted');
  usePageTitle(t('screen.title'));
  return (
    <Stack>
      <Title order={1}>{t('screen.title')}</Title>
      <Text c="dimmed">{t('screen.intro')}</Text>
      <Tabs defaultValue="person" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="person">{t('screen.person')}</Tabs.Tab>
          <Tabs.Tab value="object">{t('screen.object')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="person" pt="md"><PersonForm /></Tabs.Panel>
        <Tabs.Panel value="object" pt="md"><ObjectForm /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
