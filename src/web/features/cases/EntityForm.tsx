import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, type EntityAddInput, type EntityEditInput, type EntityKind, type EntityView } from '../../../contract/cases';
import type { Marking } from '../../../contract/core';
import { useAddEntity, useCaseOptions, useEditEntity, useNarrowLinkMarking } from './api';
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

const KEPT = ['documentKind', 'currency', 'country'] as const;

/** An entity's stored attributes as the form's text values (lists comma-separated). */
function valuesOf(entity: EntityView): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of FIELDS[entity.kind]) {
    const value = entity.attributes[field.name];
    if (Array.isArray(value)) values[field.name] = value.map(String).join(', ');
    else if (typeof value === 'string' || typeof value === 'number') values[field.name] = String(value);
  }
  return values;
}

/**
 * Corrects an entity of the user's organisation (a typo in a name, a wrong digit): its kind and
 * marking stay; the server normalises and correlates it again.
 */
export function EntityEditForm({ caseId, entity, onDone }: { caseId: string; entity: EntityView; onDone(): void }) {
  const { t } = useTranslation('cases');
  const edit = useEditEntity(caseId);
  const problems = useProblemText();
  const [values, setValues] = useState<Record<string, string>>(() => valuesOf(entity));
  const submit = () => {
    // The attributes the form does not show (a document's kind, a wallet's currency, a phone's country) stay as stored.
    const kept = Object.fromEntries(KEPT.filter((name) => typeof entity.attributes[name] === 'string').map((name) => [name, entity.attributes[name]]));
    const attributes = { ...attributesOf(entity.kind, values), ...kept };
    edit.mutate({ entityId: entity.entityId, body: { kind: entity.kind, attributes } as EntityEditInput }, { onSuccess: onDone });
  };
  return (
    <Stack gap="sm">
      <EntityFieldInputs kind={entity.kind} values={values} onChange={setValues} />
      {edit.error && <Alert color="red" role="alert">{problems(edit.error).map((line) => <div key={line}>{line}</div>)}</Alert>}
      <Group><Button onClick={submit} loading={edit.isPending}>{t('entity.saveCorrection')}</Button></Group>
    </Stack>
  );
}

/**
 * The marking of the entity in this case, narrowed (a stricter classification or TLP, a shorter
 * releasability list); the server refuses a widening and names the field.
 */
export function LinkMarkingForm({ caseId, entity, onDone }: { caseId: string; entity: EntityView; onDone(): void }) {
  const { t } = useTranslation('cases');
  const options = useCaseOptions(true);
  const narrow = useNarrowLinkMarking(caseId);
  const problems = useProblemText();
  const [marking, setMarking] = useState<Marking>(entity.marking);
  return (
    <Stack gap="sm">
      <Text size="sm">{t('entity.markingHelp')}</Text>
      {options.data && <MarkingFields value={marking} onChange={setMarking} options={options.data} />}
      {narrow.error && <Alert color="red" role="alert">{problems(narrow.error).map((line) => <div key={line}>{line}</div>)}</Alert>}
      <Group><Button onClick={() => narrow.mutate({ entityId: entity.entityId, marking }, { onSuccess: onDone })} loading={narrow.isPending}>{t('entity.saveMarking')}</Button></Group>
    </Stack>
  );
}

function EntityFieldInputs({ kind, values, onChange }: { kind: EntityKind; values: Record<string, string>; onChange(values: Record<string, string>): void }) {
  const { t } = useTranslation('cases');
  return (
    <Group grow align="start" wrap="wrap">
      {FIELDS[kind].map((field) => (
        <TextInput
          key={`${kind}.${field.name}`}
          miw={180}
          type={field.type === 'date' ? 'date' : 'text'}
          label={t(`entity.field.${field.name}`)}
          required={field.required}
          value={values[field.name] ?? ''}
          onChange={(e) => onChange({ ...values, [field.name]: e.currentTarget.value })}
        />
      ))}
    </Group>
  );
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
      <EntityFieldInputs kind={kind} values={values} onChange={setValues} />
      {options.data && <MarkingFields value={marking} onChange={setMarking} options={options.data} />}
      {add.error && <Alert color="red" role="alert">{problems(add.error).map((line) => <div key={line}>{line}</div>)}</Alert>}
      <Group><Button onClick={submit} loading={add.isPending}>{t('entity.add')}</Button></Group>
    </Stack>
  );
}
