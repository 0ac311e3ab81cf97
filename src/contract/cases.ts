import { z } from 'zod';
import { Classification, EconomyCode, Marking, Tlp, Uuid } from './core';
import { singleLine } from './single-line';

const line = (max: number) => singleLine().trim().max(max);
const day = z.iso.date();

export const CRIME_AREAS = [
  'drugs',
  'trafficking_in_human_beings',
  'migrant_smuggling',
  'firearms',
  'stolen_vehicles',
  'money_laundering',
  'cybercrime',
  'terrorism',
  'corruption',
  'excise_fraud',
  'environmental_crime',
] as const;
export const CrimeArea = z.enum(CRIME_AREAS);
export type CrimeArea = z.infer<typeof CrimeArea>;

export const CASE_STATUSES = ['open', 'dormant', 'closed'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const ENTITY_KINDS = ['person', 'organisation', 'phone', 'email', 'vehicle', 'document', 'firearm', 'bank_account', 'crypto_address', 'place', 'vessel'] as const;
export const EntityKind = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKind>;

export const RELATIONSHIP_KINDS = ['member_of', 'owns', 'uses', 'called', 'travelled_with', 'paid', 'located_at'] as const;
export const RelationshipKind = z.enum(RELATIONSHIP_KINDS);
export type RelationshipKind = z.infer<typeof RelationshipKind>;

export const TEAM_ROLES = ['lead', 'member', 'observer'] as const;
export const TeamRole = z.enum(TEAM_ROLES);
export type TeamRole = z.infer<typeof TeamRole>;

/** The attributes of each kind of entity, as typed; the server normalises them (`docs/cases.md`). */
const kinds = {
  person: z.object({ name: line(200).min(2), dateOfBirth: day.optional(), placeOfBirth: line(200).optional(), nationality: EconomyCode.optional(), documentNumbers: z.array(line(40).min(3)).max(10).default([]) }).strict(),
  organisation: z.object({ name: line(200).min(2), registrationNumber: line(60).optional(), economy: EconomyCode.optional() }).strict(),
  phone: z.object({ number: line(40).min(3), country: z.string().regex(/^[A-Z]{2}$/).optional() }).strict(),
  email: z.object({ address: line(254).min(3) }).strict(),
  vehicle: z.object({ vin: line(30).optional(), plate: line(20).optional(), make: line(60).optional(), model: line(60).optional() }).strict(),
  document: z.object({ number: line(40).min(3), documentKind: z.enum(['passport', 'identity_card', 'driving_licence', 'residence_permit', 'other']), issuingEconomy: EconomyCode.optional() }).strict(),
  firearm: z.object({ serial: line(40).min(2), make: line(60).optional(), calibre: line(30).optional() }).strict(),
  bank_account: z.object({ iban: line(50).min(5), bic: line(11).optional() }).strict(),
  crypto_address: z.object({ address: line(120).min(20), currency: z.enum(['BTC', 'ETH', 'XMR', 'USDT', 'other']) }).strict(),
  place: z.object({ name: line(200).min(2), latitude: z.number().min(-90).max(90).optional(), longitude: z.number().min(-180).max(180).optional() }).strict(),
  vessel: z.object({ imo: line(12).min(7), name: line(100).optional() }).strict(),
} satisfies Record<EntityKind, z.ZodType>;

export const EntityFields = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), attributes: kinds.person }).strict(),
  z.object({ kind: z.literal('organisation'), attributes: kinds.organisation }).strict(),
  z.object({ kind: z.literal('phone'), attributes: kinds.phone }).strict(),
  z.object({ kind: z.literal('email'), attributes: kinds.email }).strict(),
  z.object({ kind: z.literal('vehicle'), attributes: kinds.vehicle }).strict(),
  z.object({ kind: z.literal('document'), attributes: kinds.document }).strict(),
  z.object({ kind: z.literal('firearm'), attributes: kinds.firearm }).strict(),
  z.object({ kind: z.literal('bank_account'), attributes: kinds.bank_account }).strict(),
  z.object({ kind: z.literal('crypto_address'), attributes: kinds.crypto_address }).strict(),
  z.object({ kind: z.literal('place'), attributes: kinds.place }).strict(),
  z.object({ kind: z.literal('vessel'), attributes: kinds.vessel }).strict(),
]);
export type EntityFields = z.infer<typeof EntityFields>;

export const CaseCreateInput = z
  .object({
    title: line(200).min(3),
    summary: z.string().trim().max(10_000).default(''),
    crimeArea: CrimeArea,
    openedOn: day,
    /** One of the user's desks: it owns the case. */
    ownerDeskId: Uuid,
    /** Required: a case is never saved without its audience (design §8). */
    marking: Marking,
  })
  .strict();
export type CaseCreateInput = z.infer<typeof CaseCreateInput>;

export const CaseStatusInput = z.object({ status: CaseStatus }).strict();
export type CaseStatusInput = z.infer<typeof CaseStatusInput>;

export const CaseEventInput = z
  .object({
    occurredOn: day,
    place: line(200).default(''),
    /** The economy where it took place: the case's route runs through the economies of its events in date order. */
    economy: EconomyCode.nullable().default(null),
    description: line(2000).min(2),
  })
  .strict();
export type CaseEventInput = z.infer<typeof CaseEventInput>;

export const EntityAddInput = z.intersection(EntityFields, z.object({ role: line(100).default(''), marking: Marking }));
export type EntityAddInput = z.infer<typeof EntityAddInput>;

/** A correction of an entity's attributes (the kind stays): normalised and correlated again. */
export const EntityEditInput = z.intersection(EntityFields, z.object({ role: line(100).optional() }));
export type EntityEditInput = z.infer<typeof EntityEditInput>;

export const RelationshipInput = z
  .object({
    fromEntityId: Uuid,
    toEntityId: Uuid,
    kind: RelationshipKind,
    validFrom: day.nullable().default(null),
    validTo: day.nullable().default(null),
    source: line(300).default(''),
  })
  .strict();
export type RelationshipInput = z.infer<typeof RelationshipInput>;

export const TeamMemberInput = z.object({ organisationId: Uuid, role: TeamRole, startsOn: day, endsOn: day.nullable().default(null) }).strict();
export type TeamMemberInput = z.infer<typeof TeamMemberInput>;

export const CaseListQuery = z
  .object({
    crimeArea: CrimeArea.optional(),
    status: CaseStatus.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const DashboardQuery = z.object({ from: day, to: day, crimeArea: CrimeArea.optional() }).strict();
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const IdParams = z.object({ id: Uuid }).strict();
export const CaseMemberParams = z.object({ id: Uuid, memberId: Uuid }).strict();
export const CaseEntityParams = z.object({ id: Uuid, entityId: Uuid }).strict();
export const GraphQuery = z.object({ expand: Uuid.optional() }).strict();

const MarkingView = z.object({ classification: Classification, tlp: Tlp, releasableEconomies: z.array(z.string()), releasableOrganisations: z.array(z.string()), sharingGroups: z.array(z.string()), originatorControl: z.boolean() });

const Desk = z.object({ id: z.string(), name: z.string(), economy: z.string() });

export const CaseSummary = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  crimeArea: CrimeArea,
  status: CaseStatus,
  openedOn: z.string(),
  ownerEconomy: z.string(),
  ownerDesk: Desk,
  classification: Classification,
  tlp: Tlp,
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CasePage = z.object({ items: z.array(CaseSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type CasePage = z.infer<typeof CasePage>;

export const EntityView = z.object({
  /** The entity record (shared by the organisation's cases). */
  entityId: z.string(),
  linkId: z.string(),
  kind: EntityKind,
  label: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  role: z.string(),
  marking: MarkingView,
});
export type EntityView = z.infer<typeof EntityView>;

export const TeamMemberView = z.object({
  id: z.string(),
  organisation: z.object({ id: z.string(), name: z.string(), economy: z.string() }),
  role: TeamRole,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  active: z.boolean(),
});
export type TeamMemberView = z.infer<typeof TeamMemberView>;

export const CaseView = CaseSummary.extend({
  summary: z.string(),
  closedOn: z.string().nullable(),
  statusChangedAt: z.string(),
  marking: MarkingView,
  events: z.array(z.object({ id: z.string(), occurredOn: z.string(), place: z.string(), economy: z.string().nullable(), description: z.string() })),
  entities: z.array(EntityView),
  relationships: z.array(z.object({ id: z.string(), fromEntityId: z.string(), toEntityId: z.string(), kind: RelationshipKind, validFrom: z.string().nullable(), validTo: z.string().nullable(), source: z.string() })),
  team: z.array(TeamMemberView),
  abilities: z.object({ 'cases.case.update': z.boolean(), 'cases.entity.add': z.boolean(), 'cases.team.manage': z.boolean(), 'cases.team.leave': z.boolean() }),
});
export type CaseView = z.infer<typeof CaseView>;

/**
 * One correlation of an entity of this case with an entity of another case. `visibility`
 * says what the reader gets: `full` (they may read the other case), `released` (the holding
 * desk released the entity to their organisation) or `hit` (only that a match exists).
 */
/** `withdrawn`: the holding case no longer holds the entity, so there is nothing to release. */
export const FollowUpState = z.enum(['open', 'released', 'declined', 'withdrawn']);

export const CorrelationView = z.object({
  correlationId: z.string(),
  entityId: z.string(),
  holdingLinkId: z.string(),
  kind: EntityKind,
  basis: z.enum(['identifier', 'name_and_date_of_birth']),
  visibility: z.enum(['full', 'released', 'hit']),
  holdingDesk: Desk,
  reference: z.string(),
  /** Only for `full` and `released`. */
  other: z.object({ caseId: z.string().nullable(), title: z.string().nullable(), label: z.string(), attributes: z.record(z.string(), z.unknown()) }).nullable(),
  followUp: z.object({ id: z.string(), state: FollowUpState }).nullable(),
});
export type CorrelationView = z.infer<typeof CorrelationView>;
export const CorrelationList = z.object({ items: z.array(CorrelationView) });

export const FollowUpInput = z
  .object({
    correlationId: Uuid,
    holdingLinkId: Uuid,
    /** The desk the exchange request goes from; the user's first desk when left out. */
    senderDeskId: Uuid.optional(),
  })
  .strict();
export type FollowUpInput = z.infer<typeof FollowUpInput>;
export const FollowUpDecisionInput = z.object({ decision: z.enum(['release', 'decline']) }).strict();
export type FollowUpDecisionInput = z.infer<typeof FollowUpDecisionInput>;

export const FollowUpView = z.object({
  id: z.string(),
  state: FollowUpState,
  side: z.enum(['holder', 'requester']),
  reference: z.string(),
  kind: EntityKind,
  requester: z.object({ organisation: z.string(), economy: z.string(), name: z.string() }),
  holdingDesk: Desk,
  caseId: z.string().nullable(),
  /** The exchange request to the holding economy's contact point (shown to the requesting side). */
  exchangeItemId: z.string().nullable(),
  createdAt: z.string(),
  canDecide: z.boolean(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;
export const FollowUpList = z.object({ items: z.array(FollowUpView) });

export const GraphView = z.object({
  nodes: z.array(z.object({ id: z.string(), kind: z.union([EntityKind, z.literal('case'), z.literal('hit')]), label: z.string(), caseId: z.string().nullable() })),
  edges: z.array(z.object({ id: z.string(), source: z.string(), target: z.string(), kind: z.union([RelationshipKind, z.literal('linked'), z.literal('correlates')]) })),
});
export type GraphView = z.infer<typeof GraphView>;

const Count = z.object({ key: z.string(), count: z.number().int(), previous: z.number().int(), trendPercent: z.number().nullable() });
export const Dashboard = z.object({
  from: z.string(),
  to: z.string(),
  total: Count,
  byCrimeArea: z.array(Count),
  byEconomy: z.array(Count),
  byMonth: z.array(z.object({ key: z.string(), count: z.number().int() })),
  /** Routes of the cases (origin → transits → destination economies), with the trend; `key` is the path joined by `>`. */
  routes: z.array(Count.extend({ path: z.array(z.string()) })),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const FlaggedValue = z.object({
  key: z.string(),
  kind: z.string(),
  /** Cases of the administrator's own economy that hold the value (never other economies'). */
  caseCount: z.number().int(),
  flaggedAt: z.string(),
  excluded: z.boolean(),
});
export const FlaggedValueList = z.object({ items: z.array(FlaggedValue) });
export const FlaggedKeyInput = z.object({ key: z.string().min(3).max(300) }).strict();

export const CaseOptions = z.object({
  desks: z.array(Desk),
  organisations: z.array(z.object({ id: z.string(), name: z.string(), economy: z.string() })),
  economies: z.array(z.object({ code: z.string(), name: z.string() })),
  sharingGroups: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type CaseOptions = z.infer<typeof CaseOptions>;

/** A case document may be at most this large. */
export const CASE_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const CaseDocumentParams = z.object({ id: Uuid, documentId: Uuid }).strict();

/** A linked document of a case, sealed on the server; its marking is never wider than the case's. */
export const CaseDocument = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
  uploadedBy: z.string(),
  marking: MarkingView,
  canDelete: z.boolean(),
});
export type CaseDocument = z.infer<typeof CaseDocument>;
export const CaseDocumentList = z.object({ items: z.array(CaseDocument) });
export type CaseDocumentList = z.infer<typeof CaseDocumentList>;
