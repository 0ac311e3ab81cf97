import type { SearchType } from '../../../../contract/portal';

/** The web app's page for a piece of public content (search hits carry type and slug). */
export function contentPath(type: SearchType, slug: string): string {
  switch (type) {
    case 'article':
      return `/news/${slug}`;
    case 'document':
      return `/documents/${slug}`;
    case 'event':
      return `/events/${slug}`;
    case 'initiative':
      return `/initiatives/${slug}`;
    case 'indicator':
      return `/statistics/${slug}`;
  }
}
