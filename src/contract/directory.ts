import { z } from 'zod';
import { singleLine } from './single-line';
import { DeskArea, EconomyCode, OrganisationKind, PageQuery, Uuid } from './core';

/** A participant of regional cooperation, or a pseudo-economy for regional and international bodies. */
export const EconomyView = z.object({
  /** ISO 3166-1 alpha-2, `XK` for Kosovo*, or `REG` / `INT`. */
  code: z.string(),
  name: z.string(),
  kind: z.enum(['economy', 'regional', 'international']),
});
export type EconomyView = z.infer<typeof EconomyView>;

export const EconomyList = z.object({ items: z.array(EconomyView) });
export type EconomyList = z.infer<typeof EconomyList>;

export const OrganisationView = z.object({
  id: Uuid,
  name: z.string(),
  /** Short form, e.g. SIPA or SELEC. */
  acronym: z.string().nullable(),
  kind: OrganisationKind,
  economy: z.string(),
  website: z.string().nullable(),
  /** What the signed-in user may do with this organisation. */
  abilities: z.record(z.string(), z.boolean()),
});
export type OrganisationView = z.infer<typeof OrganisationView>;

export const OrganisationListQuery = PageQuery.extend({
  economy: EconomyCode.optional(),
  kind: OrganisationKind.optional(),
  /** Part of the name or acronym. */
  q: singleLine().trim().max(100).optional(),
}).strict();
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;

export const OrganisationPage = z.object({
  items: z.array(OrganisationView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type OrganisationPage = z.infer<typeof OrganisationPage>;

export const DeskMemberView = z.object({ id: Uuid, displayName: z.string(), organisation: z.string() });
export type DeskMemberView = z.infer<typeof DeskMemberView>;

/** A contact-point desk: one per (economy, area); messages go to desks, never to persons. */
export const DeskView = z.object({
  id: Uuid,
  economy: z.string(),
  area: DeskArea,
  name: z.string(),
  /** Functional mailbox of the desk, when it has one. */
  email: z.string().nullable(),
  memberCount: z.number().int(),
  /**
   * Who staffs the desk. Only administrators and contact points see the names (they route and
   * hand over work); everyone else sees `null` and the count alone.
   */
  members: z.array(DeskMemberView).nullable(),
  abilities: z.record(z.string(), z.boolean()),
});
export type DeskView = z.infer<typeof DeskView>;

export const DeskListQuery = z
  .object({
    economy: EconomyCode.optional(),
    area: DeskArea.optional(),
  })
  .strict();
export type DeskListQuery = z.infer<typeof DeskListQuery>;

export const DeskList = z.object({ items: z.array(DeskView) });
export type DeskList = z.infer<typeof DeskList>;

/** A named audience for markings: every user of the listed economies and organisations. */
export const SharingGroupView = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string().nullable(),
  economies: z.array(z.string()),
  organisations: z.array(z.object({ id: Uuid, name: z.string(), economy: z.string() })),
  abilities: z.record(z.string(), z.boolean()),
});
export type SharingGroupView = z.infer<typeof SharingGroupView>;

export const SharingGroupList = z.object({ items: z.array(SharingGroupView) });
export type SharingGroupList = z.infer<typeof SharingGroupList>;
