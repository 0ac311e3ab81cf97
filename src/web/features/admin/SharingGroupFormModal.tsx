import { Alert, Button, Group, Modal, MultiSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharingGroupView } from '../../../contract/directory';
import { useCreateSharingGroup, useEconomies, useOrganisations, useUpdateSharingGroup } from './api';
import { fieldErrors, notifyFailure, notifySaved } from './notifyResult';

interface Values {
  name: string;
  description: string;
  economies: string[];
  organisationIds: string[];
}

const empty: Values = { name: '', description: '', economies: [], organisationIds: [] };

export function SharingGroupFormModal({ target, onClose }: { target: SharingGroupView | 'new' | null; onClose(): void }) {
  const { t } = useTranslation('admin');
  const editing = target !== null && target !== 'new' ? target : null;
  const [organisationSearch, setOrganisationSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(organisationSearch, 300);
  const economies = useEconomies();
  const organisations = useOrganisations({ q: debouncedSearch.trim() || undefined }, 1, 100);
  const create = useCreateSharingGroup();
  const update = useUpdateSharingGroup();
  const form = useForm<Values>({
    initialValues: empty,
    validate: {
      name: (value) => (value.trim().length >= 2 ? null : t('validation.name')),
      economies: (value, values) => (value.length + values.organisationIds.length > 0 ? null : t('validation.audience')),
    },
  });

  useEffect(() => {
    if (target === null) return;
    form.setValues(
      editing
        ? { name: editing.name, description: editing.description ?? '', economies: editing.economies, organisationIds: editing.organisations.map((item) => item.id) }
        : empty,
    );
    form.clearErrors();
  }, [target]);

  const organisationOptions = new Map<string, string>();
  for (const item of editing?.organisations ?? []) organisationOptions.set(item.id, `${item.name} (${item.economy})`);
  for (const item of organisations.data?.items ?? []) organisationOptions.set(item.id, `${item.acronym ?? item.name} (${item.economy})`);

  const submit = form.onSubmit((values) => {
    const body = { name: values.name.trim(), description: values.description.trim(), economies: values.economies, organisationIds: values.organisationIds };
    const callbacks = {
      onSuccess: (result: unknown) => {
        notifySaved(t, result, t('groups.saved'));
        onClose();
      },
      onError: (error: unknown) => {
        form.setErrors(fieldErrors(error));
        notifyFailure(t, error);
      },
    };
    if (editing) update.mutate({ id: editing.id, body }, callbacks);
    else create.mutate(body, callbacks);
  });

  return (
    <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={target !== null} onClose={onClose} title={editing ? t('groups.editTitle') : t('groups.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('fields.name')} required {...form.getInputProps('name')} />
          <Textarea label={t('fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
          <MultiSelect
            label={t('fields.economies')}
            searchable
            data={(economies.data?.items ?? []).map((economy) => ({ value: economy.code, label: `${economy.code} – ${economy.name}` }))}
            {...form.getInputProps('economies')}
          />
          <MultiSelect
            label={t('fields.organisations')}
            searchable
            searchValue={organisationSearch}
            onSearchChange={setOrganisationSearch}
            data={[...organisationOptions].map(([value, label]) => ({ value, label }))}
            nothingFoundMessage={t('nothingFound')}
            {...form.getInputProps('organisationIds')}
          />
          <Alert color="blue">{t('groups.audienceHint')}</Alert>
          {editing && (
            <Text size="sm" c="dimmed">
              {t('accessChanges.hint.group')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {t('common:save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
