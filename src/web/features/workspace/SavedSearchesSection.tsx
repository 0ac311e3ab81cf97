import { ActionIcon, Anchor, Badge, Group, Paper, Select, Stack, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PortalUiLanguage } from '../../../contract/portal';
import { DIGEST_FREQUENCIES, type DigestFrequency, type SavedSearch } from '../../../contract/workspace';
import { QueryState } from '../../components/QueryState';
import { formatNumber } from '../../i18n/format';
import { useDeleteSavedSearch, useSavedSearches, useUpdateSavedSearch } from './api';
import { problemText } from './problemText';
import { searchLink } from './searchLink';

function SavedSearchRow({ search }: { search: SavedSearch }) {
  const { t, i18n } = useTranslation('workspace');
  const update = useUpdateSavedSearch();
  const remove = useDeleteSavedSearch();
  const onError = (error: unknown) => notifications.show({ color: 'red', message: problemText(t, error) });
  return (
    <li className="work-item">
      <Group justify="space-between" align="flex-end" gap="xs" wrap="wrap">
        <Stack gap={0} style={{ minWidth: 0, flex: '1 1 12rem' }}>
          <Anchor component={Link} to={searchLink(search.query)} fw={500} style={{ overflowWrap: 'anywhere' }}>
            {search.name}
          </Anchor>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {search.frequency === 'none' ? t('saved.noDigest') : t('saved.digestTo', { email: search.email })}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <Select
            label={t('saved.frequency')}
            size="xs"
            w={150}
            allowDeselect={false}
            value={search.frequency}
            data={DIGEST_FREQUENCIES.map((value) => ({ value, label: t(`frequency.${value}`) }))}
            onChange={(value) => value && update.mutate({ id: search.id, input: { frequency: value as DigestFrequency, language: PortalUiLanguage.safeParse(i18n.language).data } }, { onError })}
          />
          <Tooltip label={t('saved.remove')}>
            <ActionIcon variant="light" color="red" size="lg" aria-label={t('saved.removeNamed', { name: search.name })} loading={remove.isPending} onClick={() => remove.mutate(search.id, { onError })}>
              ×
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </li>
  );
}

/** The reader's saved searches with their digest, managed in place. */
export function SavedSearchesSection() {
  const { t } = useTranslation('workspace');
  const searches = useSavedSearches();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="work-saved-searches">
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Title order={2} size="h4" id="work-saved-searches">
          {t('sections.portal.saved_searches.title')}
        </Title>
        <Badge size="lg" variant="light" color="gray" style={{ color: 'var(--mantine-color-dark-7)' }} aria-hidden>
          {formatNumber(searches.data?.items.length ?? 0)}
        </Badge>
        <VisuallyHidden>{t('countLabel', { count: searches.data?.items.length ?? 0 })}</VisuallyHidden>
      </Group>
      <QueryState query={searches}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">
              {t('sections.portal.saved_searches.empty')}{' '}
              <Anchor component={Link} to="/search" underline="always">
                {t('saved.goSearch')}
              </Anchor>
            </Text>
          ) : (
            <ul className="work-list">
              {data.items.map((search) => (
                <SavedSearchRow key={search.id} search={search} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </Paper>
  );
}
