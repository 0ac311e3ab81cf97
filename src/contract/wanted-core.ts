import { z } from 'zod';
import { Classification, EconomyCode, Marking, PageQuery, Tlp, Uuid } from './core';
import { ACTION_CODES, LINK_RELATIONS } from './wanted-actions';
import { singleLine } from './single-line';

export const PERSON_KINDS = ['person_arrest', 'person_missing_adult', 'person_missing_minor', 'person_locate', 'person_check'] as const;
export const OBJECT_KINDS = ['vehicle', 'firearm', 'document', 'object'] as const;
export const WANTED_KINDS = [...PERSON_KINDS, ...OBJECT_KINDS] as const;
/** What the alert is about: a person wanted for arrest, missing, to be located or checked; or an object. */
export const WantedKind = z.enum(WANTED_KINDS);
export type WantedKind = z.infer<typeof WantedKind>;
export const ObjectKind = z.enum(OBJECT_KINDS);
export type ObjectKind = z.infer<typeof ObjectKind>;

export function isPersonKind(kind: WantedKind): boolean {
  return (PERSON_KINDS as readonly string[]).includes(kind);
}

export const ALERT_STATUSES = ['active', 'withdrawn', 'expired'] as const;
/** `expired` is computed: an active alert past its validity is expired. */
export const AlertStatus = z.enum(ALERT_STATUSES);
export type AlertStatus = z.infer<typeof AlertStatus>;

export const IDENTIFIER_KINDS = ['vin', 'plate', 'serial', 'document', 'other'] as const;
export const IdentifierKind = z.enum(IDENTIFIER_KINDS);

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const IsoDateTime = z.iso.datetime({ offset: true });
const shortText = singleLine().trim().max(200);

/**
 * The fields of an alert, flat so that a form and a CSV row carry the same thing; which
 * ones are required depends on the kind (the service checks).
 */
export const AlertFields = z
  .object({
    /**
     * The coded action on a hit (SIS/SIRENE style), one of those allowed for the kind (see
     * docs/wanted.md); defaults to the kind's first. An unknown or unfit code is a 422.
     */
    actionCode: singleLine().trim().max(60).optional(),
    /** A free-text addition to the coded action (what exactly to do, whom to call). */
    actionToTake: z.string().trim().max(1000).optional(),
    /** Reference of the arrest warrant or court order (required for persons wanted for arrest). */
    warrantReference: shortText.optional(),
    remarks: z.string().trim().max(4000).optional(),
    /** When the alert should be reviewed; a reminder goes to the desk before it. */
    reviewAt: IsoDateTime.optional(),
    /** The person's name as written, in any script. */
    name: singleLine().max(200).optional(),
    /** Other names the person is known by. */
    aliases: z.array(singleLine().max(200)).max(20).optional(),
    dateOfBirth: IsoDate.optional(),
    nationality: EconomyCode.optional(),
    /** The person's sex, when known. */
    sex: z.enum(['female', 'male']).optional(),
    /** Height, build, hair, eyes, scars, tattoos… */
    physicalDescription: z.string().trim().max(2000).optional(),
    /** Languages the person speaks, as ISO 639-1 codes (e.g. sr, sq, en). */
    languages: z.array(z.string().trim().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code such as sr')).max(10).optional(),
    /**
     * SIS "misused identity": the identity in this alert is used by someone else; the person
     * before the officer may be its victim, not the wanted person.
     */
    identityMisused: z.boolean().optional(),
    /** A person's travel or identity document number, or the number of a wanted document. */
    documentNumber: shortText.optional(),
    vin: shortText.optional(),
    plate: shortText.optional(),
    make: shortText.optional(),
    model: shortText.optional(),
    colour: shortText.optional(),
    serial: shortText.optional(),
    calibre: shortText.optional(),
    firearmType: shortText.optional(),
    documentType: shortText.optional(),
    issuingEconomy: EconomyCode.optional(),
    description: z.string().trim().max(2000).optional(),
    /** Identifiers of another object (serial numbers, engravings, IMEI…). */
    identifiers: z.array(shortText).max(20).optional(),
  })
  .strict();
export type AlertFields = z.infer<typeof AlertFields>;

export const AlertCreateInput = AlertFields.extend({
  kind: WantedKind,
  /** A wanted-persons desk of the user's economy that the user belongs to. */
  issuingDeskId: Uuid,
  /** Defaults to now. */
  validFrom: IsoDateTime.optional(),
  validUntil: IsoDateTime,
  /** Required: who may read the alert in full. Everyone else screening gets a hit only. */
  marking: Marking,
}).strict();
export type AlertCreateInput = z.infer<typeof AlertCreateInput>;

export const AlertUpdateInput = AlertFields.partial().extend({ marking: Marking.optional() }).strict();
export type AlertUpdateInput = z.infer<typeof AlertUpdateInput>;

export const AlertExtendInput = z.object({ validUntil: IsoDateTime, reviewAt: IsoDateTime.optional() }).strict();
export type AlertExtendInput = z.infer<typeof AlertExtendInput>;

export const AlertWithdrawInput = z.object({ reason: z.string().trim().min(3).max(1000) }).strict();
export type AlertWithdrawInput = z.infer<typeof AlertWithdrawInput>;

export const DeskRef = z.object({ id: Uuid, economy: z.string(), area: z.string(), name: z.string() });
export type DeskRef = z.infer<typeof DeskRef>;

/** Exactly who can read the alert in full, spelled out. */
export const Recipients = z.object({
  ownerOrganisation: z.object({ id: Uuid, name: z.string() }),
  economies: z.array(z.object({ code: z.string(), name: z.string() })),
  organisations: z.array(z.object({ id: Uuid, name: z.string() })),
  sharingGroups: z.array(z.object({ id: Uuid, name: z.string() })),
  /** True when TLP CLEAR/GREEN with nothing listed: every operational user. */
  everyone: z.boolean(),
  /** At least this clearance is needed besides. */
  minimumClearance: Classification,
});
export type Recipients = z.infer<typeof Recipients>;

export const AlertSummary = z.object({
  id: Uuid,
  reference: z.string(),
  kind: WantedKind,
  status: AlertStatus,
  /** The person's name, or the object's main identifier. */
  label: z.string(),
  issuingDesk: DeskRef,
  validUntil: z.string(),
  tlp: Tlp,
  classification: Classification,
  /** Economies the alert is released to (empty: see the TLP). */
  releasableEconomies: z.array(z.string()),
});
export type AlertSummary = z.infer<typeof AlertSummary>;

export const AlertPage = z.object({ items: z.array(AlertSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type AlertPage = z.infer<typeof AlertPage>;

export const AlertListQuery = PageQuery.extend({
  kind: WantedKind.optional(),
  status: AlertStatus.optional(),
  /** Part of a name (any script) or an identifier. */
  q: singleLine().trim().max(200).optional(),
}).strict();
export type AlertListQuery = z.infer<typeof AlertListQuery>;

export const PhotoView = z.object({ id: Uuid, contentType: z.string(), byteSize: z.number().int(), createdAt: z.string() });

export const AlertView = AlertSummary.extend({
  validFrom: z.string(),
  reviewAt: z.string().nullable(),
  actionCode: z.enum(ACTION_CODES),
  /** The free-text addition to the coded action ('' when none). */
  actionToTake: z.string(),
  warrantReference: z.string().nullable(),
  remarks: z.string(),
  name: z.string().nullable(),
  aliases: z.array(z.string()),
  dateOfBirth: z.string().nullable(),
  nationality: z.string().nullable(),
  sex: z.enum(['female', 'male']).nullable(),
  physicalDescription: z.string().nullable(),
  languages: z.array(z.string()),
  identityMisused: z.boolean(),
  /** Links to other alerts, both ways, only those whose other alert the viewer may read. */
  links: z.array(z.object({ id: Uuid, relation: z.enum(LINK_RELATIONS), alert: AlertSummary })),
  /** Kind-specific attributes as entered (make, model, colour, calibre…). */
  attributes: z.record(z.string(), z.string()),
  identifiers: z.array(z.object({ kind: IdentifierKind, value: z.string(), normalized: z.string() })),
  photos: z.array(PhotoView),
  marking: Marking.extend({ ownerOrganisationId: Uuid, ownerEconomy: z.string() }),
  recipients: Recipients,
  withdrawnReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({
    'wanted.alert.update': z.boolean(),
    'wanted.alert.extend': z.boolean(),
    'wanted.alert.withdraw': z.boolean(),
  }),
});
export type AlertView = z.infer<typeof AlertView>;

export const AlertIdParams = z.object({ id: Uuid }).strict();
export const PhotoParams = z.object({ id: Uuid, photoId: Uuid }).strict();
/** `size=thumb`: a small JPEG for the screening card (the same policy and audit as the photo). */
export const PhotoQuery = z.object({ size: z.enum(['thumb']).optional() }).strict();

/** Recipients a marking would reach, before the alert is saved. */
export const RecipientsPreviewInput = z.object({ marking: Marking }).strict();


/**
 * A bulk import: every row gets the batch's desk and marking. Valid rows are imported in
 * one transaction; every rejected row is reported with its line and reasons.
 */
export const ImportInput = z
  .object({
    issuingDeskId: Uuid,
    marking: Marking,
    format: z.enum(['csv', 'json']),
    /** CSV text with a header row (format csv), or a JSON array of rows (format json). */
    content: z.string().min(1).max(900_000),
  })
  .strict();
export type ImportInput = z.infer<typeof ImportInput>;

export const ImportReport = z.object({
  imported: z.number().int(),
  references: z.array(z.string()),
  rejected: z.array(z.object({ line: z.number().int(), reasons: z.array(z.string()) })),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** What the create form offers: the user's issuing desks and every possible recipient of a marking. */
export const MarkingOptions = z.object({
  /** Desks of the user's economy that the user belongs to. */
  issuingDesks: z.array(DeskRef),
  economies: z.array(z.object({ code: z.string(), name: z.string() })),
  organisations: z.array(z.object({ id: Uuid, name: z.string(), economy: z.string() })),
  sharingGroups: z.array(z.object({ id: Uuid, name: z.string() })),
});
export type MarkingOptions = z.infer<typeof MarkingOptions>;

export const PhotoAdded = PhotoView;

export const CSV_COLUMNS = [
  'kind', 'name', 'aliases', 'date_of_birth', 'nationality', 'sex', 'physical_description', 'languages', 'identity_misused', 'document_number', 'vin', 'plate', 'make', 'model', 'colour',
  'serial', 'calibre', 'firearm_type', 'document_type', 'issuing_economy', 'description', 'identifiers', 'valid_from',
  'valid_until', 'review_at', 'action_code', 'action_to_take', 'warrant_reference', 'remarks',
] as const;
