import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '../../../contract/core';
import type { OrganisationView } from '../../../contract/directory';
import { useCreateOrganisation, useEconomies, useUpdateOrganisation } from './api';
import { kindOptions } from './adminOptions';
import { fieldErrors, notifyFailure, notifySaved } from './notifyResult';

interface Values {
  name: string;
  acronym: string;
  kind: string;
  economy: string;
  website: string;
}

const empty: Values = { name: '', acronym: '', kind: '', economy: '', website: '' };

export function OrganisationFormModal({ target, onClose }: { target: OrganisationView | 'new' | null; onClose(): void }) {
  const { t } = useTranslation('admin');
  const editing = target !== null && target !== 'new' ? target : null;
  const economies = useEconomies();
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation();
  const form = useForm<Values>({
    initialValues: empty,
    validate: {
      name: (value) => (value.trim().length >= 2 ? null : t('validation.name')),
      kind: (value) => (value ? null : t('validation.required')),
      economy: (value) => (value ? null : t('validation.required')),
      website: (value) => (value === '' || /^https?:\/\/\S+$/.test(value.trim()) ? null : t('validation.website')),
    },
  });

  useEffect(() => {
    if (target === null) return;
    form.setValues(
      editing
        ? { name: editing.name, acronym: editing.acronym ?? '', kind: editing.kind, economy: editing.economy, website: editing.website ?? '' }
        : empty,
    );
    form.clearErrors();
  }, [target]);

  const submit = form.onSubmit((values) => {
    const body = {
      name: values.name.trim(),
      acronym: values.acronym.trim(),
      kind: values.kind as OrganisationKind,
      economy: values.economy,
      website: values.website.trim(),
    };
    const callbacks = {
      onSuccess: (result: unknown) => {
        notifySaved(t, result, t('organisations.saved'));
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
    <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={target !== null} onClose={onClose} title={editing ? t('organisations.editTitle') : t('organisations.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('fields.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('fields.acronym')} {...form.getInputProps('acronym')} />
          <Select label={t('fields.kind')} required data={kindOptions(t)} searchable {...form.getInputProps('kind')} />
          <Select
            label={t('fields.economy')}
            required
            searchable
            data={(economies.data?.items ?? []).map((economy) => ({ value: economy.code, label: `${economy.code} – ${economy.name}` }))}
            {...form.getInputProps('economy')}
          />
          <TextInput label={t('fields.website')} type="url" placeholder="https://" {...form.getInputProps('website')} />
          {editing && (
            <Text size="sm" c="dimmed">
              {t('accessChanges.hint.organisation')}
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
