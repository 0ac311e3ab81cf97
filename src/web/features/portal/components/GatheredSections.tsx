import type { ReactNode } from 'react';
import type { ArticleSummary, DocumentSummary, EventSummary, IndicatorSummary, InitiativeSummary } from '../../../../contract/portal';
import { ArticleCard, DocumentCard, EventCard, IndicatorCard, InitiativeCard } from './cards';
import { CardGrid, Section } from './layout';

/** The items a topic, economy or initiative page gathers, by kind. */
export interface GatheredItems {
  articles?: ArticleSummary[];
  documents?: DocumentSummary[];
  events?: EventSummary[];
  initiatives?: InitiativeSummary[];
  indicators?: IndicatorSummary[];
}
type Kind = keyof GatheredItems;

/** A section's heading and its optional "all of them" link. */
export interface GatheredHeading {
  title: string;
  moreHref?: string;
  moreLabel?: string;
}

const ORDER: Kind[] = ['articles', 'documents', 'events', 'initiatives', 'indicators'];

/** How many items were gathered in all (zero: the page says there is nothing yet). */
export function countGathered(items: GatheredItems): number {
  return ORDER.reduce((sum, kind) => sum + (items[kind]?.length ?? 0), 0);
}

function cardsOf(items: GatheredItems, kind: Kind): ReactNode[] {
  switch (kind) {
    case 'articles':
      return (items.articles ?? []).map((article) => <ArticleCard key={article.id} article={article} withImage={false} />);
    case 'documents':
      return (items.documents ?? []).map((document) => <DocumentCard key={document.id} document={document} />);
    case 'events':
      return (items.events ?? []).map((event) => <EventCard key={event.id} event={event} />);
    case 'initiatives':
      return (items.initiatives ?? []).map((initiative) => <InitiativeCard key={initiative.id} initiative={initiative} />);
    case 'indicators':
      return (items.indicators ?? []).map((indicator) => <IndicatorCard key={indicator.id} indicator={indicator} />);
  }
}

/**
 * One section of cards per kind that has items and a heading, always in the same order (news,
 * documents, events, initiatives, statistics): the body of topic, economy and initiative pages.
 */
export function GatheredSections({ items, headings }: { items: GatheredItems; headings: Partial<Record<Kind, GatheredHeading>> }) {
  return (
    <>
      {ORDER.map((kind) => {
        const heading = headings[kind];
        const cards = cardsOf(items, kind);
        if (!heading || cards.length === 0) return null;
        return (
          <Section key={kind} title={heading.title} moreHref={heading.moreHref} moreLabel={heading.moreLabel}>
            <CardGrid>{cards}</CardGrid>
          </Section>
        );
      })}
    </>
  );
}
