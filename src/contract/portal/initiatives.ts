import { z } from 'zod';
import { EconomyCode } from '../core';
import { ArticleSummary } from './articles';
import { ContentLanguage, EconomyRef, InitiativeRef, Slug, TopicRef } from './common';
import { DocumentSummary } from './documents';
import { EventSummary } from './events';

// ---------------------------------------------------------------------------------------------
// Regional initiatives
// ---------------------------------------------------------------------------------------------

export const InitiativeSummary = z.object({
  id: z.uuid(),
  slug: Slug,
  name: z.string(),
  acronym: z.string().nullable(),
  /** Year founded. */
  founded: z.number().int().nullable(),
  /** Year it ended (historic initiatives), else null. */
  ended: z.number().int().nullable(),
  /** active or historic (succeeded / dissolved). */
  status: z.enum(['active', 'historic']),
  /** Seat (city, economy) of its secretariat, if any. */
  seat: z.string().nullable(),
  memberEconomies: z.array(EconomyCode),
  /** Members outside the region's economies, as the secretariat words them (or null). */
  otherMembers: z.string().nullable(),
  topics: z.array(TopicRef),
});
export type InitiativeSummary = z.infer<typeof InitiativeSummary>;

export const Initiative = InitiativeSummary.extend({
  /** Mandate (plain text, English). */
  mandate: z.string(),
  /** Public website. */
  website: z.string().nullable(),
  /** Members beyond the region's economies (states and organisations), free text. */
  otherMembers: z.string().nullable(),
  /** The body this one operates under (e.g. SEESAC under RCC/UNDP). */
  parent: InitiativeRef.nullable(),
  /** What replaced it (Stability Pact → RCC). */
  successor: InitiativeRef.nullable(),
  /** Bodies it replaced (inverse of successor). */
  predecessors: z.array(InitiativeRef),
  /** Bodies operating under it (inverse of parent). */
  children: z.array(InitiativeRef),
  related: z.object({
    articles: z.array(ArticleSummary),
    documents: z.array(DocumentSummary),
    events: z.array(EventSummary),
  }),
});
export type Initiative = z.infer<typeof Initiative>;

export const InitiativeListQuery = z.object({
  topic: Slug.optional(),
  economy: EconomyCode.optional(),
  status: z.enum(['active', 'historic', 'all']).default('all'),
  lang: ContentLanguage.optional(),
});
export type InitiativeListQuery = z.infer<typeof InitiativeListQuery>;

export const InitiativeList = z.object({ items: z.array(InitiativeSummary) });
export type InitiativeList = z.infer<typeof InitiativeList>;

/** Membership matrix: initiatives × economies. */
export const MembershipMatrix = z.object({
  /** Column order. */
  economies: z.array(EconomyRef),
  rows: z.array(
    z.object({
      initiative: InitiativeRef,
      status: z.enum(['active', 'historic']),
      /** Economy codes that are members (a cell is true when the code is listed). */
      members: z.array(EconomyCode),
    }),
  ),
});
export type MembershipMatrix = z.infer<typeof MembershipMatrix>;
