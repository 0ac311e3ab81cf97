import { Button, CloseButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestSubject } from '../../../contract/exchange-casework';

const blank: Record<RequestSubject['kind'], RequestSubject> = {
  person: { kind: 'person', name: '' },
  vehicle: { kind: 'vehicle', plate: '' },
  document: { kind: 'document', documentNumber: '' },
};

/** The persons, vehicles and documents a request names: the receiving desk screens them against its wanted alerts. */
export function RequestSubjectsField({ value, onChange }: { value: RequestSubject[]; onChange: (subjects: RequestSubject[]) => void }) {
  const { t } = useTranslation('exchange');
  const update = (index: number, subject: RequestSubject) => onChange(value.map((each, at) => (at === index ? subject : each)));
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" size="sm" fw={500}>{t('casework.subjects.title')}</Text>
      <Text size="xs" c="dimmed">{t('casework.subjects.hint')}</Text>
      {value.map((subject, index) => (
        <Group key={index} align="flex-end" gap="xs" wrap="wrap">
          <Select
            label={t('casework.subjects.kind')}
            data={(['person', 'vehicle', 'document'] as const).map((kind) => ({ value: kind, label: t(`casework.subjects.${kind}`) }))}
            value={subject.kind}
            onChange={(kind) => kind && update(index, blank[kind as RequestSubject['kind']])}
            allowDeselect={false}
            w={140}
          />
          {subject.kind === 'person' && (
            <>
              <TextInput label={t('casework.subjects.name')} value={subject.name} onChange={(e) => update(index, { ...subject, name: e.currentTarget.value })} />
              <TextInput type="date" label={t('casework.subjects.dateOfBirth')} value={subject.dateOfBirth ?? ''} onChange={(e) => update(index, { kind: 'person', name: subject.name, ...(e.currentTarget.value ? { dateOfBirth: e.currentTarget.value } : {}) })} />
            </>
          )}
          {subject.kind === 'vehicle' && (
            <>
              <TextInput label={t('casework.subjects.plate')} value={subject.plate ?? ''} onChange={(e) => update(index, { ...subject, plate: e.currentTarget.value || undefined })} />
              <TextInput label={t('casework.subjects.vin')} value={subject.vin ?? ''} onChange={(e) => update(index, { ...subject, vin: e.currentTarget.value || undefined })} />
            </>
          )}
          {subject.kind === 'document' && <TextInput label={t('casework.subjects.documentNumber')} value={subject.documentNumber} onChange={(e) => update(index, { ...subject, documentNumber: e.currentTarget.value })} />}
          <CloseButton aria-label={t('casework.subjects.remove')} onClick={() => onChange(value.filter((_, at) => at !== index))} />
        </Group>
      ))}
      <Button variant="subtle" style={{ alignSelf: 'flex-start' }} onClick={() => onChange([...value, blank.person])} disabled={value.length >= 20}>{t('casework.subjects.add')}</Button>
    </Stack>
  );
}
