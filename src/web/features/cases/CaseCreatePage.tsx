import { Alert, Button, Select, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CRIME_AREAS, type CrimeArea } from '../../../contract/cases';
import type { Marking } from '../../../contract/core';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { useCaseOptions, useCreateCase } from './api';
import { MarkingFields, useProblemText } from './components';

export function CaseCreatePage() {
  const { t } = useTranslation('cases');
  usePageTitle(t('create.title'));
  const options = useCaseOptions();
  const create = useCreateCase();
  const problems = useProblemText();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [crimeArea, setCrimeArea] = useState<CrimeArea | null>(null);
  const [openedOn, setOpenedOn] = useState(new Date().toISOString().slice(0, 10));
  const [deskId, setDeskId] = useState<string | null>(null);
  const [marking, setMarking] = useState<Marking | null>(null);
  const defaultMarking = (economy: string): Marking => ({ classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: [economy], releasableOrganisations: [], sharingGroups: [], originatorControl: false });
  return (
    <Stack maw={720}>
      <Title order={1}>{t('create.title')}</Title>
      <QueryState query={options}>
        {(data) => {
          const desk = deskId ?? data.desks[0]?.id ?? null;
          const current = marking ?? defaultMarking(data.desks.find((item) => item.id === desk)?.economy ?? 'RS');
          const submit = () => {
            if (!crimeArea || !desk) return;
            create.mutate({ title, summary, crimeArea, openedOn, ownerDeskId: desk, marking: current }, { onSuccess: (view) => void navigate(`/cases/${view.id}`) });
          };
          return (
            <Stack>
              <TextInput label={t('field.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
              <Textarea label={t('field.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={3} />
              <Select label={t('field.crimeArea')} data={CRIME_AREAS.map((value) => ({ value, label: t(`crimeArea.${value}`) }))} value={crimeArea} onChange={(v) => setCrimeArea(v as CrimeArea | null)} required />
              <TextInput type="date" label={t('field.openedOn')} value={openedOn} onChange={(e) => setOpenedOn(e.currentTarget.value)} required />
              <Select label={t('field.desk')} data={data.desks.map((item) => ({ value: item.id, label: item.name }))} value={desk} onChange={setDeskId} allowDeselect={false} required />
              <Title order={2} size="h4">{t('field.marking')}</Title>
              <MarkingFields value={current} onChange={setMarking} options={data} />
              {create.error && <Alert color="red" role="alert">{problems(create.error).map((line) => <div key={line}>{line}</div>)}</Alert>}
              <Button onClick={submit} loading={create.isPending} disabled={!title || !crimeArea || !desk}>{t('create.submit')}</Button>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
