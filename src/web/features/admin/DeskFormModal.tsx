import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { DeskArea } from '../../../contract/core';
import { useCreateDesk, useEconomies } from './api';
import { areaOptions } from './adminOptions';
import { fieldErrors, notifyFailure, notifySuccess } from './notifyResult';

export function DeskFormModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation('admin');
  const economies = useEconomies();
  const create = useCreateDesk();
  const form = useForm({
    initialValues: { economy: '', area: '', name: '', email: '' },
    validate: {
      economy: (value) => (value ? null : t('validation.required')),
      area: (value) => (value ? null : t('validation.required')),
      name: (value) => (value.trim().length >= 2 ? null : t('validation.name')),
      email: (value) => (value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : t('validation.email')),
    },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.onSubmit((values) =>
    create.mutate(
      { economy: values.economy, area: values.area as DeskArea, name: values.name.trim(), email: values.email.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('desks.created'));
          close();
        },
        onError: (error) => {
          form.setErrors(fieldErrors(error));
          notifyFailure(t, error);
        },
      },
    ),
  );
  return (
    <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={opened} onClose={close} title={t('desks.createTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('fields.economy')}
            required
            searchable
            data={(economies.data?.items ?? []).map((economy) => ({ value: economy.code, label: `${economy.code} – ${economy.name}` }))}
            {...form.getInputProps('economy')}
          />
          <Select label={t('fields.area')} required data={areaOptions(t)} {...form.getInputProps('area')} />
          <TextInput label={t('fields.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('fields.deskEmail')} type="email" {...form.getInputProps('email')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('desks.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
