import type { SearchType } from '../../../contract/portal';
import type { SearchFilters } from './search.queries';

/** One public search row as the index holds it (built from portal_search). */
export interface IndexedItem {
  type: SearchType;
  itemId: string;
  titleFolded: string;
  /** The row's lexemes exactly as PostgreSQL stored them in its tsvector. */
  words: string[];
  topics: string[];
  economies: string[];
  languages: string[];
  year: number | null;
  itemDate: number | null;
  publishAt: number | null;
}

export interface IndexQuery {
  now: number;
  tokens: string[];
  /** Typo widening: each token also matches these whole words. */
  widened: Map<string, string[]>;
  filters: SearchFilters;
  limit: number;
  offset: number;
}

export interface IndexAnswer {
  total: number;
  facets: { facet: string; value: string; count: number }[];
  /** `shortlist`: PostgreSQL ranks these and takes the page; `ordered`: these are the page, in order. */
  mode: 'shortlist' | 'ordered';
  keys: { type: SearchType; itemId: string; cheap: number }[];
}
