import { Alert, Button, Fieldset, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Marking } from '../../../contract/core';
import { type AlertCreateInput, type MarkingOptions, WANTED_KINDS, type WantedKind, isPersonKind } from '../../../contract/wanted';
import { ApiError } from '../../api/client';
import { useCreateAlert } from './api';
import { MarkingPicker } from './MarkingPicker';

const KIND_FIELDS: Record<string, string[]> = {
  vehicle: ['vin', 'plate', 'make', 'model', 'colour'],
  firearm: ['serial', 'make', 'calibre', 'firearmType'],
  document: ['documentNumber', 'documentType', 'issuingEconomy'],
  object: ['description', 'identifiers'],
};
const PERSON_FIELDS = ['name', 'aliases', 'dateOfBirth', 'nationality', 'documentNumber'];
const LIST_FIELDS = new Set(['aliases', 'identifiers']);

const endOfDay = (date: string) => new Date(`${date}T23:59:59Z`).toISOString();

export function AlertForm({ options }: { options: MarkingOptions }) {
  const { t } = useTranslation('wanted');
  const navigate = useNavigate();
  const create = useCreateAlert();
  const [kind, setKind] = useState<WantedKind>('person_arrest');
  const [deskId, setDeskId] = useState<string | null>(options.issuingDesks[0]?.id ?? null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [marking, setMarking] = useState<Marking>({ classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: [], releasableOrganisations: [], sharingGroups: [], originatorControl: false });
  const fields = isPersonKind(kind) ? [...PERSON_FIELDS, ...(kind === 'person_arrest' ? ['warrantReference'] : [])] : (KIND_FIELDS[kind] ?? []);
  const field = (name: string) => (
    <TextInput
      key={name}
      label={t(`field.${name}`)}
      description={LIST_FIELDS.has(name) ? t('field.listHint') : undefined}
      type={name === 'dateOfBirth' ? 'date' : 'text'}
      value={values[name] ?? ''}
      onChange={(e) => setValues({ ...values, [name]: e.currentTarget.value })}
      required={name === 'name' || name === 'serial' || name === 'description'}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!deskId) return;
    const input: Record<string, unknown> = { kind, issuingDeskId: deskId, marking, actionToTake: values.actionToTake ?? '', validUntil: values.validUntil ? endOfDay(values.validUntil) : '' };
    if (values.reviewAt) input.reviewAt = endOfDay(values.reviewAt);
    for (const name of fields) {
      const value = values[name]?.trim();
      if (!value) continue;
      input[name] = LIST_FIELDS.has(name) ? value.split(';').map((part) => part.trim()).filter(Boolean) : name === 'nationality' || name === 'issuingEconomy' ? value.toUpperCase() : value;
    }
    create.mutate(input as AlertCreateInput, { onSuccess: (alert) => void navigate(`/wanted/alerts/${alert.id}`) });
  };
  const error = create.error instanceof ApiError ? create.error : null;
  return (
    <form onSubmit={submit}>
      <Stack gap="sm" maw={720}>
        <Group grow>
          <Select label={t('field.kind')} data={WANTED_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} value={kind} onChange={(v) => v && setKind(v as WantedKind)} allowDeselect={false} />
          <Select label={t('field.issuingDesk')} data={options.issuingDesks.map((desk) => ({ value: desk.id, label: desk.name }))} value={deskId} onChange={setDeskId} required />
        </Group>
        <Fieldset legend={t('form.details')}>
          <Stack gap="sm">{fields.map(field)}</Stack>
        </Fieldset>
        <Textarea label={t('field.actionToTake')} value={values.actionToTake ?? ''} onChange={(e) => setValues({ ...values, actionToTake: e.currentTarget.value })} required autosize minRows={2} />
        <Group grow>
          <TextInput type="date" label={t('field.validUntil')} value={values.validUntil ?? ''} onChange={(e) => setValues({ ...values, validUntil: e.currentTarget.value })} required />
          <TextInput type="date" label={t('field.reviewAt')} value={values.reviewAt ?? ''} onChange={(e) => setValues({ ...values, reviewAt: e.currentTarget.value })} />
        </Group>
        <Fieldset legend={t('marking.title')}>
          <MarkingPicker value={marking} onChange={setMarking} options={options} />
        </Fieldset>
        {error && (
          <Alert color="red" role="alert" title={error.detail ?? error.title}>
            {error.errors.map((item) => (
              <div key={`${item.path}${item.message}`}>{`${item.path}: ${item.message}`}</div>
            ))}
          </Alert>
        )}
        <Group><Button type="submit" loading={create.isPending}>{t('form.create')}</Button></Group>
      </Stack>
    </form>
  );
}
