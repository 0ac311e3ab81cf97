import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useContentLang } from '../api';

/** Links to the news feeds (RSS and Atom) in the visitor's language. */
export function FeedLinks() {
  const { t } = useTranslation('portal');
  const lang = useContentLang();
  return (
    <Group gap="sm">
      <Anchor href={`/feeds/news.rss?lang=${lang}`} size="sm" type="application/rss+xml">
        {t('feeds.rss')}
      </Anchor>
      <Anchor href={`/feeds/news.atom?lang=${lang}`} size="sm" type="application/atom+xml">
        {t('feeds.atom')}
      </Anchor>
    </Group>
  );
}
