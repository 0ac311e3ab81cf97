import { Anchor, Button, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PortalUiLanguage } from '../../../contract/portal';
import { DIGEST_FREQUENCIES, type DigestFrequency, type SavedSearchQuery } from '../../../contract/workspace';
import { useAbility } from '../../api/session';
import { signInPath } from '../auth/safeNext';
import { useCreateSavedSearch } from './api';
import { problemText } from './problemText';

/**
 * "Save this search" for the portal search page: the query and filters, with an optional
 * daily or weekly e-mail digest. Signed-out visitors get a link to sign in and come back.
 */
export function SaveSearchButton({ query }: { query: SavedSearchQuery }) {
  const { t, i18n } = useTranslation('workspace');
  const location = useLocation();
  const allowed = useAbility('portal.subscription.manage');
  const [opened, { open, close }] = useDisclosure(false);
  const [name, setName] = useState(query.q || '');
  const [frequency, setFrequency] = useState<DigestFrequency>('weekly');
  const [email, setEmail] = useState('');
  const create = useCreateSavedSearch();
  const fieldError = (path: string) => (create.error && problemFieldIs(create.error, path) ? problemText(t, create.error) : undefined);

  if (!allowed) {
    return (
      <Anchor component={Link} to={signInPath(`${location.pathname}${location.search}`)} size="sm">
        {t('save.signInToSave')}
      </Anchor>
    );
  }
  const submit = () =>
    create.mutate(
      // The digest is written in the UI language the search is saved in.
      { name: name.trim() || t('save.untitled'), query, frequency, email: email.trim() || null, language: PortalUiLanguage.safeParse(i18n.language).data },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('save.saved') });
          close();
        },
      },
    );
  return (
    <>
      <Button variant="light" size="sm" onClick={open}>
        {t('save.button')}
      </Button>
      <Modal closeButtonProps={{ 'aria-label': t('save.close') }} opened={opened} onClose={close} title={t('save.title')}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack>
            <TextInput label={t('save.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} maxLength={120} required error={fieldError('name')} />
            <Select label={t('saved.frequency')} allowDeselect={false} value={frequency} data={DIGEST_FREQUENCIES.map((value) => ({ value, label: t(`frequency.${value}`) }))} onChange={(value) => value && setFrequency(value as DigestFrequency)} />
            {frequency !== 'none' && (
              <TextInput label={t('save.email')} description={t('save.emailHelp')} type="email" value={email} onChange={(event) => setEmail(event.currentTarget.value)} maxLength={254} error={fieldError('email')} />
            )}
            {create.error && !fieldError('email') && !fieldError('name') && (
              <Text c="red.8" role="alert">
                {problemText(t, create.error)}
              </Text>
            )}
            <Button type="submit" loading={create.isPending}>
              {t('save.submit')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function problemFieldIs(error: unknown, path: string): boolean {
  return typeof error === 'object' && error !== null && 'errors' in error && Array.isArray(error.errors) && (error.errors as { path: string }[]).some((item) => item.path === path);
}
