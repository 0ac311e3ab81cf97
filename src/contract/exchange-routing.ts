import { z } from 'zod';
import { EconomyCode, Marking, Uuid } from './core';
import { singleLine } from './single-line';

/** Where a routed item stands at the sender economy's contact-point desk. */
export const ROUTE_STATES = ['pending', 'forwarded', 'returned'] as const;
export const RouteState = z.enum(ROUTE_STATES);
export type RouteState = z.infer<typeof RouteState>;

/** Who may give the second person's release approval: a contact point of the author's organisation, or of the author's economy. */
export const APPROVER_SCOPES = ['organisation', 'economy'] as const;
export const ApproverScope = z.enum(APPROVER_SCOPES);
export type ApproverScope = z.infer<typeof ApproverScope>;

export const ROUTING_MODES = ['via_contact_point', 'direct'] as const;
export const RoutingMode = z.enum(ROUTING_MODES);
export type RoutingMode = z.infer<typeof RoutingMode>;

/** `*` stands for every crime area without a rule of its own. */
export const RoutingArea = z.string().regex(/^(\*|[a-z0-9-]{1,60})$/, 'a crime area slug or *');

export const RoutingRule = z.object({ crimeArea: RoutingArea, mode: RoutingMode }).strict();
export type RoutingRule = z.infer<typeof RoutingRule>;

/** The lowest classification and the lowest TLP that need a second person's release; null: none. */
export const ApprovalLevel = z
  .object({
    classification: z.enum(['RESTRICTED', 'CONFIDENTIAL']).nullable(),
    tlp: z.enum(['AMBER', 'AMBER+STRICT', 'RED']).nullable(),
    approverScope: ApproverScope,
  })
  .strict();
export type ApprovalLevel = z.infer<typeof ApprovalLevel>;

export const EconomySettingsInput = z
  .object({
    /** The national contact-point desk routed items pass; null: the economy's police cooperation desk. */
    contactDeskId: Uuid.nullable(),
    approval: ApprovalLevel,
    rules: z.array(RoutingRule).max(200),
  })
  .strict();
export type EconomySettingsInput = z.infer<typeof EconomySettingsInput>;

const Desk = z.object({ id: Uuid, name: z.string(), economy: z.string(), area: z.string() });

export const EconomySettings = z.object({
  economy: z.string(),
  contactDesk: Desk.nullable(),
  /** Whether the contact desk is set explicitly (false: the police cooperation desk by default). */
  contactDeskChosen: z.boolean(),
  approval: ApprovalLevel,
  rules: z.array(RoutingRule),
  updatedAt: z.string().nullable(),
});
export type EconomySettings = z.infer<typeof EconomySettings>;

export const EconomyParams = z.object({ economy: EconomyCode });

/** The contact-point desk's decision on an item that passes it. */
export const RouteDecisionInput = z
  .object({
    decision: z.enum(['forward', 'return']),
    /** Required when returning: what the sender should change. */
    note: singleLine().trim().max(2000).default(''),
    /** The same marking or a narrower one; the item's own when absent. */
    marking: Marking.optional(),
  })
  .strict();
export type RouteDecisionInput = z.infer<typeof RouteDecisionInput>;
