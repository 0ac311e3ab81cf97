import { Button, Checkbox, Drawer, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUserView } from '../../../contract/admin';
import type { Classification, Role } from '../../../contract/core';
import { useCreateUser, useEconomies, useOrganisations, useUpdateUser } from './api';
import { clearanceOptions, roleOptions } from './adminOptions';
import { fieldErrors, notifyFailure, notifySaved, notifySuccess } from './notifyResult';

interface UserFormDrawerProps {
  /** The user to edit, `'new'` to create one, null when closed. */
  target: AdminUserView | 'new' | null;
  onClose(): void;
  onCreated(email: string, password: string): void;
}

interface Values {
  email: string;
  displayName: string;
  economy: string;
  organisationId: string;
  roles: Role[];
  clearance: Classification;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function UserFormDrawer({ target, onClose, onCreated }: UserFormDrawerProps) {
  const { t } = useTranslation('admin');
  const editing = target !== null && target !== 'new' ? target : null;
  const form = useForm<Values>({
    initialValues: { email: '', displayName: '', economy: '', organisationId: '', roles: [], clearance: 'RESTRICTED' },
    validate: {
      email: (value) => (editing || EMAIL.test(value.trim()) ? null : t('validation.email')),
      displayName: (value) => (value.trim().length >= 2 ? null : t('validation.name')),
      organisationId: (value) => (value ? null : t('validation.required')),
      roles: (value) => (value.length > 0 ? null : t('validation.roles')),
    },
  });
  const economies = useEconomies();
  const organisations = useOrganisations({ economy: form.values.economy || undefined }, 1, 100);
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();

  useEffect(() => {
    if (target === null) return;
    form.setValues(
      editing
        ? {
            email: editing.email,
            displayName: editing.displayName,
            economy: editing.organisation.economy,
            organisationId: editing.organisation.id,
            roles: editing.roles,
            clearance: editing.clearance,
          }
        : { email: '', displayName: '', economy: '', organisationId: '', roles: [], clearance: 'RESTRICTED' },
    );
    form.resetDirty();
    form.clearErrors();
  }, [target]);

  const submit = form.onSubmit((values) => {
    const onError = (error: unknown) => {
      form.setErrors(fieldErrors(error));
      notifyFailure(t, error);
    };
    if (editing) {
      updateUser.mutate(
        { id: editing.id, body: { displayName: values.displayName.trim(), organisationId: values.organisationId, roles: values.roles, clearance: values.clearance } },
        {
          onSuccess: (result) => {
            notifySaved(t, result, t('users.saved'));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    createUser.mutate(
      { email: values.email.trim(), displayName: values.displayName.trim(), organisationId: values.organisationId, roles: values.roles, clearance: values.clearance },
      {
        onSuccess: (result) => {
          notifySuccess(t('users.created'));
          onClose();
          onCreated(result.user.email, result.oneTimePassword);
        },
        onError,
      },
    );
  });

  // Nobody changes their own organisation, roles or clearance: another administrator must.
  const ownAccess = editing !== null && editing.abilities.changeAccess !== true;
  const organisationData = (organisations.data?.items ?? []).map((organisation) => ({
    value: organisation.id,
    label: organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name,
  }));
  if (editing && !organisationData.some((option) => option.value === editing.organisation.id)) {
    organisationData.push({ value: editing.organisation.id, label: editing.organisation.name });
  }

  return (
    <Drawer closeButtonProps={{ 'aria-label': t('close') }} opened={target !== null} onClose={onClose} title={editing ? t('users.editTitle') : t('users.createTitle')} position="right" size="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('fields.email')} type="email" required disabled={editing !== null} autoComplete="off" {...form.getInputProps('email')} />
          <TextInput label={t('fields.displayName')} required {...form.getInputProps('displayName')} />
          <Select
            label={t('fields.economy')}
            data={(economies.data?.items ?? []).map((economy) => ({ value: economy.code, label: `${economy.code} – ${economy.name}` }))}
            searchable
            disabled={ownAccess}
            {...form.getInputProps('economy')}
            onChange={(value) => {
              form.setFieldValue('economy', value ?? '');
              form.setFieldValue('organisationId', '');
            }}
          />
          <Select label={t('fields.organisation')} required searchable disabled={ownAccess} data={organisationData} nothingFoundMessage={t('nothingFound')} {...form.getInputProps('organisationId')} />
          <Checkbox.Group label={t('fields.roles')} required {...form.getInputProps('roles')}>
            <Stack gap={6} mt={6}>
              {roleOptions(t).map((option) => (
                <Checkbox key={option.value} value={option.value} label={option.label} disabled={ownAccess} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Select label={t('fields.clearance')} required disabled={ownAccess} data={clearanceOptions(t)} allowDeselect={false} {...form.getInputProps('clearance')} />
          {editing && (
            <Text size="sm" c="dimmed">
              {ownAccess ? t('users.ownAccess') : t('accessChanges.hint.user')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={createUser.isPending || updateUser.isPending}>
              {editing ? t('common:save') : t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
