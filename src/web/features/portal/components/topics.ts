import { useTranslation } from 'react-i18next';
import { useTopics } from '../api';

/** Topic filter options in the UI language. */
export function useTopicOptions() {
  const topics = useTopics();
  const { i18n } = useTranslation();
  return (topics.data?.items ?? []).map((topic) => ({ value: topic.slug, label: topic.name })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));
}

/** A topic's name from its slug (search facets and hits carry slugs only). */
export function useTopicName() {
  const topics = useTopics();
  return (slug: string) => topics.data?.items.find((topic) => topic.slug === slug)?.name ?? slug;
}
