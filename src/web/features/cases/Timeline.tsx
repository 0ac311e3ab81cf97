import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../contract/cases';
import { formatCalendarDate } from '../../i18n/format';
import { useAddEvent, useCaseOptions } from './api';
import { useProblemText } from './components';

/** The case's timeline; an event may name the economy where it took place, which makes the case's route. */
export function Timeline({ view }: { view: CaseView }) {
  const { t } = useTranslation('cases');
  const canAdd = view.abilities['cases.entity.add'];
  const options = useCaseOptions(canAdd);
  const add = useAddEvent(view.id);
  const problems = useProblemText();
  const [occurredOn, setOccurredOn] = useState(new Date().toISOString().slice(0, 10));
  const [place, setPlace] = useState('');
  const [economy, setEconomy] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const submit = () =>
    add.mutate({ occurredOn, place, economy, description }, { onSuccess: () => { setPlace(''); setDescription(''); } });
  return (
    <Stack gap="xs">
      {view.events.length === 0 && <Text c="dimmed">{t('case.noEvents')}</Text>}
      {view.events.map((event) => (
        <Text key={event.id}>{formatCalendarDate(event.occurredOn)} · {event.place}{event.economy ? ` (${event.economy})` : ''} · {event.description}</Text>
      ))}
      {canAdd && (
        <Group align="end" wrap="wrap">
          <TextInput type="date" label={t('event.occurredOn')} value={occurredOn} onChange={(e) => setOccurredOn(e.currentTarget.value)} required />
          <TextInput label={t('event.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
          <Select label={t('event.economy')} searchable clearable data={(options.data?.economies ?? []).map((item) => ({ value: item.code, label: `${item.name} (${item.code})` }))} value={economy} onChange={setEconomy} />
          <TextInput label={t('event.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} required miw={260} />
          <Button onClick={submit} loading={add.isPending} disabled={description.trim().length < 2}>{t('event.add')}</Button>
        </Group>
      )}
      {add.error && <Alert color="red" role="alert">{problems(add.error).join(' ')}</Alert>}
    </Stack>
  );
}
