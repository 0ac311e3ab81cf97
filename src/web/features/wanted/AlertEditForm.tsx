import { Alert, Button, Checkbox, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AlertUpdateInput, type AlertView, isPersonKind } from '../../../contract/wanted';
import { ACTIONS_BY_KIND } from '../../../contract/wanted-alerts';
import { ApiError } from '../../api/client';
import { useUpdateAlert } from './alerts-api';

const OBJECT_FIELDS: Record<string, string[]> = {
  vehicle: ['make', 'model', 'colour'],
  firearm: ['make', 'calibre', 'firearmType'],
  document: ['documentType'],
  object: ['description'],
};
const LIST_FIELDS = new Set(['aliases', 'languages']);

function initialValues(alert: AlertView): Record<string, string> {
  return {
    actionCode: alert.actionCode,
    actionToTake: alert.actionToTake,
    aliases: alert.aliases.join('; '),
    nationality: alert.nationality ?? '',
    sex: alert.sex ?? '',
    physicalDescription: alert.physicalDescription ?? '',
    languages: alert.languages.join('; '),
    warrantReference: alert.warrantReference ?? '',
    remarks: alert.remarks,
    ...alert.attributes,
  };
}

/** Changes an active alert; only the fields that changed are sent, and the history records them. */
export function AlertEditForm({ alert, onDone }: { alert: AlertView; onDone: () => void }) {
  const { t } = useTranslation('wanted-alerts');
  const { t: tw } = useTranslation('wanted');
  const update = useUpdateAlert(alert.id);
  const initial = initialValues(alert);
  const [values, setValues] = useState(initial);
  const [misused, setMisused] = useState(alert.identityMisused);
  const person = isPersonKind(alert.kind);
  const set = (name: string) => (value: string) => setValues({ ...values, [name]: value });
  const text = (name: string, label: string, multiline = false) => {
    const props = { key: name, label, value: values[name] ?? '', onChange: (e: { currentTarget: { value: string } }) => set(name)(e.currentTarget.value) };
    return multiline ? <Textarea {...props} autosize minRows={2} /> : <TextInput {...props} description={LIST_FIELDS.has(name) ? (name === 'languages' ? t('field.languagesHint') : tw('field.listHint')) : undefined} />;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(values)) {
      if (value === (initial[name] ?? '')) continue;
      if (LIST_FIELDS.has(name)) input[name] = value.split(';').map((part) => part.trim()).filter(Boolean);
      else if (name === 'nationality') input[name] = value.trim().toUpperCase() || undefined;
      else input[name] = value;
    }
    if (misused !== alert.identityMisused) input.identityMisused = misused;
    update.mutate(input as AlertUpdateInput, { onSuccess: onDone });
  };
  const error = update.error instanceof ApiError ? update.error : null;
  return (
    <form onSubmit={submit} aria-label={t('edit.open')}>
      <Stack gap="sm" maw={720}>
        <Select
          label={t('field.actionCode')}
          data={ACTIONS_BY_KIND[alert.kind].map((code) => ({ value: code, label: t(`action.${code}`) }))}
          value={values.actionCode ?? null}
          onChange={(value) => value && set('actionCode')(value)}
          allowDeselect={false}
        />
        {text('actionToTake', t('field.actionNote'), true)}
        {person && (
          <>
            {text('aliases', tw('field.aliases'))}
            <Group grow>
              <Select label={t('field.sex')} data={(['female', 'male'] as const).map((value) => ({ value, label: t(`sex.${value}`) }))} value={values.sex || null} onChange={(value) => set('sex')(value ?? '')} />
              {text('nationality', tw('field.nationality'))}
            </Group>
            {text('physicalDescription', t('field.physicalDescription'), true)}
            {text('languages', t('field.languages'))}
            {alert.kind === 'person_arrest' && text('warrantReference', tw('field.warrantReference'))}
            <Checkbox label={t('field.identityMisused')} checked={misused} onChange={(e) => setMisused(e.currentTarget.checked)} />
          </>
        )}
        {(OBJECT_FIELDS[alert.kind] ?? []).map((name) => text(name, tw(`field.${name}`), name === 'description'))}
        {text('remarks', tw('field.remarks'), true)}
        {error && (
          <Alert color="red" role="alert" title={error.detail ?? error.title}>
            {error.errors.map((item) => <div key={`${item.path}${item.message}`}>{`${item.path}: ${item.message}`}</div>)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={update.isPending}>{t('edit.save')}</Button>
          <Button variant="default" onClick={onDone}>{t('edit.close')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
