import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEconomyName } from './economies';

export interface TopicChip {
  slug: string;
  name: string;
}

/** The topics a piece of content is tagged with, each a link to the topic's page. */
export function TopicChips({ topics, size = 'sm' }: { topics: TopicChip[]; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation('portal');
  if (topics.length === 0) return null;
  return (
    <Group gap={6} component="ul" aria-label={t('topics.label')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {topics.map((topic) => (
        <li key={topic.slug}>
          <Badge component={Link} to={`/topics/${topic.slug}`} variant="light" size={size} style={{ cursor: 'pointer', textTransform: 'none' }}>
            {topic.name}
          </Badge>
        </li>
      ))}
    </Group>
  );
}

/** Economies named in the UI language, each a link to the economy's page (as topic chips are). */
export function EconomyBadges({ economies }: { economies: string[] }) {
  const { t } = useTranslation('portal');
  const economyName = useEconomyName();
  if (economies.length === 0) return null;
  return (
    <Group gap={6} component="ul" aria-label={t('economies.label')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {economies.map((code) => (
        <li key={code}>
          <Badge component={Link} to={`/economies/${code}`} variant="outline" color="gray" size="sm" style={{ cursor: 'pointer', textTransform: 'none' }}>
            {economyName(code)}
          </Badge>
        </li>
      ))}
    </Group>
  );
}
