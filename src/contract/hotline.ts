import { z } from 'zod';
import { Classification, DeskArea, Marking, Tlp, Uuid } from './core';
import { DeskRef } from './exchange';
import { singleLine } from './single-line';

export const HOTLINE_KINDS = ['wanted_person_crossed_border', 'firearms_shipment', 'missing_child', 'imminent_threat', 'other'] as const;
/** What an urgent alert is about. */
export const HotlineKind = z.enum(HOTLINE_KINDS);
export type HotlineKind = z.infer<typeof HotlineKind>;

/** Where an alert goes: the chosen desks, or every desk of one area in every economy. */
export const HotlineTarget = z.union([
  z.object({ deskIds: z.array(Uuid).min(1).max(100) }).strict(),
  z.object({ area: DeskArea }).strict(),
]);
export type HotlineTarget = z.infer<typeof HotlineTarget>;

export const HotlineRecipientsInput = z.object({ senderDeskId: Uuid, target: HotlineTarget, marking: Marking }).strict();
export type HotlineRecipientsInput = z.infer<typeof HotlineRecipientsInput>;

/** Exactly which desks and how many people an alert would reach, and why it could not go. */
export const HotlinePreview = z.object({
  desks: z.array(DeskRef.extend({ readers: z.number().int() })),
  readers: z.number().int(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type HotlinePreview = z.infer<typeof HotlinePreview>;

export const HotlineSendInput = z
  .object({
    senderDeskId: Uuid,
    target: HotlineTarget,
    kind: HotlineKind,
    subject: singleLine().trim().min(3).max(200),
    body: z
      .string()
      .trim()
      .min(1)
      .max(4000)
      .regex(/^(?:[^\p{Cc}\u202A-\u202E\u2066-\u2069]|[\t\n\r])*$/u, 'no control characters'),
    /** A portal topic slug. */
    crimeArea: z.string().max(80).nullable().default(null),
    marking: Marking,
  })
  .strict();
export type HotlineSendInput = z.infer<typeof HotlineSendInput>;

export const HotlineAckInput = z.object({ deskId: Uuid }).strict();
export type HotlineAckInput = z.infer<typeof HotlineAckInput>;

export const HotlineIdParams = z.object({ id: Uuid });

export const HotlineListQuery = z.object({
  box: z.enum(['received', 'sent', 'all']).default('all'),
  /** Only alerts one of the user's desks has still to acknowledge. */
  open: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
export type HotlineListQuery = z.infer<typeof HotlineListQuery>;

export const ESCALATION_STEPS = ['members', 'duty_desk', 'email'] as const;
export const EscalationStep = z.enum(ESCALATION_STEPS);
export type EscalationStep = z.infer<typeof EscalationStep>;

export const HotlineDelivery = z.object({
  desk: DeskRef,
  /** `duty`: added by the escalation ladder as the duty desk of `escalatedFor`. */
  via: z.enum(['addressed', 'duty']),
  escalatedFor: DeskRef.nullable(),
  queuedAt: z.string(),
  /** When a browser of the desk first received it live. */
  deliveredAt: z.string().nullable(),
  seenAt: z.string().nullable(),
  seenBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  escalations: z.array(z.object({ step: EscalationStep, at: z.string(), outcome: z.enum(['done', 'skipped']), reached: z.number().int() })),
});
export type HotlineDelivery = z.infer<typeof HotlineDelivery>;

export const HotlineAlert = z.object({
  id: Uuid,
  reference: z.string(),
  kind: HotlineKind,
  subject: z.string(),
  /** Only where its read is audited (the alert itself, a live event); null in lists. */
  body: z.string().nullable(),
  crimeArea: z.string().nullable(),
  area: DeskArea.nullable(),
  classification: Classification,
  tlp: Tlp,
  senderDesk: DeskRef,
  author: z.string(),
  sentAt: z.string(),
  /** Whether the user's desk sent it, received it, or both. */
  sent: z.boolean(),
  received: z.boolean(),
  /** Every desk for the sending desk; for a receiver only its own desks. */
  deliveries: z.array(HotlineDelivery),
  /** The user's desks that have still to acknowledge it. */
  acknowledgeDeskIds: z.array(Uuid),
});
export type HotlineAlert = z.infer<typeof HotlineAlert>;

export const HotlineAlertList = z.object({ items: z.array(HotlineAlert) });
export type HotlineAlertList = z.infer<typeof HotlineAlertList>;

/** The data of one stream event. `alert`: new for the user's desk; `escalation`: still waiting; `update`: a status changed. */
export const HotlineStreamEvent = z.object({ type: z.enum(['alert', 'escalation', 'update']), alert: HotlineAlert });
export type HotlineStreamEvent = z.infer<typeof HotlineStreamEvent>;
