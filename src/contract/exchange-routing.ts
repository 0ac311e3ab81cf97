import { z } from 'zod';
import { EconomyCode, Marking, Uuid } from './core';
import { singleLine } from './single-line';

/** Where a routed item stands at the sender economy's contact-point desk. */
export const ROUTE_STATES = ['pending', 'clarification_requested', 'forwarded', 'returned'] as const;
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

/** The parts of a settings change that let more people read marked items; such a change waits for a second person. */
export const SETTINGS_WIDENINGS = ['contactDeskId', 'rules', 'approval.classification', 'approval.tlp', 'approval.approverScope'] as const;
export const SettingsWidening = z.enum(SETTINGS_WIDENINGS);
export type SettingsWidening = z.infer<typeof SettingsWidening>;

export const SETTINGS_APPROVAL_REFUSALS = ['proposer', 'own_desk', 'contact_point'] as const;
export type SettingsApprovalRefusal = (typeof SETTINGS_APPROVAL_REFUSALS)[number];

/** The stable codes of the settings' refusals: the problem's `code` is `exchange.settings.<code>`; the web app translates each. */
export const SETTINGS_PROBLEM_CODES = [
  'not_reviewer',
  'not_manager',
  'invalid',
  'proposal_waiting',
  'no_proposal',
  'changed_since_proposal',
  'proposal_invalid',
  ...SETTINGS_APPROVAL_REFUSALS.map((refusal) => `refused_${refusal}` as const),
] as const;
export type SettingsProblemCode = (typeof SETTINGS_PROBLEM_CODES)[number];
export const SETTINGS_PROBLEM_PREFIX = 'exchange.settings.';

/** The codes of the field problems of an invalid change (`errors[].code`). */
export const SETTINGS_FIELD_CODES = ['desk_unknown', 'desk_foreign', 'desk_inactive', 'area_unknown', 'area_duplicate'] as const;
export type SettingsFieldCode = (typeof SETTINGS_FIELD_CODES)[number];

/** A change that widens who reads, waiting for a second person's approval (one per economy at a time). */
export const SettingsProposal = z.object({
  proposal: EconomySettingsInput,
  /** The proposed contact-point desk (the police cooperation desk when none is chosen). */
  contactDesk: Desk.nullable(),
  widens: z.array(SettingsWidening),
  proposedBy: z.object({ id: Uuid, name: z.string() }),
  proposedAt: z.string(),
  abilities: z.object({ approve: z.boolean(), reject: z.boolean() }),
  /** Why this user may not approve it: they proposed it, it opens their own desk, or it lets contact points like them read more. */
  approvalRefusal: z.enum(SETTINGS_APPROVAL_REFUSALS).nullable(),
});
export type SettingsProposal = z.infer<typeof SettingsProposal>;

export const EconomySettings = z.object({
  economy: z.string(),
  contactDesk: Desk.nullable(),
  /** Whether the contact desk is set explicitly (false: the police cooperation desk by default). */
  contactDeskChosen: z.boolean(),
  approval: ApprovalLevel,
  rules: z.array(RoutingRule),
  updatedAt: z.string().nullable(),
  /** The waiting change, if any. */
  pending: SettingsProposal.nullable(),
  /** Whether this user may change the settings (its own economy's administrators and contact points). */
  abilities: z.object({ update: z.boolean() }),
  /** What the form offers: the economy's desks (active or not) and the crime areas (portal topics). */
  choices: z.object({
    desks: z.array(Desk.extend({ active: z.boolean() })),
    crimeAreas: z.array(z.object({ slug: z.string(), names: z.record(z.string(), z.string()) })),
  }),
});
export type EconomySettings = z.infer<typeof EconomySettings>;

export const EconomyParams = z.object({ economy: EconomyCode });

/** The contact-point desk's decision on an item that passes it. */
export const RouteDecisionInput = z
  .object({
    /** `clarify` asks the sender a question; the item keeps waiting at the desk until the sender answers. */
    decision: z.enum(['forward', 'return', 'clarify']),
    /** Required when returning (what the sender should change) and when asking (the question). */
    note: singleLine().trim().max(2000).default(''),
    /** The same marking or a narrower one; the item's own when absent. */
    marking: Marking.optional(),
  })
  .strict();
export type RouteDecisionInput = z.infer<typeof RouteDecisionInput>;

/** The sending desk's answer to the contact-point desk's question. */
export const RouteAnswerInput = z.object({ note: z.string().trim().min(1).max(4000) }).strict();
export type RouteAnswerInput = z.infer<typeof RouteAnswerInput>;
