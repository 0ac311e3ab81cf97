import { z } from 'zod';
import { singleLine } from '../single-line';
import { PortalUiLanguage, Slug } from './common';

// ---------------------------------------------------------------------------------------------
// Topics
// ---------------------------------------------------------------------------------------------

export const TopicNames = z.object({
  en: singleLine().min(1).max(200),
  'sr-Latn': singleLine().min(1).max(200),
  'sr-Cyrl': singleLine().min(1).max(200),
  sq: singleLine().min(1).max(200),
  mk: singleLine().min(1).max(200),
});
export type TopicNames = z.infer<typeof TopicNames>;

export const Topic = z.object({
  slug: Slug,
  /** Name in the served UI language. */
  name: z.string(),
  /** Names in all five UI languages. */
  names: TopicNames,
  /** Short description (English). */
  description: z.string(),
  /** Number of public items tagged with the topic, by kind. */
  counts: z.object({
    article: z.number().int(),
    document: z.number().int(),
    event: z.number().int(),
    initiative: z.number().int(),
    indicator: z.number().int(),
  }),
});
export type Topic = z.infer<typeof Topic>;

export const TopicList = z.object({ items: z.array(Topic), language: PortalUiLanguage });
export type TopicList = z.infer<typeof TopicList>;

/** Editor input: rename a topic or change its description (portal.taxonomy.manage). */
export const TopicUpdateInput = z
  .object({
    names: TopicNames,
    description: z.string().max(2000),
  })
  .strict();
export type TopicUpdateInput = z.infer<typeof TopicUpdateInput>;
