import { Alert, Box, Button, Collapse, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBJECT_KINDS, type ObjectKind, SEXES, type ScreenResult } from '../../../contract/wanted';
import { ApiError } from '../../api/client';
import { usePageTitle } from '../../components/usePageTitle';
import { useScreenObject, useScreenPerson } from './api';
import { CandidateCard } from './ScreeningAnswer';

type Mode = 'person' | ObjectKind;
const MODES: Mode[] = ['person', ...OBJECT_KINDS];
/** The purpose is asked once per shift and kept for the browser tab. */
const PURPOSE_KEY = 'mosaic.wanted.purpose';

/** A long label (in Serbian or Albanian) wraps on a narrow screen instead of running off it. */
const WRAPPING_LABEL = { root: { maxWidth: '100%' }, label: { whiteSpace: 'normal', textAlign: 'start' } } as const;

const SERVER_NOTES: [pattern: RegExp, key: string][] = [
  [/shortened/, 'screen.noteShortened'],
  [/no letters or digits/, 'screen.noteNoCharacters'],
];

function Results({ result }: { result: ScreenResult }) {
  const { t } = useTranslation('wanted');
  // Matches before possible matches: what must be acted on comes first.
  const ordered = [...result.candidates].sort((a, b) => Number(b.decision === 'match') - Number(a.decision === 'match'));
  return (
    <Stack gap="sm" aria-live="polite" data-testid="screening-results">
      {ordered.length === 0 ? (
        <Box p="md" bg="#1b5e20" c="white" style={{ borderRadius: 8 }}>
          <Title order={2} size="h2" c="inherit">{t('screen.noHit')}</Title>
        </Box>
      ) : (
        <Title order={2} size="h4">{t('screen.results', { count: ordered.length })}</Title>
      )}
      {result.truncated && <Alert color="yellow">{t('screen.truncated')}</Alert>}
      {result.notes.map((note) => {
        const key = SERVER_NOTES.find(([pattern]) => pattern.test(note))?.[1];
        return <Alert key={note} color="yellow">{key ? t(key) : note}</Alert>;
      })}
      {ordered.map((candidate, index) => (
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

interface Details {
  dateOfBirth: string;
  nationality: string;
  sex: string;
  documentNumber: string;
}

const NO_DETAILS: Details = { dateOfBirth: '', nationality: '', sex: '', documentNumber: '' };

function PersonDetails({ details, onChange }: { details: Details; onChange(details: Details): void }) {
  const { t } = useTranslation('wanted');
  const set = (field: keyof Details) => (value: string) => onChange({ ...details, [field]: value });
  return (
    <Stack gap="xs">
      <TextInput type="date" label={t('field.dateOfBirth')} value={details.dateOfBirth} onChange={(e) => set('dateOfBirth')(e.currentTarget.value)} />
      <Group grow align="flex-start">
        <TextInput label={t('field.nationality')} description={t('field.economyHint')} value={details.nationality} onChange={(e) => set('nationality')(e.currentTarget.value)} maxLength={10} />
        <Select label={t('field.sex')} data={SEXES.map((value) => ({ value, label: t(`sex.${value}`) }))} value={details.sex || null} onChange={(value) => set('sex')(value ?? '')} clearable />
      </Group>
      <TextInput label={t('field.documentNumber')} value={details.documentNumber} onChange={(e) => set('documentNumber')(e.currentTarget.value)} />
    </Stack>
  );
}

/**
 * Screening made for a handheld at a crossing: the purpose once per shift, one large input,
 * one large button; the answer leads with the decision and what to do.
 */
export function ScreeningPage() {
  const { t } = useTranslation('wanted');
  usePageTitle(t('screen.title'));
  const person = useScreenPerson();
  const object = useScreenObject();
  const [mode, setMode] = useState<Mode>('person');
  const [text, setText] = useState('');
  const [purpose, setPurpose] = useState(() => sessionStorage.getItem(PURPOSE_KEY) ?? '');
  const [showDetails, setShowDetails] = useState(false);
  const [details, setDetails] = useState<Details>(NO_DETAILS);
  const screen = mode === 'person' ? person : object;

  const choose = (value: Mode) => {
    setMode(value);
    person.reset();
    object.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    sessionStorage.setItem(PURPOSE_KEY, purpose.trim());
    if (mode === 'person') {
      person.mutate({
        name: text,
        purpose,
        dateOfBirth: details.dateOfBirth || undefined,
        nationality: details.nationality.trim().toUpperCase() || undefined,
        sex: details.sex === 'female' || details.sex === 'male' ? details.sex : undefined,
        documentNumber: details.documentNumber || undefined,
      });
    } else {
      object.mutate({ kind: mode, identifier: text, purpose });
    }
  };

  return (
    <Stack maw={640} gap="sm">
      <Title order={1} size="h2">{t('screen.title')}</Title>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('screen.purpose')} description={t('screen.purposeHint')} value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} required minLength={3} maxLength={200} />
          <Group gap={6} role="group" aria-label={t('screen.what')}>
            {MODES.map((value) => (
              <Button key={value} size="sm" variant={mode === value ? 'filled' : 'default'} aria-pressed={mode === value} onClick={() => choose(value)}>
                {t(`screen.mode.${value}`)}
              </Button>
            ))}
          </Group>
          <TextInput
            size="xl"
            label={mode === 'person' ? t('field.name') : t(`screen.identifierOf.${mode}`)}
            description={mode === 'person' ? t('screen.nameHint') : t('screen.identifierHint')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            required
            autoComplete="off"
            autoCapitalize={mode === 'person' ? 'words' : 'characters'}
          />
          {mode === 'person' && (
            <>
              <Button variant="subtle" onClick={() => setShowDetails((shown) => !shown)} aria-expanded={showDetails} h="auto" py={6} px={0} styles={WRAPPING_LABEL}>
                {showDetails ? t('screen.hideDetails') : t('screen.addDetails')}
              </Button>
              <Collapse expanded={showDetails}>
                <PersonDetails details={details} onChange={setDetails} />
              </Collapse>
            </>
          )}
          <Button type="submit" size="xl" fullWidth loading={screen.isPending}>{t('screen.submit')}</Button>
        </Stack>
      </form>
      <ErrorNote error={screen.error} />
      {screen.data && <Results result={screen.data} />}
      <Text size="sm" c="dimmed">{t('screen.intro')}</Text>
    </Stack>
  );
}
