import type { SavedSearchQuery } from '../../../contract/workspace';

/** The search page's address for a saved query. */
export function searchLink(query: SavedSearchQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `/search?${text}` : '/search';
}
