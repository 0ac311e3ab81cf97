import { z } from 'zod';
import { EconomyCode, Marking, Uuid } from './core';
import { singleLine } from './single-line';

/** IATI activity status codes 1–6, in order. */
export const ACTIVITY_STATUSES = ['pipeline', 'implementation', 'finalisation', 'closed', 'cancelled', 'suspended'] as const;
export const ActivityStatus = z.enum(ACTIVITY_STATUSES);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

/** IATI organisation roles 1–4, in order. */
export const ORGANISATION_ROLES = ['funding', 'accountable', 'extending', 'implementing'] as const;
export const OrganisationRole = z.enum(ORGANISATION_ROLES);
export type OrganisationRole = z.infer<typeof OrganisationRole>;

/** IATI transaction types 2, 3 and 4. */
export const TRANSACTION_TYPES = ['commitment', 'disbursement', 'expenditure'] as const;
export const TransactionType = z.enum(TRANSACTION_TYPES);
export type TransactionType = z.infer<typeof TransactionType>;

/** IATI organisation type codes a reporting organisation may have. */
export const ORGANISATION_TYPES = ['10', '15', '21', '22', '23', '30', '40', '60', '70', '80', '90'] as const;
export const OrganisationType = z.enum(ORGANISATION_TYPES);

/** OECD DAC purpose codes of security work (CRS, sector vocabulary 1). */
export const DAC_SECTORS = ['15210', '15220', '15240', '15250', '15130', '15113', '15160', '15180', '15190', '16063', '15110'] as const;
export const DacSector = z.enum(DAC_SECTORS);
export type DacSector = z.infer<typeof DacSector>;

export const TARGET_GROUPS = [
  'police_officers', 'prosecutors', 'judges', 'border_guards', 'customs_officers', 'prison_staff', 'youth', 'returnees',
  'victims', 'women', 'civil_society', 'local_communities', 'policy_makers', 'migrants',
] as const;
export const TargetGroup = z.enum(TARGET_GROUPS);
export type TargetGroup = z.infer<typeof TargetGroup>;

export const NARRATIVE_LANGUAGES = ['en', 'sr-Latn', 'sr-Cyrl', 'mk', 'sq'] as const;
export const NarrativeLanguage = z.enum(NARRATIVE_LANGUAGES);
export type NarrativeLanguage = z.infer<typeof NarrativeLanguage>;

export const RESULT_TYPES = ['output', 'outcome', 'impact'] as const;
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');
const IsoDate = z.iso.date();
const Amount = z.number().finite().min(0).max(1e12);

const Narrative = z.object({ lang: NarrativeLanguage, text: singleLine().trim().min(1).max(300) }).strict();
const LongNarrative = z.object({ lang: NarrativeLanguage, text: z.string().trim().min(1).max(6000) }).strict();
const OrgName = singleLine().trim().min(1).max(200);
const OrgRef = singleLine().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{1,99}$/, 'an organisation identifier such as XM-DAC-41114');

export const ActivityInput = z
  .object({
    /** The IATI activity identifier: the reporting organisation's identifier, a hyphen, its own code. */
    identifier: singleLine().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{2,149}$/, 'an IATI identifier such as XM-DAC-41114-00123'),
    reportingOrg: z.object({ ref: OrgRef, name: OrgName, type: OrganisationType }).strict(),
    title: z.array(Narrative).min(1).max(5),
    /** IATI 2.03 requires a description: an activity without one would export an invalid file. */
    description: z.array(LongNarrative).min(1, 'describe the activity in at least one language').max(5),
    participatingOrgs: z.array(z.object({ role: OrganisationRole, name: OrgName, ref: OrgRef.nullable().default(null) }).strict()).min(1).max(30),
    status: ActivityStatus,
    plannedStart: IsoDate,
    plannedEnd: IsoDate,
    actualStart: IsoDate.nullable().default(null),
    actualEnd: IsoDate.nullable().default(null),
    /** Percentages must add up to 100. */
    recipientEconomies: z.array(z.object({ code: EconomyCode, percentage: z.number().min(0).max(100) }).strict()).min(1).max(20),
    locations: z
      .array(
        z
          .object({
            name: singleLine().trim().min(1).max(200),
            economy: EconomyCode,
            point: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).strict().nullable().default(null),
            adminArea: singleLine().trim().max(200).nullable().default(null),
          })
          .strict(),
      )
      .max(50)
      .default([]),
    sectors: z.array(DacSector).max(11).default([]),
    /** Slugs of the portal's topics. */
    topics: z.array(singleLine().regex(/^[a-z0-9-]{1,80}$/)).max(20).default([]),
    targetGroups: z.array(TargetGroup).max(14).default([]),
    budgets: z
      .array(z.object({ periodStart: IsoDate, periodEnd: IsoDate, value: Amount, currency: Currency, valueDate: IsoDate }).strict())
      .max(50)
      .default([]),
    transactions: z
      .array(z.object({ type: TransactionType, date: IsoDate, value: Amount, currency: Currency, providerOrg: OrgName.nullable().default(null), receiverOrg: OrgName.nullable().default(null) }).strict())
      .max(200)
      .default([]),
    contacts: z
      .array(z.object({ organisation: OrgName.nullable().default(null), person: OrgName.nullable().default(null), email: z.email().max(200).nullable().default(null), telephone: singleLine().max(40).nullable().default(null) }).strict())
      .max(10)
      .default([]),
    documents: z.array(z.object({ title: singleLine().trim().min(1).max(300), url: z.url({ protocol: /^https?$/ }).max(1000), format: singleLine().regex(/^[a-z]+\/[a-z0-9.+-]+$/) }).strict()).max(30).default([]),
    results: z
      .array(
        z
          .object({
            type: z.enum(RESULT_TYPES),
            title: singleLine().trim().min(1).max(300),
            indicators: z
              .array(
                z
                  .object({
                    title: singleLine().trim().min(1).max(300),
                    measure: z.enum(['unit', 'percentage']),
                    baseline: z.object({ year: z.number().int().min(1990).max(2100), value: z.number().finite() }).strict().nullable().default(null),
                    target: z.object({ periodStart: IsoDate, periodEnd: IsoDate, value: z.number().finite() }).strict().nullable().default(null),
                  })
                  .strict(),
              )
              .max(20)
              .default([]),
          })
          .strict(),
      )
      .max(20)
      .default([]),
    /** Public activities are on the portal; the others carry a marking and are read as it allows. */
    visibility: z.discriminatedUnion('public', [z.object({ public: z.literal(true) }).strict(), z.object({ public: z.literal(false), marking: Marking }).strict()]),
  })
  .strict();
export type ActivityInput = z.infer<typeof ActivityInput>;

export const ActivitySaveInput = z
  .object({
    activity: ActivityInput,
    /** The ids of the overlapping activities the author was shown and acknowledged. */
    acknowledgedOverlaps: z.array(Uuid).max(100).default([]),
  })
  .strict();
export type ActivitySaveInput = z.infer<typeof ActivitySaveInput>;

/** A draft as it is being written: every field may still be missing. */
export const OverlapInput = z
  .object({
    excludeId: Uuid.nullable().default(null),
    title: z.array(z.string().max(300)).max(5).default([]),
    description: z.array(z.string().max(6000)).max(5).default([]),
    recipientEconomies: z.array(z.object({ code: EconomyCode, percentage: z.number().min(0).max(100) }).strict()).max(20).default([]),
    plannedStart: IsoDate.nullable().default(null),
    plannedEnd: IsoDate.nullable().default(null),
    topics: z.array(z.string().max(80)).max(20).default([]),
    targetGroups: z.array(TargetGroup).max(14).default([]),
    sectors: z.array(DacSector).max(11).default([]),
    implementers: z.array(z.string().max(200)).max(30).default([]),
  })
  .strict();
export type OverlapInput = z.infer<typeof OverlapInput>;

export const ActivitySummary = z.object({
  id: Uuid,
  identifier: z.string(),
  title: z.string(),
  reportingOrg: z.string(),
  ownerOrganisation: z.string(),
  implementers: z.array(z.string()),
  status: ActivityStatus,
  plannedStart: z.string(),
  plannedEnd: z.string(),
  economies: z.array(z.string()),
  topics: z.array(z.string()),
  budgetEur: z.number(),
  public: z.boolean(),
});
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const OVERLAP_REASONS = ['economy', 'dates', 'topics', 'target_groups', 'sectors', 'text', 'implementer'] as const;
export const OverlapReason = z.object({ code: z.enum(OVERLAP_REASONS), weight: z.number(), shared: z.array(z.string()) });
export type OverlapReason = z.infer<typeof OverlapReason>;

export const Overlap = z.object({ activity: ActivitySummary, score: z.number(), reasons: z.array(OverlapReason) });
export type Overlap = z.infer<typeof Overlap>;
export const OverlapList = z.object({ threshold: z.number(), items: z.array(Overlap) });
export type OverlapList = z.infer<typeof OverlapList>;

export const Activity = ActivityInput.safeExtend({
  id: Uuid,
  ownerOrganisation: z.object({ id: Uuid, name: z.string() }),
  budgetEur: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  acknowledgements: z.array(z.object({ at: z.string(), by: z.string(), shown: z.array(z.object({ id: Uuid, score: z.number() })) })),
  abilities: z.object({ update: z.boolean() }),
});
export type Activity = z.infer<typeof Activity>;

export const ActivityListQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    q: singleLine().max(200).optional(),
    economy: z.union([EconomyCode, z.array(EconomyCode).max(20)]).optional(),
    topic: z.union([z.string().max(80), z.array(z.string().max(80)).max(20)]).optional(),
    status: z.union([ActivityStatus, z.array(ActivityStatus).max(6)]).optional(),
    organisation: singleLine().max(200).optional(),
  })
  .strict();
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;
export const ActivityPage = z.object({ items: z.array(ActivitySummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type ActivityPage = z.infer<typeof ActivityPage>;

export const ActivityIdParams = z.object({ id: Uuid }).strict();

export const BoardPair = z.object({ a: ActivitySummary, b: ActivitySummary, score: z.number(), reasons: z.array(OverlapReason) });
export const Board = z.object({ pairs: z.array(BoardPair) });
export type Board = z.infer<typeof Board>;

export const ThreeW = z.object({
  matrix: z.array(z.object({ organisation: z.string(), economy: z.string(), topic: z.string(), count: z.number().int() })),
  byEconomy: z.array(z.object({ economy: z.string(), count: z.number().int(), budgetEur: z.number() })),
  funding: z.object({
    byDonor: z.array(z.object({ key: z.string(), budgetEur: z.number() })),
    byTopic: z.array(z.object({ key: z.string(), budgetEur: z.number() })),
    byEconomy: z.array(z.object({ key: z.string(), budgetEur: z.number() })),
  }),
  timeline: z.array(z.object({ id: Uuid, title: z.string(), organisation: z.string(), start: z.string(), end: z.string(), status: ActivityStatus })),
  total: z.number().int(),
});
export type ThreeW = z.infer<typeof ThreeW>;

export const Rate = z.object({ currency: z.string(), year: z.number().int(), rate: z.number(), source: z.string(), updatedAt: z.string() });
export type Rate = z.infer<typeof Rate>;
export const RateList = z.object({ items: z.array(Rate), abilities: z.object({ manage: z.boolean() }) });
export type RateList = z.infer<typeof RateList>;
/** The euro is the base of every rate: it has none of its own. */
export const RateParams = z.object({ currency: Currency.refine((code) => code !== 'EUR', 'the euro is the base currency'), year: z.coerce.number().int().min(1999).max(2100) }).strict();
/** Units of the currency per euro, as the annual average. */
export const RateInput = z.object({ rate: z.number().positive().max(1e6), source: singleLine().trim().min(5).max(300) }).strict();
export type RateInput = z.infer<typeof RateInput>;

export const RegistryOptions = z.object({
  topics: z.array(z.object({ slug: z.string(), name: z.string() })),
  economies: z.array(z.string()),
  currencies: z.array(z.string()),
  markingChoices: z.object({ organisations: z.array(z.object({ id: Uuid, name: z.string() })), sharingGroups: z.array(z.object({ id: Uuid, name: z.string() })) }),
  ownOrganisation: z.object({ id: Uuid, name: z.string() }),
});
export type RegistryOptions = z.infer<typeof RegistryOptions>;

/** Why an activity of an imported file was refused. */
export const IATI_REFUSAL_KINDS = ['schema', 'duplicateInFile', 'alreadyRegistered', 'invalid', 'rule'] as const;

export const IatiImportInput = z.object({ xml: z.string().min(1).max(5_000_000) }).strict();
export const IatiImportReport = z.object({
  taken: z.array(z.object({ index: z.number().int(), identifier: z.string(), id: Uuid })),
  refused: z.array(z.object({
    index: z.number().int(),
    identifier: z.string().nullable(),
    /** Each reason as one line of English text, for logs and scripts. */
    reasons: z.array(z.string()),
    /** The same reasons by field and kind, for the web page to translate; `detail` is the validator's own text. */
    problems: z.array(z.object({ path: z.string(), kind: z.enum(IATI_REFUSAL_KINDS), detail: z.string() })),
  })),
});
export type IatiImportReport = z.infer<typeof IatiImportReport>;
