import { Alert, Button, Checkbox, Fieldset, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Marking } from '../../../contract/core';
import { type AlertCreateInput, type MarkingOptions, WANTED_KINDS, type WantedKind, isPersonKind } from '../../../contract/wanted';
import { ACTIONS_BY_KIND } from '../../../contract/wanted-alerts';
import { ApiError } from '../../api/client';
import { useDeskLabel } from './alert-labels';
import { useCreateAlert } from './api';
import { ExistingAlerts } from './ExistingAlerts';
import { defaultDeskId, defaultMarking } from './form-defaults';
import { MarkingPicker } from './MarkingPicker';

const KIND_FIELDS: Record<string, string[]> = {
  vehicle: ['vin', 'plate', 'make', 'model', 'colour'],
  firearm: ['serial', 'make', 'calibre', 'firearmType'],
  document: ['documentNumber', 'documentType', 'issuingEconomy'],
  object: ['description', 'identifiers'],
};
const PERSON_FIELDS = ['name', 'aliases', 'dateOfBirth', 'nationality', 'documentNumber', 'physicalDescription', 'languages'];
const LIST_FIELDS = new Set(['aliases', 'identifiers', 'languages']);
const OWN_LABELS = new Set(['physicalDescription', 'languages']);

const endOfDay = (date: string) => new Date(`${date}T23:59:59Z`).toISOString();

/** The new-alert form: it opens with the user's wanted-persons desk and a marking the server accepts. */
export function AlertForm({ options }: { options: MarkingOptions }) {
  const { t } = useTranslation('wanted');
  const { t: ta } = useTranslation('wanted-alerts');
  const deskLabel = useDeskLabel();
  const navigate = useNavigate();
  const create = useCreateAlert();
  const [kind, setKind] = useState<WantedKind>('person_arrest');
  const [deskId, setDeskId] = useState<string | null>(() => defaultDeskId(options));
  const [values, setValues] = useState<Record<string, string>>({});
  const [actionCode, setActionCode] = useState<string>(ACTIONS_BY_KIND.person_arrest[0]!);
  const [sex, setSex] = useState<string | null>(null);
  const [misused, setMisused] = useState(false);
  const [marking, setMarking] = useState<Marking>(() => defaultMarking(options, defaultDeskId(options)));
  const person = isPersonKind(kind);
  const fields = person ? [...PERSON_FIELDS, ...(kind === 'person_arrest' ? ['warrantReference'] : [])] : (KIND_FIELDS[kind] ?? []);
  const changeKind = (next: WantedKind) => {
    setKind(next);
    setActionCode(ACTIONS_BY_KIND[next][0]!);
  };
  const field = (name: string) => (
    <TextInput
      key={name}
      label={OWN_LABELS.has(name) ? ta(`field.${name}`) : t(`field.${name}`)}
      description={name === 'languages' ? ta('field.languagesHint') : LIST_FIELDS.has(name) ? t('field.listHint') : undefined}
      type={name === 'dateOfBirth' ? 'date' : 'text'}
      value={values[name] ?? ''}
      onChange={(e) => setValues({ ...values, [name]: e.currentTarget.value })}
      required={name === 'name' || name === 'serial' || name === 'description'}
    />
  );
  const subject = () => {
    const list = (name: string) => values[name]?.split(';').map((part) => part.trim()).filter(Boolean);
    const pick = (name: string) => values[name]?.trim() || undefined;
    return { kind, name: pick('name'), dateOfBirth: pick('dateOfBirth'), documentNumber: pick('documentNumber'), vin: pick('vin'), plate: pick('plate'), serial: pick('serial'), identifiers: list('identifiers') };
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!deskId) return;
    const input: Record<string, unknown> = { kind, issuingDeskId: deskId, marking, actionCode, validUntil: values.validUntil ? endOfDay(values.validUntil) : '' };
    if (values.actionToTake?.trim()) input.actionToTake = values.actionToTake.trim();
    if (values.reviewAt) input.reviewAt = endOfDay(values.reviewAt);
    if (values.remarks?.trim()) input.remarks = values.remarks.trim();
    if (person && sex) input.sex = sex;
    if (person && misused) input.identityMisused = true;
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
          <Select label={t('field.kind')} data={WANTED_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} value={kind} onChange={(v) => v && changeKind(v as WantedKind)} allowDeselect={false} />
          <Select label={t('field.issuingDesk')} data={options.issuingDesks.map((desk) => ({ value: desk.id, label: deskLabel(desk) }))} value={deskId} onChange={setDeskId} allowDeselect={false} required />
        </Group>
        <Fieldset legend={t('form.details')}>
          <Stack gap="sm">
            {fields.map(field)}
            {person && (
              <Group grow align="end">
                <Select label={ta('field.sex')} data={(['female', 'male'] as const).map((value) => ({ value, label: ta(`sex.${value}`) }))} value={sex} onChange={setSex} clearable />
                <Checkbox label={ta('field.identityMisused')} checked={misused} onChange={(e) => setMisused(e.currentTarget.checked)} />
              </Group>
            )}
          </Stack>
        </Fieldset>
        <ExistingAlerts subject={subject} />
        <Select label={ta('field.actionCode')} data={ACTIONS_BY_KIND[kind].map((code) => ({ value: code, label: ta(`action.${code}`) }))} value={actionCode} onChange={(v) => v && setActionCode(v)} allowDeselect={false} required />
        <Textarea label={ta('field.actionNote')} description={ta('field.actionNoteHint')} value={values.actionToTake ?? ''} onChange={(e) => setValues({ ...values, actionToTake: e.currentTarget.value })} autosize minRows={2} />
        <Group grow>
          <TextInput type="date" label={t('field.validUntil')} value={values.validUntil ?? ''} onChange={(e) => setValues({ ...values, validUntil: e.currentTarget.value })} required />
          <TextInput type="date" label={t('field.reviewAt')} value={values.reviewAt ?? ''} onChange={(e) => setValues({ ...values, reviewAt: e.currentTarget.value })} />
        </Group>
        <Textarea label={t('field.remarks')} value={values.remarks ?? ''} onChange={(e) => setValues({ ...values, remarks: e.currentTarget.value })} autosize minRows={2} />
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
