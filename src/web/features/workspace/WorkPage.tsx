import { Anchor, Badge, Container, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkItem, WorkSection } from '../../../contract/workspace';
import { useSession } from '../../api/session';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useWork } from './api';
import { SavedSearchesSection } from './SavedSearchesSection';

/** Sections that list what needs doing come first; the rest follow in the server's order. */
const URGENT = new Set(['requests.overdue', 'hits.pending', 'approvals.awaiting', 'editor.in_review', 'accounts.locked', 'access_changes.pending', 'audit.chain']);

function ItemRow({ item }: { item: WorkItem }) {
  const { t } = useTranslation('workspace');
  const label = item.link ? (
    <Anchor component={Link} to={item.link} fw={500} style={{ overflowWrap: 'anywhere' }}>
      {item.label}
    </Anchor>
  ) : (
    <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
      {item.label}
    </Text>
  );
  return (
    <li className="work-item">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={0} style={{ minWidth: 0, flex: '1 1 12rem' }}>
          {label}
          {item.detail && (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t(`detail.${item.detail}`, { defaultValue: item.detail })}
            </Text>
          )}
        </Stack>
        <Stack gap={2} align="flex-end">
          {item.status && (
            <Badge variant="light" color="gray" style={{ textTransform: 'none', color: 'var(--mantine-color-dark-7)' }}>
              {t(`status.${item.status}`, { defaultValue: item.status })}
            </Badge>
          )}
          {item.at && (
            <Text size="xs" c="dimmed">
              {formatDateTime(item.at)}
            </Text>
          )}
        </Stack>
      </Group>
    </li>
  );
}

function SectionCard({ section }: { section: WorkSection }) {
  const { t } = useTranslation('workspace');
  const headingId = `work-${section.key.replace(/\W/g, '-')}`;
  const chain = section.key === 'audit.chain';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Title order={2} size="h4" id={headingId}>
          {t(`sections.${section.key}.title`)}
        </Title>
        {chain ? (
          <ThemeIcon color={section.ok ? 'green' : 'red'} variant="light" radius="xl" aria-hidden>
            {section.ok ? '✓' : '!'}
          </ThemeIcon>
        ) : (
          <>
            <Badge size="lg" variant={section.count > 0 ? 'filled' : 'light'} color={section.count > 0 ? 'blue.8' : 'gray'} style={section.count > 0 ? undefined : { color: 'var(--mantine-color-dark-7)' }} aria-hidden>
              {formatNumber(section.count)}
            </Badge>
            <VisuallyHidden>{t('countLabel', { count: section.count })}</VisuallyHidden>
          </>
        )}
      </Group>
      {chain ? (
        <Text>{section.ok ? t('chain.ok', { date: formatDateTime(section.items[0]?.at ?? new Date()) }) : t('chain.broken')}</Text>
      ) : section.items.length === 0 ? (
        <Text c="dimmed">{t(`sections.${section.key}.empty`)}</Text>
      ) : (
        <ul className="work-list">
          {section.items.map((item, index) => (
            <ItemRow key={`${item.link ?? ''}-${index}`} item={item} />
          ))}
        </ul>
      )}
      {section.link && (
        <Anchor component={Link} to={section.link} size="sm" mt="sm" display="inline-block">
          {t('openList', { section: t(`sections.${section.key}.title`) })}
        </Anchor>
      )}
    </Paper>
  );
}

/** /work: where every role lands after sign-in — its own work, counted with its own rights. */
export function WorkPage() {
  const { t } = useTranslation('workspace');
  const session = useSession();
  const work = useWork();
  usePageTitle(t('title'));

  return (
    <Container size="lg">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('title')}</Title>
          {session.data?.user && <Text c="dimmed">{t('greeting', { name: session.data.user.displayName })}</Text>}
        </Stack>
        <QueryState query={work}>
          {(data) => {
            const sections = [...data.sections].sort((a, b) => Number(URGENT.has(b.key)) - Number(URGENT.has(a.key)));
            return (
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                {sections.map((section) =>
                  section.key === 'portal.saved_searches' ? <SavedSearchesSection key={section.key} /> : <SectionCard key={section.key} section={section} />,
                )}
              </SimpleGrid>
            );
          }}
        </QueryState>
      </Stack>
    </Container>
  );
}
