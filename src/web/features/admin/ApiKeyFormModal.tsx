import { Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { API_KEY_SCOPES, type ApiKeyCreated, type ApiKeyScope } from '../../../contract/api-keys';
import type { Classification } from '../../../contract/core';
import { useOrganisations } from './api';
import { clearanceOptions } from './adminOptions';
import { useCreateApiKey } from './apiKeysApi';
import { fieldErrors, notifyFailure } from './notifyResult';

interface Values {
  name: string;
  organisationId: string;
  scopes: string[];
  clearance: string;
  expiresOn: string;
  allowedNetworks: string;
}

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const initial = (): Values => ({ name: '', organisationId: '', scopes: ['wanted.screen'], clearance: 'RESTRICTED', expiresOn: inDays(90), allowedNetworks: '' });

/** A new key for an organisation; the secret comes back once and is handed to `onCreated`. */
export function ApiKeyFormModal({ opened, onClose, onCreated }: { opened: boolean; onClose(): void; onCreated(created: ApiKeyCreated): void }) {
  const { t } = useTranslation('admin');
  const organisations = useOrganisations({}, 1, 100);
  const create = useCreateApiKey();
  const form = useForm<Values>({
    initialValues: initial(),
    validate: {
      name: (value) => (value.trim().length >= 2 ? null : t('validation.name')),
      organisationId: (value) => (value ? null : t('validation.required')),
      scopes: (value) => (value.length > 0 ? null : t('apiKeys.validation.scopes')),
      expiresOn: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : t('validation.required')),
      allowedNetworks: (value) => (networksOf(value).length > 0 ? null : t('apiKeys.validation.networks')),
    },
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues(initial());
    form.clearErrors();
  }, [opened]);

  const submit = form.onSubmit((values) => {
    create.mutate(
      {
        name: values.name.trim(),
        organisationId: values.organisationId,
        scopes: values.scopes as ApiKeyScope[],
        clearance: values.clearance as Classification,
        // The end of the chosen day in the administrator's own time zone.
        expiresAt: new Date(`${values.expiresOn}T23:59:59`).toISOString(),
        allowedNetworks: networksOf(values.allowedNetworks),
      },
      {
        onSuccess: (created) => {
          onCreated(created);
          onClose();
        },
        onError: (error) => {
          form.setErrors(fieldErrors(error));
          notifyFailure(t, error);
        },
      },
    );
  });

  return (
    <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={opened} onClose={onClose} title={t('apiKeys.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('apiKeys.fields.name')} description={t('apiKeys.hints.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('fields.organisation')}
            required
            searchable
            data={(organisations.data?.items ?? []).map((item) => ({ value: item.id, label: `${item.name} (${item.economy})` }))}
            {...form.getInputProps('organisationId')}
          />
          <Checkbox.Group label={t('apiKeys.fields.scopes')} description={t('apiKeys.hints.scopes')} required {...form.getInputProps('scopes')}>
            <Stack gap={6} mt={6}>
              {API_KEY_SCOPES.map((scope) => (
                <Checkbox key={scope} value={scope} label={t(`apiKeys.scopes.${scope}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Select label={t('fields.clearance')} description={t('apiKeys.hints.clearance')} required data={clearanceOptions(t)} {...form.getInputProps('clearance')} />
          <TextInput type="date" label={t('apiKeys.fields.expiresOn')} description={t('apiKeys.hints.expiresOn')} required {...form.getInputProps('expiresOn')} />
          <Textarea
            label={t('apiKeys.fields.allowedNetworks')}
            description={t('apiKeys.hints.allowedNetworks')}
            placeholder={'192.0.2.0/24\n2001:db8::/48'}
            autosize
            minRows={2}
            required
            {...form.getInputProps('allowedNetworks')}
          />
          <Text size="sm" c="dimmed">
            {t('apiKeys.fourEyes')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('apiKeys.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function networksOf(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}
