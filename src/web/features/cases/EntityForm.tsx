import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, type EntityAddInput, type EntityKind } from '../../../contract/cases';
import type { Marking } from '../../../contract/core';
import { useAddEntity, useCaseOptions } from './api';
import { MarkingFields, useProblemText } from './components';

type Field = { name: string; type?: 'date' | 'number' | 'list'; required?: boolean };

/** The attributes asked for each kind; the server checks and normalises them. */
const FIELDS: Record<EntityKind, Field[]> = {
  person: [{ name: 'name', required: true }, { name: 'dateOfBirth', type: 'date' }, { name: 'placeOfBirth' }, { name: 'nationality' }, { name: 'documentNumbers', type: 'list' }],
  organisation: [{ name: 'name', required: true }, { name: 'registrationNumber' }, { name: 'economy' }],
  phone: [{ name: 'number', required: true }],
  email: [{ name: 'address', required: true }],
  vehicle: [{ name: 'vin' }, { name: 'plate' }, { name: 'make' }, { name: 'model' }],
  document: [{ name: 'number', required: true }, { name: 'issuingEconomy' }],
  firearm: [{ name: 'serial', required: true }, { name: 'make' }, { name: 'calibre' }],
  bank_account: [{ name: 'iban', required: true }, { name: 'bic' }],
  crypto_address: [{ name: 'address', required: true }],
  place: [{ name: 'name', required: true }, { name: 'latitude', type: 'number' }, { name: 'longitude', type: 'number' }],
  vessel: [{ name: 'imo', required: true }, { name: 'name' }],
};
const FIXED: Partial<Record<EntityKind, Record<string, string>>> = { document: { documentKind: 'passport' }, crypto_address: { currency: 'BTC' } };

function attributesOf(kind: EntityKind, values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...FIXED[kind] };
  for (const field of FIELDS[kind]) {
    const value = values[field.name]?.trim();
    if (field.type === 'list') out[field.name] = value ? value.split(',').map((item) => item.trim()).filter(Boolean) : [];
    else if (value) out[field.name] = field.type === 'number' ? Number(value) : value;
  }
  return out;
}

export function EntityForm({ caseId, caseMarking }: { caseId: string; caseMarking: Marking }) {
  const { t } = useTranslation('cases');
  const options = useCaseOptions();
  const add = useAddEntity(caseId);
  const problems = useProblemText();
  const [kind, setKind] = useState<EntityKind>('person');
  const [values, setValues] = useState<Record<string, string>>({});
  const [marking, setMarking] = useState<Marking>(caseMarking);
  const submit = () =>
    add.mutate({ kind, attributes: attributesOf(kind, values), role: '', marking } as EntityAddInput, { onSuccess: () => setValues({}) });
  return (
    <Stack gap="sm">
      <Select label={t('entity.kindLabel')} data={ENTITY_KINDS.map((value) => ({ value, label: t(`entity.kind.${value}`) }))} value={kind} onChange={(v) => v && (setKind(v as EntityKind), setValues({}))} allowDeselect={false} />
      <Group grow align="start" wrap="wrap">
        {FIELDS[kind].map((field) => (
          <TextInput
            key={`${kind}.${field.name}`}
            miw={180}
            type={field.type === 'date' ? 'date' : 'text'}
            label={t(`entity.field.${field.name}`)}
            required={field.required}
            value={values[field.name] ?? ''}
            onChange={(e) => setValues({ ...values, [field.name]: e.currentTarget.value })}
          />
        ))}
      </Group>
      {options.data && <MarkingFields value={marking} onChange={setMarking} options={options.data} />}
      {add.error && <Alert color="red" role="alert">{problems(add.error).map((line) => <div key={line}>{line}</div>)}</Alert>}
      <Group><Button onClick={submit} loading={add.isPending}>{t('entity.add')}</Button></Group>
    </Stack>
  );
}
