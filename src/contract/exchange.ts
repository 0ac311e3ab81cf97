import { z } from 'zod';
import { Classification, Marking, PageQuery, Tlp, Uuid } from './core';
import { singleLine } from './single-line';
import { ATTACHMENTS_PER_ITEM, RequestSubjects } from './exchange-casework';
import { RouteState } from './exchange-routing';

export const ITEM_KINDS = [
  'information',
  'information_request',
  'police_cooperation_request',
  'mutual_legal_assistance_request',
  'joint_investigation_team',
  'hit_follow_up',
  'notification',
  'retraction',
] as const;
/** What an item is; the requests among them carry a deadline and a state. */
export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

export const REQUEST_KINDS = ['information_request', 'police_cooperation_request', 'mutual_legal_assistance_request', 'hit_follow_up'] as const;
export function isRequestKind(kind: ItemKind): boolean {
  return (REQUEST_KINDS as readonly string[]).includes(kind);
}
/** Kinds a user composes (a retraction is made with the retract action). */
export const COMPOSABLE_KINDS = ITEM_KINDS.filter((kind) => kind !== 'retraction');
export const ComposableKind = z.enum(COMPOSABLE_KINDS as unknown as readonly [ItemKind, ...ItemKind[]]);

export const COOPERATION_KINDS = ['hot_pursuit', 'cross_border_surveillance', 'controlled_delivery', 'other'] as const;
export const CooperationKind = z.enum(COOPERATION_KINDS);
export type CooperationKind = z.infer<typeof CooperationKind>;

export const Urgency = z.enum(['urgent', 'normal']);
export type Urgency = z.infer<typeof Urgency>;
/** Whether the information asked for is in the receiver's own databases (direct) or must be obtained (indirect). */
export const Accessibility = z.enum(['direct', 'indirect']);
export type Accessibility = z.infer<typeof Accessibility>;

export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
/** SIENA handling codes: H0 crime prevention only; H1 not in court without consent; H2 no dissemination without consent; H3 other restrictions (text). */
export const HandlingCode = z.enum(HANDLING_CODES);
export type HandlingCode = z.infer<typeof HandlingCode>;
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'X'] as const;
export const INFORMATION_ACCURACY = [1, 2, 3, 4] as const;

export const REQUEST_STATES = ['sent', 'received', 'accepted', 'clarification_requested', 'answered', 'partly_answered', 'refused', 'withdrawn'] as const;
export const RequestState = z.enum(REQUEST_STATES);
export type RequestState = z.infer<typeof RequestState>;

/** Grounds for refusing a request (Directive (EU) 2023/977 Art. 6). */
export const REFUSAL_GROUNDS = [
  'not_available',
  'no_authorisation',
  'judicial_authorisation_refused',
  'harms_security',
  'jeopardises_investigation',
  'disproportionate',
  'minor_offence',
  'originator_refused',
  'other',
] as const;
export const RefusalGround = z.enum(REFUSAL_GROUNDS);
export type RefusalGround = z.infer<typeof RefusalGround>;

/** What a desk does to a request; each one is allowed only from certain states. */
export const TRANSITIONS = ['accept', 'request_clarification', 'provide_clarification', 'answer', 'answer_partly', 'refuse', 'withdraw'] as const;
export const Transition = z.enum(TRANSITIONS);
export type Transition = z.infer<typeof Transition>;

export const RELEASE_STATES = ['released', 'awaiting_approval', 'awaiting_routing', 'returned'] as const;
export const ReleaseState = z.enum(RELEASE_STATES);
export type ReleaseState = z.infer<typeof ReleaseState>;

/** One line of text: no control characters (the platform's rule). */
const line = (max: number) => singleLine().trim().max(max);
/** Several lines: line breaks and tabs allowed, no other control characters. */
const multiLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^(?:[^\p{Cc}\u202A-\u202E\u2066-\u2069]|[\t\n\r])*$/u, 'no control characters');

export const Evaluation = z
  .object({
    /** Reliability of the source: A always, B mostly, C not, X cannot be assessed. */
    source: z.enum(SOURCE_RELIABILITY),
    /** Accuracy: 1 known true, 2 known to the source, 3 not known to the source, 4 cannot be assessed. */
    accuracy: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  })
  .strict();
export type Evaluation = z.infer<typeof Evaluation>;

export const Handling = z
  .object({
    code: HandlingCode,
    /** Required with H3: the other restrictions. */
    text: line(500).optional(),
  })
  .strict();
export type Handling = z.infer<typeof Handling>;

const ItemContent = {
  /** The recipient desks (one for a request). */
  recipientDeskIds: z.array(Uuid).min(1).max(50),
  subject: line(300).min(3),
  /** Rich text; sanitised on the server. */
  bodyHtml: z.string().max(100_000),
  /** A portal topic slug. */
  crimeArea: z.string().regex(/^[a-z0-9-]{1,60}$/).nullable().default(null),
  urgency: Urgency.default('normal'),
  marking: Marking,
  handling: Handling,
  evaluation: Evaluation,
};

export const ItemCreateInput = z
  .object({
    senderDeskId: Uuid,
    kind: ComposableKind,
    cooperationKind: CooperationKind.nullable().default(null),
    /** For requests: whether the receiver holds the information directly. */
    accessibility: Accessibility.nullable().default(null),
    hitReference: line(40).nullable().default(null),
    ...ItemContent,
    /** Files uploaded for this item (POST /api/exchange/attachments). */
    attachmentIds: z.array(Uuid).max(ATTACHMENTS_PER_ITEM).optional(),
    /** Persons, vehicles and documents a request names: the receiving desk screens them. */
    subjects: RequestSubjects.optional(),
  })
  .strict();
export type ItemCreateInput = z.infer<typeof ItemCreateInput>;

/** A reply goes back to the parent's sender desk (and any others named); a forward to new desks. */
export const ReplyInput = z
  .object({
    senderDeskId: Uuid,
    kind: z.enum(['information', 'notification']).default('information'),
    subject: line(300).min(3),
    bodyHtml: z.string().max(100_000),
    marking: Marking,
    handling: Handling,
    evaluation: Evaluation,
    attachmentIds: z.array(Uuid).max(ATTACHMENTS_PER_ITEM).optional(),
  })
  .strict();
export type ReplyInput = z.infer<typeof ReplyInput>;

export const ForwardInput = z
  .object({
    senderDeskId: Uuid,
    recipientDeskIds: z.array(Uuid).min(1).max(50),
    /** A note from the forwarding desk, shown above the forwarded content. */
    note: multiLine(4000).default(''),
    /** Same as the parent's, or narrower. */
    marking: Marking,
  })
  .strict();
export type ForwardInput = z.infer<typeof ForwardInput>;

export const RecipientsPreviewInput = z
  .object({ senderDeskId: Uuid, recipientDeskIds: z.array(Uuid).min(1).max(50), marking: Marking, parentId: Uuid.optional(), crimeArea: z.string().regex(/^[a-z0-9-]{1,60}$/).nullable().optional() })
  .strict();
export type RecipientsPreviewInput = z.infer<typeof RecipientsPreviewInput>;

export const DeskRef = z.object({ id: Uuid, name: z.string(), economy: z.string(), area: z.string() });
export type DeskRef = z.infer<typeof DeskRef>;

export const RecipientPreview = z.object({
  desks: z.array(DeskRef.extend({ readers: z.number().int() })),
  /** Distinct people on the sender and recipient desks who may read the item under its marking. */
  readers: z.number().int(),
  /** The item would wait for a second person's release approval. */
  needsApproval: z.boolean(),
  /** The sender economy's contact-point desk the item would pass first (routing rule), or null. */
  via: DeskRef.nullable().optional(),
  /** Why the item cannot be sent as it is; empty when it can. */
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type RecipientPreview = z.infer<typeof RecipientPreview>;

export const TransitionInput = z
  .object({
    transition: Transition,
    /** The answer, the question, the clarification or the reason: required except for accept. */
    note: multiLine(20_000).default(''),
    ground: RefusalGround.optional(),
  })
  .strict();
export type TransitionInput = z.infer<typeof TransitionInput>;

export const ReasonInput = z.object({ reason: multiLine(4000).min(3) }).strict();
export type ReasonInput = z.infer<typeof ReasonInput>;

export const ItemIdParams = z.object({ id: Uuid });

export const BOXES = ['inbox', 'sent', 'approvals', 'all'] as const;
export const FLAGS = ['unread', 'due_soon', 'overdue'] as const;
export const ItemListQuery = PageQuery.extend({
  /** One of the user's desks; every desk of the user when absent. */
  deskId: Uuid.optional(),
  box: z.enum(BOXES).default('inbox'),
  flag: z.enum(FLAGS).optional(),
  kind: ItemKind.optional(),
  crimeArea: z.string().max(60).optional(),
  /** The other side's economy. */
  economy: z.string().max(10).optional(),
  q: line(200).optional(),
}).strict();
export type ItemListQuery = z.infer<typeof ItemListQuery>;

export const Deadline = z.object({
  dueAt: z.string().nullable(),
  /** The clock is suspended while clarification is awaited. */
  paused: z.boolean(),
  dueSoon: z.boolean(),
  overdue: z.boolean(),
  /** Milliseconds left (negative when overdue); null when paused or closed. */
  remainingMs: z.number().nullable(),
});
export type Deadline = z.infer<typeof Deadline>;

export const ItemSummary = z.object({
  id: Uuid,
  reference: z.string(),
  threadId: Uuid,
  kind: ItemKind,
  /** Null when the item is retracted and the reader is a recipient. */
  subject: z.string().nullable(),
  senderDesk: DeskRef,
  recipientDesks: z.array(DeskRef),
  urgency: Urgency,
  crimeArea: z.string().nullable(),
  classification: Classification,
  tlp: Tlp,
  state: RequestState.nullable(),
  release: ReleaseState,
  retracted: z.boolean(),
  unread: z.boolean(),
  deadline: Deadline.nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ItemSummary = z.infer<typeof ItemSummary>;

const Facet = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const ItemPage = z.object({
  items: z.array(ItemSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.object({ unread: z.number().int(), dueSoon: z.number().int(), overdue: z.number().int(), awaitingApproval: z.number().int() }),
  facets: z.object({ kind: Facet, crimeArea: Facet, economy: Facet }),
});
export type ItemPage = z.infer<typeof ItemPage>;

export const ItemEvent = z.object({
  id: Uuid,
  itemId: Uuid,
  /** `route_question` / `route_answer`: between the sending desk and its contact-point desk, shown to those two only. */
  kind: z.enum(['transition', 'approval', 'return', 'acknowledgement', 'route_question', 'route_answer']),
  transition: Transition.nullable(),
  fromState: RequestState.nullable(),
  toState: RequestState.nullable(),
  ground: RefusalGround.nullable(),
  note: z.string(),
  desk: DeskRef.nullable(),
  actorName: z.string(),
  at: z.string(),
});
export type ItemEvent = z.infer<typeof ItemEvent>;

export const ItemView = ItemSummary.extend({
  parentId: Uuid.nullable(),
  cooperationKind: CooperationKind.nullable(),
  accessibility: Accessibility.nullable(),
  hitReference: z.string().nullable(),
  /** Null when retracted for this reader. */
  bodyHtml: z.string().nullable(),
  forwardNote: z.string().nullable(),
  marking: Marking,
  handling: z.object({ code: HandlingCode, text: z.string().nullable() }),
  evaluation: z.object({ source: z.enum(SOURCE_RELIABILITY), accuracy: z.number().int() }),
  authorName: z.string(),
  refusalGround: RefusalGround.nullable(),
  retractionReason: z.string().nullable(),
  events: z.array(ItemEvent),
  /** Recipient desks that have acknowledged (a retraction). */
  acknowledgedBy: z.array(z.object({ desk: DeskRef, actorName: z.string(), at: z.string() })),
  /** Who read the item: shown to the sender desk only. */
  readers: z.array(z.object({ name: z.string(), desk: z.string().nullable(), firstReadAt: z.string(), reads: z.number().int() })).nullable(),
  /** The sender economy's contact-point desk this item passes, and its decision. */
  route: z.object({ via: DeskRef, state: RouteState, note: z.string().nullable(), decidedAt: z.string().nullable(), /** This user may answer the desk's question (the sending desk). */ answerable: z.boolean() }).nullable(),
  /** For the originating desk: every onward forward of this item in the thread (desks and times only). */
  onward: z.array(z.object({ from: DeskRef, to: z.array(DeskRef), at: z.string() })).nullable(),
  /** Transitions this user may make now. */
  transitions: z.array(Transition),
  abilities: z.object({
    'exchange.item.reply': z.boolean(),
    'exchange.item.forward': z.boolean(),
    'exchange.item.approve': z.boolean(),
    'exchange.item.retract': z.boolean(),
    'exchange.item.acknowledge': z.boolean(),
    'exchange.item.route': z.boolean(),
  }),
});
export type ItemView = z.infer<typeof ItemView>;

/** An item with the rest of its thread that the user may read, oldest first. */
export const ThreadView = z.object({ item: ItemView, thread: z.array(ItemView) });
export type ThreadView = z.infer<typeof ThreadView>;

export const ComposeOptions = z.object({
  /** The user's own desks, from which they may write. */
  senderDesks: z.array(DeskRef),
  /** Every desk that can be addressed. */
  desks: z.array(DeskRef),
  /** Portal topics, with their names by UI language. */
  crimeAreas: z.array(z.object({ slug: z.string(), names: z.record(z.string(), z.string()) })),
  economies: z.array(z.object({ code: z.string(), name: z.string() })),
  organisations: z.array(z.object({ id: Uuid, name: z.string(), economy: z.string() })),
  sharingGroups: z.array(z.object({ id: Uuid, name: z.string() })),
});
export type ComposeOptions = z.infer<typeof ComposeOptions>;
